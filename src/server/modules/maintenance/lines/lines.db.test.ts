import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import { CreateLine } from '../../../../domain/maintenance/lines';
import * as uc from './lines.usecases';
import { openLineFaultOfCamera } from './lines.repository';
import { aCameraRow } from './lines.walk';

// Connectivity lines against a real PostgreSQL: the register's connectivity line kept in step by
// linking, a line's fault marking its cameras faulty through the register's history, and clearing it
// returning them to operational except where a fault of their own is open. The clock is set.

const clock = testClock(new Date('2026-06-10T09:00:00Z'));
const deps: Deps = testDeps({ clock });
let coordinator: uc.Actor;

beforeAll(async () => {
  const org = (await makeOrganisation(deps)).id;
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: org });
  coordinator = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
});

const short = () => randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
const input = (over: Partial<Record<string, unknown>> = {}) => CreateLine.parse({
  reference: `BT-${short()}`, provider: `Provider ${short()}`, kind: 'fibre', circuitId: `CCT-${short()}`, monthlyCostPence: 3900, contractEndsOn: '2027-01-31', ...over,
});
const camera = (id: string) => deps.db.selectFrom('cameras').select(['status', 'connectivity_line', 'version', 'change_reason', 'updated_by']).where('id', '=', id).executeTakeFirstOrThrow();
const versions = (id: string) => deps.db.selectFrom('camera_versions').select(['version', 'reason', 'changed_by', 'entry']).where('camera_id', '=', id).orderBy('version').execute();

async function ownFault(cameraId: string, by: string) {
  const n = Math.floor(Math.random() * 1e9);
  return deps.db.insertInto('faults').values({
    reference: `F-T-${n}`, year: 2026, number: n, camera_id: cameraId, description: 'Camera housing broken', raised_by: by, raised_at: clock.now(), source: 'operator',
  }).returning('id').executeTakeFirstOrThrow();
}

