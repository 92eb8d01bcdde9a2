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
