// Small builders of the OpenAPI schemas of read responses whose shapes are TypeScript interfaces (views and
// projection documents) rather than classes, and the decorator that declares one as a route's answer.
import { ApiResponse } from '@nestjs/swagger';
import type { HeadersObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export type { SchemaObject };

export const str = (description?: string): SchemaObject => ({
  type: 'string',
  ...(description ? { description } : {}),
});
export const num = (description?: string): SchemaObject => ({
  type: 'number',
  ...(description ? { description } : {}),
});
export const int = (description?: string): SchemaObject => ({
  type: 'integer',
  ...(description ? { description } : {}),
});
export const bool = (description?: string): SchemaObject => ({
  type: 'boolean',
  ...(description ? { description } : {}),
});
export const oneOfValues = (values: readonly string[], description?: string): SchemaObject => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
export const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
export const arrayOf = (items: SchemaObject, description?: string): SchemaObject => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});

/**
 * An object: every property listed is required unless named in `optional`. `open` lets it carry more
 * properties than listed (a projection document that grows with the plan's definitions).
 */
export function object(
  properties: Record<string, SchemaObject>,
  options: { optional?: readonly string[]; open?: boolean; description?: string } = {},
): SchemaObject {
  const required = Object.keys(properties).filter((name) => !options.optional?.includes(name));
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(options.open ? { additionalProperties: true } : {}),
    ...(options.description ? { description: options.description } : {}),
  };
}

/** A page of documents: the items, and the cursor of the next page when there is one. */
export const page = (item: SchemaObject): SchemaObject =>
  object(
    {
      items: arrayOf(item),
      nextCursor: str('Pass as `cursor` to read the next page; absent on the last page'),
    },
    { optional: ['nextCursor'] },
  );

/** The JSON body of a route's answer (200 unless told), from a schema. */
export const ApiJsonResponse = (
  schema: SchemaObject,
  options: { status?: number; description?: string; headers?: HeadersObject } = {},
) =>
  ApiResponse({
    status: options.status ?? 200,
    description: options.description ?? '',
    schema,
    ...(options.headers ? { headers: options.headers } : {}),
  });