describe('the register names the line', () => {
  it('links, on creation, the cameras in service whose connectivity line names it (whatever the case and spaces), writing its reference through the history', async () => {
    const i = input();
    const exact = await aCameraRow({ deps }, { connectivity_line: i.reference });
    const loose = await aCameraRow({ deps }, { connectivity_line: ` ${i.reference.toLowerCase()} ` });
    const other = await aCameraRow({ deps }, { connectivity_line: 'SOMETHING-ELSE' });
    const gone = await aCameraRow({ deps }, { connectivity_line: i.reference });
    await deps.db.updateTable('cameras').set({ status: 'decommissioned', updated_by: coordinator.userId, changed_at: clock.now(), change_reason: 'removed' }).where('id', '=', gone.id).execute();

    const line = await uc.createLine(deps, { actor: coordinator, input: i });
    expect(line.matchedCameras!.map((c) => c.id).sort()).toEqual([exact.id, loose.id].sort());
    expect(line.cameras.map((c) => c.id).sort()).toEqual([exact.id, loose.id].sort());
    expect(line.cameraCount).toBe(2);

    expect(await camera(exact.id)).toMatchObject({ connectivity_line: i.reference, version: 1 }); // already right: no new version
    expect(await camera(loose.id)).toMatchObject({ connectivity_line: i.reference, version: 2, change_reason: `linked to line ${i.reference}`, updated_by: coordinator.userId });
    expect((await camera(other.id)).version).toBe(1);
    expect((await camera(gone.id)).connectivity_line).toBe(i.reference);
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', line.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'line.created', details: expect.objectContaining({ cameras: expect.arrayContaining([exact.reference, loose.reference]) }) })]);
  });

  it('keeps the camera’s connectivity line in step when linking, unlinking and renaming the line, each a version with why', async () => {
    const i = input();
    const line = await uc.createLine(deps, { actor: coordinator, input: i });
    const cam = await aCameraRow({ deps }, { connectivity_line: 'OLD-LINE' });

    const linked = await uc.linkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id });
    expect(linked.cameras.map((c) => c.id)).toEqual([cam.id]);
    expect(await camera(cam.id)).toMatchObject({ connectivity_line: i.reference, version: 2, change_reason: `linked to line ${i.reference}` });
    // Linking again changes nothing; another line cannot take the camera.
    await uc.linkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id });
    expect((await camera(cam.id)).version).toBe(2);
    const other = await uc.createLine(deps, { actor: coordinator, input: input() });
    await expect(uc.linkCamera(deps, { actor: coordinator, lineId: other.id, cameraId: cam.id })).rejects.toMatchObject({ status: 409, code: 'maintenance.camera_on_another_line' });

    const renamed = await uc.updateLine(deps, { actor: coordinator, id: line.id, input: { version: 1, reference: `${i.reference}-R` } });
    expect(renamed).toMatchObject({ reference: `${i.reference}-R`, version: 2 });
    expect(await camera(cam.id)).toMatchObject({ connectivity_line: `${i.reference}-R`, version: 3, change_reason: `line ${i.reference} renamed ${i.reference}-R` });
    await expect(uc.updateLine(deps, { actor: coordinator, id: line.id, input: { version: 1, notes: 'late' } })).rejects.toMatchObject({ status: 409, code: 'maintenance.line_stale_version' });

    await uc.unlinkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id });
    expect(await camera(cam.id)).toMatchObject({ connectivity_line: null, version: 4, change_reason: `unlinked from line ${i.reference}-R` });
    await expect(uc.unlinkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id })).rejects.toMatchObject({ status: 404 });
    expect((await versions(cam.id)).map((v) => [v.reason, (v.entry as { connectivity_line: string | null }).connectivity_line]))
      .toEqual([['registered', 'OLD-LINE'], [`linked to line ${i.reference}`, i.reference], [`line ${i.reference} renamed ${i.reference}-R`, `${i.reference}-R`], [`unlinked from line ${i.reference}-R`, null]]);
  });

  it('refuses a reference or circuit id already recorded, whatever its case', async () => {
    const i = input();
    await uc.createLine(deps, { actor: coordinator, input: i });
    await expect(uc.createLine(deps, { actor: coordinator, input: input({ reference: i.reference.toLowerCase() }) })).rejects.toMatchObject({ status: 409, code: 'maintenance.line_reference_taken' });
    await expect(uc.createLine(deps, { actor: coordinator, input: input({ circuitId: i.circuitId.toLowerCase() }) })).rejects.toMatchObject({ status: 409, code: 'maintenance.line_circuit_taken' });
  });
});

