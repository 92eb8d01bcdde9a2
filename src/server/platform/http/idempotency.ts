import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/db';
import { repeat } from '../jobs/repeat';
import type { AppEnv } from './route';
import { problem, problemResponse } from './problem';
import { claimKey, completeKey, findKey, releaseKey, removeExpiredKeys, type KeyRef } from './idempotency.repository';

// Every write under /api/v1 may carry an `Idempotency-Key` header (the web app sends a UUID with
// each): the server carries out a user's write with a given key once. A repeat of the same request
// with that key gets the first reply again (same status and body, and `Idempotent-Replayed: true`)
// without the write running a second time; the same key on a different request is refused (422);
// a repeat that arrives while the first is still running waits for it (up to `waitMs`, then 409).
// A write that failed (4xx or 5xx) gives its key back, so the same request may be tried again.
// Without the header a write runs as it always has. Keys belong to the signed-in user; a request
// without a session (signing in) does not use one. Replies that hold a secret (route option
// `secretReply`), set a cookie or are not JSON or text are not kept: their key is given back, and a
// repeat runs again.

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
const KEPT_TYPES = /^(application\/([\w.+-]+\+)?json|text\/plain)\b/i;
const MAX_KEPT_BYTES = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request as the key must match it: method, path and query, and the body's bytes. */
async function requestHash(c: Context): Promise<string> {
  const url = new URL(c.req.url);
  // Hono keeps the body read here, so the route's validator reads it again without the socket.
  const body = await c.req.arrayBuffer();
  return createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n`).update(new Uint8Array(body)).digest('hex');
}

function refusal(c: Context, status: 400 | 409 | 422, code: string, detail: string, headers?: Record<string, string>) {
  return problemResponse(c, problem({ status, code, detail }), headers);
}

export function idempotency({ db, waitMs = 15_000, pollMs = 25 }: { db: Db; waitMs?: number; pollMs?: number }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const key = c.req.header(IDEMPOTENCY_HEADER);
    const session = c.get('session');
    if (key === undefined || !session) return next();
    // Streamed bodies (footage, a package to check) are not held in memory to be hashed: those
    // writes are idempotent in their own way (tus offsets, a check that changes nothing).
    if (!/^application\/json\b/.test(c.req.header('content-type') ?? 'application/json')) return next();
    if (!VALID_KEY.test(key)) {
      return refusal(c, 400, 'idempotency.invalid_key', 'The Idempotency-Key header must be 1 to 255 printable characters with no spaces, such as a UUID.');
    }
    const ref: KeyRef = { userId: session.userId, key };
    const hash = await requestHash(c);
    const deadline = Date.now() + waitMs;
    let wait = pollMs;
    while (!(await claimKey(db, { ...ref, requestHash: hash, method: c.req.method, path: c.req.path }))) {
      const held = await findKey(db, ref);
      if (!held) continue; // given back just now: claim it
      if (held.request_hash !== hash) {
        return refusal(c, 422, 'idempotency.key_reused', `This Idempotency-Key was already used for a different request (${held.method} ${held.path} with other content). Send a new key with each new request.`);
      }
      if (held.status !== null) {
        const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
        if (held.content_type) headers['content-type'] = held.content_type;
        return held.body ? c.body(new Uint8Array(held.body), held.status as 200, headers) : c.body(null, held.status as 200, headers);
      }
      if (Date.now() >= deadline) {
        return refusal(c, 409, 'idempotency.in_progress', 'The same request, sent earlier with this Idempotency-Key, is still being carried out. Wait a moment and send it again with the same key to get its answer.', { 'retry-after': '1' });
      }
      await sleep(wait);
      wait = Math.min(wait * 2, 250);
    }

    let kept = false;
    try {
      await next();
      kept = await keepReply(c, db, ref);
    } finally {
      if (!kept) await releaseKey(db, ref).catch((err) => c.get('log').error({ err }, 'could not give back an idempotency key'));
    }
  };
}

/** Keeps a successful reply for repeats; false when there is none to keep (a failure, a secret, a cookie, a file). */
async function keepReply(c: Context<AppEnv>, db: Db, ref: KeyRef): Promise<boolean> {
  const res = c.res;
  if (res.status >= 400 || c.get('secretReply') || res.headers.has('set-cookie')) return false;
  const contentType = res.headers.get('content-type');
  if (res.body && !KEPT_TYPES.test(contentType ?? '')) return false;
  const body = res.body ? new Uint8Array(await res.clone().arrayBuffer()) : null;
  if (body && body.byteLength > MAX_KEPT_BYTES) return false;
  await completeKey(db, { ...ref, status: res.status, contentType, body });
  return true;
}

/** Housekeeping: removes keys past their 24 hours, every quarter of an hour. */
export function startIdempotencyExpiry({ db, log, everyMs = 15 * 60_000 }: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }) {
  return repeat({ name: 'idempotency key expiry', everyMs, log, run: () => removeExpiredKeys(db) });
}
