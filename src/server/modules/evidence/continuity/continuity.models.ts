import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../platform/audit/audit.hash';

// Each exhibit's continuity events form their own hash chain, numbered from 1. An event's content
// hash is the SHA-256 of its canonical JSON (keys sorted, so it does not depend on how jsonb orders
// them); its chain hash is the SHA-256 of "seq:prev_hash:content_hash", the first event's previous
// hash being 64 zeros. Removing, reordering or altering an event breaks the chain from there on, and
// a head (seq and hash) pinned elsewhere, in a package's signed manifest, shows one cut short.
// The same functions check a chain in the database and one carried in a package, offline.

export const CONTINUITY_GENESIS = '0'.repeat(64);

export const CONTINUITY_KINDS = [
  'produced', 'copied', 'viewed', 'exported', 'handed_over', 'received', 'rejected',
  'returned', 'sealed', 'released', 'downloaded', 'release_revoked', 'destroyed',
] as const;
export type ContinuityKind = (typeof CONTINUITY_KINDS)[number];

/** What an event says, and what its content hash covers. */
export interface ContinuityContent {
  exhibitId: string;
  exhibitReference: string;
  seq: number;
  kind: ContinuityKind;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actorId: string | null;
  actorName: string;
  location: string;
  reason: string;
  /** The SHA-256 of the item (its master) at that moment. */
  itemSha256: string;
  details: Record<string, unknown>;
}

export interface ContinuityLink extends ContinuityContent { contentHash: string; prevHash: string; hash: string }

export interface ContinuityHead { seq: number; hash: string }

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export const continuityContentHash = (content: ContinuityContent) => sha256(canonicalJson(content));

export const continuityChainHash = ({ seq, prevHash, contentHash }: { seq: number; prevHash: string; contentHash: string }) =>
  sha256(`${seq}:${prevHash}:${contentHash}`);

/** The next event after `head` (undefined: the first), sealed into the chain. */
export function sealContinuityEvent({ head, event }: { head: ContinuityHead | undefined; event: Omit<ContinuityContent, 'seq'> }): ContinuityLink {
  // Hash what the database gives back: jsonb drops undefined and keeps a Date as its ISO string.
  const content: ContinuityContent = { ...event, seq: (head?.seq ?? 0) + 1, details: JSON.parse(JSON.stringify(event.details ?? {})) };
  const prevHash = head?.hash ?? CONTINUITY_GENESIS;
  const contentHash = continuityContentHash(content);
  return { ...content, contentHash, prevHash, hash: continuityChainHash({ seq: content.seq, prevHash, contentHash }) };
}

export interface ContinuityBreak { exhibitReference: string; seq: number; reason: string }

/**
 * Checks one exhibit's events, in order of seq: numbered 1, 2, 3 … with none missing, each linked
 * to the one before, each content matching its hash; and, when a head was pinned (a package's
 * manifest), that the chain reaches it with the same hash. Returns every break found.
 */
export function checkContinuityChain({ events, pinnedHead, exhibitReference }: {
  events: readonly ContinuityLink[]; pinnedHead?: ContinuityHead; exhibitReference: string;
}): ContinuityBreak[] {
  const breaks: ContinuityBreak[] = [];
  let prev: ContinuityHead | undefined;
  for (const event of events) {
    const at = (reason: string) => breaks.push({ exhibitReference, seq: event.seq, reason });
    const expectedSeq = (prev?.seq ?? 0) + 1;
    const { contentHash, prevHash, hash, ...content } = event;
    if (event.seq !== expectedSeq) at(`event ${event.seq} follows event ${prev?.seq ?? 0}: event(s) missing or out of order`);
    else if (prevHash !== (prev?.hash ?? CONTINUITY_GENESIS)) at('its link to the event before does not match: events were removed or reordered');
    if (continuityContentHash(content) !== contentHash) at('its content does not match its hash: the event was altered');
    else if (continuityChainHash({ seq: event.seq, prevHash, contentHash }) !== hash) at('its chain hash does not match: the hashes were rewritten');
    prev = { seq: event.seq, hash };
  }
  if (pinnedHead) {
    const atPinned = events.find((e) => e.seq === pinnedHead.seq);
    if (!atPinned) breaks.push({ exhibitReference, seq: pinnedHead.seq, reason: `the chain ends at event ${prev?.seq ?? 0} but event ${pinnedHead.seq} was pinned as its head: event(s) removed` });
    else if (atPinned.hash !== pinnedHead.hash) breaks.push({ exhibitReference, seq: pinnedHead.seq, reason: `event ${pinnedHead.seq} does not have the hash pinned for it` });
  }
  return breaks;
}
