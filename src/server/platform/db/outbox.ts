import { sql } from 'kysely';
import type { Db } from './db';
import { repeat } from '../jobs/repeat';

// Sends the live updates waiting in the outbox (see live_publish in the platform migration) as
// NOTIFYs, one transaction for all of them, so that writers never queue for NOTIFY's lock.

export async function drainLiveOutbox(db: Db): Promise<number> {
  const { rows } = await sql<{ sent: number }>`select live_drain() as sent`.execute(db);
  return rows[0].sent;
}

/** Drains every `everyMs` (a live update reaches other processes within about that), until stopped. */
export function startLiveOutbox({ db, log, everyMs = 50 }: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }) {
  return repeat({ name: 'sending live updates', everyMs, log, run: () => drainLiveOutbox(db), last: () => drainLiveOutbox(db) });
}

export interface LiveEvent { id: number; payload: string }

/** The number of the latest live update sent (0 when none is kept). */
export async function latestLiveEventId(db: Db): Promise<number> {
  const { rows } = await sql<{ id: string | null }>`select max(id) as id from live_events`.execute(db);
  return Number(rows[0].id ?? 0);
}

/**
 * The updates sent on `channel` after update number `after`, oldest first, and whether that is all
 * of them: not when updates after `after` may have been removed already (kept about 15 minutes), nor
 * when `after` is a number this database never gave.
 */
export async function liveEventsSince(db: Db, { channel, after }: { channel: string; after: number }): Promise<{ events: LiveEvent[]; complete: boolean }> {
  // Removed oldest first: while an update numbered `after` or earlier is still kept, none after it has
  // gone. Number 0 is "before any update": a stream that began when none had ever been sent (the newest
  // is never removed, so an empty table means none ever was); complete while the first is still kept.
  const { rows: [edge] } = await sql<{ kept: boolean; latest: string | null }>`
    select exists (select 1 from live_events where id <= ${after})
             or (${after}::bigint = 0 and coalesce((select min(id) from live_events), 1) = 1) as kept,
           (select max(id) from live_events) as latest`.execute(db);
  const complete = edge.kept && after <= Number(edge.latest ?? 0);
  const { rows } = await sql<{ id: string; payload: string }>`
    select id, payload from live_events where channel = ${channel} and id > ${after} order by id`.execute(db);
  return { events: rows.map((r) => ({ id: Number(r.id), payload: r.payload })), complete };
}
