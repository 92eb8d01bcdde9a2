import { afterAll, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { silentLog, testDb, uniq } from '../../../../test/support/deps';
import { startListener } from './listener';
import { drainLiveOutbox, liveEventsSince, startLiveOutbox } from './outbox';

// Live updates go out through the outbox: what a transaction publishes is sent (as NOTIFY) when the
// outbox is drained, only if the transaction committed, and in the order published.

const { db } = testDb();
const listener = await startListener({ url: inject('databaseUrl'), log: silentLog });
afterAll(() => listener.close());

const channel = uniq('vigil_test').replace(/-/g, '_');
const received: string[] = [];
const ids: number[] = [];
listener.subscribe(channel, (payload, id) => { received.push(payload); ids.push(id!); });
await new Promise((r) => setTimeout(r, 100)); // the LISTEN is issued asynchronously

it('sends what committed transactions published, in order, and nothing from one rolled back', async () => {
  await db.transaction().execute(async (trx) => {
    await sql`select live_publish(${channel}, 'first')`.execute(trx);
    await sql`select live_publish(${channel}, 'second')`.execute(trx);
  });
  await db.transaction().execute(async (trx) => {
    await sql`select live_publish(${channel}, 'rolled back')`.execute(trx);
    throw new Error('abandon');
  }).catch(() => undefined);
  await sql`select live_publish(${channel}, 'third')`.execute(db);
  expect(received).toEqual([]); // nothing until drained

  await drainLiveOutbox(db); // another test process may drain first: the NOTIFYs reach us either way
  await expect.poll(() => received, { timeout: 2_000 }).toEqual(['first', 'second', 'third']);
});

it('is drained in the background without anyone asking', async () => {
  const outbox = startLiveOutbox({ db, log: silentLog, everyMs: 20 });
  try {
    await sql`select live_publish(${channel}, 'fourth')`.execute(db);
    await expect.poll(() => received.at(-1), { timeout: 2_000 }).toBe('fourth');
  } finally {
    await outbox.stop();
  }
});

it('numbers what it sends, in order, and keeps it for a browser or a process that missed it', async () => {
  const after = ids.at(-1)!;
  await sql`select live_publish(${channel}, 'fifth')`.execute(db);
  await sql`select live_publish(${channel}, 'sixth')`.execute(db);
  await drainLiveOutbox(db);
  await expect.poll(() => received.at(-1), { timeout: 2_000 }).toBe('sixth');
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  expect(await liveEventsSince(db, { channel, after })).toEqual({ complete: true, events: [{ id: ids.at(-2), payload: 'fifth' }, { id: ids.at(-1), payload: 'sixth' }] });
  expect((await liveEventsSince(db, { channel, after: ids.at(-1)! + 1_000_000 })).complete).toBe(false); // never given
});
