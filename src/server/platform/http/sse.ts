import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { getCookie } from 'hono/cookie';
import type { Listener } from '../db/listener';
import { latestLiveEventId, liveEventsSince } from '../db/outbox';
import type { AppEnv } from './route';
import { loadSessionInfo, SESSION_COOKIE } from './middleware';
import type { SessionCache } from '../auth/session-cache';

// Server-Sent Events fed by PostgreSQL notifications, so that every server process passes on every
// change whichever process made it. A stream ends when the server shuts down, and as soon as its
// session stops being valid: signed out, revoked or its user deactivated (the `vigil_auth`
// notification the session caches listen to), or its absolute expiry reached. Each second without
// a working LISTEN connection, and at each heartbeat, the session is also read again.
//
// Nothing is missed silently. Each update carries its number (`id:`), which the browser sends back
// as Last-Event-ID when it reconnects (or `?lastEventId=` on a new stream): the updates after it are
// replayed from the ones kept (live_events). While this process's LISTEN connection is down the
// stream says `waiting`; once it listens again, the stream replays what was sent in the gap and says
// `ready` again. `ready` carries `caughtUp`: false when the updates could not all be replayed (too
// old, or a new stream), so the browser reloads what it shows instead.

export interface LiveContext { listener?: Listener; shutdown: AbortSignal; sessionCache?: SessionCache }

const HEARTBEAT_MS = 20_000;
const CHECK_MS = 1000;

/** The update number a reconnecting browser last had, from Last-Event-ID or `?lastEventId=`. */
export function lastEventIdOf(header: string | undefined, query: string | undefined): number | undefined {
  const raw = (header ?? query ?? '').trim();
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

export function liveStream(c: Context<AppEnv>, live: LiveContext, { channel, event, accept }: {
  channel: string; event: string; accept?: (payload: Record<string, unknown>) => boolean;
}) {
  return streamSSE(c, async (stream) => {
    if (!live.listener) {
      await stream.writeSSE({ event: 'error', data: 'Live updates are not available on this server.' });
      return;
    }
    const listener = live.listener;
    const deps = c.get('deps');
    const token = getCookie(c, SESSION_COOKIE) ?? '';
    const userId = c.get('session')?.userId;
    let closed = false;
    let wake: (() => void) | undefined;
    let recheck = false;
    const close = () => { closed = true; stream.abort(); wake?.(); };
    // The number of the last update passed on: later ones only, each once, in order.
    let position = lastEventIdOf(c.req.header('last-event-id'), c.req.query('lastEventId'));
    let catchingUp = true;
    const held: { raw: string; id?: number }[] = [];
    const pass = (raw: string, id?: number) => {
      if (id !== undefined) {
        if (position !== undefined && id <= position) return;
        position = id;
      }
      let payload: Record<string, unknown>;
      try { payload = JSON.parse(raw); } catch { return; }
      if (accept && !accept(payload)) return;
      void stream.writeSSE({ event, data: JSON.stringify(payload), id: id === undefined ? undefined : String(id) }).catch(close);
    };
    /** Replays what was sent after `position` (all of it: true), with what arrives meanwhile after it. */
    const catchUp = async (after: number): Promise<boolean> => {
      catchingUp = true;
      try {
        const { events, complete } = await liveEventsSince(deps.db, { channel, after });
        // Not all of them: none, and the browser reloads instead.
        if (!complete) position = Math.max(after, await latestLiveEventId(deps.db));
        for (const e of events) pass(e.payload, e.id);
        return complete;
      } finally {
        catchingUp = false;
        for (const h of held.splice(0).sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) pass(h.raw, h.id);
      }
    };
    // A new stream starts after the latest update; one resumed after the update its browser last had.
    let resumed = position !== undefined;
    const ready = async () => {
      const caughtUp = (await catchUp(position!)) && resumed;
      resumed = true;
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ retryMs: 3000, caughtUp }), retry: 3000, id: position === undefined ? undefined : String(position) });
    };
    const unsubscribe = listener.subscribe(channel, (raw, id) => {
      if (catchingUp) held.push({ raw, id });
      else pass(raw, id);
    });
    const offReset = listener.onReset(() => { void stream.writeSSE({ event: 'waiting', data: '{}' }).catch(close); });
    const offListening = listener.onListening(() => { if (!closed) void ready().catch(close); });
    const unsubscribeAuth = listener.subscribe('vigil_auth', (changed) => {
      if (changed !== userId) return;
      recheck = true;
      wake?.();
    });
    const onShutdown = () => close();
    live.shutdown.addEventListener('abort', onShutdown);
    const stop = () => { unsubscribe(); unsubscribeAuth(); offReset(); offListening(); };
    stream.onAbort(() => { closed = true; stop(); live.shutdown.removeEventListener('abort', onShutdown); wake?.(); });
    position ??= await latestLiveEventId(deps.db);
    if (listener.isListening()) await ready();
    else await stream.writeSSE({ event: 'waiting', data: '{}' });
    let expiresAt = c.get('session')?.expiresAt.getTime() ?? 0;
    let sinceHeartbeat = 0;
    while (!closed && !live.shutdown.aborted) {
      const waitMs = Math.max(0, Math.min(CHECK_MS, expiresAt - deps.clock.now().getTime()));
      if (!recheck) await new Promise<void>((resolve) => { const t = setTimeout(resolve, waitMs); wake = () => { clearTimeout(t); resolve(); }; });
      wake = undefined;
      if (closed) break;
      sinceHeartbeat += CHECK_MS;
      const heartbeat = sinceHeartbeat >= HEARTBEAT_MS;
      const due = recheck || heartbeat || !listener.isListening() || deps.clock.now().getTime() >= expiresAt;
      recheck = false;
      if (!due) continue;
      // Not a touch: an open stream must not keep an idle session alive. Not the cache either: it
      // may not have heard the notification that woke this stream yet.
      const session = await loadSessionInfo(deps, token, undefined, { touch: false }).catch(() => undefined);
      if (!session || session.stage !== 'active') {
        await stream.writeSSE({ event: 'signed-out', data: '{}' }).catch(() => undefined);
        break;
      }
      expiresAt = session.expiresAt.getTime(); // later, once the user has entered their password again
      if (heartbeat) {
        sinceHeartbeat = 0;
        await stream.writeSSE({ event: 'heartbeat', data: '{}' }).catch(close);
      }
    }
    stop();
  });
}
