import { beforeAll, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ApiClient, testApp } from '../../../../../test/support/api';
import { makeSession, makeUser, testClock, testDeps, uniq } from '../../../../../test/support/deps';
import { insertCameras } from '../../estate';
import * as occ from '../occurrences.usecases';

// Search and export. Each test tags its own occurrences with a unique word, so that the shared
// database's other rows never match.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);
let client: ApiClient;
let actor: occ.Actor;
let categories: Record<string, string>;
let cameraId: string;
let other: occ.Actor;

beforeAll(async () => {
  const operator = await makeUser(deps, { roles: ['operator'] });
  actor = { audit: { actorId: operator.id, actorUsername: operator.username, ip: null, userAgent: null }, userId: operator.id };
  const second = await makeUser(deps, { roles: ['operator'] });
  other = { audit: { actorId: second.id, actorUsername: second.username, ip: null, userAgent: null }, userId: second.id };
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

it('combines filters with AND: category, source, camera, area, outcome, agency told, operator, status and dates', async () => {
  const tag = uniq('f').replace('-', '');
  // Opened an hour apart, at times the test sets.
  const clock = testClock(new Date('2026-03-02T09:00:00Z'));
  const at = testDeps({ clock });
  const openAt = async (extra: Partial<occ.OpenInput>, by = actor) => { clock.advance(3600_000); return occ.openOccurrence(at, { actor: by, input: { source: 'camera_patrol', categoryId: categories.asb, priority: 'normal', summary: `Youths gathering ${tag}`, ...extra } }); };
  const a = await openAt({ source: 'police_request', cameraIds: [cameraId] }); // 10:00, at the camera's point
  await occ.notifyAgency(at, { actor, occurrenceId: a.id, agency: 'police', agencyReference: 'CAD 4471' });
  await occ.closeOccurrence(at, { actor, occurrenceId: a.id, outcome: 'dispersed' });
  const b = await openAt({ source: 'police_request', cameraIds: [cameraId] }); // 11:00, open, police not told
  const c = await openAt({ source: 'public_call', categoryId: categories.theft }); // 12:00, other category and source
  const d = await openAt({ source: 'police_request' }, other); // 13:00, another operator, no camera, no point
  await occ.notifyAgency(at, { actor: other, occurrenceId: d.id, agency: 'police', agencyReference: 'CAD 4480' });
  const find = async (query: string) => (await client.get(`/api/v1/occurrences?q=${tag}&${query}`)).body.items.map((i: { reference: string }) => i.reference).sort();
  const refs = (...os: { reference: string }[]) => os.map((o) => o.reference).sort();

  expect(await find('')).toEqual(refs(a, b, c, d));
  expect(await find('source=police_request')).toEqual(refs(a, b, d));
  expect(await find('source=police_request&agency=police')).toEqual(refs(a, d));
  expect(await find(`source=police_request&agency=police&cameraId=${cameraId}`)).toEqual(refs(a));
  expect(await find(`cameraId=${cameraId}`)).toEqual(refs(a, b));
  expect(await find('area=52.79,-1.64,52.81,-1.62&source=police_request')).toEqual(refs(a, b));
  expect(await find('area=52.70,-1.64,52.75,-1.62')).toEqual([]);
  expect(await find('category=asb&status=open')).toEqual(refs(b, d));
  expect(await find('outcome=dispersed')).toEqual(refs(a));
  expect(await find('outcome=dispersed&category=theft')).toEqual([]);
  expect(await find('category=theft')).toEqual(refs(c));
  expect(await find(`operatorId=${other.userId}`)).toEqual(refs(d));
  expect(await find(`operatorId=${actor.userId}&agency=police`)).toEqual(refs(a));
  // From is inclusive, to exclusive.
  expect(await find('from=2026-03-02T11:00:00Z')).toEqual(refs(b, c, d));
  expect(await find('to=2026-03-02T11:00:00Z')).toEqual(refs(a));
  expect(await find('from=2026-03-02T10:30:00Z&to=2026-03-02T12:30:00Z')).toEqual(refs(b, c));
  expect(await find('from=2026-03-02T10:30:00Z&to=2026-03-02T12:30:00Z&source=public_call')).toEqual(refs(c));
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
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(r.headers.get('content-type')).toContain('text/csv');
  const rows = parse(r.text) as string[][];
  expect(rows[0][0]).toBe('Reference');
  expect(rows.slice(1).map((row) => row[6])).toEqual([`'=HYPERLINK("http://evil.example") ${tag}`, `'+44 caller reported fight ${tag}`]);
});

it('exports who was told with their references (the police CAD number), not just "Police"', async () => {
  const tag = uniq('t').replace('-', '');
  const o = await open(tag);
  await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police', agencyReference: 'CAD 1234-56' });
  await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'ambulance' });
  await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police', agencyReference: 'CAD 1301-02' });
  const rows = parse((await client.get(`/api/v1/occurrences.csv?q=${tag}`)).text) as string[][];
  expect(rows[1][rows[0].indexOf('Agencies told')]).toBe('Police (CAD 1234-56, CAD 1301-02); Ambulance');
});

