import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase } from '../../../../../test/support/product';
import type { DemoCouncil } from '../../../platform/modules';
import { seedDemoRota } from '../rota/rota.demo';
import { seedDemoCalls } from './calls.demo';

// The demo's rota and month of calls: every category, every outcome, some re-referred up the rota,
// a few still in hand tonight, references gap-free, nothing after now.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

it('seeds a rota and a month of calls with every category and outcome', async () => {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const db = handle.db;
  const council = (await db.insertInto('organisations').values({ name: 'Demo', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow()).id;
  const users = {} as DemoCouncil['users'];
  for (const [username, role] of [['ooh', 'ooh_officer'], ['supervisor', 'supervisor']] as const) {
    const u = await db.insertInto('users').values({ username, display_name: `Demo ${username}`, organisation_id: council, password_hash: 'x' }).returning(['id']).executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: u.id, role }).execute();
    users[username] = { id: u.id, username, role };
  }
  const now = new Date('2026-12-03T23:30:00Z');
  const deps = { db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  const area = { name: 'Demo', centre: { lat: 52.4, lon: -1.5 }, bounds: { south: 52.3, west: -1.6, north: 52.5, east: -1.4 }, streets: ['Station Road', 'High Street'] };
  const council2 = { users, organisations: { council, police: council, insurer: council, contractor: council }, teams: {}, area } as DemoCouncil;
  expect((await seedDemoRota(deps, council2))?.oohRotaShifts).toBeGreaterThan(500);
  const made = await seedDemoCalls(deps, council2);
  expect(made!.oohCalls).toBeGreaterThan(120);

  const calls = await db.selectFrom('ooh_calls as c').innerJoin('ooh_call_categories as k', 'k.id', 'c.category_id').select(['k.key', 'c.status', 'c.re_referrals', 'c.received_at', 'c.number']).execute();
  expect(new Set(calls.map((c) => c.key)).size).toBe(9);
  expect([...new Set(calls.map((c) => c.status))].sort()).toEqual(['awaiting_ack', 'closed', 'downgraded', 'referred']);
  expect(calls.filter((c) => c.re_referrals > 0).length).toBeGreaterThanOrEqual(2);
  expect(calls.every((c) => c.received_at <= now)).toBe(true);
  expect(calls.map((c) => c.number).sort((a, b) => a - b)).toEqual(calls.map((_, i) => i + 1));
  expect(await db.selectFrom('ooh_rota_entries').select('person_name').where('user_id', '=', users.ooh!.id).executeTakeFirst()).toMatchObject({ person_name: 'Demo ooh' });
});
