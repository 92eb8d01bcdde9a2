import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ApiClient, testApp, type Reply } from '../../../../test/support/api';
import { makeOrganisation, makeSession, makeUser, sealed, silentLog, testDeps, uniq } from '../../../../test/support/deps';
import type { Role } from '../auth/permissions';
import { connect } from '../db/db';

// The HTTP layer as a browser meets it: cookies, CSRF, security headers, problem+json errors,
// health checks and the OpenAPI document.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app, routes } = testApp(deps);
const httpsDeps = testDeps({ config: { publicUrl: 'https://vigil.example.gov.uk', secureCookies: true, trustProxy: 1 } });
const https = testApp(httpsDeps);

const newIp = () => { const b = randomBytes(3); return `10.${b[0]}.${b[1]}.${b[2]}`; };
const client = (a = app) => new ApiClient(a, newIp());

/** A client with a live, fully signed-in session straight in the database. */
async function signedIn(roles: Role[] = ['auditor'], stage: Parameters<typeof makeSession>[1]['stage'] = 'active') {
  const user = await makeUser(deps, { roles });
  const c = client();
  Object.assign(c, await makeSession(deps, { userId: user.id, stage }));
  return { user, client: c };
}

function expectProblem(r: Reply, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body).toMatchObject({ status, code, type: `https://vigil.invalid/problems/${code}`, title: expect.any(String), detail: expect.any(String) });
}

/** The Set-Cookie attributes of the session cookie, by lower-case name. */
function sessionCookie(r: Reply) {
  const header = r.headers.get('set-cookie') ?? '';
  expect(header).toMatch(/^vigil_session=/);
  const [nameValue, ...attrs] = header.split(';').map((s) => s.trim());
  return { value: nameValue.slice('vigil_session='.length), attrs: new Map(attrs.map((a) => { const [k, ...v] = a.split('='); return [k.toLowerCase(), v.join('=')]; })) };
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, lasts the absolute timeout, and is not Secure over http', async () => {
    const user = await makeUser(deps, { roles: ['auditor'] });
    const r = await client().signIn(user.username, user.password);
    const cookie = sessionCookie(r);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attrs.has('httponly')).toBe(true);
    expect(cookie.attrs.get('samesite')).toBe('Strict');
    expect(cookie.attrs.get('path')).toBe('/');
    expect(cookie.attrs.get('max-age')).toBe(String(13 * 3600));
    expect(cookie.attrs.has('secure')).toBe(false);
  });

  it('is Secure when the public address is https', async () => {
    const user = await makeUser(httpsDeps, { roles: ['auditor'] });
    const r = await client(https.app).signIn(user.username, user.password);
    const cookie = sessionCookie(r);
    expect(cookie.attrs.has('secure')).toBe(true);
    expect(cookie.attrs.has('httponly')).toBe(true);
    expect(cookie.attrs.get('samesite')).toBe('Strict');
  });

  it('is cleared on sign-out, and a cookie that no longer works is cleared too', async () => {
    const user = await makeUser(deps, { roles: ['auditor'] });
    const c = client();
    await c.signIn(user.username, user.password);
    const stale = c.cookie!;
    const out = await c.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    expect(sessionCookie(out)).toMatchObject({ value: '' });
    expect(sessionCookie(out).attrs.get('max-age')).toBe('0');

    const again = await c.request('GET', '/api/v1/auth/session', undefined, { cookie: stale });
    expectProblem(again, 401, 'auth.unauthenticated');
    expect(sessionCookie(again).value).toBe('');
  });
});

