import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDeps } from '../../../../../test/support/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { aPcn, patrolActor } from './pcns.walk';
import { seedDemoPcns } from './pcns.demo';

const deps = testDeps();

describe('PCNs in the database', () => {
  it('refuse changes to their events and to what they were issued with', async () => {
    const { id } = await aPcn(deps);
    await expect(sql`update pcn_events set note = 'changed' where pcn_id = ${id}`.execute(deps.db)).rejects.toThrow(/append-only|refuse|not allowed|cannot/i);
    await expect(sql`delete from pcn_events where pcn_id = ${id}`.execute(deps.db)).rejects.toThrow();
    await expect(sql`update pcns set amount_pence = 1 where id = ${id}`.execute(deps.db)).rejects.toThrow(/cannot change/);
    await expect(sql`delete from pcns where id = ${id}`.execute(deps.db)).rejects.toThrow(/cannot change/);
  });

  it('the demo walks PCNs through their lifecycles by age, so that every state appears', async () => {
    // The field module's demo issues the month's PCNs first: a handful stand in for them here.
    for (const daysAgo of [0, 1, 3, 5, 9, 12, 16, 21, 25]) await aPcn(deps, { daysAgo });
    const u = async (role: 'patrol_officer' | 'patrol_leader') => { const a = await patrolActor(deps); await sql`update user_roles set role = ${role} where user_id = ${a.userId}`.execute(deps.db); return { id: a.userId, username: a.audit.actorUsername, role }; };
    const council = { users: { patrol: await u('patrol_officer'), teamleader: await u('patrol_leader') }, area: { streets: ['High Street', 'Market Place'], centre: { lat: 52.2, lon: -1.5 } } } as unknown as DemoCouncil;
    const result = await seedDemoPcns(deps, council);
    if (result.pcnLifecycleSteps === 0) return; // the shared database already had a seeded lifecycle
    const statuses = (await sql<{ status: string }>`select distinct status from pcns`.execute(deps.db)).rows.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['issued', 'informal_challenge', 'notice_to_owner', 'representations', 'appeal', 'charge_certificate', 'order_for_recovery', 'warrant', 'paid', 'cancelled', 'written_off']));
  });
});
