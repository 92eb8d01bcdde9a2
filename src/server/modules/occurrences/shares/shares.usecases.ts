import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/http/errors';
import * as repo from '../occurrences.repository';
import { occurrenceNotFound } from '../occurrences.errors';
import type { Actor } from '../occurrences.usecases';
import { searchOccurrences, streamOccurrences, type OccurrenceFilter, type OccurrenceSort } from '../search/search';

// What the council shared with a partner organisation: the partner's list of it, and the council
// withdrawing a share. Both shares and withdrawals are append-only rows (migration 0009): a
// withdrawal ends a share without removing it, and the partner no longer finds the occurrence.

export const notShared = ({ reference, organisation }: { reference: string; organisation?: string }) =>
  new AppError({ code: 'occurrences.not_shared', status: 409, message: `${reference} is not shared with ${organisation ?? 'that organisation'}.` });

export async function withdrawShare(deps: Deps, { actor, occurrenceId, organisationId, reason }: { actor: Actor; occurrenceId: string; organisationId: string; reason: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const occ = await repo.lockOccurrence(trx, occurrenceId);
    if (!occ) throw occurrenceNotFound();
    const share = await repo.findLiveShare(trx, { occurrenceId: occ.id, organisationId });
    if (!share) throw notShared(occ);
    const withdrawal = await repo.insertShareWithdrawal(trx, { shareId: share.id, at: now, by: actor.userId, reason: reason.trim() });
    await recordAudit(trx, actor.audit, {
      action: 'occurrence.share-withdrawn', recordType: 'occurrence', recordId: occ.id,
      details: { reference: occ.reference, organisationId, organisation: share.organisation_name, shareId: share.id, withdrawalId: withdrawal.id, reason: reason.trim() },
    });
    return { reference: occ.reference, organisation: share.organisation_name, withdrawnAt: now.toISOString() };
  });
}

/** A page of what is shared with the partner's organisation now, with when it was shared; the read is audited. */
export async function listSharedWithOrganisation(deps: Deps, { actor, organisationId, filter, sort, offset, limit }: {
  actor: Actor; organisationId: string; filter: Omit<OccurrenceFilter, 'organisationId' | 'operatorId'>; sort: OccurrenceSort; offset: number; limit: number;
}) {
  const r = await searchOccurrences(deps.db, { filter: { ...filter, organisationId }, sort, offset, limit });
  const sharedAt = await repo.listShareDates(deps.db, { organisationId, occurrenceIds: r.rows.map((x) => x.id) });
  await recordAudit(deps.db, actor.audit, { action: 'occurrences.listed-by-partner', details: { organisationId, shown: r.rows.map((x) => x.reference) } });
  return { ...r, rows: r.rows.map((x) => ({ ...x, shared_at: sharedAt.get(x.id)! })) };
}

/** Every occurrence shared with the organisation that matches, in batches, each row with when it was shared (for CSV). */
export async function* streamSharedWithOrganisation(deps: Deps, { organisationId, filter, sort }: {
  organisationId: string; filter: Omit<OccurrenceFilter, 'organisationId' | 'operatorId'>; sort: OccurrenceSort;
}) {
  for await (const rows of streamOccurrences(deps.db, { filter: { ...filter, organisationId }, sort })) {
    const sharedAt = await repo.listShareDates(deps.db, { organisationId, occurrenceIds: rows.map((x) => x.id) });
    yield rows.map((x) => ({ ...x, shared_at: sharedAt.get(x.id) ?? null }));
  }
}
