import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, silentLog, testClock, testConfig, testStorage, uniq } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import { londonDay, londonWallClock } from '../../../../domain/calendar/london';
import { RequestDeployment, ReviewDeployment } from '../../../../domain/estate/deployments';
import { addDays } from './deployments.models';
import * as uc from './deployments.usecases';
import { TINY_PNG } from './deployments.walk';

// Deployment rules against a real PostgreSQL. Reviews due and incident counts read every row, so
// this file has a database of its own; the clock is set, never waited for.

let handle: OwnDatabase;
let deps: Deps;
const clock = testClock(new Date('2026-06-10T09:00:00Z'));
type Actor = uc.Actor;
let officer: Actor;
let coordinator: Actor;

beforeAll(async () => {
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig(), clock, log: silentLog, storage: testStorage() };
  const org = (await makeOrganisation(deps)).id;
  const actor = async (role: 'enforcement_officer' | 'coordinator') => {
    const u = await makeUser(deps, { roles: [role], organisationId: org });
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  };
  officer = await actor('enforcement_officer');
  coordinator = await actor('coordinator');
});
afterAll(async () => handle?.drop());

const input = (over: Partial<{ latitude: number; longitude: number; from: string; to: string }> = {}) => RequestDeployment.parse({
  locationText: 'Station Street, Burton upon Trent', latitude: over.latitude ?? 52.8037, longitude: over.longitude ?? -1.637,
  problem: 'Shop windows broken most weekends.', evidencePeriod: { radiusM: 200, from: over.from ?? '2026-01-01', to: over.to ?? '2026-05-31' },
  proposedDays: 120, alternatives: 'Patrols and shutters tried.', dpiaReference: 'DPIA-2026-01',
});

async function aMobileCamera(kind: 'mobile' | 'ptz' = 'mobile') {
  return deps.db.insertInto('cameras').values({ reference: uniq('M').toUpperCase().slice(0, 16), name: 'Redeployable', location_text: 'Depot', latitude: 52.8, longitude: -1.62, kind, status: 'out_of_service' })
    .returning(['id', 'reference']).executeTakeFirstOrThrow();
}

const photo = async () => (await deps.storage.put(TINY_PNG)).sha256;
const today = () => londonDay(clock.now());

async function approved() {
  const { id, reference } = await uc.requestDeployment(deps, { actor: officer, input: input() });
  await uc.decideDeployment(deps, { actor: coordinator, deploymentId: id, input: { decision: 'approve', reasons: 'Evidence and DPIA in order.' } });
  return { id, reference };
}

describe('no deployment without approval', () => {
  it('refuses to deploy a camera on a request awaiting a decision, refused or withdrawn, and leaves the register as it was', async () => {
    const camera = await aMobileCamera();
    const pending = await uc.requestDeployment(deps, { actor: officer, input: input() });
    const refused = await uc.requestDeployment(deps, { actor: officer, input: input() });
    await uc.decideDeployment(deps, { actor: coordinator, deploymentId: refused.id, input: { decision: 'refuse', reasons: 'Not proportionate.' } });
    const withdrawn = await uc.requestDeployment(deps, { actor: officer, input: input() });
    await uc.withdrawDeployment(deps, { actor: officer, deploymentId: withdrawn.id, reason: 'No longer needed.' });
    const sha256 = await photo();
    for (const d of [pending, refused, withdrawn]) {
      const attempt = uc.deployCamera(deps, { actor: officer, deploymentId: d.id, input: { cameraId: camera.id, deployedOn: today(), signagePhotoSha256: sha256, reviewPeriodDays: 90 } });
      await expect(attempt).rejects.toMatchObject({ status: 409, code: 'estate.deployment_not_approved', message: expect.stringMatching(/only on an approved request/) });
    }
    const cam = await deps.db.selectFrom('cameras').select(['latitude', 'status', 'version']).where('id', '=', camera.id).executeTakeFirstOrThrow();
    expect(cam).toEqual({ latitude: 52.8, status: 'out_of_service', version: 1 });
  });

  it('lets nobody decide their own request', async () => {
    const { id } = await uc.requestDeployment(deps, { actor: coordinator, input: input() });
    await expect(uc.decideDeployment(deps, { actor: coordinator, deploymentId: id, input: { decision: 'approve', reasons: 'My own idea.' } }))
      .rejects.toMatchObject({ status: 409, code: 'estate.own_request' });
    expect((await uc.getDeployment(deps, { deploymentId: id })).state).toBe('requested');
  });

  it('keeps a decision as it was made: a second decision is refused and the events cannot be changed', async () => {
    const { id } = await approved();
    await expect(uc.decideDeployment(deps, { actor: coordinator, deploymentId: id, input: { decision: 'refuse', reasons: 'Changed my mind.' } }))
      .rejects.toMatchObject({ status: 409, code: 'estate.deployment_step_refused' });
    await expect(deps.db.updateTable('mobile_deployment_events').set({ reason: 'edited' }).where('deployment_id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(deps.db.deleteFrom('mobile_deployments').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
  });

  it('takes only a mobile camera from the register, not one deployed elsewhere, and only with a signage photo', async () => {
    const first = await approved();
    const second = await approved();
    const camera = await aMobileCamera();
    const sha256 = await photo();
    const deploy = (deploymentId: string, over: Partial<{ cameraId: string; signagePhotoSha256: string }> = {}) =>
      uc.deployCamera(deps, { actor: officer, deploymentId, input: { cameraId: camera.id, deployedOn: today(), signagePhotoSha256: sha256, reviewPeriodDays: 90, ...over } });
    await expect(deploy(first.id, { cameraId: (await aMobileCamera('ptz')).id })).rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'cameraId' }] });
    await expect(deploy(first.id, { signagePhotoSha256: 'a'.repeat(64) })).rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'signagePhotoSha256' }] });
    await deploy(first.id);
    await expect(deploy(second.id)).rejects.toMatchObject({ status: 409, code: 'estate.camera_deployed_elsewhere', message: expect.stringContaining(first.reference) });
  });
});

