// The OpenAPI document is one a client can be generated from: every operation has a readable, unique
// operationId, a schema for its success body, application/problem+json on every error it can answer (as the
// shape of the route says it can: a body or parameters 400, a token 401/403, a path 404, a write 409/412/503),
// If-Match where writes read it, and no reference outside the document. The checks walk every operation, so
// a new route is held to them without a line here.
import { ACTIONS } from '@ledger/domain';
import { operationsOf, refsOf, resolve, type OpenApiDocument } from './support/openapi';
import { startTestLedger, type TestLedger } from './support/test-app';

/** The first word of every operationId: what the route does. */
const VERBS = [
  'approve',
  'certify',
  'check',
  'close',
  'commit',
  'complete',
  'correct',
  'create',
  'disable',
  'dispute',
  'download',
  'enable',
  'enroll',
  'erase',
  'export',
  'get',
  'grant',
  'hand',
  'identify',
  'list',
  'open',
  'preview',
  'prove',
  'record',
  'refresh',
  'register',
  'reject',
  'revise',
  'revoke',
  'set',
  'sign',
  'start',
  'upload',
  'verify',
  'withdraw',
];

/** Error responses whose body is not a problem, because the route answers with its own document. */
const OWN_ERROR_BODIES = new Set([
  // The health report itself, with status 'unavailable' (monitors read its parts).
  'GET /health 503',
]);

describe('OpenAPI document', () => {
  let ledger: TestLedger;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    ledger = await startTestLedger();
    doc = (await ledger.anonymous().get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => ledger.close());

  it('is served as JSON at /docs-json and as Swagger UI at /docs', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const page = await ledger.anonymous().get('/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
  });

  it('names every operation with a unique verb-first operationId; an action route by its command', () => {
    const routes = operationsOf(doc);
    expect(routes.length).toBeGreaterThanOrEqual(80);
    const unreadable = routes
      .map(({ name, operation }) => [name, operation.operationId] as const)
      .filter(
        ([, id]) =>
          !/^[a-z]+(?:[A-Z0-9][a-z0-9]*)*$/.test(id) || !VERBS.includes(id.split(/(?=[A-Z0-9])/)[0]),
      );
    expect(unreadable).toEqual([]);
    const ids = routes.map((r) => r.operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const actionIds = ACTIONS.flatMap((action) =>
      Object.values(action.commands).map((c) => c.type.charAt(0).toLowerCase() + c.type.slice(1)),
    );
    expect(actionIds.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('gives every operation a success response with a schema (204 none, a redirect its Location)', () => {
    const missing: string[] = [];
    for (const { name, operation } of operationsOf(doc)) {
      const success = Object.entries(operation.responses).filter(([status]) => /^[23]\d\d$/.test(status));
      if (success.length === 0) missing.push(`${name}: no success response`);
      for (const [status, response] of success) {
        if (status === '204') {
          if (response.content) missing.push(`${name} 204: declares a body`);
        } else if (status.startsWith('3')) {
          if (!response.headers?.Location) missing.push(`${name} ${status}: no Location header`);
        } else {
          const media = Object.entries(response.content ?? {});
          if (media.length === 0) missing.push(`${name} ${status}: no content`);
          for (const [type, { schema }] of media)
            if (!schema) missing.push(`${name} ${status} ${type}: no schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every error as application/problem+json, with the statuses the route can answer', () => {
    const problems: string[] = [];
    for (const { name, operation } of operationsOf(doc)) {
      const declared = Object.keys(operation.responses);
      const params = operation.parameters ?? [];
      const writes = params.some((p) => p.in === 'header' && p.name === 'If-Match');
      const expected = new Set(['401', '429']);
      if (operation.security?.length) expected.add('403');
      if (operation.requestBody || params.some((p) => p.in !== 'header') || writes) expected.add('400');
      if (params.some((p) => p.in === 'path')) expected.add('404');
      if (operation.requestBody) ['413', '415'].forEach((s) => expected.add(s));
      if (writes) ['409', '412', '503'].forEach((s) => expected.add(s));
      for (const status of expected)
        if (!declared.includes(status)) problems.push(`${name}: does not declare ${status}`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]/.test(status)) continue;
        const content = response.content ?? {};
        if (OWN_ERROR_BODIES.has(`${name} ${status}`)) {
          if (!Object.values(content).some((m) => m.schema)) problems.push(`${name} ${status}: no schema`);
          continue;
        }
        const schema = content['application/problem+json']?.schema;
        if (schema?.$ref !== '#/components/schemas/ProblemDetails')
          problems.push(`${name} ${status}: not application/problem+json ProblemDetails`);
      }
    }
    expect(problems).toEqual([]);
    const problem = resolve(doc, { $ref: '#/components/schemas/ProblemDetails' });
    expect(problem?.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect(Object.keys(problem?.properties ?? {})).toEqual(expect.arrayContaining(['field', 'errors']));
  });

  it('declares If-Match on every write, and the ETag of the revision where a write or a stream answers with one', () => {
    const routes = operationsOf(doc);
    const writes = routes.filter((r) =>
      r.operation.parameters?.some((p) => p.in === 'header' && p.name === 'If-Match'),
    );
    // Every action route writes through the command context; so do corrections and the four-eyes steps.
    const actionPaths = ACTIONS.flatMap((a) =>
      Object.values(a.commands).map(
        (c) => `POST /${c.route.resource}${c.route.step ? `/{id}/${c.route.step}` : ''}`,
      ),
    );
    const writeNames = writes.map((w) => w.name);
    expect(actionPaths.filter((p) => !writeNames.includes(p))).toEqual([]);
    for (const name of ['POST /corrections', 'POST /events/{id}/verifications', 'POST /report-approvals'])
      expect(writeNames).toContain(name);
    for (const name of [...actionPaths, 'GET /streams/{stream}']) {
      const route = routes.find((r) => r.name === name);
      const success = Object.entries(route?.operation.responses ?? {}).find(([s]) => s.startsWith('2'));
      expect([name, Object.keys(success?.[1].headers ?? {})]).toEqual([
        name,
        expect.arrayContaining(['ETag']),
      ]);
    }
  });

  it('refers only inside itself, and every reference resolves', () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('#/components/schemas/'))).toEqual([]);
    expect(refs.filter((ref) => !resolve(doc, { $ref: ref }))).toEqual([]);
  });
});