describe('a line’s fault marks its cameras', () => {
  it('marks every camera the line serves faulty with the reason "line fault: <circuit>", and clearing returns them except one with a fault of its own', async () => {
    const i = input();
    const [a, b, withOwnFault] = [await aCameraRow({ deps }, { connectivity_line: i.reference }), await aCameraRow({ deps }, { connectivity_line: i.reference }), await aCameraRow({ deps }, { connectivity_line: i.reference })];
    const stored = await aCameraRow({ deps }, { connectivity_line: i.reference });
    await deps.db.updateTable('cameras').set({ status: 'out_of_service', updated_by: coordinator.userId, changed_at: clock.now(), change_reason: 'in store' }).where('id', '=', stored.id).execute();
    const line = await uc.createLine(deps, { actor: coordinator, input: i });
    expect(line.cameras).toHaveLength(4);

    const raised = await uc.raiseLineFault(deps, { actor: coordinator, lineId: line.id, note: 'Cable cut by roadworks on Station Street.' });
    expect(raised.changed.map((c) => c.id).sort()).toEqual([a.id, b.id, withOwnFault.id].sort());
    expect(raised.leftAsTheyWere).toEqual([expect.objectContaining({ id: stored.id, why: 'already out of service' })]);
    for (const id of [a.id, b.id, withOwnFault.id]) {
      expect(await camera(id)).toMatchObject({ status: 'faulty', change_reason: `line fault: ${i.circuitId}`, updated_by: coordinator.userId });
      expect((await versions(id)).at(-1)).toMatchObject({ reason: `line fault: ${i.circuitId}`, changed_by: coordinator.userId, entry: expect.objectContaining({ status: 'faulty' }) });
    }
    expect((await camera(stored.id)).status).toBe('out_of_service');
    expect((await uc.getLine(deps, { id: line.id })).fault).toMatchObject({ note: 'Cable cut by roadworks on Station Street.', raisedBy: { id: coordinator.userId } });
    await expect(uc.raiseLineFault(deps, { actor: coordinator, lineId: line.id, note: 'Again.' })).rejects.toMatchObject({ status: 409, code: 'maintenance.line_fault_open' });

    // While the line is down, the camera gets a fault of its own (its housing broken).
    await ownFault(withOwnFault.id, coordinator.userId);

    clock.advance(3_600_000);
    const cleared = await uc.clearLineFault(deps, { actor: coordinator, lineId: line.id, note: 'Provider spliced the cable.' });
    expect(cleared.changed.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(cleared.leftAsTheyWere).toEqual([expect.objectContaining({ id: withOwnFault.id, status: 'faulty', why: '1 fault of its own open' })]);
    for (const id of [a.id, b.id]) expect(await camera(id)).toMatchObject({ status: 'operational', change_reason: `line fault cleared: ${i.circuitId}` });
    expect(await camera(withOwnFault.id)).toMatchObject({ status: 'faulty', change_reason: `line fault: ${i.circuitId}` });
    expect((await camera(stored.id)).status).toBe('out_of_service');
    const after = await uc.getLine(deps, { id: line.id });
    expect(after.fault).toBeNull();
    expect(after.faults).toEqual([expect.objectContaining({ clearedBy: expect.objectContaining({ id: coordinator.userId }), clearNote: 'Provider spliced the cable.' })]);
    await expect(uc.clearLineFault(deps, { actor: coordinator, lineId: line.id })).rejects.toMatchObject({ status: 409, code: 'maintenance.line_no_open_fault' });

    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', line.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['line.created', 'line.fault-raised', 'line.fault-cleared']);
  });

  it('marks a camera linked while the fault is open, and returns one unlinked while it is open', async () => {
    const line = await uc.createLine(deps, { actor: coordinator, input: input() });
    await uc.raiseLineFault(deps, { actor: coordinator, lineId: line.id, note: '4G mast down.' });
    const cam = await aCameraRow({ deps });
    await uc.linkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id });
    expect((await camera(cam.id)).status).toBe('faulty');
    expect(await openLineFaultOfCamera(deps.db, cam.id)).toMatchObject({ line_id: line.id, circuit_id: line.circuitId });
    await uc.unlinkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: cam.id });
    expect(await camera(cam.id)).toMatchObject({ status: 'operational', connectivity_line: null });
    expect(await openLineFaultOfCamera(deps.db, cam.id)).toBeUndefined();
    // A camera already faulty when linked is not the line's to return.
    const broken = await aCameraRow({ deps }, { status: 'faulty' });
    await uc.linkCamera(deps, { actor: coordinator, lineId: line.id, cameraId: broken.id });
    await uc.clearLineFault(deps, { actor: coordinator, lineId: line.id });
    expect((await camera(broken.id)).status).toBe('faulty');
  });
});

describe('the list', () => {
  it('filters by type, provider and contracts ending within 90 London days (ended ones included), and sorts', async () => {
    const provider = `Ending ${short()}`;
    const mk = (contractEndsOn: string | null, kind = 'fibre') => uc.createLine(deps, { actor: coordinator, input: input({ provider, contractEndsOn, kind }) });
    const day90 = await mk('2026-09-08'); // today is 10 June 2026: 90 days on
    const day91 = await mk('2026-09-09');
    const ended = await mk('2026-05-01', '4g');
    const none = await mk(null, 'radio');
    const all = await uc.listLines(deps, { provider: provider.toUpperCase(), sort: 'contract_ends_on_asc' });
    expect(all.map((l) => l.id)).toEqual([ended.id, day90.id, day91.id, none.id]);
    expect(all.map((l) => l.contractEnd.status)).toEqual(['ended', 'ending_soon', 'current', 'none']);
    const soon = await uc.listLines(deps, { provider, endingSoon: true, sort: 'contract_ends_on_desc' });
    expect(soon.map((l) => l.id)).toEqual([day90.id, ended.id]);
    expect((await uc.listLines(deps, { provider, kind: '4g', sort: 'reference_asc' })).map((l) => l.id)).toEqual([ended.id]);
  });
});
