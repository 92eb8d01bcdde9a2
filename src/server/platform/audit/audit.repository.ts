import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../db/db';
import { checkAgainstHead, checkLink, GENESIS_HASH, type AuditHead, type ChainBreak, type ChainRow } from './audit.hash';

/**
 * Seals every committed pending event into the chain. `wait` false returns at once when another
 * process is sealing (the background sealer); true waits for it, so that a reader sees everything
 * committed before it asked.
 */
export async function sealAudit(db: Db, { wait = true }: { wait?: boolean } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await sql<{ sealed: number }>`select audit_seal(${SEAL_BATCH}, ${wait}) as sealed`.execute(db);
    total += rows[0].sealed;
    if (rows[0].sealed < SEAL_BATCH) return total;
  }
}
const SEAL_BATCH = 5000;

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  outcome?: 'success' | 'failure' | 'denied';
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_events');
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.actor) q = q.where('actor_username', '=', f.actor.toLowerCase());
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.recordType) q = q.where('record_type', '=', f.recordType);
  if (f.recordId) q = q.where('record_id', '=', f.recordId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  return q;
}

export async function listAuditEvents(db: Db, f: AuditFilter, page: { offset: number; limit: number }) {
  await sealAudit(db); // everything committed so far, not just what the background sealer has reached
  const [items, total] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').offset(page.offset).limit(page.limit).execute(),
    filtered(db, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Streams a filtered result in pages of `batch`, newest first, for CSV export. */
export async function* streamAuditEvents(db: Db, f: AuditFilter, batch = 2000) {
  await sealAudit(db);
  let before: string | undefined;
  for (;;) {
    let q = filtered(db, f).selectAll();
    if (before) q = q.where('seq', '<', before);
    const rows = await q.orderBy('seq', 'desc').limit(batch).execute();
    if (rows.length === 0) return;
    yield rows;
    before = rows[rows.length - 1].seq;
  }
}

/** The newest sealed event's seq and hash (everything committed is sealed first); `0` and the genesis hash when there is none. */
export async function getAuditHead(db: Db): Promise<AuditHead> {
  await sealAudit(db);
  const row = await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: String(row.seq), hash: row.hash } : { seq: '0', hash: GENESIS_HASH };
}

/**
 * Walks the whole chain in seq order and names the first broken link; with `head` (recorded
 * earlier, see `vigil audit head`), also finds the newest events removed since.
 */
export async function verifyAuditChain(db: Kysely<Database>, { head, batch = 5000 }: { head?: AuditHead; batch?: number } = {}): Promise<{ ok: boolean; checked: number; firstBroken?: ChainBreak }> {
  const result = await walkAuditChain(db, batch);
  if (!result.ok || !head) return result;
  const last = await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const at = head.seq === '0' ? undefined : await db.selectFrom('audit_events').select('hash').where('seq', '=', head.seq).executeTakeFirst();
  const broken = checkAgainstHead({ head, last: last && { seq: String(last.seq), hash: last.hash }, hashAtSeq: at?.hash });
  return broken ? { ok: false, checked: result.checked, firstBroken: broken } : result;
}

async function walkAuditChain(db: Kysely<Database>, batch: number): Promise<{ ok: boolean; checked: number; firstBroken?: ChainBreak }> {
  await sealAudit(db);
  let prev: { seq: string; hash: string } | undefined;
  let checked = 0;
  for (;;) {
    let q = db.selectFrom('audit_events').selectAll();
    if (prev) q = q.where('seq', '>', prev.seq);
    const rows = await q.orderBy('seq', 'asc').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const row: ChainRow = {
        seq: String(r.seq), id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorUsername: r.actor_username,
        action: r.action, recordType: r.record_type, recordId: r.record_id, outcome: r.outcome, ip: r.ip,
        userAgent: r.user_agent, details: r.details, contentHash: r.content_hash, prevHash: r.prev_hash, hash: r.hash,
      };
      const broken = checkLink(prev, row);
      if (broken) return { ok: false, checked, firstBroken: broken };
      checked++;
      prev = { seq: row.seq, hash: row.hash };
    }
  }
}
