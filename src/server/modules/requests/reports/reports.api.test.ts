import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeUser, silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import * as register from '../register/register.usecases';
import { requestInput } from '../register/register.walk';
import { TIMELINESS_CSV_HEADER } from './reports.routes';

// The timeliness report through the API, on requests received and closed through the register with
// its clock set to each day (a database of its own, so that nobody else's requests are counted):
// JSON, CSV and PDF; a bad month is a 400 naming the field.

let handle: OwnDatabase;
let deps: Deps;
let app: ReturnType<typeof testApp>['app'];
let now = new Date('2026-01-05T10:00:00Z');
const at = (iso: string) => { now = new Date(iso); };

beforeAll(async () => {
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  app = testApp(deps).app;
});
afterAll(async () => {
  await handle?.drop();
});

it('gives the requests received and completed on time by month and kind as JSON, CSV and PDF', async () => {
  const officer = await makeUser(deps, { roles: ['enforcement_officer'] });
  const actor: register.Actor = { audit: { actorId: officer.id, actorUsername: officer.username, ip: null, userAgent: null }, userId: officer.id, viewer: { party: 'council' } };
  const receive = (over: Parameters<typeof requestInput>[0]) => register.receiveRequest(deps, { actor, input: requestInput(over) });

  const onTime = await receive({ type: 'foi', receivedOn: '2026-01-05', summary: 'How many cameras are there?' });
  const late = await receive({ type: 'foi', receivedOn: '2026-01-05', summary: 'What did the cameras cost?' });
  at('2026-01-07T10:00:00Z');
  const open = await receive({ type: 'sar', receivedOn: '2026-01-07' });
  expect([onTime.clock.due, open.clock.due]).toEqual(['2026-02-02', '2026-02-09']);

  at(`${onTime.clock.due}T23:30:00Z`); // the due date itself, late in the evening: on time
  await register.changeStatus(deps, { actor, id: onTime.id, input: { status: 'responded', note: '' } });
  at('2026-02-03T09:00:00Z'); // the day after
  await register.changeStatus(deps, { actor, id: late.id, input: { status: 'responded', note: '' } });

  at('2026-03-02T09:00:00Z');
  const { client } = await signedInAs(deps, app, ['coordinator']);
  const base = '/api/v1/requests/reports/timeliness';

  const json = await client.get(`${base}?from=2026-01&to=2026-02`);
  expect(json.status).toBe(200);
  const cell = (month: string, type: string) => json.body.months.find((m: { month: string }) => m.month === month).types.find((t: { type: string }) => t.type === type).figures;
  expect(cell('2026-01', 'foi')).toEqual({ received: 2, completed: 0, onTime: 0, late: 0, openOverdue: 0, onTimePercent: null });
  expect(cell('2026-02', 'foi')).toEqual({ received: 0, completed: 2, onTime: 1, late: 1, openOverdue: 0, onTimePercent: 50 });
  expect(cell('2026-01', 'sar')).toEqual({ received: 1, completed: 0, onTime: 0, late: 0, openOverdue: 1, onTimePercent: null });
  expect(json.body).toMatchObject({ from: '2026-01', to: '2026-02', today: '2026-03-02', total: { received: 3, completed: 2, onTime: 1, late: 1, openOverdue: 1, onTimePercent: 50 } });

  const bad = await client.get(`${base}?from=2026-13`);
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([{ path: 'from', message: expect.stringContaining('YYYY-MM') }]);
  const backwards = await client.get(`${base}?from=2026-03&to=2026-01`);
  expect(backwards.status).toBe(400);
  expect(backwards.body.errors).toEqual([{ path: 'from', message: 'The first month must not be after the last' }]);

  const csv = await client.get(`${base}.csv?from=2026-01&to=2026-02`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const rows: string[][] = parse(csv.text);
  expect(rows[0]).toEqual(TIMELINESS_CSV_HEADER);
  expect(rows).toHaveLength(1 + 2 * 8);
  expect(rows).toContainEqual(['2026-02', 'foi', '0', '2', '1', '1', '0', '50.0']);
  expect(rows).toContainEqual(['2026-01', 'all', '3', '0', '0', '0', '1', '']);

  const pdf = await app.request(`${base}.pdf?from=2026-01&to=2026-02`, { headers: { cookie: client.cookie!, 'x-forwarded-for': '192.0.2.161' } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
  const { text } = await parser.getText();
  await parser.destroy();
  expect(text).toContain('Information requests: timeliness');
  expect(text).toContain('January 2026 to February 2026');
  expect(text).toMatch(/FOI\s+0\s+2\s+1\s+1\s+0\s+50\.0%/);
  expect(text).toMatch(/SAR\s+1\s+0\s+0\s+0\s+1\s+—/);
});