describe('CSRF', () => {
  it('refuses a signed-in write without the X-CSRF-Token header, or with a wrong one', async () => {
    const { client: c } = await signedIn();
    const token = c.csrf!;
    c.csrf = undefined;
    expectProblem(await c.post('/api/v1/auth/sign-out'), 403, 'auth.csrf_failed');
    expectProblem(await c.request('POST', '/api/v1/auth/sign-out', {}, { 'x-csrf-token': `${token}x` }), 403, 'auth.csrf_failed');
    expect((await c.get('/api/v1/auth/session')).status).toBe(200); // still signed in
    c.csrf = token;
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(204);
  });

  it('refuses a write from a foreign origin even with the right token', async () => {
    const { client: c } = await signedIn();
    expectProblem(await c.request('POST', '/api/v1/auth/sign-out', {}, { origin: 'https://evil.example' }), 403, 'auth.csrf_failed');
    expectProblem(await c.request('POST', '/api/v1/auth/sign-out', {}, { origin: 'null' }), 403, 'auth.csrf_failed');
    expectProblem(await c.request('POST', '/api/v1/auth/sign-out', {}, { 'sec-fetch-site': 'cross-site' }), 403, 'auth.csrf_failed');
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('accepts a write from the public origin', async () => {
    const user = await makeUser(httpsDeps, { roles: ['auditor'] });
    const c = client(https.app);
    Object.assign(c, await makeSession(httpsDeps, { userId: user.id }));
    expect((await c.request('POST', '/api/v1/auth/sign-out', {}, { origin: 'https://vigil.example.gov.uk' })).status).toBe(204);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const user = await makeUser(deps, { roles: ['auditor'] });
    const r = await client().request('POST', '/api/v1/auth/sign-in', { username: user.username, password: user.password }, { origin: 'https://evil.example' });
    expectProblem(r, 403, 'auth.csrf_failed');
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});

describe('security headers', () => {
  const directives = (r: Reply) => new Map((r.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...values] = d.split(/\s+/); return [name, values] as const; }));

  it.each([['a page', '/'], ['an API reply', '/api/v1/meta'], ['an error', '/api/v1/nothing-here']])('are sent on %s', async (_what, path) => {
    const r = await client().get(path);
    const csp = directives(r);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('let the map fetch the base map from the tile server configured, and nothing else from outside', async () => {
    const plain = directives(await client().get('/'));
    expect([plain.get('img-src'), plain.get('connect-src')]).toEqual([["'self'", 'data:', 'blob:'], ["'self'"]]);
    const tiles = 'https://tiles.example.gov.uk:8443/os/{z}/{x}/{y}.png';
    const withMap = testApp(testDeps({ config: { map: { tiles, attribution: '© Crown copyright' } } }));
    const r = await client(withMap.app).get('/api/v1/meta');
    expect(directives(r).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.gov.uk:8443']);
    expect(directives(r).get('connect-src')).toEqual(["'self'", 'https://tiles.example.gov.uk:8443']);
    // The address (which may carry a licence key) only to the signed in.
    expect(r.body.map).toEqual({ tiles: null, style: null, attribution: '© Crown copyright' });
    const user = await makeUser(deps, { roles: ['operator'] });
    const c = client(withMap.app);
    Object.assign(c, await makeSession(deps, { userId: user.id }));
    expect((await c.get('/api/v1/meta')).body.map).toEqual({ tiles, style: null, attribution: '© Crown copyright' });
  });

  it('include HSTS when the public address is https', async () => {
    const r = await client(https.app).get('/api/v1/meta');
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('errors', () => {
  it('refuses a body over the limit with 413 problem+json', async () => {
    const small = testApp(testDeps({ config: { trustProxy: 1, bodyLimitBytes: 1024 } }));
    const r = await client(small.app).post('/api/v1/auth/sign-in', { username: 'someone', password: 'x'.repeat(2000) });
    expectProblem(r, 413, 'http.payload_too_large');
    const fits = await client(small.app).post('/api/v1/auth/sign-in', { username: 'someone', password: 'x'.repeat(500) });
    expectProblem(fits, 401, 'auth.invalid_credentials');
    // As a browser sends it, with a Content-Length: judged by that before anything is read.
    const sized = (body: string) => small.app.request('/api/v1/auth/sign-in', { method: 'POST', body, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } });
    const big = await sized(JSON.stringify({ username: 'someone', password: 'é'.repeat(600) })); // 1,200 bytes in 600 characters
    expect([big.status, (await big.json()).code]).toEqual([413, 'http.payload_too_large']);
    const small1 = await sized(JSON.stringify({ username: 'someone', password: 'x'.repeat(500) }));
    expect(small1.status).toBe(401);
  });

  it('reports validation failures as problem+json naming each field', async () => {
    const r = await client().post('/api/v1/auth/sign-in', {});
    expectProblem(r, 400, 'validation.failed');
    expect(r.body.errors).toEqual([{ path: 'username', message: 'This field is required' }, { path: 'password', message: 'This field is required' }]);

    const { client: c } = await signedIn(['admin']);
    const bad = await c.post('/api/v1/users', { username: '!', displayName: '', organisationId: 'not-a-uuid', roles: [], email: 'nope' });
    expectProblem(bad, 400, 'validation.failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['displayName', 'email', 'organisationId', 'roles', 'username']);
    for (const e of bad.body.errors) expect(e.message).not.toMatch(/^Invalid input/);
  });

  it('reports an unknown API path as 404 problem+json', async () => {
    expectProblem(await client().get('/api/v1/no-such-thing'), 404, 'http.not_found');
    expectProblem(await client().request('DELETE', '/api/v1/meta'), 404, 'http.not_found');
  });

  it('answers malformed JSON without leaking internals', async () => {
    const r = await client().request('POST', '/api/v1/auth/sign-in', '{"username": "a", ', { 'content-type': 'application/json' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.text).not.toMatch(/SyntaxError|JSON\.parse|node_modules|\n\s+at /);
  });

  // KNOWN BUG (http/problem.ts toProblem): Hono's HTTPException(400) for a body that is not valid
  // JSON, and the failure behind a form or text body on a JSON route, fall through to a 500
  // `http.internal` that is logged as an unhandled error. Remove `.fails` once they are 400s.
  it('answers malformed JSON, or a body that is not JSON, with 400 not 500', async () => {
    const bodies: [string, string][] = [['{"username": "a", ', 'application/json'], ['username=a&password=b', 'application/x-www-form-urlencoded'], ['{}', 'text/plain']];
    for (const [body, type] of bodies) {
      const r = await client().request('POST', '/api/v1/auth/sign-in', body, { 'content-type': type });
      expect([400, 415], `${type}: ${r.text}`).toContain(r.status);
    }
  });

  describe('when the database is down', () => {
    const down = connect({ url: 'postgres://vigil:vigil@127.0.0.1:1/vigil', max: 1 });
    const broken = buildApp({ deps: { ...testDeps(), db: down.db }, log: silentLog, pool: down.pool });
    afterAll(() => down.close());

    it('is a 503 to try again later, that leaks nothing', async () => {
      const r = await new ApiClient(broken.app, newIp()).post('/api/v1/auth/sign-in', { username: 'someone', password: 'something long enough' });
      expectProblem(r, 503, 'http.unavailable');
      expect(r.headers.get('retry-after')).toBe('30');
      expect(Object.keys(r.body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
      expect(r.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|stack|\n\s+at /i);
    });

    it('/readyz says not ready', async () => {
      const r = await new ApiClient(broken.app, newIp()).get('/readyz');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'not ready', database: false });
    });
  });
});

describe('health and documentation', () => {
  it('/healthz and /readyz answer 200 with the database reachable and migrated', async () => {
    const health = await client().get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await client().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: true, migrations: true });
  });

  it('/api/openapi.json is OpenAPI 3.1 and lists every registered route', async () => {
    const r = await client().get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const missing = routes.filter((rt) => !r.body.paths?.[rt.path.replace(/:(\w+)/g, '{$1}')]?.[rt.method.toLowerCase()]);
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
    const signIn = r.body.paths['/api/v1/auth/sign-in'].post;
    expect(signIn.security).toEqual([]);
    expect(r.body.paths['/api/v1/users'].get.security).toEqual([{ session: [] }]);
    expect(r.body.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'vigil_session' });
  });
});

describe('request ids', () => {
  it('echoes a sane X-Request-Id and replaces anything else with a UUID', async () => {
    const c = client();
    const echoed = await c.request('GET', '/api/v1/meta', undefined, { 'x-request-id': 'req-12345678.abc' });
    expect(echoed.headers.get('x-request-id')).toBe('req-12345678.abc');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(65), '<script>alert(1)</script>']) {
      expect((await c.request('GET', '/api/v1/meta', undefined, { 'x-request-id': bad })).headers.get('x-request-id')).toMatch(uuid);
    }
    expect((await c.get('/api/v1/nothing-here')).headers.get('x-request-id')).toMatch(uuid);
  });
});

describe('sign-in stages', () => {
  it('lets a half-signed-in session see its session but nothing else', async () => {
    const { user, client: c } = await signedIn(['operator'], 'password_change');
    expectProblem(await c.get('/api/v1/modules'), 403, 'auth.stage_incomplete');
    const session = await c.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ stage: 'password_change', user: { id: user.id } });
  });

  it('shows a fully signed-in user only the modules their roles allow', async () => {
    const org = await makeOrganisation(deps, { external: true });
    const agencyUser = await makeUser(deps, { roles: ['agency'], organisationId: org.id });
    const c = client();
    Object.assign(c, await makeSession(deps, { userId: agencyUser.id }));
    const r = await c.get('/api/v1/modules');
    expect(r.status).toBe(200);
    expect(r.body.modules.map((m: { key: string }) => m.key)).toEqual(['shared', 'released', 'partner-requests']);
  });

  it('gives each role its work first, then the administration pages from the module registry', async () => {
    const keys = async (roles: Role[]) => {
      const c = client();
      Object.assign(c, await makeSession(deps, { userId: (await makeUser(deps, { roles })).id }));
      return (await c.get('/api/v1/modules')).body.modules as { key: string; group: string; coming: string | null }[];
    };
    const admin = await keys(['admin']);
    expect(admin.map((m) => m.key)).toEqual(['maintenance', 'users', 'retention-settings', 'security-settings', 'estate-check-settings', 'personal-data-review', 'procedures', 'letter-templates', 'request-calendar-settings', 'ooh-settings', 'audit']);
    const supervisor = await keys(['supervisor']);
    expect(supervisor.filter((m) => m.group === 'work').map((m) => m.key)).toEqual(['occurrences', 'estate-checks', 'estate', 'estate-deployments', 'maintenance', 'evidence', 'requests', 'viewings', 'ooh', 'lone-working', 'analysis', 'governance']);
    expect(supervisor.find((m) => m.key === 'maintenance')?.coming).toBeNull();
    // A contractor's work is its own contract's faults, and what was shared with it; nothing of the council's.
    expect((await keys(['contractor'])).map((m) => m.key)).toEqual(['contractor-faults', 'shared', 'released']);
    expect(supervisor.find((m) => m.key === 'evidence')?.coming).toBeNull();
    expect(supervisor.find((m) => m.key === 'requests')?.coming).toBeNull();
    expect(supervisor.find((m) => m.key === 'ooh')?.coming).toBeNull();
    expect(supervisor.find((m) => m.key === 'analysis')?.coming).toMatch(/crime data/);
    // The community protection team: the handheld's officers and their team leader, who alone sees the team.
    expect((await keys(['patrol_officer'])).map((m) => m.key)).toEqual(['lone-working', 'field', 'enforcement']);
    expect((await keys(['patrol_leader'])).map((m) => m.key)).toEqual(['lone-working', 'field', 'field-team', 'enforcement']);
  });
});

describe('the client address behind a reverse proxy', () => {
  const limited = testDeps({ config: { trustProxy: 1, signIn: { maxFailures: 50, windowMinutes: 15, ratePerMinute: 3 } } });
  const proxied = testApp(limited);
  const signInFrom = (forwardedFor: string, username = 'nobody-here') =>
    new ApiClient(proxied.app).request('POST', '/api/v1/auth/sign-in', { username, password: 'not the password at all' }, { 'x-forwarded-for': forwardedFor });
  const recordedIps = async (username: string) => (await sealed(limited.db)).selectFrom('audit_events').select('ip')
    .where('action', '=', 'auth.sign-in').where(sql`details->>'username'`, '=', username).execute();

  it('is the entry the proxy added, so a spoofed X-Forwarded-For is neither recorded nor escapes the rate limit', async () => {
    const real = newIp();
    const username = uniq('spoofed');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signInFrom(`198.51.100.${i + 1}, ${real}`, username)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await recordedIps(username)).map((r) => r.ip)).toEqual([real, real, real, real]);
  });

  it('is never a header\'s junk', async () => {
    const username = uniq('junk');
    await signInFrom("'; drop table users; --", username);
    await signInFrom('unknown', username);
    const ips = (await recordedIps(username)).map((r) => r.ip);
    expect(ips).toHaveLength(2);
    for (const ip of ips) expect(isIP(ip!), ip!).not.toBe(0);
  });
});

describe('caching', () => {
  it('tells browsers and proxies not to keep personal data, CSV exports or the session', async () => {
    const admin = await signedIn(['admin']);
    const person = await makeUser(deps, { roles: ['operator'] });
    const answers = {
      'a user (names, email)': await admin.client.get(`/api/v1/users/${person.id}`),
      'the audit trail as CSV': await admin.client.get('/api/v1/audit/events.csv?action=user.'),
      'the session': await admin.client.get('/api/v1/auth/session'),
      'an error': await client().get('/api/v1/auth/session'),
    };
    for (const [what, r] of Object.entries(answers)) {
      expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
      expect(r.headers.get('cache-control'), what).toBe('no-store');
    }
    expect(answers['the audit trail as CSV'].headers.get('content-type')).toContain('text/csv');
  });
});
