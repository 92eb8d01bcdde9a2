import type { Db } from '../../../platform/db/db';
import type { ContinuityLink } from './continuity.models';

// The SQL of continuity: the exhibit's row (locked while an event is appended, so events of one
// exhibit are numbered one at a time) and its events, which the database refuses to change.

export async function lockExhibit(db: Db, exhibitId: string) {
  return db.selectFrom('exhibits').selectAll().where('id', '=', exhibitId).forUpdate().executeTakeFirst();
}
export type LockedExhibit = NonNullable<Awaited<ReturnType<typeof lockExhibit>>>;

export async function insertContinuityEvent(db: Db, link: ContinuityLink) {
  await db.insertInto('continuity_events').values({
    exhibit_id: link.exhibitId, seq: link.seq, kind: link.kind, at: new Date(link.at), actor_id: link.actorId, actor_name: link.actorName,
    location: link.location, reason: link.reason, item_sha256: link.itemSha256, details: JSON.stringify(link.details),
    content_hash: link.contentHash, prev_hash: link.prevHash, hash: link.hash,
  }).execute();
}

export async function updateExhibitCustody(db: Db, { exhibitId, seq, hash, state, holderId }: { exhibitId: string; seq: number; hash: string; state: LockedExhibit['state']; holderId: string | null }) {
  await db.updateTable('exhibits').set({ continuity_seq: seq, continuity_hash: hash, state, holder_id: holderId }).where('id', '=', exhibitId).execute();
}

/** An exhibit's events in order, as the chain covers them. */
export async function listContinuityEvents(db: Db, exhibitId: string): Promise<ContinuityLink[]> {
  const rows = await db.selectFrom('continuity_events as ce').innerJoin('exhibits as e', 'e.id', 'ce.exhibit_id')
    .select(['ce.exhibit_id', 'e.reference', 'ce.seq', 'ce.kind', 'ce.at', 'ce.actor_id', 'ce.actor_name', 'ce.location', 'ce.reason',
      'ce.item_sha256', 'ce.details', 'ce.content_hash', 'ce.prev_hash', 'ce.hash'])
    .where('ce.exhibit_id', '=', exhibitId).orderBy('ce.seq').execute();
  return rows.map(toLink);
}

export function toLink(r: {
  exhibit_id: string; reference: string; seq: number; kind: string; at: Date; actor_id: string | null; actor_name: string; location: string; reason: string;
  item_sha256: string; details: unknown; content_hash: string; prev_hash: string; hash: string;
}): ContinuityLink {
  return {
    exhibitId: r.exhibit_id, exhibitReference: r.reference, seq: r.seq, kind: r.kind as ContinuityLink['kind'], at: r.at.toISOString(),
    actorId: r.actor_id, actorName: r.actor_name, location: r.location, reason: r.reason, itemSha256: r.item_sha256,
    details: (r.details ?? {}) as Record<string, unknown>, contentHash: r.content_hash, prevHash: r.prev_hash, hash: r.hash,
  };
}

/** Every exhibit's events, exhibit by exhibit, in batches: for `vigil evidence verify`. */
export async function* streamAllContinuity(db: Db, { batch = 5000 }: { batch?: number } = {}) {
  let after: { exhibitId: string; seq: number } | undefined;
  for (;;) {
    let q = db.selectFrom('continuity_events as ce').innerJoin('exhibits as e', 'e.id', 'ce.exhibit_id')
      .select(['ce.exhibit_id', 'e.reference', 'e.continuity_seq as head_seq', 'e.continuity_hash as head_hash', 'ce.seq', 'ce.kind', 'ce.at', 'ce.actor_id', 'ce.actor_name',
        'ce.location', 'ce.reason', 'ce.item_sha256', 'ce.details', 'ce.content_hash', 'ce.prev_hash', 'ce.hash'])
      .orderBy('ce.exhibit_id').orderBy('ce.seq').limit(batch);
    if (after) { const a = after; q = q.where((eb) => eb.or([eb('ce.exhibit_id', '>', a.exhibitId), eb.and([eb('ce.exhibit_id', '=', a.exhibitId), eb('ce.seq', '>', a.seq)])])); }
    const rows = await q.execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    after = { exhibitId: last.exhibit_id, seq: last.seq };
  }
}
