import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXTERNAL_ROLES, ROLES, isAllowed, type Role } from '../src/server/platform/auth/permissions';
import type { RegisteredRoute } from '../src/server/platform/http/route';
import type { Deps } from '../src/server/platform/deps';
import * as occ from '../src/server/modules/occurrences/occurrences.usecases';
import * as handover from '../src/server/modules/occurrences/handover/handover.usecases';
import { insertVersion, listVersionSteps } from '../src/server/modules/occurrences/occurrences.repository';
import { insertCameras } from '../src/server/modules/estate';
import { testApp } from './support/api';
import { makeOrganisation, makeSession, makeUser, silentLog, testConfig, testStorage, uniq } from './support/deps';
import { ownDatabase, type OwnDatabase } from './support/product';
import { aContract } from '../src/server/modules/maintenance/contracts/contracts.walk';
import { aStockedPart } from '../src/server/modules/maintenance/parts/parts.walk';
import { anInvoice } from '../src/server/modules/maintenance/invoices/invoices.walk';

// Hostile input for every operation in the OpenAPI document, generated from the operation's own
// schemas: no answer may be a 5xx, none may take longer than 2 s, every refusal is problem+json, and
// none may come from PostgreSQL refusing what the schema let through (docs/decisions/0008). The
// operations come from /api/openapi.json, so a module is fuzzed the day its routes exist; add its
// records to `known` below for cases to reach them by id. Hostile parts: NUL and other control
// characters, lone surrogates, dates from 4000 BC to the year 275760, huge and negative numbers, wrong
// types, empty objects, an item repeated twice or ten thousand times, very long text, path parameters
// that are not ids and query strings of junk, in otherwise valid input so that they reach the database.
// Each operation is walked signed in with the roles it needs, and again with no session (then any
// route but a public one answers 401, whatever the input).
//
// Reproduce a run with the seed it prints: FUZZ_SEED=123 npx vitest run test/fuzz.api.test.ts
// (FUZZ_RUNS sets the cases per operation, 30 by default). It runs on a database of its own, since
// it changes global settings and signs people out everywhere.

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 30); // twice as many for an operation with a body
const SLOW_MS = 2000;

type Schema = Record<string, any>;
interface Operation { method: string; path: string; parameters: Schema[]; body?: Schema; route: RegisteredRoute }

const handle: OwnDatabase = await ownDatabase({ max: 4, applicationName: 'vigil-test-fuzz' });
const deps: Deps = { db: handle.db, config: testConfig({ trustProxy: 1, signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 10_000 } }), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
const { app, routes } = testApp(deps);
const doc = await (await app.request('/api/openapi.json')).json();

const resolve = (s: Schema | undefined): Schema => {
  let out = s ?? {};
  while (out.$ref) out = doc.components.schemas[String(out.$ref).replace('#/components/schemas/', '')];
  return out;
};

const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const route = routes.find((r) => r.method === method.toUpperCase() && r.path === path.replace(/\{(\w+)\}/g, ':$1'));
    if (!route) throw new Error(`${method.toUpperCase()} ${path} is in the document but not registered through route()`);
    return { method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema, route };
  }));

// ---------------------------------------------------------------------------------------------
// Values from schemas

const INTERNAL: Role[] = ROLES.filter((r) => !EXTERNAL_ROLES.includes(r));
const known: Record<string, string[]> = {};
const knownIds = () => Object.values(known).flat();

