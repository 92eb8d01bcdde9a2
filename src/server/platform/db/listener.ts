import pg from 'pg';
import type { Logger } from 'pino';

// One LISTEN connection per process for PostgreSQL notifications (session invalidation, and live
// updates passed on over SSE). While the connection is down, `isListening()` is false and
// subscribers' `onReset` run, so caches that rely on notifications switch themselves off rather than
// go stale; once it listens again, `onListening` run, so live streams catch up with what was sent in
// the gap (see liveEventsSince).

/** `id`: the number of a live update sent through the outbox (its NOTIFY starts `#<id> `). */
type Handler = (payload: string, id?: number) => void;

export interface Listener {
  subscribe(channel: string, handler: Handler): () => void;
  /** Runs whenever the connection is lost; returns the way to stop. */
  onReset(fn: () => void): () => void;
  /** Runs whenever the connection listens again after it was lost; returns the way to stop. */
  onListening(fn: () => void): () => void;
  isListening(): boolean;
  close(): Promise<void>;
}

const NUMBERED = /^#(\d+) /;

/** A notification's payload, without the live update's number in front where it has one. */
export function parseNotification(raw: string): { payload: string; id?: number } {
  const m = NUMBERED.exec(raw);
  return m ? { payload: raw.slice(m[0].length), id: Number(m[1]) } : { payload: raw };
}

export async function startListener({ url, log }: { url: string; log: Logger }): Promise<Listener> {
  const handlers = new Map<string, Set<Handler>>();
  const resets = new Set<() => void>();
  const listenings = new Set<() => void>();
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let everLost = false;

  const reset = () => { listening = false; for (const fn of resets) fn(); };

  async function open() {
    const c = new pg.Client({ connectionString: url, application_name: `vigil-listen-${process.pid}` });
    c.on('notification', (msg) => {
      const { payload, id } = parseNotification(msg.payload ?? '');
      for (const h of handlers.get(msg.channel) ?? []) h(payload, id);
    });
    c.on('error', (err) => { log.warn({ err }, 'notification connection lost'); drop(c); });
    c.on('end', () => drop(c));
    try {
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`listen "${channel}"`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (closed) return void (await c.end().catch(() => undefined));
    client = c;
    const again = everLost;
    listening = true;
    if (again) for (const fn of listenings) fn();
  }

  function drop(c: pg.Client) {
    if (client !== c) return;
    client = undefined;
    everLost = true;
    reset();
    c.end().catch(() => undefined);
    reconnectSoon();
  }

  // Tries again every second until it listens (the database may be down for a while).
  function reconnectSoon() {
    if (closed) return;
    retry = setTimeout(() => {
      open().catch((err) => { log.warn({ err }, 'notification reconnect failed'); reconnectSoon(); });
    }, 1000);
    retry.unref();
  }

  await open();
  return {
    subscribe(channel, handler) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (!handlers.has(channel)) {
        handlers.set(channel, new Set());
        client?.query(`listen "${channel}"`).catch((err) => log.warn({ err, channel }, 'listen failed'));
      }
      handlers.get(channel)!.add(handler);
      return () => handlers.get(channel)?.delete(handler);
    },
    onReset(fn) { resets.add(fn); return () => resets.delete(fn); },
    onListening(fn) { listenings.add(fn); return () => listenings.delete(fn); },
    isListening: () => listening,
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      listening = false;
      await c?.end().catch(() => undefined);
    },
  };
}
