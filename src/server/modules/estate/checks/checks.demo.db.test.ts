import { afterAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase } from '../../../../../test/support/product';
import { checksOverview } from './checks.usecases';
import { seedDemoChecks } from './checks.demo';

// The demo's month of checks, seeded into a database of its own over the cameras then registered.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

it('seeds a month of checks: mostly passes, a few faults (recent ones open, their cameras faulty), the current round part done', async () => {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const db = handle.db;
  const org = await db.insertInto('organisations').values({ name: 'Demo', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = async (username: string, role: 'operator' | 'supervisor') => {
    const u = await db.insertInto('users').values({ username, display_name: username, organisation_id: org.id, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: u.id, role }).execute();
    return u;
  };
  const [a, b, supervisor] = [await user('op1', 'operator'), await user('op2', 'operator'), await user('sup', 'supervisor')];
  await db.insertInto('cameras').values(Array.from({ length: 12 }, (_, i) => ({
    reference: `C${String(i + 1).padStart(2, '0')}`, name: `Camera ${i + 1}`, location_text: 'High Street', latitude: 52.8, longitude: -1.63,
    kind: i % 2 ? 'fixed' as const : 'ptz' as const, capabilities: i % 2 ? [] : ['pan', 'tilt', 'zoom', 'infrared'],
  }))).execute();
  const now = new Date('2026-11-23T12:00:00Z'); // five hours into the day shift
  const deps = { db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  const counts = await seedDemoChecks(deps, { operators: [a, b], supervisor });
  expect(counts).toMatchObject({ checkRounds: 120, faults: 8, equipment: 8 });

  expect(await db.selectFrom('check_rounds').select('id').execute()).toHaveLength(120);
  const faults = await db.selectFrom('faults').select(['state', 'camera_id', 'equipment_id', 'item', 'id']).execute();
  expect(faults.filter((f) => f.state === 'open')).toHaveLength(3);
  expect(faults.filter((f) => f.state === 'closed')).toHaveLength(5);
  const faulty = await db.selectFrom('cameras').select(['id', 'status']).where('status', '=', 'faulty').execute();
  expect(faulty.map((c) => c.id).sort()).toEqual(faults.filter((f) => f.state === 'open' && f.camera_id).map((f) => f.camera_id).sort());
  expect((await db.selectFrom('equipment').select('status').where('reference', '=', 'MON-2').executeTakeFirstOrThrow()).status).toBe('faulty');
  // A failure that lasted six shifts was one fault with six failures; its repair is in the camera's history.
  const failures = await sql<{ fault_id: string; n: number }>`select fault_id, count(*)::int as n from fault_check_results group by fault_id`.execute(db);
  const ptz = faults.find((f) => f.item === 'ptz')!;
  expect(failures.rows.find((f) => f.fault_id === ptz.id)?.n).toBe(6);
  const reasons = (await db.selectFrom('camera_versions').select('reason').where('camera_id', '=', ptz.camera_id!).orderBy('version').execute()).map((v) => v.reason);
  expect(reasons).toEqual(['registered', 'check failed: ptz', expect.stringMatching(/^repaired: FLT-2026-\d{6}$/)]);

  // Mostly passes; every finished shift complete but one; the current one under way.
  const outcomes = await sql<{ outcome: string; n: number }>`select outcome, count(*)::int as n from check_results group by outcome`.execute(db);
  const by = Object.fromEntries(outcomes.rows.map((r) => [r.outcome, r.n]));
  expect(by.pass).toBeGreaterThan(50 * by.fail);
  const overview = await checksOverview(deps);
  const current = overview.rounds.find((r) => r.kind === 'cameras' && r.shiftStartsAt === '2026-11-23T07:00:00.000Z')!;
  expect(current.done).toBeGreaterThan(0);
  expect(current.done).toBeLessThan(current.total);
  expect(overview.rounds.filter((r) => r.shiftStartsAt !== current.shiftStartsAt).every((r) => r.isComplete)).toBe(true);
  const incomplete = await sql<{ n: number }>`
    select count(*)::int as n from check_rounds r
    where (select count(*) from check_results x where x.round_id = r.id) < (select sum(cardinality(t.items)) from check_round_targets t where t.round_id = r.id)`.execute(db);
  expect(incomplete.rows[0].n).toBe(3); // both of the current shift's, and one earlier shift's cameras left short
});
