import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, testDeps, uniq } from '../../../../test/support/deps';

// The maintenance contract's tables (migration 0017) on a real PostgreSQL, before the module's use
// cases land: SLA terms dated and never changed, a fault's steps append-only with a reason for every
// clock stop, and faults from outside the daily checks alongside theirs.

const deps = testDeps();

async function aContract() {
  const contractor = await makeOrganisation(deps, { external: true, kind: 'contractor' });
  return deps.db.insertInto('maintenance_contracts').values({
    reference: uniq('MC').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20), name: 'CCTV maintenance 2026–2029', contractor_organisation_id: contractor.id,
    starts_on: '2026-04-01', monthly_charge_pence: 1_250_000,
  }).returning(['id']).executeTakeFirstOrThrow();
}

async function aFault(over: Record<string, unknown> = {}) {
  const user = await makeUser(deps, { roles: ['operator'] });
  const camera = await deps.db.insertInto('cameras').values({ reference: uniq('F').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16), name: 'Station Street', location_text: 'Station Street', latitude: 52.8, longitude: -1.63 })
    .returning(['id']).executeTakeFirstOrThrow();
  const n = Math.floor(Math.random() * 1e9);
  return deps.db.insertInto('faults').values({
    reference: `FLT-9999-${String(n).padStart(9, '0')}`, year: 9999, number: n, camera_id: camera.id, description: 'No picture since the storm', raised_by: user.id, raised_at: new Date(),
    source: 'operator', ...over,
  }).returning(['id']).executeTakeFirstOrThrow();
}

describe('SLA terms', () => {
  it('are dated and never changed: the term for a fault is the latest in force when it was raised', async () => {
    const c = await aContract();
    const term = (effective: string, fix: number) => ({ contract_id: c.id, priority: 'P1' as const, clock: 'round_the_clock' as const, response_minutes: 60, fix_minutes: fix, effective_from: new Date(effective), reason: 'Contract schedule 2' });
    await deps.db.insertInto('maintenance_sla_terms').values([term('2026-04-01T00:00:00Z', 240), term('2026-10-01T00:00:00Z', 480)]).execute();
    const inForce = async (at: string) => (await sql<{ fix_minutes: number }>`
      select fix_minutes from maintenance_sla_terms where contract_id = ${c.id} and priority = 'P1' and effective_from <= ${new Date(at)} order by effective_from desc limit 1`.execute(deps.db)).rows[0]?.fix_minutes;
    expect(await inForce('2026-09-30T23:59:00Z')).toBe(240);
    expect(await inForce('2026-10-01T00:00:00Z')).toBe(480);
    expect(await inForce('2026-03-31T12:00:00Z')).toBeUndefined();
    await expect(sql`update maintenance_sla_terms set fix_minutes = 1 where contract_id = ${c.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    await expect(deps.db.insertInto('maintenance_sla_terms').values({ ...term('2027-01-01T00:00:00Z', 30) }).execute()).rejects.toThrow(/check/); // fix before response
  });
});

describe('a fault’s steps', () => {
  it('are kept in order and never changed; a clock stop needs its reason', async () => {
    const f = await aFault();
    const step = (seq: number, kind: 'raised' | 'prioritised' | 'clock_stopped' | 'clock_restarted', more: Record<string, unknown> = {}) => deps.db.insertInto('fault_events').values({ fault_id: f.id, seq, kind, at: new Date(), ...more }).execute();
    await step(1, 'raised');
    await step(2, 'prioritised', { priority: 'P2' });
    await expect(step(3, 'clock_stopped', { note: 'Pole in a closed car park' })).rejects.toThrow(/check/);
    await step(3, 'clock_stopped', { stop_reason: 'awaiting_council_access', note: 'Pole in a closed car park' });
    await expect(step(3, 'clock_restarted')).rejects.toThrow(/duplicate key/);
    await expect(sql`update fault_events set note = 'x' where fault_id = ${f.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from fault_events where fault_id = ${f.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  });

  it('come from outside the daily checks too, and a fault closes only once accepted', async () => {
    await expect(aFault({ source: 'check' })).rejects.toThrow(/faults_check_source/); // a check's fault names its result
    const f = await aFault({ source: 'contractor', priority: 'P3' });
    await expect(deps.db.updateTable('faults').set({ state: 'closed', closed_at: new Date() }).where('id', '=', f.id).execute()).rejects.toThrow(/faults_closed_accepted/);
    await deps.db.updateTable('faults').set({ state: 'closed', stage: 'accepted', closed_at: new Date() }).where('id', '=', f.id).execute();
  });
});
