import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/db';
import { contentHash, type AuditContent } from './audit.hash';
import { repeat } from '../jobs/repeat';
import { sealAudit } from './audit.repository';

// Appends to the hash-chained audit trail inside the caller's transaction: the event is written to
// audit_pending, durable when the caller commits (a rolled-back transaction leaves no event). The
// sealer then chains it into audit_events (seq, previous hash, chain hash): every few hundred
// milliseconds in each server process, and before anything reads the trail. Writers never wait for
// one another to commit, as they would if each took the chain's lock.

export interface AuditActor {
  actorId: string | null;
  actorUsername: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorUsername: 'system', ip: null, userAgent: null };

export interface AuditEntry {
  action: string;
  recordType?: string;
  recordId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

/** An event ready to be written: its content and the SHA-256 the chain will seal. */
export function auditEvent(actor: AuditActor, entry: AuditEntry) {
  const content: AuditContent = {
    id: randomUUID(),
    at: new Date().toISOString(),
    actorId: actor.actorId,
    actorUsername: actor.actorUsername,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    outcome: entry.outcome ?? 'success',
    ip: actor.ip,
    userAgent: actor.userAgent,
    // Hash what the database will give back: jsonb keeps a Date as its ISO string, drops undefined.
    details: JSON.parse(JSON.stringify(entry.details ?? {})),
  };
  return {
    id: content.id,
    at: new Date(content.at),
    actor_id: content.actorId,
    actor_username: content.actorUsername,
    action: content.action,
    record_type: content.recordType,
    record_id: content.recordId,
    outcome: content.outcome as 'success',
    ip: content.ip,
    user_agent: content.userAgent,
    details: JSON.stringify(content.details),
    content_hash: contentHash(content),
  };
}
export type AuditEvent = ReturnType<typeof auditEvent>;

export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<{ id: string }> {
  const event = auditEvent(actor, entry);
  await db.insertInto('audit_pending').values(event).execute();
  return { id: event.id };
}

/**
 * The event as an `INSERT … SELECT` for a data-modifying CTE, written only when `when` (an SQL
 * condition, such as `exists (select 1 from entry)`) holds: a hot path can then write its change
 * and its audit event in one statement, one round trip, still atomically.
 */
export function auditInsert(e: AuditEvent, when: RawBuilder<unknown>) {
  return sql`insert into audit_pending (id, at, actor_id, actor_username, action, record_type, record_id, outcome, ip, user_agent, details, content_hash)
    select ${e.id}::uuid, ${e.at}::timestamptz, ${e.actor_id}::uuid, ${e.actor_username}, ${e.action}, ${e.record_type}, ${e.record_id}, ${e.outcome},
           ${e.ip}, ${e.user_agent}, ${e.details}::jsonb, ${e.content_hash}
    where ${when}`;
}

/** The audit actor for a signed-in user's request. */
export function actorFrom(session: { userId: string; username: string }, caller: { ip: string; userAgent: string | null }): AuditActor {
  return { actorId: session.userId, actorUsername: session.username, ip: caller.ip, userAgent: caller.userAgent };
}

export { sealAudit } from './audit.repository';

/** Seals in the background, every `everyMs`, until stopped (which seals once more). */
export function startAuditSealer({ db, log, everyMs = 200 }: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }) {
  return repeat({ name: 'audit sealing', everyMs, log, run: () => sealAudit(db, { wait: false }), last: () => sealAudit(db) });
}
