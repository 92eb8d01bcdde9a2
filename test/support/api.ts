import { buildApp } from '../../src/server/app';
import type { Deps } from '../../src/server/platform/deps';
import type { SessionCache } from '../../src/server/platform/auth/session-cache';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/server/platform/auth/permissions';
import { makeSession, makeUser, silentLog, testAppDb, testDb, testDeps } from './deps';

// The app in process (no socket), with a small client that keeps the session cookie and sends the
// CSRF token on writes as the web app does.

export function testApp(deps: Deps = testDeps(), sessionCache?: SessionCache) {
  // On the shared database the app's queries run as the application's role, as in production, so
  // a route that needs a privilege the role lacks fails here; a test's own SQL stays the owner's.
  const appDeps = deps.db === testDb().db ? { ...deps, db: testAppDb().db } : deps;
  return buildApp({ deps: appDeps, log: silentLog, pool: testDb().pool, sessionCache });
}

export type TestApp = ReturnType<typeof testApp>;

export interface Reply { status: number; headers: Headers; body: any; text: string }

export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: TestApp['app'], private readonly ip = '203.0.113.10') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await this.app.request(path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /vigil_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `vigil_session=${m[1]}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in (parsed as object)) this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get(path: string) { return this.request('GET', path); }
  post(path: string, body?: unknown) { return this.request('POST', path, body ?? {}); }
  patch(path: string, body: unknown) { return this.request('PATCH', path, body); }

  async signIn(username: string, password: string) {
    const r = await this.post('/api/v1/auth/sign-in', { username, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
    return r;
  }
}

/** A fresh user with these roles (of the organisation given, or a new one), signed in from an address of its own. */
export async function signedInAs(deps: Deps, app: TestApp['app'], roles: Role[], organisationId?: string) {
  const user = await makeUser(deps, { roles, organisationId });
  const b = randomBytes(3);
  const client = new ApiClient(app, `10.${b[0]}.${b[1]}.${b[2]}`);
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}
