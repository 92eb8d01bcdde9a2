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
