// Reading the API's OpenAPI document in the suites: its operations one by one, $refs resolved, and the request
// example a reader of the document sees (the examples of the body's properties, as Swagger UI composes them).
export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  example?: unknown;
  enum?: unknown[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
}
export interface Media {
  schema?: Schema;
  example?: unknown;
}
export interface Response {
  description?: string;
  content?: Record<string, Media>;
  headers?: Record<string, { schema?: Schema; description?: string }>;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}
export interface Operation {
  operationId: string;
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, Media> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Route {
  method: string;
  path: string;
  operation: Operation;
  /** `POST /housing-cases`, as a failure names the route. */
  name: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation, name: `${method.toUpperCase()} ${path}` })),
  );
}

export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
}

/** Every property of an object schema, those of its allOf parts included. */
export function propertiesOf(doc: OpenApiDocument, schema: Schema | undefined): Record<string, Schema> {
  const own = resolve(doc, schema);
  if (!own) return {};
  return Object.assign({}, ...(own.allOf ?? []).map((part) => propertiesOf(doc, part)), own.properties ?? {});
}

/** The example of a schema: its own, else composed from its properties' or its items' examples. */
export function exampleOf(doc: OpenApiDocument, schema: Schema | undefined): unknown {
  const own = resolve(doc, schema);
  if (!own) return undefined;
  if (own.example !== undefined) return own.example;
  if (own.type === 'array') {
    const item = exampleOf(doc, own.items);
    return item === undefined ? undefined : [item];
  }
  const properties = propertiesOf(doc, own);
  if (Object.keys(properties).length === 0) return undefined;
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const value = exampleOf(doc, property);
    if (value !== undefined) example[name] = value;
  }
  return example;
}

/** The JSON request example of an operation, or undefined when it takes no JSON body. */
export function requestExampleOf(doc: OpenApiDocument, operation: Operation): unknown {
  const media = operation.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  return media.example ?? exampleOf(doc, media.schema);
}

/** Every $ref in the document, wherever it is. */
export function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, out);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') out.push(inner);
      else refsOf(inner, out);
    }
  return out;
}

/**
 * Where a value departs from its schema (type, nullable, enum, required, properties, items; $ref and allOf
 * followed): a list of paths and what is wrong, empty when it fits. Properties a schema does not list are
 * allowed, as OpenAPI allows them unless additionalProperties is false.
 */
export function mismatches(
  doc: OpenApiDocument,
  schema: Schema | undefined,
  value: unknown,
  at = '$',
): string[] {
  const own = resolve(doc, schema);
  if (!own) return [];
  if (own.allOf) return own.allOf.flatMap((part) => mismatches(doc, part, value, at));
  if (value === null) return own.nullable || own.type === undefined ? [] : [`${at}: null, not ${own.type}`];
  if (own.enum && !own.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${own.enum.join(', ')}`];
  const actual = Array.isArray(value) ? 'array' : typeof value;
  const fits: Record<string, boolean> = {
    string: actual === 'string',
    number: actual === 'number',
    integer: Number.isInteger(value),
    boolean: actual === 'boolean',
    array: actual === 'array',
    object: actual === 'object',
  };
  if (own.type && !fits[own.type]) return [`${at}: ${actual}, not ${own.type}`];
  if (actual === 'array')
    return (value as unknown[]).flatMap((item, i) => mismatches(doc, own.items, item, `${at}[${i}]`));
  if (actual !== 'object') return [];
  const object = value as Record<string, unknown>;
  const missing = (own.required ?? [])
    .filter((name) => !(name in object))
    .map((name) => `${at}.${name}: missing`);
  const inner = Object.entries(own.properties ?? {}).flatMap(([name, property]) =>
    name in object && object[name] !== undefined
      ? mismatches(doc, property, object[name], `${at}.${name}`)
      : [],
  );
  return [...missing, ...inner];
}
