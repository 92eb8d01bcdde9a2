import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './db.types';
import { COPY_IN, copyIn } from './copy';

/** Every table, as generated from the migrated schema (db.types.ts, `npm run db:types`). */
export type Database = DB;
export type Db = Kysely<Database> | Transaction<Database>;

// Vocabularies whose values a CHECK constraint lists, named for the code that uses them.
export type OccurrenceSource = DB['occurrences']['source'];
export type OccurrencePriority = DB['occurrences']['priority'];
export type OccurrenceOutcome = NonNullable<DB['occurrences']['outcome']>;
export type EntryKind = DB['occurrence_entries']['kind'];
export type Agency = NonNullable<DB['occurrence_entries']['agency']>;

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
  pool.on('connect', prepareMarkedStatements);
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

/**
 * Marks a statement to be prepared once per connection and then only bound and executed: for the
 * few statements run on every request, where parsing and planning cost more than running them.
 * Its text must not vary between calls (values go in parameters).
 */
export const PREPARE = '/* prepare */ ';

function prepareMarkedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
    // A COPY marked by copyRows (copy.ts): the statement, then its data as the one parameter.
    if (typeof text === 'string' && text.startsWith(COPY_IN) && Array.isArray(rest[0])) return copyIn(client, text.slice(COPY_IN.length).replace(/\s*\$1$/, ''), String(rest[0][0]));
    if (typeof text !== 'string' || !text.startsWith(PREPARE) || !Array.isArray(rest[0])) return query(text, ...rest);
    let name = names.get(text);
    if (!name) names.set(text, name = `v_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`);
    return query({ name, text, values: rest[0] }, ...rest.slice(1));
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
