import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay, londonDayAfter, londonDayStart, londonYear } from '../../../../domain/calendar/london';
import {
  REVIEW_DUE_SOON_DAYS, SIGNAGE_PHOTO_MAX_BYTES,
  type DecideDeployment, type DeployCamera, type Deployment, type DeploymentEventKind, type IncidentCounts, type RemoveCamera, type RequestDeployment, type ReviewDeployment,
} from '../../../../domain/estate/deployments';
import { imageTypeOf } from '../../../platform/http/upload';
import * as repo from './deployments.repository';
import * as errors from './deployments.errors';
import { addDays, checkStepDays, deploymentReference, firstReviewDue, nextReviewDue, nextState, reviewStatus } from './deployments.models';
import { toDeployment, toSummary } from './deployments.views';

// What people do with mobile deployments: request one (with the incident counts around the point),
// decide it, withdraw it, deploy a camera on it, review it, remove it. Each step is one transaction
// under the deployment's row lock, writes its event row and its audit event, and deploying or
// removing moves the camera in the register (whose trigger keeps the version).

export interface Actor { audit: AuditActor; userId: string }

/** Incident counts from the occurrence log within `radiusM` of the point over the London days from..to. */
export async function countIncidents(db: Db, q: { latitude: number; longitude: number; radiusM: number; from: string; to: string }): Promise<IncidentCounts> {
  // Imported when used: the occurrence log itself imports the estate (its camera picker).
  const { countOccurrencesNear } = await import('../../occurrences');
  const byCategory = await countOccurrencesNear(db, { latitude: q.latitude, longitude: q.longitude, radiusM: q.radiusM, from: londonDayStart(q.from)!, to: londonDayAfter(q.to)! });
  return { radiusM: q.radiusM, from: q.from, to: q.to, total: byCategory.reduce((n, c) => n + c.count, 0), byCategory };
}

export async function requestDeployment(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof RequestDeployment> }) {
  const now = deps.clock.now();
  const evidence = await countIncidents(deps.db, { latitude: input.latitude, longitude: input.longitude, ...input.evidencePeriod });
  return deps.db.transaction().execute(async (trx) => {
    const reference = deploymentReference({ year: londonYear(now), number: await repo.nextDeploymentNumber(trx) });
    const d = await repo.insertDeployment(trx, {
      reference, location_text: input.locationText, latitude: input.latitude, longitude: input.longitude, problem: input.problem, evidence: JSON.stringify(evidence),
      proposed_days: input.proposedDays, alternatives: input.alternatives, dpia_reference: input.dpiaReference, requested_by: actor.userId, requested_at: now,
    });
    await repo.insertEvent(trx, { deployment_id: d.id, seq: 1, kind: 'requested', at: now, by_user_id: actor.userId });
    await recordAudit(trx, actor.audit, { action: 'deployment.requested', recordType: 'mobile_deployment', recordId: d.id, details: { reference, location: input.locationText, dpia: input.dpiaReference, incidents: evidence.total } });
    return { id: d.id, reference, state: 'requested' as const };
  });
}

/** Takes one step under the deployment's lock, once the state machine allows it. */
async function step<T>(deps: Deps, { deploymentId, kind }: { deploymentId: string; kind: DeploymentEventKind },
  fn: (args: { trx: Db; d: repo.DeploymentRow; seq: number; now: Date; today: string }) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDeployment(trx, deploymentId);
    if (!d) throw errors.deploymentNotFound();
    const state = d.last_kind === 'reviewed' ? 'deployed' : d.last_kind;
    const t = nextState(state, kind);
    if (!t.ok) throw errors.stepRefused({ kind, state, message: t.message });
    return fn({ trx, d, seq: d.last_seq + 1, now, today: londonDay(now) });
  });
}

export function decideDeployment(deps: Deps, { actor, deploymentId, input }: { actor: Actor; deploymentId: string; input: z.output<typeof DecideDeployment> }) {
  const kind = input.decision === 'approve' ? 'approved' as const : 'refused' as const;
  return step(deps, { deploymentId, kind }, async ({ trx, d, seq, now }) => {
    if (d.requested_by === actor.userId) throw errors.ownRequest();
    await repo.insertEvent(trx, { deployment_id: d.id, seq, kind, at: now, by_user_id: actor.userId, reason: input.reasons });
    await recordAudit(trx, actor.audit, { action: `deployment.${kind}`, recordType: 'mobile_deployment', recordId: d.id, details: { reference: d.reference, reasons: input.reasons } });
    return { id: d.id, reference: d.reference, state: kind };
  });
}

