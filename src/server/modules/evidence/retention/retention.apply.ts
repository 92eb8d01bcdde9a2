import type { Deps } from '../../../platform/deps';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { lockExhibit } from '../continuity/continuity.repository';
import { appendContinuity } from '../continuity/continuity.usecases';
import { findUserName } from '../evidence.repository';
import * as repo from './retention.repository';
import { getEvidenceRetention } from './retention.usecases';
import { classRule, exhibitKeepReasons, findClass, isRecordingDue, recordingKeepReasons } from './retention.models';

// The nightly retention run (evidence.apply-retention@1, or a test calling applyEvidenceRetention).
// Each destruction is one transaction that FIRST writes its record (what, its SHA-256, size, rule,
// reason, when) and marks what it destroys, with its audit event and, for an exhibit, its
// 'destroyed' continuity event; only once that has committed are the bytes removed from the store.
// A run cut short between the two (a crash, or an object-locked store refusing until the lock
// ends) leaves destruction records whose removal is not recorded: every run finishes those first.

const BATCH = 200;
export const EXHIBIT_REVIEW_RULE = 'exhibit-review';

export interface RetentionRun { recordingsDestroyed: number; exhibitsDestroyed: number; exhibitsKept: number; bytesRemoved: number; bytesInUse: number; bytesPending: number }

export async function applyEvidenceRetention(deps: Deps): Promise<RetentionRun> {
  const before = await removeDestroyedBytes(deps);
  const recordingsDestroyed = await destroyDueRecordings(deps);
  const exhibits = await destroyReviewedExhibits(deps);
  const after = await removeDestroyedBytes(deps);
  const run = {
    recordingsDestroyed, exhibitsDestroyed: exhibits.destroyed, exhibitsKept: exhibits.kept,
    bytesRemoved: before.removed + after.removed, bytesInUse: before.inUse + after.inUse, bytesPending: after.pending,
  };
  if (run.recordingsDestroyed + run.exhibitsDestroyed + run.bytesRemoved + run.bytesPending > 0) {
    await recordAudit(deps.db, SYSTEM_ACTOR, { action: 'evidence.retention-applied', recordType: 'evidence_retention', details: { ...run } });
  }
  return run;
}

/** Recordings not made exhibits whose class's period has ended, unless held. Returns how many. */
export async function destroyDueRecordings(deps: Deps) {
  const now = deps.clock.now();
  const settings = await getEvidenceRetention(deps.db);
  let destroyed = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await repo.listDueRecordings(deps.db, { classes: settings.classes, now, afterId, limit: BATCH });
    for (const { id } of page) {
      // Checked again under the recording's lock: made an exhibit or held since the page was read, it stays.
      const done = await deps.db.transaction().execute(async (trx) => {
        const r = await repo.lockRecording(trx, id);
        if (!r || r.destroyed_at || !isRecordingDue({ ingestedAt: r.ingested_at, retentionClass: r.retention_class, settings, now })) return false;
        if (recordingKeepReasons({ exhibitReference: r.exhibit_reference, ...(await repo.recordingKeepers(trx, r)) }).length) return false;
        const cls = findClass(settings, r.retention_class)!;
        const reason = `Not made an exhibit within the retention period of its class, ${cls.name} (${cls.days} days)`;
        const record = await repo.insertDestruction(trx, {
          recording_id: r.id, sha256: r.sha256, size_bytes: r.size_bytes, rule: classRule(cls), reason, destroyed_at: now, destroyed_by: null,
        });
        await repo.markRecordingDestroyed(trx, { recordingId: r.id, at: now });
        await recordAudit(trx, SYSTEM_ACTOR, {
          action: 'recording.destroyed', recordType: 'recording', recordId: r.id,
          details: { destructionId: record.id, recording: r.original_name, sha256: r.sha256, size: Number(r.size_bytes), rule: classRule(cls), reason },
        });
        return true;
      });
      if (done) destroyed++;
    }
    if (page.length < BATCH) return destroyed;
    afterId = page.at(-1)!.id;
  }
}

