import type { z } from 'zod';
import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { getSetting, putSetting } from '../../../platform/auth/auth.repository';
import { DEFAULT_EVIDENCE_RETENTION, EvidenceRetentionSettings, type RecordReview } from '../../../../domain/evidence/retention';
import type { Actor } from '../evidence.usecases';
import { lockExhibit } from '../continuity/continuity.repository';
import { exhibitNotFound, recordingNotFound } from '../evidence.errors';
import * as repo from './retention.repository';
import * as errors from './retention.errors';
import { addMonths, classesStillInUse, exhibitKeepReasons, exhibitReviewDueAt, findClass, nextReviewAfterKeep, recordingDeleteAt, type Link } from './retention.models';

// What people do about retention: administrators set the classes and the review period; evidence
// handlers place and release legal holds, review exhibits (keep, or destroy tonight), and put a
// recording in another class. Each is one transaction with its audit event. A hold is not a
// handling of the exhibit, so it is audited but not a continuity event.

export const EVIDENCE_RETENTION_KEY = 'evidence.retention';
/** Serialises changes of the classes with recordings being put in them. */
const lockSettings = (db: Db) => sql`select pg_advisory_xact_lock(hashtext(${EVIDENCE_RETENTION_KEY}))`.execute(db);

export async function getEvidenceRetention(db: Db): Promise<EvidenceRetentionSettings> {
  const stored = await getSetting<unknown>(db, EVIDENCE_RETENTION_KEY, DEFAULT_EVIDENCE_RETENTION);
  const parsed = EvidenceRetentionSettings.safeParse(stored);
  // Never a guess where destruction is concerned: a stored value that does not parse stops retention loudly.
  if (!parsed.success) throw new Error(`the stored ${EVIDENCE_RETENTION_KEY} setting is not valid: ${parsed.error.message}`);
  return parsed.data;
}

export async function updateEvidenceRetention(deps: Deps, { actor, settings }: { actor: AuditActor; settings: EvidenceRetentionSettings }) {
  return deps.db.transaction().execute(async (trx) => {
    await lockSettings(trx);
    const before = await getEvidenceRetention(trx);
    const missing = classesStillInUse({ keys: settings.classes.map((c) => c.key), inUse: await repo.listClassesInUse(trx) });
    if (missing.length) throw errors.classesInUse({ keys: missing });
    await putSetting(trx, { key: EVIDENCE_RETENTION_KEY, value: settings, userId: actor.actorId, now: deps.clock.now() });
    await recordAudit(trx, actor, { action: 'settings.changed', recordType: 'setting', recordId: EVIDENCE_RETENTION_KEY, details: { before, after: settings } });
    return settings;
  });
}

export type HoldSubject = { exhibitId: string } | { recordingId: string };

/** A legal hold on an exhibit or a recording: nothing it names is destroyed until it is released. */
export async function placeHold(deps: Deps, { actor, subject, reason }: { actor: Actor; subject: HoldSubject; reason: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute((trx) => placeHoldIn(trx, { actor, subject, reason, now }));
}

/** placeHold inside the caller's transaction (a request holding the footage it concerns, with its own link). */
export async function placeHoldIn(trx: Db, { actor, subject, reason, now }: { actor: Actor; subject: HoldSubject; reason: string; now: Date }) {
  let details: Record<string, unknown>;
  if ('exhibitId' in subject) {
    const exhibit = await lockExhibit(trx, subject.exhibitId);
    if (!exhibit) throw exhibitNotFound();
    if (exhibit.state === 'destroyed') throw errors.alreadyDestroyed({ what: `Exhibit ${exhibit.reference}` });
    details = { exhibit: exhibit.reference };
  } else {
    const recording = await repo.lockRecording(trx, subject.recordingId);
    if (!recording) throw recordingNotFound();
    if (recording.destroyed_at) throw errors.alreadyDestroyed({ what: recording.original_name });
    details = { recording: recording.original_name, sha256: recording.sha256 };
  }
  const hold = await repo.insertHold(trx, {
    exhibit_id: 'exhibitId' in subject ? subject.exhibitId : null, recording_id: 'recordingId' in subject ? subject.recordingId : null, reason, placed_by: actor.userId, placed_at: now,
  });
  const [recordType, recordId] = 'exhibitId' in subject ? ['exhibit', subject.exhibitId] : ['recording', subject.recordingId];
  await recordAudit(trx, actor.audit, { action: 'evidence.hold-placed', recordType, recordId, details: { holdId: hold.id, reason, ...details } });
  return { id: hold.id, placedAt: hold.placed_at.toISOString() };
}

export async function releaseHold(deps: Deps, { actor, holdId, reason }: { actor: Actor; holdId: string; reason: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const hold = await repo.lockHold(trx, holdId);
    if (!hold) throw errors.holdNotFound();
    if (hold.release_id) throw errors.holdAlreadyReleased();
    const released = await repo.insertHoldRelease(trx, { hold_id: holdId, released_by: actor.userId, released_at: now, reason });
    const [recordType, recordId] = hold.exhibit_id ? ['exhibit', hold.exhibit_id] : ['recording', hold.recording_id!];
    await recordAudit(trx, actor.audit, { action: 'evidence.hold-released', recordType, recordId, details: { holdId, reason, placedFor: hold.reason } });
    return { id: holdId, releasedAt: released.released_at.toISOString() };
  });
}

