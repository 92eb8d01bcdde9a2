import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import { FaultsQuery } from '../../../../domain/maintenance/faultContract';
import { setSlaTerms } from '../contracts/contracts.usecases';
import * as lines from '../lines/lines.usecases';
import { CreateLine } from '../../../../domain/maintenance/lines';
import * as uc from './faults.usecases';
import { aCamera, aFault } from './faults.walk';

// The fault workflow against a real PostgreSQL: the camera follows its open faults, each party takes
// only its own steps, a contractor reaches only its own contract's faults, clock stops move the
// deadline, and the list judges faults by their clocks. The clock is set: Monday 7 December 2026.

const clock = testClock(new Date('2026-12-07T09:00:00Z'));
const deps: Deps = testDeps({ clock });
type A = uc.Actor;
const actorOf = (u: { id: string; username: string }): A => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
let councilOrg: string;
let operator: A;
let admin: A;
const council: uc.Party = { party: 'council', canDecide: false };
const coordinatorParty: uc.Party = { party: 'council', canDecide: true };
const HOUR = 3_600_000;

beforeAll(async () => {
  councilOrg = (await makeOrganisation(deps)).id;
  operator = actorOf(await makeUser(deps, { roles: ['operator'], organisationId: councilOrg }));
  admin = actorOf(await makeUser(deps, { roles: ['admin'], organisationId: councilOrg }));
});

