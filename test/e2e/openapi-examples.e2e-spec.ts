// Every request example of the OpenAPI document is a valid request: posted to its own route on a fresh app
// (embedded store, the repository's plan seeded), with a token of a role and agency the route allows, it is
// recorded (201), or answered with a status the route documents. A step on a case is posted to a case opened
// with its opening route's own example, after the earlier steps the case needs. Never a 400: an example that
// the API refuses is not an example. The suite walks the document, so a new route's example is posted too.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, type Role } from '@ledger/domain';
import {
  mismatches,
  operationsOf,
  requestExampleOf,
  type OpenApiDocument,
  type Route,
} from './support/openapi';
import { startTestLedger, type TestLedger } from './support/test-app';
import { admin, bearer, inspector } from './support/tokens';

type Headers = Record<string, string>;
type Body = Record<string, unknown>;
interface Answer {
  status: number;
  body: Body;
}

const AGENCIES = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'agencies.json'), 'utf8')) as {
    agencies: { code: string; orgUnit: string }[];
  }
).agencies;

/** The roles a route allows, as its 403 response states them ('anyone' on a public route). */
function rolesOf(route: Route): Role[] | 'anyone' {
  const match = /^allowed: ([a-z, ]+)\./.exec(route.operation.responses['403']?.description ?? '');
  return match ? (match[1].split(', ') as Role[]) : 'anyone';
}

/** The org unit an example names (the commune or org unit it records in), if any. */
function unitOf(body: unknown): string | undefined {
  const b = (body ?? {}) as Body;
  return (b.commune ?? b.orgUnit) as string | undefined;
}