describe('deploying, reviewing and removing', () => {
  it('moves the camera in the register with who, when and why, and back in store when removed', async () => {
    const { id, reference } = await approved();
    const camera = await aMobileCamera();
    await uc.deployCamera(deps, { actor: officer, deploymentId: id, input: { cameraId: camera.id, deployedOn: today(), signagePhotoSha256: await photo(), reviewPeriodDays: 90 } });
    const versions = () => deps.db.selectFrom('camera_versions').select(['version', 'reason', 'changed_by', 'valid_from', 'entry']).where('camera_id', '=', camera.id).orderBy('version').execute();
    const deployed = (await versions())[1];
    expect(deployed).toMatchObject({ version: 2, reason: `deployed on ${reference}`, changed_by: officer.userId, valid_from: clock.now() });
    expect(deployed.entry).toMatchObject({ latitude: 52.8037, longitude: -1.637, location_text: 'Station Street, Burton upon Trent', status: 'operational' });

    await uc.removeCamera(deps, { actor: officer, deploymentId: id, input: { removedOn: today(), reason: 'Problem solved.' } });
    expect((await versions())[2]).toMatchObject({ version: 3, reason: `removed from ${reference}: back in store`, entry: expect.objectContaining({ status: 'out_of_service' }) });
    const history = (await uc.listMobileCameraHistory(deps)).items.find((c) => c.camera.id === camera.id)!;
    expect(history).toMatchObject({ current: null, deployments: [{ deploymentId: id, reference, from: today(), to: today(), latitude: 52.8037 }] });
    expect((await uc.getDeployment(deps, { deploymentId: id })).events.map((e) => e.kind)).toEqual(['requested', 'approved', 'deployed', 'removed']);
  });

  it('sets the first review the review period after deployment, and the next from each review', async () => {
    const { id } = await approved();
    const camera = await aMobileCamera();
    const r = await uc.deployCamera(deps, { actor: officer, deploymentId: id, input: { cameraId: camera.id, deployedOn: today(), signagePhotoSha256: await photo(), reviewPeriodDays: 30 } });
    expect(r.reviewDueOn).toBe(addDays(today(), 30));
    const review = await uc.reviewDeployment(deps, { actor: coordinator, deploymentId: id, input: { reviewedOn: today(), isNecessary: true, isProportionate: true, notes: '' } });
    expect(review.reviewDueOn).toBe(addDays(today(), 30));
    const chosen = await uc.reviewDeployment(deps, { actor: coordinator, deploymentId: id, input: { reviewedOn: today(), isNecessary: true, isProportionate: true, notes: 'Look again after the festival.', nextReviewOn: addDays(today(), 10) } });
    expect(chosen.reviewDueOn).toBe(addDays(today(), 10));
    const d = await uc.getDeployment(deps, { deploymentId: id });
    expect(d).toMatchObject({ state: 'deployed', reviewDueOn: addDays(today(), 10), reviewStatus: 'due_soon' });
    expect(d.events.at(-1)).toMatchObject({ kind: 'reviewed', isNecessary: true, isProportionate: true, reason: 'Look again after the festival.' });
    await expect(uc.reviewDeployment(deps, { actor: coordinator, deploymentId: id, input: { reviewedOn: addDays(today(), 1), isNecessary: true, isProportionate: true, notes: '' } }))
      .rejects.toMatchObject({ status: 400, fieldErrors: [{ path: 'reviewedOn' }] });
  });

  it('puts a camera a review found no longer necessary or proportionate first on the home page, to take down, with no further review', async () => {
    expect(ReviewDeployment.safeParse({ reviewedOn: today(), isNecessary: true, isProportionate: false, notes: 'Too intrusive for the flats opposite.', nextReviewOn: addDays(today(), 30) }).error?.issues[0])
      .toMatchObject({ path: ['nextReviewOn'], message: expect.stringMatching(/taken down, not reviewed again/) });
    const { id } = await approved();
    await uc.deployCamera(deps, { actor: officer, deploymentId: id, input: { cameraId: (await aMobileCamera()).id, deployedOn: today(), signagePhotoSha256: await photo(), reviewPeriodDays: 90 } });
    expect((await uc.listReviewsDue(deps)).items.map((i) => i.id)).not.toContain(id); // due in 90 days
    const review = await uc.reviewDeployment(deps, { actor: coordinator, deploymentId: id, input: { reviewedOn: today(), isNecessary: true, isProportionate: false, notes: 'Too intrusive for the flats opposite.' } });
    expect(review).toMatchObject({ removalDue: true });
    expect(await uc.getDeployment(deps, { deploymentId: id })).toMatchObject({ state: 'deployed', reviewStatus: 'removal_due' });
    const due = await uc.listReviewsDue(deps);
    expect(due.items[0]).toMatchObject({ id, reviewStatus: 'removal_due' });
    // Not a review gone overdue: no review reminder, however long it stays up.
    expect((await uc.listOverdue(deps.db, new Date(clock.now().getTime() + 30 * 86_400_000))).map((d) => d.id)).not.toContain(id);
    await uc.removeCamera(deps, { actor: officer, deploymentId: id, input: { removedOn: today(), reason: 'Taken down after review.' } });
    expect((await uc.listReviewsDue(deps)).items.map((i) => i.id)).not.toContain(id);
  });

  it('flags a review overdue once its due day has passed in London, and counts it for the home page', async () => {
    const deployedAt = new Date('2026-03-20T10:00:00Z');
    const local = { ...deps, clock: { now: () => deployedAt } };
    const { id } = await uc.requestDeployment(local, { actor: officer, input: input() });
    await uc.decideDeployment(local, { actor: coordinator, deploymentId: id, input: { decision: 'approve', reasons: 'Justified.' } });
    // Deployed 20 March with a 9-day period: due Sunday 29 March, the day the clocks go forward.
    await uc.deployCamera(local, { actor: officer, deploymentId: id, input: { cameraId: (await aMobileCamera()).id, deployedOn: '2026-03-20', signagePhotoSha256: await photo(), reviewPeriodDays: 9 } });
    const at = (instant: Date) => uc.listReviewsDue({ ...deps, clock: { now: () => instant } });
    const lastMinute = await at(londonWallClock('2026-03-29', { hour: 23, minute: 59 })!);
    expect(lastMinute.items.find((i) => i.id === id)).toMatchObject({ reviewDueOn: '2026-03-29', reviewStatus: 'due_soon' });
    const midnight = await at(londonWallClock('2026-03-30')!);
    expect(midnight.items.find((i) => i.id === id)).toMatchObject({ reviewStatus: 'overdue' });
    expect(midnight.overdue).toBe(midnight.items.filter((i) => i.reviewStatus === 'overdue').length);
    expect(midnight.overdue).toBeGreaterThanOrEqual(1);
    expect((await uc.listOverdue(deps.db, londonWallClock('2026-03-30')!)).map((d) => d.id)).toContain(id);
    expect((await uc.listOverdue(deps.db, londonWallClock('2026-03-29', { hour: 23, minute: 59 })!)).map((d) => d.id)).not.toContain(id);
  });
});