export function withdrawDeployment(deps: Deps, { actor, deploymentId, reason }: { actor: Actor; deploymentId: string; reason: string }) {
  return step(deps, { deploymentId, kind: 'withdrawn' }, async ({ trx, d, seq, now }) => {
    await repo.insertEvent(trx, { deployment_id: d.id, seq, kind: 'withdrawn', at: now, by_user_id: actor.userId, reason });
    await recordAudit(trx, actor.audit, { action: 'deployment.withdrawn', recordType: 'mobile_deployment', recordId: d.id, details: { reference: d.reference, reason } });
    return { id: d.id, reference: d.reference, state: 'withdrawn' as const };
  });
}

export function deployCamera(deps: Deps, { actor, deploymentId, input }: { actor: Actor; deploymentId: string; input: z.output<typeof DeployCamera> }) {
  return step(deps, { deploymentId, kind: 'deployed' }, async ({ trx, d, seq, now, today }) => {
    const problems = checkStepDays({ kind: 'deployed', onDay: input.deployedOn, today, since: d.approved_on! });
    if (problems.length) throw errors.badDays(problems);
    const camera = await repo.lockCamera(trx, input.cameraId);
    if (!camera || camera.kind !== 'mobile') throw errors.cameraNotMobile();
    if (camera.status === 'decommissioned') throw errors.cameraDecommissioned({ reference: camera.reference });
    const elsewhere = await repo.findCurrentDeploymentOfCamera(trx, camera.id);
    if (elsewhere) throw errors.cameraDeployedElsewhere({ reference: camera.reference, deployment: elsewhere.reference });
    const photo = await deps.storage.find(input.signagePhotoSha256);
    const photoType = photo && imageTypeOf(photo);
    if (!photoType) throw errors.signagePhotoMissing();
    const dueOn = firstReviewDue({ deployedOn: input.deployedOn, periodDays: input.reviewPeriodDays });
    await repo.insertEvent(trx, {
      deployment_id: d.id, seq, kind: 'deployed', at: now, by_user_id: actor.userId, on_day: input.deployedOn, camera_id: camera.id,
      signage_photo_sha256: input.signagePhotoSha256, signage_photo_type: photoType, review_period_days: input.reviewPeriodDays, review_due_on: dueOn,
    });
    await repo.moveCamera(trx, {
      id: camera.id, set: { latitude: d.latitude, longitude: d.longitude, location_text: d.location_text, status: 'operational' }, by: actor.userId, at: now,
      reason: `deployed on ${d.reference}`,
    });
    await recordAudit(trx, actor.audit, {
      action: 'deployment.deployed', recordType: 'mobile_deployment', recordId: d.id,
      details: { reference: d.reference, camera: camera.reference, deployedOn: input.deployedOn, signagePhoto: input.signagePhotoSha256, reviewPeriodDays: input.reviewPeriodDays, reviewDueOn: dueOn },
    });
    return { id: d.id, reference: d.reference, state: 'deployed' as const, reviewDueOn: dueOn };
  });
}

export function reviewDeployment(deps: Deps, { actor, deploymentId, input }: { actor: Actor; deploymentId: string; input: z.output<typeof ReviewDeployment> }) {
  return step(deps, { deploymentId, kind: 'reviewed' }, async ({ trx, d, seq, now, today }) => {
    const problems = checkStepDays({ kind: 'reviewed', onDay: input.reviewedOn, today, since: d.deployed_on!, nextReviewOn: input.nextReviewOn });
    if (problems.length) throw errors.badDays(problems);
    // No longer justified: no further review; the camera is to come down, and shows so until it is
    // removed (its "review" falls due the next day, which only the reminder-free status reads).
    const justified = input.isNecessary && input.isProportionate;
    const dueOn = justified ? nextReviewDue({ reviewedOn: input.reviewedOn, periodDays: d.review_period_days!, chosen: input.nextReviewOn }) : addDays(input.reviewedOn, 1);
    await repo.insertEvent(trx, {
      deployment_id: d.id, seq, kind: 'reviewed', at: now, by_user_id: actor.userId, on_day: input.reviewedOn, reason: input.notes || null,
      is_necessary: input.isNecessary, is_proportionate: input.isProportionate, review_due_on: dueOn,
    });
    await recordAudit(trx, actor.audit, {
      action: 'deployment.reviewed', recordType: 'mobile_deployment', recordId: d.id,
      details: { reference: d.reference, reviewedOn: input.reviewedOn, isNecessary: input.isNecessary, isProportionate: input.isProportionate, nextReviewOn: dueOn },
    });
    return { id: d.id, reference: d.reference, state: 'deployed' as const, reviewDueOn: dueOn, removalDue: !justified };
  });
}

