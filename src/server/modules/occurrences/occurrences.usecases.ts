import type { Deps } from '../../platform/deps';
import type { Db } from '../../platform/db/db';
import type { Agency, OccurrenceOutcome, OccurrencePriority, OccurrenceSource } from '../../platform/db/db';
import { randomUUID } from 'node:crypto';
import { auditEvent, recordAudit, type AuditActor } from '../../platform/audit/audit';
import { validationFailed } from '../../platform/http/errors';
import { findCamerasByIds } from '../estate';
import * as repo from './occurrences.repository';
import * as errors from './occurrences.errors';
import { AGENCIES, OUTCOMES, checkFootageRange, checkObservedAt, decideClose, formatReference, isPartnerAgency, personalDataRemovalDue, stepsWithTicks } from './occurrences.models';
import { londonYear } from '../../../domain/calendar/london';
import { getRetentionDays, removePersonalDataItem } from './retention/retention';

// What operators and supervisors do to occurrences. One transaction each, with its audit event; the
// timeline is append-only (the database refuses anything else).

export interface Actor { audit: AuditActor; userId: string }

async function lockOpen(db: Db, id: string) {
  const occ = await repo.lockOccurrence(db, id);
  if (!occ) throw errors.occurrenceNotFound();
  if (occ.status === 'closed') throw errors.occurrenceClosed(occ);
  return occ;
}

/** The cameras in the order given (the first one named gives an occurrence its location). */
async function checkCameras(db: Db, cameraIds: string[], path = 'cameraIds') {
  const unique = [...new Set(cameraIds)];
  const found = await findCamerasByIds(db, unique);
  if (found.length !== unique.length) throw errors.unknownCameras(unique.filter((id) => !found.some((c) => c.id === id)), path);
  return unique.map((id) => found.find((c) => c.id === id)!);
}

export interface OpenInput {
  source: OccurrenceSource; categoryId: string; priority: OccurrencePriority; summary: string; locationText?: string;
  latitude?: number | null; longitude?: number | null; cameraIds?: string[]; observedAt?: Date | null;
}

export async function openOccurrence(deps: Deps, { actor, input }: { actor: Actor; input: OpenInput }) {
  const now = deps.clock.now();
  if (input.observedAt) {
    const problem = checkObservedAt({ observedAt: input.observedAt, now, openedAt: now });
    if (problem) throw validationFailed([{ path: 'observedAt', message: problem }]);
  }
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findCategory(trx, input.categoryId))?.is_active) throw errors.unknownCategory();
    // The occurrence follows the procedure in force now, whatever later edits to it say.
    const procedure = await repo.findCurrentVersion(trx, input.categoryId);
    const cameras = await checkCameras(trx, input.cameraIds ?? []);
    // A camera gives the location when the operator gives none.
    const firstCamera = cameras[0];
    const year = londonYear(now);
    const number = await repo.takeNextNumber(trx, year);
    const occ = await repo.insertOccurrence(trx, {
      reference: formatReference({ year, number }), year, number, openedAt: now, openedBy: actor.userId, source: input.source,
      categoryId: input.categoryId, priority: input.priority, summary: input.summary,
      locationText: input.locationText?.trim() || firstCamera?.location_text || '',
      latitude: input.latitude ?? firstCamera?.latitude ?? null, longitude: input.longitude ?? firstCamera?.longitude ?? null,
      procedureVersionId: procedure?.id ?? null,
    });
    await repo.addCameras(trx, { occurrenceId: occ.id, cameraIds: cameras.map((c) => c.id), by: actor.userId, at: now });
    await repo.insertEntry(trx, { occurrenceId: occ.id, seq: 1, kind: 'opened', body: input.summary, observedAt: input.observedAt ?? null, recordedAt: now, authorId: actor.userId });
    await recordAudit(trx, actor.audit, { action: 'occurrence.opened', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference } });
    return occ;
  });
}

type Header = repo.OccurrenceHeader;
type LockedOccurrence = Awaited<ReturnType<typeof lockOpen>>;

/**
 * Appends one entry, with its audit event, to an open occurrence's timeline. A plain entry is one
 * statement (see repo.appendEntry). When `build` also writes (cameras) or decides from the timeline
 * (procedure steps), `locked` runs it all in one transaction under the occurrence's row lock.
 */