export async function listHolds(deps: Deps) {
  const rows = await repo.listLiveHolds(deps.db);
  return rows.map((h) => ({
    id: h.id, reason: h.reason, placedBy: { id: h.placed_by, name: h.placed_by_name }, placedAt: h.placed_at.toISOString(),
    exhibit: h.exhibit_id ? { id: h.exhibit_id, reference: h.exhibit_reference ?? '' } : null,
    recording: h.recording_id ? { id: h.recording_id, reference: h.original_name ?? '' } : null,
  }));
}

/**
 * A reviewer's decision on an exhibit: keep it until the next review (the review period from now),
 * or destroy it (tonight's retention run does it). Destroy is refused, with every reason, while a
 * hold, a package or an open link keeps the exhibit; the newest decision counts.
 */
export async function recordReview(deps: Deps, { actor, exhibitId, input }: { actor: Actor; exhibitId: string; input: z.output<typeof RecordReview> }) {
  const now = deps.clock.now();
  const settings = await getEvidenceRetention(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const exhibit = await lockExhibit(trx, exhibitId);
    if (!exhibit) throw exhibitNotFound();
    if (exhibit.state === 'destroyed') throw errors.alreadyDestroyed({ what: `Exhibit ${exhibit.reference}` });
    if (input.decision === 'destroy') {
      const reasons = exhibitKeepReasons({ state: exhibit.state, ...(await repo.exhibitKeepers(trx, exhibitId)) });
      if (reasons.length) throw errors.destructionRefused({ reference: exhibit.reference, reasons });
    }
    const nextReviewAt = input.decision === 'keep' ? nextReviewAfterKeep({ decidedAt: now, months: settings.exhibitReviewMonths }) : null;
    const review = await repo.insertReview(trx, { exhibit_id: exhibitId, decision: input.decision, reason: input.reason, next_review_at: nextReviewAt, decided_by: actor.userId, decided_at: now });
    await recordAudit(trx, actor.audit, {
      action: 'exhibit.reviewed', recordType: 'exhibit', recordId: exhibitId,
      details: { reference: exhibit.reference, reviewId: review.id, decision: input.decision, reason: input.reason, nextReviewAt: nextReviewAt?.toISOString() ?? null },
    });
    return { id: review.id, decision: input.decision, nextReviewAt: nextReviewAt?.toISOString() ?? null };
  });
}

/**
 * Exhibits due for review now, soonest due first, with what would stop their destruction; and
 * those decided for destruction that the nightly run has not destroyed yet (a new decision may
 * still keep them).
 */