describe('the request examples of the OpenAPI document', () => {
  let ledger: TestLedger;
  let doc: OpenApiDocument;
  let routes: Route[];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    doc = (await ledger.anonymous().get('/docs-json').expect(200)).body as OpenApiDocument;
    routes = operationsOf(doc);
  });
  afterAll(() => ledger.close());

  const send = async (route: Route, url: string, body: unknown, headers?: Headers): Promise<Answer> => {
    const client = headers ? ledger.http(headers) : ledger.anonymous();
    const method = route.method as 'post' | 'put' | 'patch' | 'delete';
    const res = await client[method](url).send(body as object);
    return { status: res.status, body: res.body as Body };
  };

  /**
   * Sends as the first officer (role x agency of the plan, in the example's org unit) the route lets through:
   * the agency rules are the plan's (seeds/recording-rights.json), so the suite finds them by asking.
   */
  async function sendAsAllowed(
    route: Route,
    url: string,
    body: unknown,
    orgUnits?: string[],
    person = '',
  ): Promise<{ answer: Answer; headers?: Headers }> {
    const roles = rolesOf(route);
    if (roles === 'anyone') return { answer: await send(route, url, body) };
    let last: Answer | undefined;
    for (const role of roles)
      for (const agency of AGENCIES) {
        const headers = bearer({
          officer: `${role}${person}-${agency.code.toLowerCase()}`.slice(0, 60),
          agency: agency.code,
          orgUnits: orgUnits ?? [agency.orgUnit],
          roles: [role],
        });
        last = await send(route, url, body, headers);
        // Refused for the role or agency (403), or an agency whose duties passed to another (409): the next.
        if (last.status !== 403 && last.body.code !== 'AGENCY_ENDED') return { answer: last, headers };
      }
    return { answer: last as Answer };
  }

  const routeOf = (name: string): Route => {
    const route = routes.find((r) => r.name === name);
    if (!route) throw new Error(`no route ${name} in the document`);
    return route;
  };
  const exampleOf = (route: Route): Body => (requestExampleOf(doc, route.operation) ?? {}) as Body;

  /** The same example for another person: a second case must not be the first one's duplicate. */
  const another = (body: Body): Body =>
    Object.fromEntries(
      Object.entries(body).map(([name, value]) => [
        name,
        /CitizenId$/.test(name) ? `058${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}` : value,
      ]),
    );

  interface Recorded {
    eventId: string;
    headers: Headers;
    unit: string;
    /** An action of its own stream, with no later step: one that can be retracted. */
    oneOff: boolean;
    response: Body;
  }
  const recorded: Recorded[] = [];

  it('records the example of every action route; a step on a case opened with its own example', async () => {
    const failures: string[] = [];
    let posted = 0;
    for (const action of ACTIONS) {
      const commands = Object.values(action.commands);
      const opening = commands.find((c) => !c.route.step);
      if (!opening) continue;
      const openRoute = routeOf(`POST /${opening.route.resource}`);
      const openBody = exampleOf(openRoute);
      const units = unitOf(openBody) ? [unitOf(openBody) as string] : undefined;
      const first = await sendAsAllowed(openRoute, `/${opening.route.resource}`, openBody, units);
      posted++;
      if (first.answer.status !== 201) {
        failures.push(`${openRoute.name}: ${first.answer.status} ${JSON.stringify(first.answer.body)}`);
        continue;
      }
      const headers = first.headers as Headers;
      const unit = units?.[0] ?? '';
      recorded.push({
        eventId: (first.answer.body.eventIds as string[])[0],
        headers,
        unit,
        oneOff: commands.length === 1,
        response: first.answer.body,
      });
      const steps = commands.filter((c) => c.route.step);
      for (const step of steps) {
        const stepRoute = routeOf(`POST /${step.route.resource}/{id}/${step.route.step}`);
        const body = exampleOf(stepRoute);
        // A case of its own, opened with the opening example, then the earlier steps as far as this one needs.
        const opened = await send(openRoute, `/${opening.route.resource}`, another(openBody), headers);
        const caseId = (opened.body.caseId ?? opened.body.stream) as string;
        const url = (s: typeof step) => `/${s.route.resource}/${caseId}/${s.route.step}`;
        let answer = await send(stepRoute, url(step), body, headers);
        for (const before of steps.filter((s) => s !== step)) {
          if (answer.status !== 409) break;
          const prior = await send(
            routeOf(`POST /${before.route.resource}/{id}/${before.route.step}`),
            url(before),
            exampleOf(routeOf(`POST /${before.route.resource}/{id}/${before.route.step}`)),
            headers,
          );
          if (prior.status !== 201) break;
          answer = await send(stepRoute, url(step), body, headers);
        }
        posted++;
        if (answer.status !== 201)
          failures.push(`${stepRoute.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
        else
          recorded.push({
            eventId: (answer.body.eventIds as string[])[0],
            headers,
            unit,
            oneOff: false,
            response: answer.body,
          });
      }
    }
    expect(failures).toEqual([]);
    expect(posted).toBe(ACTIONS.reduce((n, a) => n + Object.keys(a.commands).length, 0));
  });

  it('answers every other example with a success or an error the route documents, never 400', async () => {
    const actionRoutes = new Set(
      ACTIONS.flatMap((a) =>
        Object.values(a.commands).map(
          (c) => `POST /${c.route.resource}${c.route.step ? `/{id}/${c.route.step}` : ''}`,
        ),
      ),
    );
    // Some examples name what must be recorded first: the routes that need it run after those that make it.
    const FIRST = ['createAccount', 'signIn', 'verifyAction', 'disputeAction', 'correctEvent'];
    const LAST = ['disableAccount', 'erasePersonalData'];
    const rank = (r: Route) => {
      const id = r.operation.operationId;
      return FIRST.includes(id) ? FIRST.indexOf(id) : LAST.includes(id) ? 100 + LAST.indexOf(id) : 50;
    };
    const others = routes
      .filter((r) => r.operation.requestBody && !actionRoutes.has(r.name))
      .sort((a, b) => rank(a) - rank(b));
    expect(others.length).toBeGreaterThanOrEqual(10);

    const unused = [...recorded];
    const take = (oneOff = false): Recorded => {
      const i = unused.findIndex((r) => !oneOff || r.oneOff);
      if (i < 0) throw new Error('the action examples recorded too few events for the other examples');
      return unused.splice(i, 1)[0];
    };
    const eventsRoute = routeOf('POST /events/{id}/verifications');
    const correctionsRoute = routeOf('POST /corrections');
    /** A correction waiting for a second person: the retraction of a verified action. */
    const proposal = async (): Promise<string> => {
      const action = take(true);
      const verified = await sendAsAllowed(
        eventsRoute,
        `/events/${action.eventId}/verifications`,
        exampleOf(eventsRoute),
        [action.unit],
        '-v',
      );
      expect([verified.answer.status, verified.answer.body.detail]).toEqual([201, undefined]);
      const { changes: _amendment, ...example } = exampleOf(correctionsRoute);
      const body = { ...example, correctsEventId: action.eventId, kind: 'retraction' };
      const proposed = await sendAsAllowed(correctionsRoute, '/corrections', body, [action.unit], '-p');
      expect([proposed.answer.status, proposed.answer.body.code]).toEqual([202, undefined]);
      return proposed.answer.body.proposalId as string;
    };
    let beneficiaryRef = '';
    const pathValue = async (route: Route, name: string, body: Body): Promise<string> => {
      const documented = route.operation.parameters?.find((p) => p.in === 'path' && p.name === name);
      const example = documented?.example ?? documented?.schema?.example;
      if (example !== undefined) return String(example);
      if (name === 'officer') return String((exampleOf(routeOf('POST /accounts')) as Body).officer);
      if (name === 'key') return String(body.indicatorKey ?? 'houses_built');
      if (name === 'ref') return beneficiaryRef;
      if (name === 'id' && route.path.startsWith('/events/')) return take().eventId;
      if (name === 'id' && route.path.startsWith('/corrections/')) return proposal();
      return randomUUID();
    };

    const answers: string[] = [];
    const wrong: string[] = [];
    for (const route of others) {
      const body = { ...exampleOf(route) };
      let unit = unitOf(body);
      if (route.operation.operationId === 'correctEvent') {
        // An amendment of a house completion not verified yet: recorded at once.
        const completion = recorded.find(
          (r) => String(r.response.stream).startsWith('housing-case-') && r.response.revision === 3,
        );
        body.correctsEventId = completion?.eventId;
        unit = completion?.unit;
        if (completion) unused.splice(unused.indexOf(completion), 1);
      }
      if (route.operation.operationId === 'approveReport') {
        const report = await ledger
          .http()
          .get(
            `/report-approvals/${String(body.indicatorKey)}/${String(body.orgUnit)}/${String(body.period)}`,
          );
        body.figuresDigest = report.body.current?.figuresDigest ?? body.figuresDigest;
      }
      if (!beneficiaryRef)
        beneficiaryRef = String(
          recorded.find((r) => r.response.beneficiaryRef)?.response.beneficiaryRef ?? '',
        );
      let url = route.path;
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g))
        url = url.replace(`{${name}}`, encodeURIComponent(await pathValue(route, name, body)));
      const { answer } =
        route.operation.operationId.endsWith('Account') || route.path.startsWith('/accounts')
          ? { answer: await send(route, url, body, admin()) }
          : await sendAsAllowed(route, url, body, unit ? [unit] : undefined);
      answers.push(`${route.name} ${answer.status}`);
      const documented = Object.keys(route.operation.responses).includes(String(answer.status));
      if (answer.status >= 300 && (!documented || answer.status === 400 || answer.status >= 500))
        wrong.push(`${route.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(wrong).toEqual([]);
    // Those the suite prepares for are recorded, not merely answered.
    for (const name of [
      'POST /accounts',
      'POST /auth/login',
      'POST /corrections',
      'POST /events/{id}/verifications',
      'POST /events/{id}/disputes',
      'POST /corrections/{id}/approvals',
      'POST /corrections/{id}/rejections',
    ])
      expect(answers).toContainEqual(
        expect.stringMatching(new RegExp(`^${name.replace(/[{}/]/g, '\\$&')} 2\\d\\d$`)),
      );
  });

  it('answers every read, asked with its documented parameters, with a body its schema describes', async () => {
    const event = recorded[0];
    const known: Record<string, string> = {
      id: event.eventId,
      event: event.eventId,
      stream: String(event.response.stream),
      key: 'houses_built',
      indicator: 'houses_built',
      orgUnit: event.unit,
      period: '2026',
      ref: String(recorded.find((r) => r.response.householdRef)?.response.householdRef ?? ''),
      officer: String((exampleOf(routeOf('POST /accounts')) as Body).officer),
    };
    const problems: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => r.method === 'get')) {
      const schema = route.operation.responses['200']?.content?.['application/json']?.schema;
      if (!schema) continue;
      const params = route.operation.parameters ?? [];
      const valueOf = (name: string, example: unknown) => {
        if (name === 'code') return route.path.startsWith('/org-units') ? event.unit : 'VHXH-XA-BAC-AI';
        return example !== undefined ? String(example) : known[name];
      };
      let url = route.path;
      for (const p of params.filter((p) => p.in === 'path'))
        url = url.replace(
          `{${p.name}}`,
          encodeURIComponent(valueOf(p.name, p.example ?? p.schema?.example) ?? ''),
        );
      const query = new URLSearchParams();
      for (const p of params.filter((p) => p.in === 'query')) {
        const value = p.example ?? p.schema?.example ?? (p.required ? known[p.name] : undefined);
        if (value !== undefined) query.set(p.name, String(value));
      }
      if (query.size) url += `?${query}`;
      const roles = rolesOf(route);
      const headers =
        roles === 'anyone' || roles.includes('inspector')
          ? inspector()
          : roles.includes('admin')
            ? admin()
            : bearer({ agency: 'VHXH-XA-BAC-AI', orgUnits: [event.unit], roles: [roles[0]] });
      const res = await ledger.http(headers).get(url);
      if (res.status === 400) problems.push(`${route.name} ${url}: 400 ${res.body.detail}`);
      if (res.status !== 200 || !/json/.test(res.headers['content-type'] ?? '')) continue;
      checked++;
      problems.push(...mismatches(doc, schema, res.body).map((m) => `${route.name}: ${m}`));
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(30);
    // The comparison sees a body that departs from its schema.
    expect(
      mismatches(doc, { $ref: '#/components/schemas/CommandResponse' }, { stream: 1, eventIds: [2] }),
    ).toEqual(
      expect.arrayContaining([
        '$.revision: missing',
        '$.stream: number, not string',
        '$.eventIds[0]: number, not string',
      ]),
    );
  });
});