async function append<Locked extends boolean = false>(deps: Deps, { actor, occurrenceId, action, locked, build }: {
  actor: Actor; occurrenceId: string; action: string; locked?: Locked;
  build: (ctx: { db: Db; occ: Locked extends true ? LockedOccurrence : Header; now: Date }) => Promise<Omit<repo.NewEntry, 'occurrenceId' | 'seq' | 'recordedAt' | 'authorId'>>;
}) {
  const now = deps.clock.now();
  const run = async (db: Db) => {
    const occ = locked ? await lockOpen(db, occurrenceId) : await repo.findHeader(db, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    const fields = await build({ db, occ: occ as LockedOccurrence, now });
    const entryId = randomUUID();
    const audit = auditEvent(actor.audit, { action, recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, entryId } });
    const entry = await repo.appendEntry(db, { ...fields, id: entryId, occurrenceId: occ.id, recordedAt: now, authorId: actor.userId }, audit);
    if (!entry) throw (await repo.findHeader(db, occurrenceId)) ? errors.occurrenceClosed(occ) : errors.occurrenceNotFound();
    return { id: entry.id, seq: entry.seq, reference: occ.reference };
  };
  return locked ? deps.db.transaction().execute(run) : run(deps.db);
}

function observed(observedAt: Date | null | undefined, now: Date, openedAt: Date, path = 'observedAt') {
  if (!observedAt) return null;
  const problem = checkObservedAt({ observedAt, now, openedAt });
  if (problem) throw validationFailed([{ path, message: problem }]);
  return observedAt;
}

export function addEntry(deps: Deps, { actor, occurrenceId, kind, body, observedAt }: {
  actor: Actor; occurrenceId: string; kind: 'observation' | 'action' | 'communication'; body: string; observedAt?: Date | null;
}) {
  return append(deps, { actor, occurrenceId, action: 'occurrence.entry-added', build: async ({ now, occ }) => ({ kind, body, observedAt: observed(observedAt, now, occ.opened_at) }) });
}

export function notifyAgency(deps: Deps, { actor, occurrenceId, agency, agencyReference, notifiedAt, body }: {
  actor: Actor; occurrenceId: string; agency: Agency; agencyReference?: string | null; notifiedAt?: Date | null; body?: string;
}) {
  return append(deps, {
    actor, occurrenceId, action: 'occurrence.agency-notified',
    build: async ({ now, occ }) => ({
      kind: 'notification', agency, agencyReference: agencyReference?.trim() || null,
      notifiedAt: observed(notifiedAt, now, occ.opened_at, 'notifiedAt') ?? now,
      body: body?.trim() || `${AGENCIES[agency]} informed${agencyReference ? ` (ref ${agencyReference.trim()})` : ''}.`,
    }),
  });
}

export function markFootage(deps: Deps, { actor, occurrenceId, cameraId, from, to, body }: {
  actor: Actor; occurrenceId: string; cameraId: string; from: Date; to: Date; body?: string;
}) {
  return append(deps, {
    actor, occurrenceId, action: 'occurrence.footage-marked', locked: true,
    build: async ({ db, now, occ }) => {
      const problem = checkFootageRange({ from, to, now });
      if (problem) throw validationFailed([problem]);
      const [camera] = await checkCameras(db, [cameraId], 'cameraId');
      await repo.addCameras(db, { occurrenceId: occ.id, cameraIds: [camera.id], by: actor.userId, at: now });
      return { kind: 'footage', cameraId: camera.id, footageFrom: from, footageTo: to, body: body?.trim() || `Footage marked as evidentially relevant on ${camera.reference}.` };
    },
  });
}

export function amendEntry(deps: Deps, { actor, occurrenceId, entryId, body, reason }: { actor: Actor; occurrenceId: string; entryId: string; body: string; reason: string }) {
  return append(deps, {
    actor, occurrenceId, action: 'occurrence.entry-amended',
    build: async ({ db }) => {
      if (!reason?.trim()) throw validationFailed([{ path: 'reason', message: 'Give the reason for the correction.' }]);
      if (!(await repo.findEntry(db, { occurrenceId, entryId }))) throw errors.entryNotFound();
      return { kind: 'amendment', amendsId: entryId, body, reason };
    },
  });
}

