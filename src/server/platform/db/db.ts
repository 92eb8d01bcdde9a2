import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './db.types';

export type { Db, Database } from './db.types';

// timestamptz -> Date (default), bigint (int8) stays a string to avoid precision loss,
// except count(*) results which we cast in SQL where needed.
export interface DbHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export function connect({ url, max = 20, applicationName = 'vigil' }: { url: string; max?: number; applicationName?: string }): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; migrations use the pool directly.
      if (!pool.ended) await pool.end();
    },
  };
}

export async function isReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
