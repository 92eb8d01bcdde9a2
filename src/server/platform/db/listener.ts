import pg from 'pg';
import type { Logger } from 'pino';

// One LISTEN connection per process for PostgreSQL notifications (session invalidation now, live
// updates over SSE later). While the connection is down, `isListening()` is false and subscribers'
// `onReset` run, so caches that rely on notifications switch themselves off rather than go stale.

type Handler = (payload: string) => void;

export interface Listener {
  subscribe(channel: string, handler: Handler): () => void;
  onReset(fn: () => void): void;
  isListening(): boolean;
  close(): Promise<void>;
}

export async function startListener({ url, log }: { url: string; log: Logger }): Promise<Listener> {
  const handlers = new Map<string, Set<Handler>>();
  const resets = new Set<() => void>();
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const reset = () => { listening = false; for (const fn of resets) fn(); };

  async function open() {
    const c = new pg.Client({ connectionString: url, application_name: `vigil-listen-${process.pid}` });
    c.on('notification', (msg) => { for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? ''); });
    c.on('error', (err) => { log.warn({ err }, 'notification connection lost'); drop(c); });
    c.on('end', () => drop(c));
    await c.connect();
    for (const channel of handlers.keys()) await c.query(`listen "${channel}"`);
    client = c;
    listening = true;
  }

  function drop(c: pg.Client) {
    if (client !== c) return;
    client = undefined;
    reset();
    if (closed) return;
    retry = setTimeout(() => { open().catch((err) => { log.warn({ err }, 'notification reconnect failed'); retry = setTimeout(() => drop(c), 1000); }); }, 1000);
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
    onReset(fn) { resets.add(fn); },
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
