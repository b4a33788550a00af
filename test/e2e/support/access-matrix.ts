// The route x role matrix of the access-control suite, for suites that run it with other tokens (tokens from
// signing in): every route of the OpenAPI document with the roles its 403 response names.
import { randomUUID } from 'node:crypto';
import type { Role } from '@ledger/domain';
import type { TestLedger } from './test-app';
import { DEFAULT_AGENCY } from './tokens';

type Operation = { responses?: Record<string, { description?: string }> };
export type Route = { method: string; path: string; allowed: 'anyone' | Role[] };

export const MATRIX_ROLES: Role[] = ['officer', 'supervisor', 'inspector', 'viewer', 'admin'];

export async function routesOf(ledger: TestLedger): Promise<Route[]> {
  const doc = await ledger.anonymous().get('/docs-json').expect(200);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.body.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item)) {
      const match = /^allowed: ([a-z, ]+)\./.exec(op.responses?.['403']?.description ?? '');
      routes.push({ method, path, allowed: match ? (match[1].split(', ') as Role[]) : 'anyone' });
    }
  }
  return routes;
}

/** A concrete URL for an OpenAPI path: ids become fresh UUIDs, codes and keys known ones. */
export function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (/id$/i.test(name)) return randomUUID();
    if (name === 'code') return DEFAULT_AGENCY;
    if (name === 'key') return 'houses_built';
    if (name === 'ref') return `b-${'0'.repeat(32)}`;
    if (name === 'stream') return `housing-case-${randomUUID()}`;
    return 'x1';
  });
}

export function call(ledger: TestLedger, route: Route, headers?: Record<string, string>) {
  const client = headers ? ledger.http(headers) : ledger.anonymous();
  const method = route.method as 'get' | 'post' | 'delete' | 'put' | 'patch';
  const req = client[method](concrete(route.path));
  return method === 'get' || method === 'delete' ? req : req.send({});
}

/**
 * Every route x role: 401 without a token on a route that needs one, 403 for a role the rule leaves out,
 * past the guard (and never a 500) otherwise. Returns how many calls were made.
 */
export async function expectRouteMatrix(
  ledger: TestLedger,
  routes: Route[],
  headersFor: (role: Role) => Record<string, string>,
): Promise<number> {
  let calls = 0;
  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    const anonymous = await call(ledger, route);
    if (route.allowed === 'anyone') expect([name, anonymous.status]).not.toEqual([name, 401]);
    else expect([name, anonymous.status]).toEqual([name, 401]);
    for (const role of MATRIX_ROLES) {
      const res = await call(ledger, route, headersFor(role));
      const allowed = route.allowed === 'anyone' || route.allowed.includes(role);
      const guard = res.status === 401 || res.status === 403 ? `${res.status} ${res.body.detail}` : 'passes';
      if (allowed) expect([name, role, guard]).toEqual([name, role, 'passes']);
      else expect([name, role, res.status]).toEqual([name, role, 403]);
      expect([name, role, res.status < 500]).toEqual([name, role, true]);
      calls++;
    }
  }
  return calls;
}