export async function listReviewsDue(deps: Deps, { offset, limit }: { offset: number; limit: number }) {
  const now = deps.clock.now();
  const { exhibitReviewMonths: months } = await getEvidenceRetention(deps.db);
  // Due is never sooner than the review period after making (plus a few days' slack for month ends).
  const madeBefore = new Date(addMonths(now, -months).getTime() + 4 * 86_400_000);
  const candidates = await repo.listReviewCandidates(deps.db, { madeBefore, now });
  const due = candidates.map((c) => {
    const links: Link[] = c.occurrences.map((o) => ({ kind: 'occurrence', reference: o.reference, open: o.status !== 'closed', closedAt: o.closed_at }));
    // Decided for destruction: listed from the decision until the run has done it.
    if (c.lastReview?.decision === 'destroy') return { c, dueAt: c.lastReview.decided_at };
    return { c, dueAt: exhibitReviewDueAt({ createdAt: c.created_at, links, keptUntil: c.lastReview?.next_review_at ?? null, months }) };
  }).filter((d): d is { c: typeof d.c; dueAt: Date } => d.dueAt !== null && d.dueAt <= now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const page = due.slice(offset, offset + limit);
  const items = await Promise.all(page.map(async ({ c, dueAt }) => ({
    exhibit: { id: c.id, reference: c.reference, description: c.description }, createdAt: c.created_at.toISOString(), reviewDueAt: dueAt.toISOString(),
    occurrences: c.occurrences.map((o) => ({ id: o.id, reference: o.reference, closedAt: o.closed_at?.toISOString() ?? null })),
    lastReview: c.lastReview ? { decision: c.lastReview.decision, reason: c.lastReview.reason, decidedAt: c.lastReview.decided_at.toISOString(), decidedBy: { id: c.lastReview.decided_by, name: c.lastReview.decided_by_name } } : null,
    obstacles: exhibitKeepReasons({ state: c.state, ...(await repo.exhibitKeepers(deps.db, c.id)) }),
  })));
  return { items, total: due.length };
}

/** Puts a recording in another retention class (it is destroyed that class's days after it came in). */
export async function setRecordingRetentionClass(deps: Deps, { actor, recordingId, retentionClass }: { actor: Actor; recordingId: string; retentionClass: string }) {
  return deps.db.transaction().execute(async (trx) => {
    await lockSettings(trx);
    const settings = await getEvidenceRetention(trx);
    if (!findClass(settings, retentionClass)) throw errors.unknownRetentionClass();
    const recording = await repo.lockRecording(trx, recordingId);
    if (!recording) throw recordingNotFound();
    if (recording.destroyed_at) throw errors.alreadyDestroyed({ what: recording.original_name });
    await repo.setRecordingClass(trx, { recordingId, retentionClass });
    await recordAudit(trx, actor.audit, {
      action: 'recording.retention-class-changed', recordType: 'recording', recordId: recordingId,
      details: { recording: recording.original_name, before: recording.retention_class, after: retentionClass },
    });
    const deleteAfter = recording.exhibit_id ? undefined : recordingDeleteAt({ ingestedAt: recording.ingested_at, retentionClass, settings });
    return { id: recordingId, retentionClass, deleteAfter: deleteAfter?.toISOString() ?? null };
  });
}

/** When each recording is destroyed unless made an exhibit or held (null for masters and held ones). */
export async function deleteAfterFor(db: Db) {
  const settings = await getEvidenceRetention(db);
  return (r: { exhibit_id: string | null; is_held: boolean | number; retention_class: string; ingested_at: Date; destroyed_at: Date | null }) =>
    (r.exhibit_id || r.is_held || r.destroyed_at ? null : recordingDeleteAt({ ingestedAt: r.ingested_at, retentionClass: r.retention_class, settings }) ?? null);
}

export async function listDestructionRegister(deps: Deps, { offset, limit }: { offset: number; limit: number }) {
  const { rows, total } = await repo.listDestructions(deps.db, { offset, limit });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, what: r.recording_id ? 'recording' as const : 'derivative' as const, name: r.original_name ?? r.derivative_reference ?? '',
      exhibit: r.exhibit_id ? { id: r.exhibit_id, reference: r.exhibit_reference ?? '' } : null, sha256: r.sha256, sizeBytes: Number(r.size_bytes),
      rule: r.rule, reason: r.reason, destroyedAt: r.destroyed_at.toISOString(), destroyedBy: r.destroyed_by ? { id: r.destroyed_by, name: r.destroyed_by_name ?? '' } : null,
      bytes: r.outcome ?? 'pending' as const,
    })),
  };
}
