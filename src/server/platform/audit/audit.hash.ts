import { createHash } from 'node:crypto';

// What an audit event's hashes cover. The content hash is the SHA-256 of the event's canonical JSON
// (keys sorted at every level, so it does not depend on how jsonb orders keys); the chain hash is the
// SHA-256 of "seq:prev_hash:content_hash", computed by the database when the event is sealed at
// commit (see migration 0001) and checked here.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: string;
  at: string; // ISO 8601, millisecond precision
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function contentHash(content: AuditContent): string {
  return sha256(canonicalJson(content));
}

export function chainHash({ seq, prevHash, contentHash: content }: { seq: string; prevHash: string; contentHash: string }): string {
  return sha256(`${seq}:${prevHash}:${content}`);
}

export interface ChainRow extends AuditContent { seq: string; contentHash: string; prevHash: string; hash: string }

export type ChainBreak = { seq: string; reason: string };

/**
 * Checks one event against the one before it. Returns the first problem, if any: a gap in the
 * sequence (an event removed), a previous-hash link that does not match (events reordered or
 * removed), content that does not match its content hash (an event altered), or a chain hash that
 * does not match (hashes rewritten).
 */
export function checkLink(prev: { seq: string; hash: string } | undefined, row: ChainRow): ChainBreak | undefined {
  const expectedSeq = prev ? BigInt(prev.seq) + 1n : 1n;
  if (BigInt(row.seq) !== expectedSeq) return { seq: row.seq, reason: `sequence jumps from ${prev?.seq ?? 0} to ${row.seq}: event(s) missing` };
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  if (row.prevHash !== expectedPrev) return { seq: row.seq, reason: 'previous-hash link does not match the event before it' };
  const { seq, contentHash: storedContent, prevHash, hash, ...content } = row;
  if (contentHash(content) !== storedContent) return { seq, reason: 'content does not match its hash: the event was altered' };
  if (chainHash({ seq, prevHash, contentHash: storedContent }) !== hash) return { seq, reason: 'chain hash does not match: the hashes were rewritten' };
  return undefined;
}

/** The chain's newest event as `vigil audit head` prints it and `verify --head` takes it back. */
export interface AuditHead { seq: string; hash: string }

export const formatHead = (head: AuditHead) => `${head.seq}:${head.hash}`;

/** `SEQ:HASH` as printed by `vigil audit head`, or undefined if it is not one. */
export function parseHead(text: string): AuditHead | undefined {
  const m = /^\s*(\d{1,18}):([0-9a-fA-F]{64})\s*$/.exec(text);
  return m ? { seq: String(BigInt(m[1])), hash: m[2].toLowerCase() } : undefined;
}

/**
 * Checks a chain that verified link by link against a head recorded earlier outside the database:
 * removing the newest events leaves a shorter chain that is still intact, which only the anchor
 * shows. The chain must reach the anchored seq, and the event there must have the anchored hash.
 */
export function checkAgainstHead({ head, last, hashAtSeq }: { head: AuditHead; last: AuditHead | undefined; hashAtSeq: string | undefined }): ChainBreak | undefined {
  if (head.seq === '0') return head.hash === GENESIS_HASH ? undefined : { seq: '0', reason: 'the anchored head of an empty trail must be the genesis hash' };
  const lastSeq = last ? BigInt(last.seq) : 0n;
  if (lastSeq < BigInt(head.seq)) return { seq: head.seq, reason: `the trail ends at event ${lastSeq} but event ${head.seq} was recorded as its head: the newest event(s) were removed` };
  if (hashAtSeq !== head.hash) return { seq: head.seq, reason: `event ${head.seq} does not have the hash recorded for it: the trail was rewritten from there` };
  return undefined;
}
