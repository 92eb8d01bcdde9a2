import type { Db } from '../../../platform/db/db';
import { custodyOf } from '../evidence.models';
import { sealContinuityEvent, type ContinuityKind, type ContinuityLink } from './continuity.models';
import { insertContinuityEvent, listContinuityEvents, lockExhibit, updateExhibitCustody, type LockedExhibit } from './continuity.repository';

// Appending to an exhibit's chain, inside the caller's transaction and under the exhibit's row lock
// (lockExhibit): the event is sealed onto the head the row holds, written, and the row's head,
// state and holder moved on in the same transaction.

export interface ContinuityInput {
  kind: ContinuityKind;
  at: Date;
  actor: { id: string | null; name: string };
  location: string;
  reason: string;
  itemSha256: string;
  details?: Record<string, unknown>;
}

export async function appendContinuity(db: Db, { exhibit, event }: { exhibit: LockedExhibit; event: ContinuityInput }): Promise<ContinuityLink> {
  const head = exhibit.continuity_seq === 0 ? undefined : { seq: exhibit.continuity_seq, hash: exhibit.continuity_hash };
  const link = sealContinuityEvent({
    head,
    event: {
      exhibitId: exhibit.id, exhibitReference: exhibit.reference, kind: event.kind, at: event.at.toISOString(), actorId: event.actor.id,
      actorName: event.actor.name, location: event.location, reason: event.reason, itemSha256: event.itemSha256, details: event.details ?? {},
    },
  });
  await insertContinuityEvent(db, link);
  const events = await listContinuityEvents(db, exhibit.id);
  const custody = custodyOf(events.map((e) => ({ ...e, at: new Date(e.at) })));
  await updateExhibitCustody(db, { exhibitId: exhibit.id, seq: link.seq, hash: link.hash, state: custody.state, holderId: custody.holder?.id ?? null });
  // The caller's later appends in this transaction build on the new head.
  exhibit.continuity_seq = link.seq;
  exhibit.continuity_hash = link.hash;
  exhibit.state = custody.state;
  return link;
}

/**
 * One handling of an exhibit recorded by another module (a viewing in the control room: viewed,
 * copied), in the caller's transaction under the exhibit's lock, quoting the item's hash as its
 * first event did. Undefined when there is no such exhibit; refused (as handlingProblem would) once destroyed.
 */
export async function appendToExhibit(db: Db, { exhibitId, event }: { exhibitId: string; event: Omit<ContinuityInput, 'itemSha256'> & { kind: 'viewed' | 'copied' } }) {
  const exhibit = await lockExhibit(db, exhibitId);
  if (!exhibit) return undefined;
  if (exhibit.state === 'destroyed') return 'destroyed' as const;
  const first = await db.selectFrom('continuity_events').select('item_sha256').where('exhibit_id', '=', exhibitId).where('seq', '=', 1).executeTakeFirstOrThrow();
  return appendContinuity(db, { exhibit, event: { ...event, itemSha256: first.item_sha256 } });
}
