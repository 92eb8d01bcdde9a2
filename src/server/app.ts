import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Logger } from 'pino';
import type { Deps } from './platform/deps';
import type { SessionCache } from './platform/auth/session-cache';
import type { Listener } from './platform/db/listener';
import type { LiveContext } from './platform/http/sse';
import { isReachable } from './platform/db/db';
import { isMigrated } from './platform/db/migrate';
import { assertAllRoutesDeclareAccess, createApi, registeredRoutes, type AppEnv } from './platform/http/route';
import { contentSecurityPolicy, csrfProtection, requestBodyLimit, requestContext, sessionLoader } from './platform/http/middleware';
import { problem, problemResponse, toProblem } from './platform/http/problem';
import { idempotency } from './platform/http/idempotency';
import { OPENAPI_DOCUMENT } from './platform/http/openapi';
import { registerAuthRoutes } from './platform/auth/auth.routes';
import { registerAuditRoutes } from './platform/audit/audit.routes';
import { registerMapRoutes } from './platform/maps/maps.routes';
import { registerNavigationRoutes } from './modules/navigation.routes';
import { UPLOADS_PATH, VERIFY_PACKAGE_PATH } from './modules/evidence';
import { ESTATE_IMPORT_BODY_LIMIT, ESTATE_IMPORT_PATH, SIGNAGE_PHOTOS_PATH } from './modules/estate';
import { FAULT_PHOTO_PATHS } from './modules/maintenance';
import { CORRESPONDENCE_FILES_PATH, REQUEST_STILLS_PATH } from './modules/requests';
import { MODULES } from './modules/registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');
const SWAGGER_DIR = path.dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));

/** The platform's routes, then every registered module's (src/server/modules/registry.ts). */
function registerModules(api: ReturnType<typeof createApi>, live: LiveContext) {
  registerAuthRoutes(api);
  registerNavigationRoutes(api);
  registerMapRoutes(api);
  for (const m of MODULES) m.routes?.(api, live);
  registerAuditRoutes(api);
}

export function buildApp({ deps, log, pool, sessionCache, listener, shutdown = new AbortController().signal, requestLogLevel = 'info' }: {
  deps: Deps; log: Logger; pool: import('pg').Pool; sessionCache?: SessionCache; listener?: Listener; shutdown?: AbortSignal;
  /** The level of the one line logged per request (debug in a terminal: see runtime.ts). */
  requestLogLevel?: 'info' | 'debug';
}) {
  const app = new Hono<AppEnv>();
  const api = createApi();

  app.use('*', requestContext({ deps, log, level: requestLogLevel }));
  app.use('*', secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy({ mapTiles: deps.config.map.tiles }),
    strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
  }));
  app.onError((err, c) => {
    const { problem: p, headers, unexpected } = toProblem(err);
    if (unexpected) c.get('log')?.error({ err }, 'unhandled error');
    return problemResponse(c, p, headers);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [db, migrated] = await Promise.all([isReachable(deps.db), isMigrated(pool)]);
    return c.json({ status: db && migrated ? 'ready' : 'not ready', database: db, migrations: migrated }, db && migrated ? 200 : 503);
  });
  app.get('/branding.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'no-cache');
    return c.body(`:root { --vigil-brand: ${deps.config.council.colour}; }\n`);
  });

  const bodyLimit = requestBodyLimit({ maxSize: deps.config.bodyLimitBytes, onError: (c) => problemResponse(c, problem({ status: 413, code: 'http.payload_too_large', detail: `The request body is larger than ${deps.config.bodyLimitBytes} bytes.` })) });
  // Footage uploads and packages to check stream to disk, at any size (tus has its own limit).
  // A camera register to import may be up to 10 MB; a signage photo 5 MB, capped as its route reads it.
  const importLimit = requestBodyLimit({ maxSize: ESTATE_IMPORT_BODY_LIMIT, onError: (c) => problemResponse(c, problem({ status: 413, code: 'http.payload_too_large', detail: 'The register is larger than 10 MB: split it.' })) });
  app.use('/api/*', (c, next) => (c.req.path.startsWith(`${UPLOADS_PATH}/`) || c.req.path === VERIFY_PACKAGE_PATH || c.req.path === SIGNAGE_PHOTOS_PATH || (FAULT_PHOTO_PATHS as readonly string[]).includes(c.req.path) || c.req.path === REQUEST_STILLS_PATH || c.req.path === CORRESPONDENCE_FILES_PATH ? next() : c.req.path === ESTATE_IMPORT_PATH ? importLimit(c, next) : bodyLimit(c, next)));
  app.use('/api/*', sessionLoader({ deps, cache: sessionCache }));
  app.use('/api/*', csrfProtection({ publicUrl: deps.config.publicUrl }));
  app.use('/api/v1/*', idempotency({ db: deps.db }));
  registerModules(api, { listener, shutdown, sessionCache });
  api.doc31('/api/openapi.json', OPENAPI_DOCUMENT);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'vigil_session' });
  app.route('/', api);

  app.get('/api/docs', (c) => c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`));
  app.get('/api/docs/init.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n");
  });
  app.use('/api/docs/assets/*', serveStatic({ root: path.relative(process.cwd(), SWAGGER_DIR), rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }));
  app.all('/api/*', (c) => problemResponse(c, problem({ status: 404, code: 'http.not_found', detail: 'There is no such API endpoint.' })));

  // The web app: hashed assets cached for a year, everything else falls back to index.html.
  const webRoot = path.relative(process.cwd(), WEB_DIST);
  app.use('/assets/*', serveStatic({ root: webRoot, onFound: (_p, c) => { c.header('cache-control', 'public, max-age=31536000, immutable'); } }));
  // The handheld app: its own page, with a service worker scoped to /handheld/ (never cached by the
  // browser, so a new version is found at once); every /handheld/ path falls back to its page.
  app.get('/handheld', (c) => c.redirect('/handheld/', 301));
  app.use('/handheld/*', serveStatic({ root: webRoot, onFound: (p, c) => {
    c.header('cache-control', 'no-cache');
    if (p.endsWith('/sw.js')) c.header('service-worker-allowed', '/handheld/');
  } }));
  app.get('/handheld/*', (c) => {
    const index = path.join(WEB_DIST, 'handheld/index.html');
    if (!existsSync(index)) return c.text('The web app has not been built. Run `npm run build`.', 503);
    c.header('cache-control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
  app.use('*', serveStatic({ root: webRoot }));
  app.get('*', (c) => {
    const index = path.join(WEB_DIST, 'index.html');
    if (!existsSync(index)) return c.text('The web app has not been built. Run `npm run build`.', 503);
    c.header('cache-control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });

  assertAllRoutesDeclareAccess(api, app.routes);
  return { app, routes: registeredRoutes(api) };
}