const cameraStatus = async (id: string) => (await deps.db.selectFrom('cameras').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** A reported P2 fault on a contract with 24/7 terms (response 4 h, fix 24 h), and the contractor's engineer. */
async function setUp() {
  const { fault, contract, camera, coordinator } = await aFault(deps, { councilOrgId: councilOrg });
  await setSlaTerms(deps, {
    actor: admin, contractId: contract.id,
    input: { effectiveFrom: new Date(clock.now().getTime() - 30_000), reason: 'Terms as signed.', terms: [{ priority: 'P2', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }] },
  });
  const orgId = (await deps.db.selectFrom('maintenance_contracts').select('contractor_organisation_id').where('id', '=', contract.id).executeTakeFirstOrThrow()).contractor_organisation_id;
  const engineer = actorOf(await makeUser(deps, { roles: ['contractor'], organisationId: orgId }));
  const contractor: uc.Party = { party: 'contractor', organisationId: orgId };
  return { fault, contract, camera, coordinator: actorOf(coordinator), engineer, contractor };
}

describe('a fault from raising to acceptance', () => {
  it('turns the camera faulty when raised and operational when its fix is accepted, each step audited', async () => {
    const camera = await aCamera(deps);
    const raised = await uc.raiseFault(deps, { actor: operator, source: 'operator', party: council, input: { target: 'camera', cameraId: camera.id, description: 'Picture frozen.', priority: 'P3' } });
    expect(raised.reference).toMatch(/^FLT-2026-\d{6}$/);
    expect(await cameraStatus(camera.id)).toBe('faulty');
    const { contract, engineer, contractor, coordinator } = await setUp();
    // Put it on the contract of the engineer, then walk it through.
    await uc.recordStep(deps, { actor: operator, id: raised.id, party: council, step: { kind: 'prioritised', priority: 'P2', contractId: contract.id } });
    clock.advance(HOUR);
    await uc.recordStep(deps, { actor: engineer, id: raised.id, party: contractor, step: { kind: 'attended' } });
    await uc.recordStep(deps, { actor: engineer, id: raised.id, party: contractor, step: { kind: 'fixed', note: 'Re-terminated the video cable.' } });
    expect(await cameraStatus(camera.id)).toBe('faulty'); // fixed, not yet accepted
    const done = await uc.recordStep(deps, { actor: coordinator, id: raised.id, party: coordinatorParty, step: { kind: 'accepted' } });
    expect(done).toMatchObject({ stage: 'accepted', state: 'closed' });
    const detail = await uc.getFault(deps, { id: raised.id, party: council });
    expect(detail.events.map((e) => e.kind)).toEqual(['raised', 'prioritised', 'prioritised', 'attended', 'fixed', 'accepted']);
    expect(detail.response).toMatchObject({ outcome: 'met' });
    expect(detail.fix).toMatchObject({ outcome: 'met' });
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', raised.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['fault.raised', 'fault.prioritised', 'fault.attended', 'fault.fixed', 'fault.accepted']);
    expect(audit.at(-1)!.details).toMatchObject({ restored: 'operational' });
    expect(await cameraStatus(camera.id)).toBe('operational');
  });

  it('keeps the camera faulty after an accepted fix while another fault is open on it, or its line is down', async () => {
    const { fault, camera, engineer, contractor, coordinator } = await setUp();
    const other = await uc.raiseFault(deps, { actor: operator, source: 'operator', party: council, input: { target: 'camera', cameraId: camera.id, description: 'Infrared not switching on.' } });
    for (const step of [{ kind: 'attended' as const }, { kind: 'fixed' as const, note: 'New PSU.' }]) await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step });
    await uc.recordStep(deps, { actor: coordinator, id: fault.id, party: coordinatorParty, step: { kind: 'accepted' } });
    expect(await cameraStatus(camera.id)).toBe('faulty');

    // Its own last fault accepted, but the line serving it is down: still faulty.
    const line = await lines.createLine(deps, { actor: coordinator, input: CreateLine.parse({ reference: `BT-${camera.reference}`, provider: 'Openreach', kind: 'fibre', circuitId: `C-${camera.reference}` }) });
    await lines.linkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: camera.id });
    await lines.raiseLineFault(deps, { actor: coordinator, lineId: line.id, note: 'Cable cut by roadworks.' });
    await uc.recordStep(deps, { actor: coordinator, id: other.id, party: coordinatorParty, step: { kind: 'prioritised', priority: 'P2', contractId: (await uc.getFault(deps, { id: fault.id, party: council })).contract!.id } });
    for (const step of [{ kind: 'attended' as const }, { kind: 'fixed' as const, note: 'IR board swapped.' }]) await uc.recordStep(deps, { actor: engineer, id: other.id, party: contractor, step });
    await uc.recordStep(deps, { actor: coordinator, id: other.id, party: coordinatorParty, step: { kind: 'accepted' } });
    expect(await cameraStatus(camera.id)).toBe('faulty');
    await lines.clearLineFault(deps, { actor: coordinator, lineId: line.id, note: 'Spliced.' });
    expect(await cameraStatus(camera.id)).toBe('operational');
  });

  it('reopens a fix with the reason: the fault goes back to reported and the fix clock keeps running', async () => {
    const { fault, engineer, contractor, coordinator } = await setUp();
    for (const step of [{ kind: 'attended' as const }, { kind: 'fixed' as const, note: 'Cleaned the dome.' }]) await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step });
    const reopened = await uc.recordStep(deps, { actor: coordinator, id: fault.id, party: coordinatorParty, step: { kind: 'reopened', note: 'Still blurred at night.' } });
    expect(reopened.stage).toBe('reported');
    clock.advance(25 * HOUR);
    const detail = await uc.getFault(deps, { id: fault.id, party: council });
    expect(detail.fix).toMatchObject({ outcome: 'breached', doneAt: null });
    clock.advance(-25 * HOUR);
  });
});

