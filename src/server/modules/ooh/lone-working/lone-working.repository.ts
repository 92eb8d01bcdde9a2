import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { DB, LoneWorkingSessions } from '../../../platform/db/db.types';

export type EventKind = DB['lone_working_events']['kind'];

// Lone working's SQL, nothing else: sessions (read under their row lock when anything changes
// them), their append-only events, the ladder's rungs fired and their acknowledgements, and the
// ladder's versioned policy.

export type SessionRow = Selectable<LoneWorkingSessions>;

export async function nextReference(db: Db, at: Date) {
  const { rows } = await sql<{ n: string }>`select nextval('lone_working_reference_seq')::text as n`.execute(db);
  return `LW-${at.getUTCFullYear()}-${rows[0]!.n.padStart(6, '0')}`;
}

export const insertSession = (db: Db, row: Insertable<LoneWorkingSessions>) =>
  db.insertInto('lone_working_sessions').values(row).returningAll().executeTakeFirstOrThrow();

export const updateSession = (db: Db, id: string, set: Updateable<LoneWorkingSessions>) =>
  db.updateTable('lone_working_sessions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The session under its row lock: every change to a session (and every timer's firing) takes it first. */
export const lockSession = (db: Db, id: string) =>
  db.selectFrom('lone_working_sessions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findSession = (db: Db, id: string) =>
  db.selectFrom('lone_working_sessions').selectAll().where('id', '=', id).executeTakeFirst();

export function listSessions(db: Db, { state, q, from, to, userId, limit = 500 }: { state: 'open' | 'ended' | 'any'; q?: string; from?: Date; to?: Date; userId?: string; limit?: number }) {
  let query = db.selectFrom('lone_working_sessions').selectAll();
  if (state === 'open') query = query.where('status', 'in', ['active', 'escalating']);
  if (state === 'ended') query = query.where('status', 'in', ['ended', 'ended_by_officer']);
  if (userId) query = query.where('user_id', '=', userId);
  if (from) query = query.where('started_at', '>=', from);
  if (to) query = query.where('started_at', '<', to);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('worker_name', 'ilike', like), eb('reference', 'ilike', like), eb('location', 'ilike', like), eb('worker_organisation', 'ilike', like)]));
  }
  return query.orderBy(state === 'open' ? 'deadline_at' : 'started_at', state === 'open' ? 'asc' : 'desc').limit(limit).execute();
}

export const appendEvent = (db: Db, e: { sessionId: string; kind: EventKind; at: Date; by?: string | null; details?: Record<string, unknown> }) =>
  db.insertInto('lone_working_events').values({ session_id: e.sessionId, kind: e.kind, at: e.at, by_user: e.by ?? null, details: JSON.stringify(e.details ?? {}) }).execute();

export const listEvents = (db: Db, sessionId: string) =>
  db.selectFrom('lone_working_events as e').leftJoin('users as u', 'u.id', 'e.by_user')
    .select(['e.kind', 'e.at', 'e.details', 'u.display_name as by_name']).where('e.session_id', '=', sessionId).orderBy('e.at').orderBy('e.seq').execute();

export const insertStep = (db: Db, row: { session_id: string; escalation: number; step_index: number; action: string; label: string; script: string; due_at: Date; fired_at: Date; late_ms: number; duress: boolean }) =>
  db.insertInto('lone_working_steps').values(row).returning('id').executeTakeFirstOrThrow();

export const listSteps = (db: Db, sessionIds: readonly string[]) => sessionIds.length === 0 ? Promise.resolve([]) :
  db.selectFrom('lone_working_steps as s').leftJoin('lone_working_acknowledgements as a', 'a.step_id', 's.id').leftJoin('users as u', 'u.id', 'a.by_user')
    .select(['s.id', 's.session_id', 's.escalation', 's.step_index', 's.action', 's.label', 's.script', 's.due_at', 's.fired_at', 's.late_ms', 's.duress',
      'a.outcome', 'a.note', 'a.at as ack_at', 'u.display_name as ack_by'])
    .where('s.session_id', 'in', sessionIds).orderBy('s.escalation').orderBy('s.step_index').execute();
export type StepRow = Awaited<ReturnType<typeof listSteps>>[number];

export const findStep = (db: Db, sessionId: string, stepId: string) =>
  db.selectFrom('lone_working_steps as s').leftJoin('lone_working_acknowledgements as a', 'a.step_id', 's.id')
    .select(['s.id', 's.escalation', 's.step_index', 's.label', 'a.id as ack_id']).where('s.session_id', '=', sessionId).where('s.id', '=', stepId).executeTakeFirst();

export const insertAcknowledgement = (db: Db, row: { step_id: string; outcome: 'answered_safe' | 'no_answer' | 'note'; note: string; at: Date; by_user: string }) =>
  db.insertInto('lone_working_acknowledgements').values(row).execute();

export const latestPolicy = (db: Db) =>
  db.selectFrom('lone_working_policies').select(['version', 'policy', 'created_at']).orderBy('version', 'desc').limit(1).executeTakeFirst();

export async function insertPolicy(db: Db, { policy, by, at }: { policy: unknown; by: string | null; at: Date }) {
  await sql`select pg_advisory_xact_lock(hashtext('lone_working_policies'))`.execute(db);
  const version = ((await latestPolicy(db))?.version ?? 0) + 1;
  return db.insertInto('lone_working_policies').values({ version, policy: JSON.stringify(policy), created_by: by, created_at: at })
    .returning(['version', 'policy', 'created_at']).executeTakeFirstOrThrow();
}

export const findUserContact = (db: Db, userId: string) =>
  db.selectFrom('users').select(['display_name', 'email']).where('id', '=', userId).executeTakeFirst();