const NASTY_TEXT = [
  'a\u0000b', '\u0000', 'x\ud800y', '\udfff', 'end\udbff', '\u0007\u001b[31m', 'tab\there', 'line\nbreak', 'crlf\r\n', '\u007f\u0085', '\ufeff\u202e',
  "'; drop table users; --", '%', '_', '\\', 'user.\\', '%_\\%', '"', '<script>alert(1)</script>', '🚓🚓', '   ', '', 'NaN', 'null', '-0', '=1+1',
];
const NASTY_DATES = [
  '-004000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '+010000-01-01T00:00:00Z', '0000-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2026-02-30T25:61:00Z', 'tomorrow', '8640000000000001', '0', '-1', '1e400',
];
const NASTY_NUMBERS = [-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324, 1e21];
const NASTY_PATH = ['not-a-uuid', '%00', 'a%00b', '%ED%A0%80', '%C0%AF', '..', '%2e%2e%2f%2e%2e', 'x'.repeat(3000), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '%20', '{id}', '-1', '1e400'];
const NASTY_QUERY = ['%', '%zz', '%00', '%ED%A0%80', '&&&', '=x', 'a[b]=1', 'page=1&page=2', 'x'.repeat(5000), '__proto__=1', 'constructor[prototype]=1'];

const longString = fc.integer({ min: 1001, max: 20_000 }).map((n) => 'x'.repeat(n));
const wrongType = fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, '', 'string', [], {}, [null], { '': '' }, [[[[[]]]]]);

const types = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/**
 * How hostile a case is: `clean` input reaches the deepest code (the right ids, valid fields), `light`
 * has the odd hostile field in otherwise valid input, `heavy` has many.
 */
type Level = 'clean' | 'light' | 'heavy';
interface At { depth: number; level: Level; field?: string }

/** Ids of records that exist, for a field or path parameter of that name, else any of them. */
const idsFor = (name: string | undefined) => (name && known[name]?.length ? known[name] : knownIds());

/** A value the schema accepts, more or less: hostile parts come from `value`, which calls this. */
function valid(raw: Schema, at: At): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => value(x, at)));
  if (s.allOf) return value(s.allOf[0], at);
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  const ts = types(s);
  if (ts.length > 1) return fc.oneof(...ts.map((t) => valid({ ...s, type: t }, at)));
  const deeper = { ...at, depth: at.depth + 1 };
  switch (ts[0]) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...idsFor(at.field)) }, { weight: 1, arbitrary: fc.uuid() });
      if (s.format === 'date-time' || s.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.stringMatching(/^[a-z]{1,12}@[a-z]{1,12}\.gov\.uk$/);
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      // Words a person might type, so that clean input gets past the schema.
      return fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
    case 'integer': return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array':
      return fc.array(value(s.items ?? {}, deeper), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      if (at.depth > 4) return fc.constant({});
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const record = fc.record(Object.fromEntries(props.map(([k, p]) => [k, value(p, { ...deeper, field: k })])), { requiredKeys: (s.required ?? []).filter((k: string) => s.properties?.[k]) });
      return props.length ? record : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Something the schema should refuse, aimed at where a server breaks. */
function hostile(raw: Schema, at: At): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  const ts = types(s);
  const deeper = { ...at, depth: at.depth + 1, level: 'clean' as const };
  const options: fc.WeightedArbitrary<unknown>[] = [{ weight: 1, arbitrary: wrongType }];
  if (ts.includes('string') || s.enum || s.anyOf || ts.length === 0) {
    options.push({ weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) }, { weight: 1, arbitrary: longString }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) });
    if (s.format === 'date-time' || s.format === 'date' || s.anyOf) options.push({ weight: 5, arbitrary: fc.constantFrom(...NASTY_DATES) });
    if (s.format === 'uuid') options.push({ weight: 2, arbitrary: fc.constantFrom(...NASTY_PATH.map(decodeURIComponentSafe)) });
  }
  if (ts.includes('integer') || ts.includes('number')) options.push({ weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) });
  if (ts.includes('array')) {
    // The same (valid) item twice, or ten thousand times: a set given with repeats.
    const item = valid(s.items ?? {}, deeper);
    options.push({ weight: 2, arbitrary: item.map((x) => Array(10_000).fill(x)) }, { weight: 2, arbitrary: item.map((x) => [x, x]) });
    options.push({ weight: 1, arbitrary: fc.array(value(s.items ?? {}, { ...deeper, level: at.level }), { minLength: 0, maxLength: 60 }) });
  }
  if (ts.includes('object')) {
    options.push({ weight: 3, arbitrary: fc.constant({}) });
    options.push({ weight: 1, arbitrary: valid(s, deeper).map((v) => ({ ...(v as object), 'extra\u0000key': 'x' })) });
  }
  return fc.oneof(...options);
}

