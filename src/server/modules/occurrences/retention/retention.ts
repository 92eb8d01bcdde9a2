import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { formatDate } from '../../../../domain/calendar/london';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/audit';
import * as repo from '../occurrences.repository';
import { personalDataCutoffs } from '../occurrences.models';

// Personal data does not linger: names are flagged for review after a period (default 31 days) and
// removed after a longer one (default 365) unless the occurrence is held by evidence or a request.
// The removal is recorded in the occurrence's timeline and the audit trail; the rest of the log stays.
// Every run reaches every row: flagging is one statement, removal pages through the unheld rows
// only, so neither held rows nor rows already flagged can crowd out the rest.

export const REVIEW_DAYS_KEY = 'occurrences.personal_data_review_days';
export const REMOVAL_DAYS_KEY = 'occurrences.personal_data_removal_days';

export async function getRetentionDays(deps: Pick<Deps, 'db'>) {
  const reviewDays = await repo.getNumberSetting(deps.db, REVIEW_DAYS_KEY, 31);
  const removalDays = await repo.getNumberSetting(deps.db, REMOVAL_DAYS_KEY, 365);
  return { reviewDays, removalDays };
}

/**
 * Removes one item of personal data, with its 'personal_data_removed' entry and audit event, in the
 * caller's transaction. Writes nothing, and gives false, when the item is already removed or a hold
 * keeps it (checked under the occurrence's lock, in the removing statement itself).
 */
export async function removePersonalDataItem(trx: Db, { audit, authorId, occurrenceId, personalDataId, recordedAt, at, reason, because, details }: {
  audit: AuditActor; authorId: string | null; occurrenceId: string; personalDataId: string; recordedAt: Date; at: Date;
  /** Stored with the blanked row. */ reason: string; /** Ends the timeline entry's sentence. */ because: string; details?: Record<string, unknown>;
}) {
  const occ = await repo.lockOccurrence(trx, occurrenceId);
  if (!occ) return false;
  if (!(await repo.removePersonalData(trx, { id: personalDataId, at, reason }))) return false;
  const seq = await repo.nextEntrySeq(trx, occ.id);
  await repo.insertEntry(trx, { occurrenceId: occ.id, seq, kind: 'personal_data_removed', body: `Personal data recorded on ${formatDate(recordedAt)} removed ${because}.`, recordedAt: at, authorId });
  await recordAudit(trx, audit, { action: 'occurrence.personal-data-removed', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, personalDataId, ...details } });
  return true;
}

export async function applyPersonalDataRetention(deps: Deps, { batch = 500 }: { batch?: number } = {}) {
  const now = deps.clock.now();
  const { reviewDays, removalDays } = await getRetentionDays(deps);
  const cut = personalDataCutoffs({ now, reviewDays, removalDays });

  const flagged = await deps.db.transaction().execute(async (trx) => {
    const n = await repo.flagPersonalDataRecordedBefore(trx, { before: cut.review, at: now });
    if (n) await recordAudit(trx, SYSTEM_ACTOR, { action: 'occurrence.personal-data-flagged', recordType: 'occurrence_personal_data', details: { count: n, reviewDays } });
    return n;
  });

  let removed = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await repo.listRemovablePersonalData(deps.db, { before: cut.removal, afterId, limit: batch });
    for (const r of rows) {
      // One transaction each; a hold placed since the page was read keeps the row (checked again inside).
      const done = await deps.db.transaction().execute((trx) => removePersonalDataItem(trx, {
        audit: SYSTEM_ACTOR, authorId: null, occurrenceId: r.occurrence_id, personalDataId: r.id, recordedAt: r.recorded_at, at: now,
        reason: `retention: older than ${removalDays} days`, because: `under the retention policy (${removalDays} days)`, details: { removalDays },
      }));
      if (done) removed++;
    }
    if (rows.length < batch) break;
    afterId = rows.at(-1)!.id;
  }
  // Past the removal age but held by evidence or a request: kept, and counted so the report says so.
  const kept = await repo.countHeldPersonalData(deps.db, { before: cut.removal });
  return { flagged, removed, kept };
}
