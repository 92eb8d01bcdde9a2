import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Access, Permission } from '../auth/permissions';
import type { SessionStage } from '../auth/auth.repository';
import type { Caller } from '../auth/auth.usecases';
import type { Deps } from '../deps';
import { forbidden, notFound, unauthenticated } from './errors';
import { wrongStage } from '../auth/auth.errors';
import { problem, problemResponse, zodFieldErrors } from './problem';
import type { ExactReplies } from './exact';

/** The signed-in user behind a request, as every route sees it. */
export interface SessionInfo {
  sessionId: string;
  stage: SessionStage;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: Permission[];
  organisation: { id: string; name: string; isExternal: boolean };
  mfaEnabled: boolean;
}

export type AppEnv = {
  Variables: { requestId: string; log: Logger; session: SessionInfo | null; caller: Caller; deps: Deps };
};

export type Api = OpenAPIHono<AppEnv>;

export interface RegisteredRoute { method: string; path: string; access: Access; stages: readonly SessionStage[] }

const registries = new WeakMap<Api, RegisteredRoute[]>();

export function createApi(): Api {
  const api = new OpenAPIHono<AppEnv>({
    // Request validation failures become problem+json with one message per field.
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemResponse(c, problem({ status: 400, code: 'validation.failed', detail: 'Check the highlighted fields.', errors: zodFieldErrors(result.error) }));
      }
    },
  });
  registries.set(api, []);
  return api;
}

export const registeredRoutes = (api: Api): readonly RegisteredRoute[] => registries.get(api) ?? [];

/**
 * Checks the session's stage and permission before validation and the handler run. A refusal says
 * no more than the caller may know: 401 to the signed-out, 403 to council staff (who know the
 * council's records exist), 404 to partner agencies and contractors (who may not learn even that).
 */
function guard({ access, stages }: { access: Access; stages: readonly SessionStage[] }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const s = c.get('session');
      if (!s) throw unauthenticated();
      if (!stages.includes(s.stage)) throw wrongStage();
      if (access !== 'authenticated' && !s.permissions.includes(access)) throw s.organisation.isExternal ? notFound() : forbidden();
    }
    await next();
  };
}

/**
 * The only way to add an API route: it must say who may call it. `stages` lists the sign-in stages
 * in which the route works (default: fully signed in).
 */
export function route<R extends RouteConfig, H extends RouteHandler<R, AppEnv>>(
  api: Api,
  def: R & { access: Access; stages?: readonly SessionStage[] },
  handler: H & ExactReplies<R, H>,
) {
  const { access, stages = ['active'], ...config } = def;
  if (!access) throw new Error(`Route ${def.method.toUpperCase()} ${def.path} declares no access`);
  const honoPath = config.path.replace(/\{(\w+)\}/g, ':$1');
  registries.get(api)!.push({ method: config.method.toUpperCase(), path: honoPath, access, stages });
  const security = access === 'public' ? [] : [{ session: [] }];
  const description = [config.description, `Requires: ${access === 'public' ? 'nothing (public)' : access === 'authenticated' ? 'any signed-in user' : `permission \`${access}\``}.`].filter(Boolean).join('\n\n');
  return api.openapi({ ...config, description, security, middleware: [guard({ access, stages })] } as unknown as R, handler as never);
}

/** Start-up check: every API route in the app was added through route() and so declares access. */
export function assertAllRoutesDeclareAccess(api: Api, routes: { method: string; path: string }[]) {
  const declared = new Set(registeredRoutes(api).map((r) => `${r.method} ${r.path}`));
  const missing = routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !declared.has(`${r.method} ${r.path}`));
  if (missing.length) throw new Error(`Routes without a declared permission: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`);
}

/** Who is acting, for use cases: the signed-in user, as the audit trail records them. */
export function requestActor(c: import('hono').Context<AppEnv>) {
  const s = c.get('session')!;
  const caller = c.get('caller');
  return { audit: { actorId: s.userId, actorUsername: s.username, ip: caller.ip, userAgent: caller.userAgent }, userId: s.userId };
}
