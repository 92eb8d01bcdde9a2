import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { getCookie } from 'hono/cookie';
import type { Listener } from '../db/listener';
import type { AppEnv } from './route';
import { loadSessionInfo, SESSION_COOKIE } from './middleware';
import type { SessionCache } from '../auth/session-cache';

// Server-Sent Events fed by PostgreSQL notifications, so that every server process passes on every
// change whichever process made it. A stream ends when the server shuts down, and as soon as its
// session stops being valid: signed out, revoked or its user deactivated (the `vigil_auth`
// notification the session caches listen to), or its absolute expiry reached. Each second without
// a working LISTEN connection, and at each heartbeat, the session is also read again.

export interface LiveContext { listener?: Listener; shutdown: AbortSignal; sessionCache?: SessionCache }

const HEARTBEAT_MS = 20_000;
const CHECK_MS = 1000;

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
    const unsubscribe = listener.subscribe(channel, (raw) => {
      let payload: Record<string, unknown>;
      try { payload = JSON.parse(raw); } catch { return; }
      if (accept && !accept(payload)) return;
      void stream.writeSSE({ event, data: JSON.stringify(payload) }).catch(close);
    });
    const unsubscribeAuth = listener.subscribe('vigil_auth', (changed) => {
      if (changed !== userId) return;
      recheck = true;
      wake?.();
    });
    const onShutdown = () => close();
    live.shutdown.addEventListener('abort', onShutdown);
    stream.onAbort(() => { closed = true; unsubscribe(); unsubscribeAuth(); live.shutdown.removeEventListener('abort', onShutdown); wake?.(); });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ retryMs: 3000 }), retry: 3000 });
    const expiresAt = c.get('session')?.expiresAt.getTime() ?? 0;
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
      if (heartbeat) {
        sinceHeartbeat = 0;
        await stream.writeSSE({ event: 'heartbeat', data: '{}' }).catch(close);
      }
    }
    unsubscribe();
    unsubscribeAuth();
  });
}
