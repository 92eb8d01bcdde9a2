import { afterAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { silentLog, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase } from '../../../../test/support/product';
import type { DemoCouncil } from '../../platform/modules';
import { FLOWS, PAUSE_STATUS, REQUEST_TYPES, type RequestType } from '../../../domain/requests/workflow';
import { seedDemoRequests } from './requests.demo';

// The demo's quarter of requests: every kind in every status its flow allows (pauses included),
// some overdue and some due within the week, nothing dated after today, references gap-free.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

it.each(['2026-12-03T15:00:00Z', '2026-03-30T00:20:00Z'])('seeds every kind in every status at %s', async (iso) => {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const db = handle.db;
  const org = async (name: string, kind: 'council' | 'police' | 'insurer' | 'contractor', external: boolean) => (await db.insertInto('organisations').values({ name, kind, is_external: external }).returning('id').executeTakeFirstOrThrow()).id;
  const organisations = { council: await org('Demo', 'council', false), police: await org('Police', 'police', true), insurer: await org('Insurer', 'insurer', true), contractor: await org('Contractor', 'contractor', true) };
  const users = {} as DemoCouncil['users'];
  for (const [username, role, o] of [['enforcement', 'enforcement_officer', 'council'], ['coordinator', 'coordinator', 'council'], ['police', 'agency', 'police'], ['insurer', 'agency', 'insurer']] as const) {
    const u = await db.insertInto('users').values({ username, display_name: username, organisation_id: organisations[o], password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: u.id, role }).execute();
    users[username] = { id: u.id, username, role };
  }
  const now = new Date(iso);
  const deps = { db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  const made = await seedDemoRequests(deps, { users, organisations });
  expect(made.requests).toBeGreaterThan(50);

  const rows = await db.selectFrom('requests').select(['type', 'status', 'year', 'number', 'organisation_id', sql<string>`received_on::text`.as('received_on'), sql<string | null>`due_on::text`.as('due_on'), 'closed_at', 'complaint_stage', 'is_data_protection_complaint', 'extended']).execute();
  for (const type of Object.keys(REQUEST_TYPES) as RequestType[]) {
    const flow = FLOWS[type];
    const want = [...flow.working, ...flow.closing, ...flow.pauses.map((p) => PAUSE_STATUS[p])].sort();
    expect([...new Set(rows.filter((r) => r.type === type).map((r) => r.status))].sort(), type).toEqual(want);
  }
  const today = '2026-12-03' === iso.slice(0, 10) ? '2026-12-03' : '2026-03-30';
  const open = rows.filter((r) => !r.closed_at && r.due_on);
  expect(open.filter((r) => r.due_on! < today).length).toBeGreaterThanOrEqual(3);
  expect(open.filter((r) => r.due_on! >= today && r.due_on! <= addDaysIso(today, 7)).length).toBeGreaterThanOrEqual(3);
  expect(rows.some((r) => r.type === 'complaint' && r.complaint_stage === 2 && !r.closed_at)).toBe(true);
  expect(rows.some((r) => r.type === 'complaint' && r.is_data_protection_complaint)).toBe(true);
  expect(rows.filter((r) => r.extended).map((r) => r.type).sort()).toEqual(expect.arrayContaining(['foi', 'sar']));
  expect(rows.filter((r) => r.type === 'agency_footage').every((r) => r.organisation_id === organisations.police)).toBe(true);

  // Nothing after now; nothing before the quarter.
  expect(rows.every((r) => r.received_on <= today && r.received_on >= addDaysIso(today, -91))).toBe(true);
  const latest = await db.selectFrom('request_events').select((eb) => [eb.fn.max('at').as('last'), eb.fn.min('at').as('first')]).executeTakeFirstOrThrow();
  expect(new Date(latest.last as Date).getTime()).toBeLessThanOrEqual(now.getTime());
  const pauses = await db.selectFrom('request_pauses').select([sql<string>`from_day::text`.as('from'), sql<string | null>`to_day::text`.as('to')]).execute();
  expect(pauses.every((p) => p.from <= today && (!p.to || p.to <= today))).toBe(true);

  // References gap-free per year, and in the order received.
  for (const year of new Set(rows.map((r) => r.year))) {
    const numbers = rows.filter((r) => r.year === year).sort((a, b) => a.number - b.number);
    expect(numbers.map((r) => r.number)).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.map((r) => r.received_on)).toEqual([...numbers.map((r) => r.received_on)].sort());
  }
});

function addDaysIso(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
