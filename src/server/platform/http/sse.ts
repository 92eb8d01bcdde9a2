import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { getCookie } from 'hono/cookie';
import type { Listener } from '../db/listener';
import type { AppEnv } from './route';
import { loadSessionInfo, SESSION_COOKIE } from './middleware';
import type { SessionCache } from '../auth/session-cache';

// Server-Sent Events fed by PostgreSQL notifications, so that every server process passes on every
// change whichever process made it. A stream ends when the server shuts down, and when its session
// stops being valid (checked at each heartbeat).

export interface LiveContext { listener?: Listener; shutdown: AbortSignal; sessionCache?: SessionCache }

const HEARTBEAT_MS = 20_000;

export function liveStream(c: Context<AppEnv>, live: LiveContext, { channel, event, accept }: {
  channel: string; event: string; accept?: (payload: Record<string, unknown>) => boolean;
}) {
  return streamSSE(c, async (stream) => {
    if (!live.listener) {
      await stream.writeSSE({ event: 'error', data: 'Live updates are not available on this server.' });
      return;
    }
    let closed = false;
    const close = () => { closed = true; stream.abort(); };
    const unsubscribe = live.listener.subscribe(channel, (raw) => {
      let payload: Record<string, unknown>;
      try { payload = JSON.parse(raw); } catch { return; }
      if (accept && !accept(payload)) return;
      void stream.writeSSE({ event, data: JSON.stringify(payload) }).catch(close);
    });
    const onShutdown = () => close();
    live.shutdown.addEventListener('abort', onShutdown);
    stream.onAbort(() => { closed = true; unsubscribe(); live.shutdown.removeEventListener('abort', onShutdown); });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ retryMs: 3000 }), retry: 3000 });
    const deps = c.get('deps');
    const token = getCookie(c, SESSION_COOKIE) ?? '';
    while (!closed && !live.shutdown.aborted) {
      await stream.sleep(HEARTBEAT_MS);
      if (closed) break;
      // Not a touch: an open stream must not keep an idle session alive.
      const session = await loadSessionInfo(deps, token, live.sessionCache, { touch: false }).catch(() => undefined);
      if (!session || session.stage !== 'active') {
        await stream.writeSSE({ event: 'signed-out', data: '{}' }).catch(() => undefined);
        break;
      }
      await stream.writeSSE({ event: 'heartbeat', data: '{}' }).catch(close);
    }
    unsubscribe();
  });
}