export function addCameras(deps: Deps, { actor, occurrenceId, cameraIds }: { actor: Actor; occurrenceId: string; cameraIds: string[] }) {
  return append(deps, {
    actor, occurrenceId, action: 'occurrence.cameras-added', locked: true,
    build: async ({ db, now, occ }) => {
      const cameras = await checkCameras(db, cameraIds);
      await repo.addCameras(db, { occurrenceId: occ.id, cameraIds: cameras.map((c) => c.id), by: actor.userId, at: now });
      return { kind: 'camera', body: `Camera(s) added: ${cameras.map((c) => `${c.reference} ${c.name}`).join(', ')}.` };
    },
  });
}

/** The procedure version the occurrence was opened with, each step with whether it has been ticked. */
export async function stepStates(db: Db, occ: { id: string; procedure_version_id: string | null }) {
  const [steps, entries] = await Promise.all([repo.listVersionSteps(db, occ.procedure_version_id), repo.listEntries(db, occ.id)]);
  return stepsWithTicks({
    steps: steps.map((s) => ({ id: s.id, text: s.text, isRequired: s.is_required, position: s.position })),
    tickedStepIds: entries.filter((e) => e.kind === 'procedure').map((e) => e.procedure_step_id),
  });
}

export function tickStep(deps: Deps, { actor, occurrenceId, stepId, body }: { actor: Actor; occurrenceId: string; stepId: string; body?: string }) {
  return append(deps, {
    actor, occurrenceId, action: 'occurrence.step-done', locked: true,
    build: async ({ db, occ }) => {
      const states = await stepStates(db, occ);
      const step = states.find((s) => s.id === stepId);
      if (!step) throw errors.stepNotInProcedure();
      if (step.ticked) throw errors.stepAlreadyDone();
      return { kind: 'procedure', procedureStepId: step.id, body: body?.trim() ? `${step.text}: ${body.trim()}` : `Done: ${step.text}` };
    },
  });
}

export async function closeOccurrence(deps: Deps, { actor, occurrenceId, outcome, body, skipReason }: {
  actor: Actor; occurrenceId: string; outcome: OccurrenceOutcome; body?: string; skipReason?: string | null;
}) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    const decision = decideClose({ status: occ.status, steps: await stepStates(trx, occ), skipReason });
    if (!decision.ok) throw decision.code === 'occurrences.already_closed' ? errors.alreadyClosed(occ) : errors.requiredStepsSkipped({ steps: decision.skippedRequired });
    const skipped = decision.skippedRequired;
    const text = [`Closed: ${OUTCOMES[outcome]}.`, body?.trim(), skipped.length ? `Required steps not done: ${skipped.map((s) => s.text).join('; ')}.` : ''].filter(Boolean).join(' ');
    const seq = await repo.nextEntrySeq(trx, occ.id);
    await repo.insertEntry(trx, { occurrenceId: occ.id, seq, kind: 'closed', body: text, outcome, reason: skipped.length ? skipReason!.trim() : null, recordedAt: now, authorId: actor.userId });
    await repo.setClosed(trx, { id: occ.id, outcome, at: now, by: actor.userId });
    if (skipped.length) {
      await repo.insertSupervisorAlert(trx, {
        kind: 'occurrence.required-steps-skipped', occurrenceId: occ.id, at: now, by: actor.userId,
        message: `${occ.reference} was closed without: ${skipped.map((s) => s.text).join('; ')}. Reason given: ${skipReason!.trim()}`,
      });
    }
    await recordAudit(trx, actor.audit, { action: 'occurrence.closed', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, outcome, skippedSteps: skipped.map((s) => s.id) } });
    return { reference: occ.reference, skippedRequired: skipped.map((s) => ({ id: s.id, text: s.text })) };
  });
}

export async function reopenOccurrence(deps: Deps, { actor, occurrenceId, reason }: { actor: Actor; occurrenceId: string; reason: string }) {
  if (!reason?.trim()) throw validationFailed([{ path: 'reason', message: 'Give the reason for reopening.' }]);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    if (occ.status === 'open') throw errors.alreadyOpen(occ);
    const seq = await repo.nextEntrySeq(trx, occ.id);
    await repo.insertEntry(trx, { occurrenceId: occ.id, seq, kind: 'reopened', body: `Reopened (was closed: ${OUTCOMES[occ.outcome!]}).`, reason, recordedAt: now, authorId: actor.userId });
    await repo.setReopened(trx, { id: occ.id, at: now });
    await recordAudit(trx, actor.audit, { action: 'occurrence.reopened', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference } });
    return { reference: occ.reference };
  });
}