describe('who may take which step', () => {
  it('refuses the council the contractor’s steps and the contractor the council’s, with the reason', async () => {
    const { fault, engineer, contractor } = await setUp();
    await expect(uc.recordStep(deps, { actor: operator, id: fault.id, party: council, step: { kind: 'attended' } as never }))
      .rejects.toMatchObject({ status: 409, message: '“Attended” is the contractor’s to record' });
    await expect(uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'fixed', note: 'Done.' } }))
      .rejects.toMatchObject({ status: 409, message: 'A fault reported cannot be fixed' });
    await expect(uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'accepted' } as never }))
      .rejects.toMatchObject({ status: 409 });
    expect((await uc.getFault(deps, { id: fault.id, party: contractor })).nextSteps).toEqual(expect.arrayContaining(['attended', 'clock_stopped', 'note']));
    expect((await uc.getFault(deps, { id: fault.id, party: council })).nextSteps).not.toContain('accepted');
  });

  it('answers a contractor reaching for another contractor’s fault as if it did not exist', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    await expect(uc.getFault(deps, { id: theirs.fault.id, party: mine.contractor })).rejects.toMatchObject({ status: 404 });
    await expect(uc.recordStep(deps, { actor: mine.engineer, id: theirs.fault.id, party: mine.contractor, step: { kind: 'attended' } })).rejects.toMatchObject({ status: 404 });
    const list = await uc.listFaults(deps, { query: FaultsQuery.parse({ pageSize: 200 }), viewer: mine.contractor });
    expect(list.items.map((f) => f.id)).toContain(mine.fault.id);
    expect(list.items.map((f) => f.id)).not.toContain(theirs.fault.id);
    expect(list.items.every((f) => f.contract?.id === mine.contract.id)).toBe(true);
    // The council's people are not named to the contractor.
    expect(list.items.find((f) => f.id === mine.fault.id)!.raisedBy).toBeNull();
  });

  it('refuses a time in the future or before the fault was raised, and a council part not signed out against the fault', async () => {
    const { fault, engineer, contractor } = await setUp();
    await expect(uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'attended', at: new Date(clock.now().getTime() + 10 * 60_000) } }))
      .rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'at', message: 'The time cannot be in the future' }] });
    await expect(uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'attended', at: new Date(clock.now().getTime() - 48 * HOUR) } }))
      .rejects.toMatchObject({ status: 400 });
    await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'attended' } });
    // A council part not signed out against this fault (any id the ledger has no sign-out for) is refused.
    await expect(uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'part_used', description: 'PSU 12 V', quantity: 1, partId: randomUUID() } }))
      .rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'partId' }] });
    const used = await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'part_used', description: 'Contractor’s own 12 V PSU', quantity: 1 } });
    expect(used.stage).toBe('attended');
    const detail = await uc.getFault(deps, { id: fault.id, party: contractor });
    expect(detail.events.at(-1)!.part).toEqual({ description: 'Contractor’s own 12 V PSU', quantity: 1, partId: null });
  });
});

describe('the clocks', () => {
  it('stops the fix clock while a part is awaited, moving its deadline by the time stopped', async () => {
    const { fault, engineer, contractor } = await setUp();
    const raisedAt = clock.now().getTime();
    clock.advance(2 * HOUR);
    await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'attended' } });
    await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'awaiting_parts', note: 'Pan motor ordered from the maker.', stopClock: true } });
    let detail = await uc.getFault(deps, { id: fault.id, party: council });
    expect(detail).toMatchObject({ stage: 'awaiting_parts', clockStopped: true, fix: { outcome: 'stopped', deadline: null } });
    clock.advance(10 * HOUR);
    await uc.recordStep(deps, { actor: engineer, id: fault.id, party: contractor, step: { kind: 'clock_restarted', note: 'Part arrived.' } });
    detail = await uc.getFault(deps, { id: fault.id, party: council });
    // 24 h from the raising, plus the 10 h stopped.
    expect(new Date(detail.fix!.deadline!).getTime()).toBe(raisedAt + 34 * HOUR);
    expect(detail.stops).toHaveLength(1);
    clock.advance(-12 * HOUR);
  });

  it('lists open faults at risk or breached by their clocks, for the list filter and the coordinator’s page', async () => {
    const { fault } = await setUp();
    clock.advance(3.5 * HOUR); // 87.5% of the 4 h response
    const atRisk = await uc.listFaults(deps, { query: FaultsQuery.parse({ sla: 'at_risk', pageSize: 200 }), viewer: { party: 'council' } });
    expect(atRisk.items.map((f) => f.id)).toContain(fault.id);
    expect((await uc.listFaults(deps, { query: FaultsQuery.parse({ sla: 'breached', pageSize: 200 }), viewer: { party: 'council' } })).items.map((f) => f.id)).not.toContain(fault.id);
    clock.advance(HOUR);
    expect((await uc.listFaults(deps, { query: FaultsQuery.parse({ sla: 'breached', pageSize: 200 }), viewer: { party: 'council' } })).items.map((f) => f.id)).toContain(fault.id);
    const home = await uc.faultsAtRisk(deps);
    expect(home.breached).toBeGreaterThanOrEqual(1);
    expect(home.items.find((f) => f.id === fault.id)?.response?.outcome).toBe('breached');
    clock.advance(-4.5 * HOUR);
  });
});
