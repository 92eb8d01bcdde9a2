import { hostname } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../db/db';
import type { Deps } from '../deps';
import { repeat, type Repeating } from '../jobs/repeat';

// Durable timers: "at 03:14:00 this lone worker's check-in is missed", "at 03:19:00 call them
// again". A module writes a timer in the transaction that makes it due (so it exists exactly when
// what it belongs to does), cancels it in the transaction that makes it moot, and defines what
// firing it does. Every writing process runs the loop below; each due timer is claimed by one of
// them (FOR UPDATE SKIP LOCKED) and fired in that same transaction, which also marks it fired: the
// handler's writes and the mark commit together or not at all, so a step happens once whatever the
// number of processes, and one whose process died mid-step is fired again by another.
//
// Why not pg-boss with startAfter: its workers poll every two seconds at best (and wait that long
// after each batch), while a lone worker's escalation is measured against its minute; and the
// timer's row is also the step's record (due, fired, how late, by which process). pg-boss stays the
// queue for work that outlives a request (minutes, not seconds).

export interface DueTimer<P = unknown> {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: Date;
  payload: P;
  attempts: number;
}

export interface TimerDefinition<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** `<module>.<what>`, e.g. `ooh.lone-worker-step`. */
  kind: string;
  payload: S;
  /** Does the step, in the claiming transaction; throwing rolls it back and it is tried again later. */
  fire(trx: Transaction<Database>, deps: Deps, timer: DueTimer<z.output<S>>): Promise<void>;
}

export function defineTimer<S extends z.ZodTypeAny>(def: TimerDefinition<S>): TimerDefinition<S> { return def; }

/** Writes a timer (in the caller's transaction). */
export async function scheduleTimer<S extends z.ZodTypeAny>(db: Db, def: TimerDefinition<S>, { subjectId, dueAt, payload }: { subjectId: string; dueAt: Date; payload: z.input<S> }): Promise<string> {
  const row = await db.insertInto('timers').values({ kind: def.kind, subject_id: subjectId, due_at: dueAt, payload: JSON.stringify(def.payload.parse(payload)) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Cancels a subject's pending timers (of one kind, or all), in the caller's transaction; returns how many. */
export async function cancelTimers(db: Db, { subjectId, kind, reason, at }: { subjectId: string; kind?: string; reason: string; at: Date }): Promise<number> {
  let q = db.updateTable('timers').set({ cancelled_at: at, cancel_reason: reason })
    .where('subject_id', '=', subjectId).where('fired_at', 'is', null).where('cancelled_at', 'is', null);
  if (kind) q = q.where('kind', '=', kind);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A subject's timers still to fire, soonest first. */
export async function pendingTimers(db: Db, subjectId: string) {
  const rows = await db.selectFrom('timers').select(['id', 'kind', 'due_at', 'payload'])
    .where('subject_id', '=', subjectId).where('fired_at', 'is', null).where('cancelled_at', 'is', null)
    .orderBy('due_at').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, dueAt: r.due_at, payload: r.payload as unknown }));
}

const RETRY_CAP_MS = 60_000;

/**
 * Fires one due timer, if any is unclaimed: claims it, runs its handler and marks it fired in one
 * transaction. Returns false when none was due (or all due ones are being fired elsewhere).
 */
export async function fireOneDueTimer(deps: Deps, definitions: ReadonlyMap<string, TimerDefinition>, firedBy: string): Promise<boolean> {
  const kinds = [...definitions.keys()];
  if (!kinds.length) return false;
  let failed: { id: string; attempts: number; error: string } | undefined;
  const fired = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await trx.selectFrom('timers').select(['id', 'kind', 'subject_id', 'due_at', 'payload', 'attempts'])
      .where('fired_at', 'is', null).where('cancelled_at', 'is', null).where('kind', 'in', kinds)
      .where(sql<boolean>`coalesce(retry_at, due_at) <= ${now}`)
      .orderBy(sql`coalesce(retry_at, due_at)`).limit(1).forUpdate().skipLocked().executeTakeFirst();
    if (!row) return false;
    const def = definitions.get(row.kind)!;
    await sql`savepoint timer_fire`.execute(trx);
    try {
      await def.fire(trx, deps, { id: row.id, kind: row.kind, subjectId: row.subject_id, dueAt: row.due_at, payload: def.payload.parse(row.payload), attempts: row.attempts });
    } catch (err) {
      // Undo the handler's writes, keep the claim's transaction to record the failure and back off.
      await sql`rollback to savepoint timer_fire`.execute(trx);
      failed = { id: row.id, attempts: row.attempts + 1, error: err instanceof Error ? err.message : String(err) };
      const wait = Math.min(RETRY_CAP_MS, 1000 * 2 ** Math.min(row.attempts, 6));
      await trx.updateTable('timers').set({ attempts: failed.attempts, last_error: failed.error.slice(0, 1000), retry_at: new Date(now.getTime() + wait) }).where('id', '=', row.id).execute();
      return true;
    }
    const firedAt = deps.clock.now();
    await trx.updateTable('timers').set({ fired_at: firedAt, fired_by: firedBy, late_ms: Math.max(0, firedAt.getTime() - row.due_at.getTime()), attempts: row.attempts + 1 })
      .where('id', '=', row.id).execute();
    return true;
  });
  if (failed) deps.log.error({ timer: failed.id, attempts: failed.attempts, err: failed.error }, 'timer handler failed; will retry');
  return fired;
}

/** Fires every timer due now, `lanes` at a time; returns how many were fired (or failed and were put off). */
export async function fireDueTimers(deps: Deps, definitions: readonly TimerDefinition[], { firedBy = `pid-${process.pid}`, lanes = 1, max = 10_000 } = {}): Promise<number> {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  let count = 0;
  const lane = async () => {
    while (count < max && (await fireOneDueTimer(deps, byKind, firedBy))) count += 1;
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return count;
}

/**
 * The loop each writing process runs: every `everyMs`, fire what is due. 200 ms apart by default,
 * one indexed query when nothing is due, so a step fires well within a second of its time.
 */
export function startTimers({ deps, definitions, everyMs = 200, lanes = 4 }: { deps: Deps; definitions: readonly TimerDefinition[]; everyMs?: number; lanes?: number }): Repeating {
  const firedBy = `${hostname()}:${process.pid}`;
  return repeat({ name: 'timers', everyMs, log: deps.log, run: () => fireDueTimers(deps, definitions, { firedBy, lanes, max: 500 }) });
}
