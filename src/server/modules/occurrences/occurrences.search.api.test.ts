import { beforeAll, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, testDeps, uniq } from '../../../../test/support/deps';
import { insertCameras } from '../estate';
import * as occ from './occurrences.usecases';

// Search and export. Each test tags its own occurrences with a unique word, so that the shared
// database's other rows never match.

const deps = testDeps({ config: { trustProxy: true } });
const { app } = testApp(deps);
let client: ApiClient;
let actor: occ.Actor;
let categories: Record<string, string>;
let cameraId: string;

beforeAll(async () => {
  const operator = await makeUser(deps, { roles: ['operator'] });
  actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
  client = new ApiClient(app, '192.0.2.120');
  Object.assign(client, await makeSession(deps, { userId: operator.id }));
  categories = Object.fromEntries((await deps.db.selectFrom('occurrence_categories').select(['key', 'id']).execute()).map((c) => [c.key, c.id]));
  [{ id: cameraId }] = await insertCameras(deps.db, [{ reference: `S${Math.floor(Math.random() * 1e6)}`, name: 'Search cam', location_text: 'Union Street', latitude: 52.80, longitude: -1.63, kind: 'ptz' }]);
});

const open = (tag: string, extra: Partial<occ.OpenInput> = {}) =>
  occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId: categories.asb, priority: 'normal', summary: `Youths gathering ${tag}`, ...extra } });

it('finds an occurrence by a word that appears only in one of its entries', async () => {
  const tag = uniq('t').replace('-', '');
  const word = `zebracrossing${tag}`;
  const o = await open(tag);
  await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: `Male in grey hoodie near the ${word}` });
  await open(tag); // same tag, but not the word
  const r = await client.get(`/api/v1/occurrences?q=${word}`);
  expect(r.status).toBe(200);
  expect(r.body.items.map((i: { reference: string }) => i.reference)).toEqual([o.reference]);
});

it('combines filters with AND: category, source, camera, outcome, agency told, status and dates', async () => {
  const tag = uniq('f').replace('-', '');
  const a = await open(tag, { source: 'police_request', cameraIds: [cameraId] });
  await occ.notifyAgency(deps, { actor, occurrenceId: a.id, agency: 'police', agencyReference: 'CAD 4471' });
  await occ.closeOccurrence(deps, { actor, occurrenceId: a.id, outcome: 'dispersed' });
  const b = await open(tag, { source: 'police_request', cameraIds: [cameraId] }); // open, police not told
  const c = await open(tag, { source: 'public_call', categoryId: categories.theft }); // other category and source
  const find = async (query: string) => (await client.get(`/api/v1/occurrences?q=${tag}&${query}`)).body.items.map((i: { reference: string }) => i.reference).sort();

  expect(await find('')).toEqual([a.reference, b.reference, c.reference].sort());
  expect(await find('source=police_request')).toEqual([a.reference, b.reference].sort());
  expect(await find(`source=police_request&cameraId=${cameraId}&agency=police`)).toEqual([a.reference]);
  expect(await find('category=asb&status=open')).toEqual([b.reference]);
  expect(await find('outcome=dispersed&category=theft')).toEqual([]);
  expect(await find('category=theft')).toEqual([c.reference]);
  const future = new Date(Date.now() + 3600_000).toISOString();
  expect(await find(`from=${future}`)).toEqual([]);
  expect(await find('area=52.79,-1.64,52.81,-1.62&source=police_request')).toEqual([a.reference, b.reference].sort());
});

it('sorts and pages', async () => {
  const tag = uniq('p').replace('-', '');
  const refs = [];
  for (let i = 0; i < 5; i++) refs.push((await open(tag)).reference);
  const first = await client.get(`/api/v1/occurrences?q=${tag}&sort=reference_asc&pageSize=2&page=1`);
  const second = await client.get(`/api/v1/occurrences?q=${tag}&sort=reference_asc&pageSize=2&page=2`);
  expect(first.body.total).toBe(5);
  expect([...first.body.items, ...second.body.items].map((i: { reference: string }) => i.reference)).toEqual(refs.slice(0, 4));
  const desc = await client.get(`/api/v1/occurrences?q=${tag}&sort=opened_desc&pageSize=1`);
  expect(desc.body.items[0].reference).toBe(refs[4]);
});

it('exports a search as CSV with formula injection neutralised', async () => {
  const tag = uniq('c').replace('-', '');
  await open(tag, { summary: `=HYPERLINK("http://evil.example") ${tag}` });
  await open(tag, { summary: `+44 caller reported fight ${tag}` });
  const r = await client.get(`/api/v1/occurrences.csv?q=${tag}&sort=opened_asc`);
  expect(r.headers.get('content-type')).toContain('text/csv');
  const rows = parse(r.text) as string[][];
  expect(rows[0][0]).toBe('Reference');
  expect(rows.slice(1).map((row) => row[6])).toEqual([`'=HYPERLINK("http://evil.example") ${tag}`, `'+44 caller reported fight ${tag}`]);
});

it('counts by hour of day in UK time (24 rows) and by category', async () => {
  const tag = uniq('h').replace('-', '');
  await open(tag);
  await open(tag, { categoryId: categories.theft });
  const hours = await client.get(`/api/v1/occurrence-counts?by=hour&q=${tag}`);
  expect(hours.body.items).toHaveLength(24);
  expect(hours.body.total).toBe(2);
  const ukHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date());
  expect(hours.body.items.find((i: { key: string }) => i.key === ukHour).count).toBeGreaterThanOrEqual(1);
  const cats = await client.get(`/api/v1/occurrence-counts?by=category&q=${tag}`);
  expect(Object.fromEntries(cats.body.items.map((i: { key: string; count: number }) => [i.key, i.count]))).toEqual({ asb: 1, theft: 1 });
  const csv = await client.get(`/api/v1/occurrence-counts.csv?by=category&q=${tag}`);
  expect(parse(csv.text)).toEqual([['category', 'label', 'count'], ['asb', 'Anti-social behaviour', '1'], ['theft', 'Theft / shoplifting', '1']]);
});