/** Names and identifying details go apart from the timeline; the values never enter the audit trail. */
export async function recordPersonalData(deps: Deps, { actor, occurrenceId, name, details }: { actor: Actor; occurrenceId: string; name?: string | null; details?: string | null }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    const row = await repo.insertPersonalData(trx, { occurrenceId: occ.id, entryId: null, name: name?.trim() || null, details: details?.trim() || null, at: now, by: actor.userId });
    await recordAudit(trx, actor.audit, { action: 'occurrence.personal-data-recorded', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, personalDataId: row.id } });
    return { id: row.id };
  });
}

/** Showing names is a read of personal data: every time, an audit event. */
export async function viewPersonalData(deps: Deps, { actor, occurrenceId, organisationId }: { actor: Actor; occurrenceId: string; organisationId?: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.findOccurrence(trx, { id: occurrenceId, organisationId });
    if (!occ) throw errors.occurrenceNotFound();
    const rows = await repo.listPersonalData(trx, occ.id);
    await recordAudit(trx, actor.audit, { action: 'occurrence.personal-data-viewed', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, shown: rows.filter((r) => !r.removed_at).map((r) => r.id) } });
    return rows.map((r) => ({
      id: r.id, name: r.name, details: r.details, recordedAt: r.recorded_at.toISOString(), recordedBy: r.recorded_by_name,
      flaggedForReviewAt: r.flagged_for_review_at?.toISOString() ?? null, removedAt: r.removed_at?.toISOString() ?? null, removalReason: r.removal_reason,
    }));
  });
}

/** The most the review list shows at once, oldest first; its total says how many there are in all. */
const REVIEW_LIST_LIMIT = 500;

/**
 * Personal data flagged for review and not yet removed: where it is, when it was recorded and
 * flagged, and when retention will remove it (or that a hold keeps it). Never the name or details,
 * so not a read of personal data.
 */
export async function listPersonalDataForReview(deps: Deps) {
  const { reviewDays, removalDays } = await getRetentionDays(deps);
  const { items, total } = await repo.listPersonalDataForReview(deps.db, { limit: REVIEW_LIST_LIMIT });
  return {
    items: items.map((r) => ({
      id: r.id, occurrence: { id: r.occurrence_id, reference: r.reference }, recordedAt: r.recorded_at.toISOString(),
      flaggedAt: r.flagged_for_review_at!.toISOString(), held: r.held,
      removalDueAt: r.held ? null : personalDataRemovalDue({ recordedAt: r.recorded_at, removalDays }).toISOString(),
    })),
    total, reviewDays, removalDays,
  };
}

/** A supervisor's decision on review: the item goes now, with its timeline entry and audit event. Refused while held. */
export async function removePersonalDataNow(deps: Deps, { actor, occurrenceId, personalDataId, reason }: { actor: Actor; occurrenceId: string; personalDataId: string; reason: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    const item = await repo.findPersonalData(trx, { occurrenceId: occ.id, id: personalDataId });
    if (!item) throw errors.personalDataNotFound();
    if (item.removed_at) throw errors.personalDataAlreadyRemoved();
    if (item.held) throw errors.personalDataHeld(occ);
    // The reason stays with the blanked row (shown by the audited read), not in the append-only timeline or trail.
    const removed = await removePersonalDataItem(trx, {
      audit: actor.audit, authorId: actor.userId, occurrenceId: occ.id, personalDataId: item.id, recordedAt: item.recorded_at, at: now,
      reason: reason.trim(), because: 'on review', details: { onReview: true },
    });
    if (!removed) throw errors.personalDataHeld(occ); // unreachable under the lock; never report a removal that did not happen
    return { reference: occ.reference, removedAt: now.toISOString() };
  });
}

export async function shareOccurrence(deps: Deps, { actor, occurrenceId, organisationId }: { actor: Actor; occurrenceId: string; organisationId: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw errors.occurrenceNotFound();
    const org = await repo.findOrganisation(trx, organisationId);
    if (!org || !isPartnerAgency(org)) throw validationFailed([{ path: 'organisationId', message: 'Choose a partner agency (the police or an insurer, say): an occurrence is not shared with the council itself or its contractors.' }]);
    await repo.shareOccurrence(trx, { occurrenceId: occ.id, organisationId: org.id, by: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: 'occurrence.shared', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, organisationId: org.id, organisation: org.name } });
    return { reference: occ.reference, organisation: org.name };
  });
}