function value(s: Schema, at: At): fc.Arbitrary<unknown> {
  if (at.level === 'clean') return valid(s, at);
  return fc.oneof({ weight: at.level === 'light' ? 8 : 2, arbitrary: valid(s, at) }, { weight: 1, arbitrary: hostile(s, at) });
}

function decodeURIComponentSafe(s: string) {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** Percent-encodes any string, lone surrogates included (as WTF-8 bytes, which no UTF-8 decoder accepts). */
function encode(s: string): string {
  let out = '';
  for (const unit of s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []) {
    const c = unit.charCodeAt(0);
    if (unit.length === 1 && c >= 0xd800 && c <= 0xdfff) out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(unit);
  }
  return out;
}

const queryValue = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.flatMap(queryValue) : [v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)];

// ---------------------------------------------------------------------------------------------
// Requests

interface Attempt { url: string; body?: string; shown: string }

function attempts(op: Operation): fc.Arbitrary<Attempt> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  // The records a path parameter names: /users/{id} takes a user's id, .../personal-data/{pdId} an item's.
  const segmentBefore = (name: string) => op.path.split('/').at(op.path.split('/').indexOf(`{${name}}`) - 1) ?? '';
  const existing = (p: Schema) => fc.constantFrom(...idsFor(known[`${segmentBefore(p.name)}:${p.name}`] ? `${segmentBefore(p.name)}:${p.name}` : segmentBefore(p.name)));
  const hostilePath = fc.oneof(
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_PATH) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encode) },
  );
  const junkBody = fc.constantFrom('', '{', 'null', '[]', '"\\u0000"', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}', `${'['.repeat(5000)}${']'.repeat(5000)}`);
  // One level of hostility for the whole case: clean cases carry the right ids and valid fields into
  // the use case and the database; light ones one or two hostile parts; heavy ones many.
  return fc.constantFrom<Level>('clean', 'light', 'light', 'heavy').chain((level) => {
    const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, level === 'clean' ? existing(p) : fc.oneof(
      { weight: level === 'light' ? 6 : 2, arbitrary: existing(p) }, { weight: 1, arbitrary: hostilePath },
    )])));
    const query = fc.tuple(
      fc.record(Object.fromEntries(queryParams.map((p) => [p.name, value(p.schema ?? {}, { depth: 0, level, field: p.name })])), { requiredKeys: [] }),
      level === 'heavy' ? fc.option(fc.constantFrom(...NASTY_QUERY), { freq: 2 }) : fc.constant(null),
    );
    const json = op.body === undefined ? fc.constant(undefined) : value(op.body, { depth: 0, level }).map((v) => JSON.stringify(v));
    const body = op.body !== undefined && level === 'heavy' ? fc.oneof({ weight: 3, arbitrary: json }, { weight: 1, arbitrary: junkBody }) : json;
    return fc.tuple(path, query, body);
  }).map(([params, [q, junk], b]) => {
    const filled = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (params as Record<string, string>)[name]);
    const pairs = Object.entries(q).flatMap(([k, v]) => queryValue(v).map((x) => `${encode(k)}=${encode(x)}`));
    if (junk) pairs.push(junk);
    const url = pairs.length ? `${filled}?${pairs.join('&')}` : filled;
    return { url, body: b, shown: `${op.method} ${url.length > 400 ? `${url.slice(0, 400)}… (${url.length} characters)` : url}${b === undefined ? '' : `\nbody: ${b.length > 600 ? `${b.slice(0, 600)}… (${b.length} characters)` : b}`}` };
  });
}

/** Reads a response to its end, or gives up at the deadline. */
async function readWithin(res: Response, ms: number): Promise<{ text: string; timedOut: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((r) => { timer = setTimeout(() => r('late'), ms); });
  const text = res.text().catch((e: Error) => `(body failed: ${e.message})`);
  const first = await Promise.race([text, deadline]);
  clearTimeout(timer);
  if (first === 'late') { await res.body?.cancel().catch(() => undefined); return { text: '', timedOut: true }; }
  return { text: first, timedOut: false };
}

