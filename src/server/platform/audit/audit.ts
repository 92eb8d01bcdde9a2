import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db';
import { contentHash, type AuditContent } from './audit.hash';

// Appends to the hash-chained audit trail inside the caller's transaction: the event is written to
// audit_pending, and the database seals it into audit_events at commit (seq, previous hash, chain
// hash) under a lock held only for the commit. A rolled-back transaction leaves no event.

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

export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<{ id: string }> {
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
  await db.insertInto('audit_pending').values({
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
  }).execute();
  return { id: content.id };
}

/** The audit actor for a signed-in user's request. */
export function actorFrom(session: { userId: string; username: string }, caller: { ip: string; userAgent: string | null }): AuditActor {
  return { actorId: session.userId, actorUsername: session.username, ip: caller.ip, userAgent: caller.userAgent };
}
