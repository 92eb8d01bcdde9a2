import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, makeUser, testDeps } from '../../../../../test/support/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { anIncident, officerActor } from './incidents.walk';
import * as uc from './incidents.usecases';
import { seedIncidentsDemo } from './incidents.demo';

// The database keeps the log as the law expects it: no M/ETHANE version, timeline entry, decision,
// action update or handover is ever changed or removed, and a closed incident cannot change at all.

const deps = testDeps();

describe('the major-incident log', () => {
  it('refuses to change or remove what was written (the append-only triggers)', async () => {
    const ctx = { deps, councilOrgId: (await makeOrganisation(deps)).id };
    const i = await anIncident(ctx);
    const actor = await officerActor(ctx);
    await uc.addTimelineEntry(deps, { actor, id: i.id, input: { source: 'fio', sourceName: '', content: 'Cordon set' } });
    await uc.logDecision(deps, { actor, id: i.id, input: { decision: 'Open the rest centre', rationale: 'Evacuated', options: '', decidedByName: 'Lisa', decidedByRole: '' } });
    for (const statement of [
      sql`update ooh_incident_methane set status = 'stand_down' where incident_id = ${i.id}`,
      sql`delete from ooh_incident_methane where incident_id = ${i.id}`,
      sql`update ooh_incident_timeline set content = 'Nothing happened' where incident_id = ${i.id}`,
      sql`update ooh_incident_decisions set rationale = 'Changed later' where incident_id = ${i.id}`,
      sql`update ooh_incidents set title = 'Renamed' where id = ${i.id}`,
    ]) {
      await expect(statement.execute(deps.db)).rejects.toThrow(/append-only|cannot change/);
    }
    await uc.closeIncident(deps, { actor, id: i.id, input: { note: 'Stood down' } });
    await expect(sql`update ooh_incidents set closing_note = 'Rewritten' where id = ${i.id}`.execute(deps.db)).rejects.toThrow(/closed incident/);
    const row = await deps.db.selectFrom('ooh_incidents').select(['closing_note', 'title']).where('id', '=', i.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ closing_note: 'Stood down', title: 'Shop front collapse, Market Street' });
  });

  it('seeds the demo’s exercise: Exercise Lantern, closed, with its messages, timeline, decisions, actions and a handover', async () => {
    const org = (await makeOrganisation(deps)).id;
    const ooh = await makeUser(deps, { roles: ['ooh_officer'], organisationId: org });
    const sup = await makeUser(deps, { roles: ['supervisor'], organisationId: org });
    const council = { users: { ooh: { ...ooh, role: 'ooh_officer' }, supervisor: { ...sup, role: 'supervisor' } } } as unknown as DemoCouncil;
    const now = new Date('2026-03-20T12:00:00Z');
    expect(await seedIncidentsDemo({ ...deps, clock: { now: () => now } }, council)).toEqual({ oohIncidents: 1 });
    const row = await deps.db.selectFrom('ooh_incidents').select(['id', 'declared_at', 'closed_at']).where('declared_by', '=', ooh.id).executeTakeFirstOrThrow();
    const i = await uc.getIncident(deps, { id: row.id });
    expect(i).toMatchObject({ title: 'Exercise Lantern: gas leak, Market Street', exercise: true, open: false, status: 'stand_down' });
    expect(i.declaredAt.slice(0, 10)).toBe('2026-03-02');
    expect(i.methane.length).toBe(4);
    expect(i.timeline.length).toBeGreaterThanOrEqual(15);
    expect(i.decisions.length).toBe(5);
    expect(i.actions.every((a) => a.status === 'done')).toBe(true);
    expect(i.handovers[0]).toMatchObject({ to: { id: sup.id }, acknowledgedAt: expect.any(String) });
    expect(i.timeline.some((t) => t.correctsSeq !== null)).toBe(true);
    expect(new Date(i.closedAt!).getTime()).toBeLessThan(now.getTime());
  });
});
