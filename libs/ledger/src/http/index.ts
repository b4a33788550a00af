// What the HTTP controllers of every feature share: access rules, the caller, the command context and
// response, parameter pipes, the common request classes, the read scope.
export * from './access-rule.decorator';
export * from './rate-limit.decorator';
export * from './authenticated-request';
export * from './code-param.pipe';
export * from './command-context.decorator';
export * from './command-response';
export * from './current-principal.decorator';
export * from './indicator-key.pipe';
export * from './org-unit-as-of.request.dto';
export * from './page.request.dto';
export * from './read-scope';
export * from './record-action.request.dto';
export * from './uuid-param.pipe';
export * from './recorded-reads';
export * from './api-problems.decorator';
export * from './problem-details.response.dto';
export * from './response-schema';