// ---------------------------------------------------------------------------------------------
// Callers and records to aim at

let councilOrgId: string;
let externalOrgId: string;
let fuzzTeamId = '';

beforeAll(async () => {
  process.stdout.write(`OpenAPI fuzz: seed ${SEED}, ${RUNS} cases for each of ${operations.length} operations (reproduce with FUZZ_SEED=${SEED})\n`);
  councilOrgId = (await makeOrganisation(deps)).id;
  externalOrgId = (await makeOrganisation(deps, { external: true })).id;
  const author = await makeUser(deps, { roles: ['supervisor'], organisationId: councilOrgId });
  const actor = { audit: { actorId: author.id, actorUsername: author.username, ip: null, userAgent: null }, userId: author.id };
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow();
  const camera = (await insertCameras(deps.db, [{ reference: 'F1', name: 'Fuzz camera', location_text: 'Test Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]))[0].id;
  const o = await occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId: category.id, priority: 'normal', summary: 'Fuzz target' } });
  const entry = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Something seen' });
  const pd = await occ.recordPersonalData(deps, { actor, occurrenceId: o.id, name: 'Jane Example' });
  await occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: externalOrgId });
  // Addressed to the team every internal fuzz caller joins, so that acknowledging can get past the addressee check.
  const team = await deps.db.insertInto('teams').values({ name: uniq('Fuzz team') }).returning('id').executeTakeFirstOrThrow();
  fuzzTeamId = team.id;
  const incoming = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  await deps.db.updateTable('users').set({ team_id: team.id }).where('id', '=', incoming.id).execute(); // a team with an operator in it
  const h = await handover.createHandover(deps, { actor, input: { to: { kind: 'team', id: team.id }, occurrenceIds: [o.id], actions: [], equipmentFaults: '', notes: 'Fuzz' } });
  const action = await handover.addAction(deps, { actor, input: { text: 'Fuzz action', ownerId: author.id, dueAt: new Date(Date.now() + 3600_000) } });
  const alert = await deps.db.insertInto('supervisor_alerts').values({ kind: 'test', message: 'Fuzz alert', created_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const target = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  const sop = await deps.db.insertInto('occurrence_categories').values({ key: uniq('fuzz').replace(/-/g, '_'), name: 'Fuzz procedure' }).returning('id').executeTakeFirstOrThrow();
  const [step] = await listVersionSteps(deps.db, (await insertVersion(deps.db, { categoryId: sop.id, version: 1, steps: [{ text: 'Fuzz step', isRequired: false }], by: null, at: new Date() })).id);
  // The maintenance contract's records: a contract, a stocked part in its store, a received invoice.
  const { contract } = await aContract(deps, councilOrgId);
  const { part, store } = await aStockedPart({ deps, councilOrgId });
  const { invoice } = await anInvoice(deps, councilOrgId);
  Object.assign(known, {
    contracts: [contract.id], parts: [part.id], 'part-stores': [store.id], storeId: [store.id], invoices: [invoice.id], contractId: [contract.id],
    contractorOrganisationId: [(await deps.db.selectFrom('maintenance_contracts').select('contractor_organisation_id').where('id', '=', contract.id).executeTakeFirstOrThrow()).contractor_organisation_id],
  });
  Object.assign(known, {
    // by the path segment before an id
    occurrences: [o.id], 'personal-data:pdId': [pd.id], handovers: [h.id], actions: [action.id], alerts: [alert.id],
    users: [target.id], 'occurrence-categories': [category.id],
    // by a body or query field's name
    occurrenceId: [o.id], occurrenceIds: [o.id], entryId: [entry.id], cameraId: [camera], cameraIds: [camera], organisationId: [councilOrgId, councilOrgId, externalOrgId], teamId: [team.id],
    ownerId: [author.id], operatorId: [author.id], stepId: [step.id], categoryId: [category.id],
  });
});

afterAll(async () => {
  await handle.drop();
});

// ---------------------------------------------------------------------------------------------

it('finds every registered route in the OpenAPI document', () => {
  expect(operations.length).toBe(routes.length);
  expect(operations.length).toBeGreaterThanOrEqual(60);
});

/** Sends one case and checks the answer; returns the status and body. */
async function send(name: string, op: Operation, attempt: Attempt, headers: Record<string, string>) {
  if (attempt.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await app.request(attempt.url, { method: op.method, headers: { 'x-forwarded-for': '198.51.100.77', ...headers }, body: attempt.body });
  const { text, timedOut } = await readWithin(res, SLOW_MS + 500);
  const ms = Math.round(performance.now() - started);
  const problem = res.status >= 500 ? `answered ${res.status}`
    : timedOut || ms > SLOW_MS ? `took ${ms} ms`
    : res.status >= 400 && !res.headers.get('content-type')?.includes('application/problem+json') ? `refused with ${res.status} but not problem+json`
    // The last net (a PostgreSQL data error made a 400) caught what the schema should have refused by name.
    : text.includes('"code":"http.invalid_input"') ? 'let input through to PostgreSQL, which refused it'
    : undefined;
  if (problem) throw new Error(`${name} ${problem} (FUZZ_SEED=${SEED})\n${attempt.shown}\nresponse: ${text.slice(0, 500)}`);
  return { status: res.status, text };
}

const seedFor = (name: string) => SEED ^ [...name].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 0);
const each = operations.map((op) => [`${op.method} ${op.path}`, op] as const);

describe('every operation, with hostile input, signed in with every role it needs', () => {
  it.each(each)('%s: no 5xx, nothing slower than 2 s', async (name, op) => {
    const internal = isAllowed({ access: op.route.access, roles: INTERNAL, signedIn: true });
    const stage = op.route.stages.includes('active') ? 'active' : op.route.stages[0];
    const user = await makeUser(deps, internal
      ? { roles: INTERNAL, organisationId: councilOrgId, username: uniq('fuzz') }
      : { roles: [...EXTERNAL_ROLES], organisationId: externalOrgId, username: uniq('fuzzx') });
    if (internal) await deps.db.updateTable('users').set({ team_id: fuzzTeamId }).where('id', '=', user.id).execute();
    const statuses = new Map<number, number>();

    await fc.assert(fc.asyncProperty(attempts(op), async (attempt) => {
      // A session of its own for each case: some cases sign out, everywhere.
      const { cookie, csrf } = await makeSession(deps, { userId: user.id, stage });
      const { status } = await send(name, op, attempt, { cookie, 'x-csrf-token': csrf });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }), { numRuns: op.body ? 2 * RUNS : RUNS, seed: seedFor(name), endOnFailure: true });

    // Not a fuzz of the front door only: some input got past sign-in and permission checks.
    const past = [...statuses].filter(([s]) => s !== 401 && s !== 403).reduce((a, [, n]) => a + n, 0);
    expect(past, `${name}: ${JSON.stringify(Object.fromEntries(statuses))}`).toBeGreaterThan(0);
  });
});

describe('every operation, with hostile input and no session', () => {
  it.each(each)('%s: 401 unless public, whatever the input', async (name, op) => {
    await fc.assert(fc.asyncProperty(attempts(op), async (attempt) => {
      const { status, text } = await send(name, op, attempt, {});
      // Who may call comes before what was sent, except a body too large to read (413, before any
      // route) and a path that matches no route (the API's 404).
      const beforeAnyRoute = status === 413 || (status === 404 && text.includes('There is no such API endpoint'));
      if (op.route.access !== 'public' && status !== 401 && !beforeAnyRoute) throw new Error(`${name} answered ${status}, not 401, with no session\n${attempt.shown}\nresponse: ${text.slice(0, 300)}`);
    }), { numRuns: 10, seed: seedFor(`anonymous ${name}`), endOnFailure: true });
  });
});
