import type { Deps } from '../../platform/deps';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit';
import * as repo from './occurrences.repository';
import { personalDataStage } from './occurrences.models';

// Personal data does not linger: names are flagged for review after a period (default 31 days) and
// removed after a longer one (default 365) unless the occurrence is held by evidence or a request.
// The removal is recorded in the occurrence's timeline and the audit trail; the rest of the log stays.

export const REVIEW_DAYS_KEY = 'occurrences.personal_data_review_days';
export const REMOVAL_DAYS_KEY = 'occurrences.personal_data_removal_days';

export async function applyPersonalDataRetention(deps: Deps, { batch = 500 }: { batch?: number } = {}) {
  const now = deps.clock.now();
  const reviewDays = await repo.getNumberSetting(deps.db, REVIEW_DAYS_KEY, 31);
  const removalDays = await repo.getNumberSetting(deps.db, REMOVAL_DAYS_KEY, 365);
  const rows = await repo.listPersonalDataOlderThan(deps.db, { before: new Date(now.getTime() - reviewDays * 86_400_000), limit: batch });
  const stages = rows.map((r) => ({ ...r, stage: personalDataStage({ recordedAt: r.recorded_at, now, reviewDays, removalDays, held: r.held }) }));

  const toFlag = stages.filter((r) => r.stage === 'review' && !r.flagged_for_review_at).map((r) => r.id);
  const flagged = await deps.db.transaction().execute(async (trx) => {
    const n = await repo.flagPersonalData(trx, { ids: toFlag, at: now });
    if (n) await recordAudit(trx, SYSTEM_ACTOR, { action: 'occurrence.personal-data-flagged', recordType: 'occurrence_personal_data', details: { count: n, reviewDays } });
    return n;
  });

  let removed = 0;
  for (const r of stages.filter((x) => x.stage === 'remove')) {
    await deps.db.transaction().execute(async (trx) => {
      const occ = await repo.lockOccurrence(trx, r.occurrence_id);
      if (!occ) return;
      await repo.removePersonalData(trx, { id: r.id, at: now, reason: `retention: older than ${removalDays} days` });
      const seq = await repo.nextEntrySeq(trx, occ.id);
      await repo.insertEntry(trx, { occurrenceId: occ.id, seq, kind: 'personal_data_removed', body: `Personal data recorded on ${r.recorded_at.toISOString().slice(0, 10)} removed under the retention policy (${removalDays} days).`, recordedAt: now, authorId: null });
      await recordAudit(trx, SYSTEM_ACTOR, { action: 'occurrence.personal-data-removed', recordType: 'occurrence', recordId: occ.id, details: { reference: occ.reference, personalDataId: r.id, removalDays } });
    });
    removed++;
  }
  // Past the removal age but held by evidence or a request: kept, and counted so the report says so.
  const kept = stages.filter((r) => r.held && now.getTime() - r.recorded_at.getTime() >= removalDays * 86_400_000).length;
  return { flagged, removed, kept };
}
