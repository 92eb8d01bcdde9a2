import { sql } from 'kysely';
import type { Db } from '../db/db';

// The SQL behind Idempotency-Key (idempotency.ts). Times are the database's, so every server
// process agrees on them.

/** How long a key is kept: a repeat within this time gets the first reply. */
export const KEYS_KEPT_HOURS = 24;
/** A claim whose write never finished (its process died mid-request) is given up after this. */
const ABANDONED_MINUTES = 10;

export interface KeyRef { userId: string; key: string }

/**
 * Claims a key for a request about to run, or returns false when another request holds it. A key
 * past its 24 hours, or claimed by a request that never finished, is taken over.
 */
export async function claimKey(db: Db, { userId, key, requestHash, method, path }: KeyRef & { requestHash: string; method: string; path: string }): Promise<boolean> {
  const row = await db.insertInto('idempotency_keys')
    .values({ user_id: userId, key, request_hash: requestHash, method, path })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({
      request_hash: requestHash, method, path, status: null, content_type: null, body: null, created_at: sql`now()`, completed_at: null,
    }).where(({ or, eb }) => or([
      eb('idempotency_keys.created_at', '<', sql<Date>`now() - make_interval(hours => ${KEYS_KEPT_HOURS})`),
      eb.and([eb('idempotency_keys.status', 'is', null), eb('idempotency_keys.created_at', '<', sql<Date>`now() - make_interval(mins => ${ABANDONED_MINUTES})`)]),
    ])))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findKey(db: Db, { userId, key }: KeyRef) {
  return db.selectFrom('idempotency_keys').select(['request_hash', 'method', 'path', 'status', 'content_type', 'body'])
    .where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

/** Records the reply of the request that holds the key. */
export async function completeKey(db: Db, { userId, key, status, contentType, body }: KeyRef & { status: number; contentType: string | null; body: Uint8Array | null }) {
  await db.updateTable('idempotency_keys')
    .set({ status, content_type: contentType, body: body ? Buffer.from(body) : null, completed_at: sql`now()` })
    .where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null)
    .execute();
}

/** Gives a key back (its request failed), so that the same key may be tried again. */
export async function releaseKey(db: Db, { userId, key }: KeyRef) {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null).execute();
}

/** Housekeeping: removes the keys older than 24 hours. */
export async function removeExpiredKeys(db: Db): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${KEYS_KEPT_HOURS})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