it('counts by hour of day in UK time (24 rows), winter and summer', async () => {
  const tag = uniq('h').replace('-', '');
  const clock = testClock(new Date('2026-01-15T23:30:00Z')); // 23:30 GMT
  const at = testDeps({ clock });
  const openAt = () => occ.openOccurrence(at, { actor, input: { source: 'camera_patrol', categoryId: categories.asb, priority: 'normal', summary: `Youths gathering ${tag}` } });
  await openAt();
  clock.set(new Date('2026-07-15T23:30:00Z')); // 00:30 BST, the next day
  await openAt();
  clock.set(new Date('2026-07-15T07:10:00Z')); // 08:10 BST
  await openAt();
  const hours = await client.get(`/api/v1/occurrence-counts?by=hour&q=${tag}`);
  expect(hours.body.items).toHaveLength(24);
  expect(hours.body.total).toBe(3);
  expect(hours.body.items.filter((i: { count: number }) => i.count > 0)).toEqual([
    { key: '00', label: '00:00–00:59', count: 1 }, { key: '08', label: '08:00–08:59', count: 1 }, { key: '23', label: '23:00–23:59', count: 1 },
  ]);
});

it('counts by category, source, camera and outcome, as JSON and CSV', async () => {
  const tag = uniq('k').replace('-', '');
  const a = await open(tag, { source: 'police_request', cameraIds: [cameraId] });
  await occ.closeOccurrence(deps, { actor, occurrenceId: a.id, outcome: 'arrest' });
  const b = await open(tag, { categoryId: categories.theft, cameraIds: [cameraId] });
  await occ.closeOccurrence(deps, { actor, occurrenceId: b.id, outcome: 'arrest' });
  await open(tag, { categoryId: categories.theft, source: 'radio_scheme' });
  const counts = async (by: string) => Object.fromEntries((await client.get(`/api/v1/occurrence-counts?by=${by}&q=${tag}`)).body.items.map((i: { key: string; count: number }) => [i.key, i.count]));
  expect(await counts('category')).toEqual({ asb: 1, theft: 2 });
  expect(await counts('source')).toEqual({ police_request: 1, camera_patrol: 1, radio_scheme: 1 });
  const camera = (await client.get(`/api/v1/occurrence-counts?by=camera&q=${tag}`)).body.items;
  expect(camera).toEqual([{ key: expect.any(String), label: 'Search cam', count: 2 }]);
  expect(await counts('outcome')).toEqual({ arrest: 2, open: 1 });
  const csv = await client.get(`/api/v1/occurrence-counts.csv?by=category&q=${tag}`);
  expect(parse(csv.text)).toEqual([['category', 'label', 'count'], ['asb', 'Anti-social behaviour', '1'], ['theft', 'Theft / shoplifting', '2']]);
  const outcomes = await client.get(`/api/v1/occurrence-counts.csv?by=outcome&q=${tag}`);
  expect(parse(outcomes.text)).toEqual([['outcome', 'label', 'count'], ['arrest', 'Arrest', '2'], ['open', 'Still open', '1']]);
});