export function removeCamera(deps: Deps, { actor, deploymentId, input }: { actor: Actor; deploymentId: string; input: z.output<typeof RemoveCamera> }) {
  return step(deps, { deploymentId, kind: 'removed' }, async ({ trx, d, seq, now, today }) => {
    const problems = checkStepDays({ kind: 'removed', onDay: input.removedOn, today, since: d.deployed_on! });
    if (problems.length) throw errors.badDays(problems);
    await repo.insertEvent(trx, { deployment_id: d.id, seq, kind: 'removed', at: now, by_user_id: actor.userId, on_day: input.removedOn, reason: input.reason });
    // Back in store: out of service until deployed again, last seen where it was taken down.
    await repo.moveCamera(trx, { id: d.camera_id!, set: { status: 'out_of_service' }, by: actor.userId, at: now, reason: `removed from ${d.reference}: back in store` });
    await recordAudit(trx, actor.audit, { action: 'deployment.removed', recordType: 'mobile_deployment', recordId: d.id, details: { reference: d.reference, camera: d.camera_reference, removedOn: input.removedOn, reason: input.reason } });
    return { id: d.id, reference: d.reference, state: 'removed' as const };
  });
}

/** Stores a signage photo (JPEG or PNG, known by its bytes) in the object store; deploying names it by its SHA-256. */
export async function storeSignagePhoto(deps: Deps, { actor, bytes }: { actor: Actor; bytes: Uint8Array }) {
  if (bytes.byteLength > SIGNAGE_PHOTO_MAX_BYTES) throw errors.photoTooLarge();
  const contentType = imageTypeOf(bytes);
  if (!contentType) throw errors.notAnImage();
  const stored = await deps.storage.put(bytes);
  await recordAudit(deps.db, actor.audit, { action: 'deployment.signage-photo-stored', recordType: 'object', recordId: stored.sha256, details: { contentType, size: stored.size } });
  return { sha256: stored.sha256, contentType, size: stored.size };
}

export async function getDeployment(deps: Deps, { deploymentId }: { deploymentId: string }): Promise<Deployment> {
  const d = await repo.findDeployment(deps.db, deploymentId);
  if (!d) throw errors.deploymentNotFound();
  return toDeployment(d, await repo.listEvents(deps.db, deploymentId), deps.clock.now());
}

export async function listDeployments(deps: Deps, { state }: { state?: string }) {
  const now = deps.clock.now();
  return (await repo.listDeployments(deps.db, { state })).map((d) => toSummary(d, now));
}

/** Deployed cameras to take down, then those whose review is overdue or due within two weeks: the coordinator's home page. */
export async function listReviewsDue(deps: Deps) {
  const now = deps.clock.now();
  const items = (await repo.listReviewsDueBy(deps.db, { until: addDays(londonDay(now), REVIEW_DUE_SOON_DAYS), removals: true })).map((d) => toSummary(d, now));
  return { overdue: items.filter((i) => i.reviewStatus === 'overdue').length, dueSoon: items.filter((i) => i.reviewStatus === 'due_soon').length, items };
}

/** Deployments overdue for review at `now`, with the due date each is overdue on. */
export async function listOverdue(db: Db, now: Date) {
  const rows = await repo.listReviewsDueBy(db, { until: addDays(londonDay(now), -1) });
  return rows.filter((d) => reviewStatus({ dueOn: d.review_due_on!, now, removalDue: d.removal_due }) === 'overdue');
}

export async function getSignagePhoto(deps: Deps, { deploymentId }: { deploymentId: string }) {
  const photo = await repo.findSignagePhoto(deps.db, deploymentId);
  if (!photo?.signage_photo_sha256) throw errors.deploymentNotFound();
  // Small (5 MB at most), read whole and checked against its hash.
  const bytes = await deps.storage.find(photo.signage_photo_sha256);
  if (!bytes) throw errors.deploymentNotFound();
  return { bytes, contentType: photo.signage_photo_type!, sha256: photo.signage_photo_sha256 };
}

/** Where each mobile camera is and has been. */
export async function listMobileCameraHistory(deps: Deps) {
  const rows = await repo.listMobileCameraDeployments(deps.db);
  const cameras = new Map<string, { camera: { id: string; reference: string; name: string }; current: { deploymentId: string; reference: string } | null; deployments: { deploymentId: string; reference: string; locationText: string; latitude: number; longitude: number; from: string; to: string | null }[] }>();
  for (const r of rows) {
    const c = cameras.get(r.camera_id) ?? { camera: { id: r.camera_id, reference: r.camera_reference, name: r.camera_name }, current: null, deployments: [] };
    cameras.set(r.camera_id, c);
    if (!r.deployment_id) continue;
    c.deployments.push({ deploymentId: r.deployment_id, reference: r.reference!, locationText: r.location_text!, latitude: r.latitude!, longitude: r.longitude!, from: r.from_day!, to: r.to_day });
    if (!r.to_day) c.current = { deploymentId: r.deployment_id, reference: r.reference! };
  }
  return { items: [...cameras.values()] };
}
