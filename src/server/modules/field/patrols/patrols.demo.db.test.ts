import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { DEMO_AREA } from '../../../seed/demo';
import { seedHandheldDemo } from '../handheld/handheld.demo';
import { seedPatrolsDemo } from './patrols.demo';

// The demo's devices and a month of patrols on a database of their own: every patrol but Tom's
// running one ended with its lone-working session; his has a recent last point and a session open.

let own: OwnDatabase;
beforeAll(async () => { own = await ownDatabase(); });
afterAll(async () => { await own?.drop(); });

it('seeds devices with blocks, a month of ended patrols with trails, and one running now', async () => {
  const deps: Deps = { db: own.db, config: testConfig(), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
  const users = Object.fromEntries(await Promise.all((['patrol', 'patrol2', 'teamleader'] as const).map(async (name) => {
    const u = await makeUser(deps, { roles: [name === 'teamleader' ? 'patrol_leader' : 'patrol_officer'] });
    return [name, { id: u.id, username: u.username, role: name === 'teamleader' ? 'patrol_leader' as const : 'patrol_officer' as const }];
  })));
  const council = { users, area: DEMO_AREA, organisations: {}, teams: {} } as unknown as DemoCouncil;
  expect(await seedHandheldDemo(deps, council)).toEqual({ fieldDevices: 3 });
  const counts = await seedPatrolsDemo(deps, council);
  expect(counts.patrols).toBeGreaterThan(20);
  // Every notice the officers issued on the way was accepted by the enforcement module through the sync.
  const refused = await own.db.selectFrom('field_sync_records').select(['kind', 'problems']).where('outcome', '=', 'rejected').execute();
  expect(refused).toEqual([]);
  expect(counts.syncRejected).toBe(0);
  const issued = async (table: 'pcns' | 'fpns') => Number((await own.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  expect(await issued('pcns')).toBeGreaterThan(10);
  expect(await issued('fpns')).toBeGreaterThan(3);
  const running = await own.db.selectFrom('patrols').selectAll().where('ended_at', 'is', null).execute();
  expect(running).toHaveLength(1);
  expect(running[0]!.officer_id).toBe(users.patrol!.id);
  expect(Date.now() - running[0]!.last_point_at!.getTime()).toBeLessThan(10 * 60_000);
  const sessions = await own.db.selectFrom('lone_working_sessions').select(['status']).execute();
  expect(sessions.filter((s) => s.status === 'active' || s.status === 'escalating')).toHaveLength(1);
  expect(sessions.filter((s) => s.status === 'ended').length).toBe(counts.patrols - 1);
  expect(Number((await own.db.selectFrom('patrol_trail_points').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(500);
});
