import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, deleteCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from 'pino';
import type { Deps } from '../deps';
import { findLiveSession, touchSession } from '../auth/auth.repository';
import { permissionsFor } from '../auth/permissions';
import { csrfFailed } from '../auth/auth.errors';
import { safeEqual, sha256 } from '../auth/tokens';
import type { AppEnv, SessionInfo } from './route';
import { clientAddress } from './client-address';
import type { SessionCache } from '../auth/session-cache';

export const SESSION_COOKIE = 'vigil_session';
const TOUCH_EVERY_MS = 60_000;

/**
 * The header the web app sets on requests no person asked for (refetches on a timer, on window
 * focus, after a live update): they are answered as usual but do not put off the idle sign-out.
 */
export const BACKGROUND_HEADER = 'x-vigil-background';

/**
 * Whether a request is the user's own doing, so counts as activity for the idle timeout: not when
 * the web app marks it as background, and never a live stream (an open screen is not a person).
 */
export function isUserRequest(header: (name: string) => string | undefined): boolean {
  if (header(BACKGROUND_HEADER) === '1') return false;
  return !(header('accept') ?? '').includes('text/event-stream');
}

function clientIp(c: Context, trustedProxies: number): string {
  let socketAddress: string | undefined;
  try { socketAddress = getConnInfo(c).remote.address; } catch { /* in process: no socket */ }
  return clientAddress({ forwardedFor: c.req.header('x-forwarded-for'), socketAddress, trustedProxies });
}

/** Request id (kept from X-Request-Id when sane), a child logger, the caller, and one access-log line. */
export function requestContext({ deps, log, level = 'info' }: { deps: Deps; log: Logger; level?: 'info' | 'debug' }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const reqLog = log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', reqLog);
    c.set('deps', deps);
    c.set('session', null);
    c.set('caller', { ip: clientIp(c, deps.config.trustProxy), userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null });
    const started = performance.now();
    await next();
    // On the response's headers, not c.header(), which would rebuild a finished response as a web
    // Response (web streams and all) on every request.
    const headers = c.res.headers;
    headers.set('x-request-id', requestId);
    const path = c.req.path;
    // The API's answers (personal data, PDFs, CSV exports, sessions) must not be kept by the browser's
    // disk cache or a shared proxy, where the next person at a control-room PC could open them. A
    // route that sets its own Cache-Control keeps it. Here, not in a middleware of its own: one layer
    // fewer on every request.
    if (path.startsWith('/api/v1/') && !headers.has('cache-control')) headers.set('cache-control', 'no-store');
    const quiet = path === '/healthz' || path === '/readyz';
    const line = { method: c.req.method, path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, userId: c.get('session')?.userId };
    if (quiet || level === 'debug') reqLog.debug(line, 'request');
    else reqLog.info(line, 'request');
  };
}

/**
 * Refuses a request body over `maxSize` bytes. A body with a Content-Length is judged by it alone
 * (Node's parser never reads past it), so the request stays a lightweight object and its JSON is
 * read straight from the socket; a chunked body is counted as it streams (hono's bodyLimit).
 */
export function requestBodyLimit({ maxSize, onError }: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const chunked = c.req.header('transfer-encoding') !== undefined;
    const length = c.req.header('content-length');
    if (!chunked && length !== undefined) return Number(length) > maxSize ? onError(c) : next();
    if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return streamed(c, next);
  };
}

/** The live session behind a cookie token, as routes see it, or undefined. */
export async function loadSessionInfo(deps: Deps, token: string, cache?: SessionCache, { touch = true }: { touch?: boolean } = {}): Promise<SessionInfo | undefined> {
  const now = deps.clock.now();
  const tokenHash = sha256(token);
  const idleSince = new Date(now.getTime() - deps.config.session.idleMinutes * 60_000);
  const hit = cache?.get(tokenHash, now.getTime());
  if (hit && hit.info.expiresAt > now && hit.lastSeenAt > idleSince) {
    if (touch && now.getTime() - hit.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(deps.db, { sessionId: hit.info.sessionId, now });
      hit.lastSeenAt = now;
    }
    return hit.info;
  }
  const generation = cache?.generation() ?? 0;
  const row = await findLiveSession(deps.db, { tokenHash, now, idleSince });
  if (!row) return undefined;
  let lastSeenAt = row.lastSeenAt;
  if (touch && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, { sessionId: row.sessionId, now });
    lastSeenAt = now;
  }
  const info: SessionInfo = {
    sessionId: row.sessionId, stage: row.stage, csrfToken: row.csrfToken, expiresAt: row.expiresAt,
    userId: row.userId, username: row.username, displayName: row.displayName, roles: row.roles,
    permissions: permissionsFor(row.roles),
    organisation: { id: row.organisationId, name: row.organisationName, isExternal: row.organisationIsExternal },
    mfaEnabled: !!row.mfaEnabledAt,
  };
  cache?.set(tokenHash, { info, lastSeenAt }, now.getTime(), generation);
  return info;
}

/** Resolves the session cookie to a signed-in user, or clears a cookie that no longer works. */
export function sessionLoader({ deps, cache }: { deps: Deps; cache?: SessionCache }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const info = await loadSessionInfo(deps, token, cache, { touch: isUserRequest((name) => c.req.header(name)) });
      if (info) c.set('session', info);
      else deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: a browser's Origin must be our own, and a
 * signed-in request must echo the session's CSRF token in X-CSRF-Token (a cross-site page cannot
 * read it). SameSite=Strict cookies are the first line; this is the second.
 */
export function csrfProtection({ publicUrl }: { publicUrl: string }): MiddlewareHandler<AppEnv> {
  const allowed = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const self = new URL(c.req.url).origin;
      if (origin !== allowed && origin !== self) throw csrfFailed();
    } else if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site') {
      throw csrfFailed();
    }
    const session = c.get('session');
    if (session) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!safeEqual(sent, session.csrfToken)) throw csrfFailed();
    }
    await next();
  };
}

/** The Content-Security-Policy: this site only, and the base map's tile server when one is set. */
export function contentSecurityPolicy({ mapTiles }: { mapTiles?: string }) {
  // The template's braces are not part of its origin, and the map fetches tiles (connect-src).
  const tiles = mapTiles ? [((u) => `${u.protocol}//${u.host}`)(new URL(mapTiles.replace(/[{}]/g, '')))] : [];
  return { ...CSP, imgSrc: [...CSP.imgSrc, ...tiles], connectSrc: [...CSP.connectSrc, ...tiles] };
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