describe('evidence from the occurrence log', () => {
  it('counts occurrences by category within the radius and the London days, and records them with the request', async () => {
    const user = officer.userId;
    const cats = await deps.db.selectFrom('occurrence_categories').select(['id', 'key']).where('key', 'in', ['violence', 'asb']).execute();
    const cat = (key: string) => cats.find((c) => c.key === key)!.id;
    let n = 900_000;
    const occurrence = (key: string, lat: number, lon: number, opened: string) => deps.db.insertInto('occurrences').values({
      reference: `OCC-2025-${++n}`, year: 2025, number: n, opened_at: new Date(opened), opened_by: user, source: 'camera_patrol', category_id: cat(key), priority: 'normal',
      summary: 'Test', latitude: lat, longitude: lon,
    } as never).execute();
    const [lat, lon] = [52.7950, -1.6450]; // away from the other tests' points
    await occurrence('violence', lat + 0.0009, lon, '2025-07-10T12:00:00Z'); // ~100 m north
    await occurrence('asb', lat, lon + 0.0015, '2025-07-11T12:00:00Z'); // ~100 m east
    await occurrence('asb', lat, lon, '2025-07-31T23:30:00Z'); // 00:30 on 1 August in London: outside July
    await occurrence('asb', lat + 0.0036, lon, '2025-07-12T12:00:00Z'); // ~400 m: outside the radius
    const counts = await uc.countIncidents(deps.db, { latitude: lat, longitude: lon, radiusM: 250, from: '2025-07-01', to: '2025-07-31' });
    expect(counts).toEqual({ radiusM: 250, from: '2025-07-01', to: '2025-07-31', total: 2, byCategory: expect.arrayContaining([{ category: 'violence', name: 'Violence', count: 1 }, { category: 'asb', name: 'Anti-social behaviour', count: 1 }]) });
    const { id } = await uc.requestDeployment(deps, { actor: officer, input: input({ latitude: lat, longitude: lon, from: '2025-07-01', to: '2025-08-01' }) });
    expect((await uc.getDeployment(deps, { deploymentId: id })).evidence).toMatchObject({ total: 3, radiusM: 200 });
  });
});
