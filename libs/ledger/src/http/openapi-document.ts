// Builds the OpenAPI document of the API from the routes' decorators, then adds what every route shares and
// no decorator states: the problem+json schema of every error response, the 429 of the rate limits and the
// 401 of a token that does not verify (public routes too), the 413 and 415 of a body. operationIds are the
// routes' own (@ApiOperation); a route that names none gets <method><Controller> (e.g. previewUploads).
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_STATUSES } from './api-problems.decorator';
import { ProblemDetails, PROBLEM_MEDIA_TYPE } from './problem-details.response.dto';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export const PROBLEM_SCHEMA_REF = `#/components/schemas/${ProblemDetails.name}`;

const DESCRIPTION =
  'Records every completed action of the district plan for Resolution 42-NQ/TW as an immutable event. ' +
  'Errors are application/problem+json. Every route states who may call it: public routes need no ' +
  'token; the others need `Authorization: Bearer <token>` issued by `ledger-cli token` (roles officer, ' +
  "supervisor, inspector, viewer, admin; agency; org units). The acting officer is always the token's. " +
  'A write answers with the stream revision as ETag; send it back as If-Match to write only if nobody ' +
  'wrote since (412 otherwise).';

/** What a shared error means where it differs from the route-level meaning. */
const SHARED_DESCRIPTIONS: Partial<Record<keyof typeof PROBLEM_STATUSES, string>> = {
  401: 'A token was sent and does not verify or has expired (this route needs none)',
};

/** The operationId of a route that names none: the method's name, then the controller's. */
export function fallbackOperationId(controllerKey: string, methodKey: string): string {
  return methodKey + controllerKey.replace(/(Http)?Controller$/, '');
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Policy implementation ledger')
      .setDescription(DESCRIPTION)
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemDetails], operationIdFactory: fallbackOperationId },
  );
  return completeResponses(document);
}

/** Adds the responses every route shares and the problem+json body of each error response. */
export function completeResponses(document: OpenAPIObject): OpenAPIObject {
  const problem = document.components?.schemas?.[ProblemDetails.name];
  // Extensions (stream, instead, notReady, ...) may come with a problem, as RFC 9457 allows.
  if (problem && !('$ref' in problem)) problem.additionalProperties = true;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses: Responses = (operation.responses ??= {});
      const shared: (keyof typeof PROBLEM_STATUSES)[] = [429];
      if (!operation.security?.length) shared.push(401);
      if (operation.requestBody) shared.push(400, 413, 415);
      for (const status of shared)
        if (!responses[status])
          responses[status] = { description: SHARED_DESCRIPTIONS[status] ?? PROBLEM_STATUSES[status] };
      for (const [status, response] of Object.entries(responses)) {
        if (!response || !/^[45]\d\d$/.test(status) || '$ref' in response) continue;
        if (response.content && Object.values(response.content).some((media) => media.schema)) continue;
        response.content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF } } };
      }
    }
  }
  return document;
}