/** Exhibits whose newest review decided "destroy": their masters and copies, if nothing keeps them now. */
export async function destroyReviewedExhibits(deps: Deps) {
  let destroyed = 0;
  let kept = 0;
  for (const { id, reference } of await repo.listExhibitsToDestroy(deps.db)) {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const exhibit = await lockExhibit(trx, id);
      const review = await repo.findLatestReview(trx, id);
      if (!exhibit || exhibit.state === 'destroyed' || review?.decision !== 'destroy') return 'skipped' as const;
      // The masters too are locked before what keeps them is read: a hold placed on one meanwhile waits, or wins.
      const masters = await repo.listMasters(trx, id);
      for (const m of masters) await repo.lockRecording(trx, m.id);
      const reasons = exhibitKeepReasons({ state: exhibit.state, ...(await repo.exhibitKeepers(trx, id)) });
      if (await repo.countDerivativesInProgress(trx, id)) reasons.push('A copy of it is still being made: it is destroyed on the next run.');
      if (reasons.length) {
        deps.log.warn({ exhibit: reference, reasons }, 'exhibit decided for destruction is kept for now');
        return 'kept' as const;
      }
      const derivatives = await repo.listLiveDerivatives(trx, id);
      const base = { rule: EXHIBIT_REVIEW_RULE, reason: review.reason, destroyed_at: now, destroyed_by: review.decided_by, review_id: review.id };
      const files: { what: string; sha256: string; size: number; destructionId: string }[] = [];
      for (const m of masters.filter((x) => !x.destroyed_at)) {
        const record = await repo.insertDestruction(trx, { ...base, recording_id: m.id, sha256: m.sha256, size_bytes: m.size_bytes });
        await repo.markRecordingDestroyed(trx, { recordingId: m.id, at: now });
        files.push({ what: `master ${m.original_name}`, sha256: m.sha256, size: Number(m.size_bytes), destructionId: record.id });
      }
      for (const d of derivatives) {
        const record = await repo.insertDestruction(trx, { ...base, derivative_id: d.id, sha256: d.sha256!, size_bytes: d.size_bytes! });
        files.push({ what: d.reference, sha256: d.sha256!, size: Number(d.size_bytes), destructionId: record.id });
      }
      const decider = await findUserName(trx, review.decided_by);
      const first = await trx.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', id).where('seq', '=', 1).executeTakeFirst();
      const event = await appendContinuity(trx, {
        exhibit,
        event: {
          kind: 'destroyed', at: now, actor: { id: review.decided_by, name: decider?.display_name ?? 'Unknown' }, location: 'Vigil evidence store (nightly retention run)',
          reason: `Destroyed on review: ${review.reason}`.slice(0, 1000), itemSha256: first?.item_sha256 ?? files[0]?.sha256 ?? '0'.repeat(64),
          details: { reviewId: review.id, decidedAt: review.decided_at.toISOString(), rule: EXHIBIT_REVIEW_RULE, files },
        },
      });
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'exhibit.destroyed', recordType: 'exhibit', recordId: id,
        details: { reference, reviewId: review.id, decidedBy: review.decided_by, seq: event.seq, files },
      });
      return 'destroyed' as const;
    });
    if (outcome === 'destroyed') destroyed++;
    if (outcome === 'kept') kept++;
  }
  return { destroyed, kept };
}

/**
 * Removes the bytes of every destruction record not yet finished, unless a record still kept needs
 * the same bytes (then it notes that instead). A store that refuses (object lock) is asked again on
 * the next run; the record stays unfinished until then.
 */
export async function removeDestroyedBytes(deps: Deps) {
  let removed = 0;
  let inUse = 0;
  let pending = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await repo.listPendingRemovals(deps.db, { afterId, limit: BATCH });
    for (const x of page) {
      if (await repo.isObjectInUse(deps.db, x.sha256)) {
        await repo.insertRemoval(deps.db, { destruction_id: x.id, outcome: 'in_use', at: deps.clock.now() });
        inUse++;
        continue;
      }
      try {
        await deps.storage.remove(x.sha256);
      } catch (err) {
        deps.log.warn({ err, sha256: x.sha256, destructionId: x.id }, 'destroyed evidence not removed from the store yet (object lock?): tried again on the next run');
        pending++;
        continue;
      }
      await repo.insertRemoval(deps.db, { destruction_id: x.id, outcome: 'removed', at: deps.clock.now() });
      removed++;
    }
    if (page.length < BATCH) return { removed, inUse, pending };
    afterId = page.at(-1)!.id;
  }
}
