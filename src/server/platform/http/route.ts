import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { refuseUnsafeInput } from './input-guard';
import type { Logger } from 'pino';
import type { Access, Permission } from '../auth/permissions';
import type { SessionStage } from '../auth/auth.repository';
import type { Caller } from '../auth/auth.usecases';
import type { Deps } from '../deps';
import { forbidden, notFound, unauthenticated } from './errors';
import { wrongStage } from '../auth/auth.errors';
import { problem, problemResponse, zodFieldErrors } from './problem';
import type { ExactReplies } from './exact';
import { problemResponse as problemDoc } from './openapi';
import { IDEMPOTENCY_HEADER } from './idempotency';

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
  /** secretReply: the route's reply holds a secret and is never kept for an Idempotency-Key repeat (see idempotency.ts). */
  Variables: { requestId: string; log: Logger; session: SessionInfo | null; caller: Caller; deps: Deps; secretReply?: boolean };
};

export type Api = OpenAPIHono<AppEnv>;

export interface RegisteredRoute { method: string; path: string; access: Access; stages: readonly SessionStage[] }

const registries = new WeakMap<Api, RegisteredRoute[]>();
const operationIds = new WeakMap<Api, Set<string>>();

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
  operationIds.set(api, new Set());
  return api;
}

export const registeredRoutes = (api: Api): readonly RegisteredRoute[] => registries.get(api) ?? [];

/**
 * Checks the session's stage and permission before validation and the handler run, then refuses
 * unsafe text anywhere in the input (so a caller learns nothing from its input before access is
 * settled). A refusal says no more than the caller may know: 401 to the signed-out, 403 to council
 * staff (who know the council's records exist), 404 to partner agencies and contractors (who may
 * not learn even that).
 */
function guard({ access, stages, secretReply }: { access: Access; stages: readonly SessionStage[]; secretReply: boolean }): MiddlewareHandler<AppEnv> {
  const refuseUnsafe = refuseUnsafeInput();
  return async (c, next) => {
    if (secretReply) c.set('secretReply', true);
    if (access !== 'public') {
      const s = c.get('session');
      if (!s) throw unauthenticated();
      if (!stages.includes(s.stage)) throw wrongStage();
      if (access !== 'authenticated' && !s.permissions.includes(access)) throw s.organisation.isExternal ? notFound() : forbidden();
    }
    return refuseUnsafe(c, next);
  };
}

/**
 * The only way to add an API route: it must say who may call it, and name the operation (the
 * `operationId` a generated client calls it by: camelCase, unique in the API). `stages` lists the
 * sign-in stages in which the route works (default: fully signed in). `secretReply` marks a write
 * whose reply holds a secret (a one-time password, recovery codes): it is not kept in the database
 * for an Idempotency-Key repeat, which runs the write again instead.
 */
export function route<R extends RouteConfig, H extends RouteHandler<R, AppEnv>>(
  api: Api,
  def: R & { access: Access; operationId: string; stages?: readonly SessionStage[]; secretReply?: boolean },
  handler: H & ExactReplies<R, H>,
) {
  const { access, stages = ['active'], secretReply = false, ...config } = def;
  const name = `${def.method.toUpperCase()} ${def.path}`;
  if (!access) throw new Error(`Route ${name} declares no access`);
  if (!/^[a-z][a-zA-Z0-9]*$/.test(def.operationId ?? '')) throw new Error(`Route ${name} needs a camelCase operationId, not ${JSON.stringify(def.operationId)}`);
  const ids = operationIds.get(api)!;
  if (ids.has(def.operationId)) throw new Error(`Route ${name}: operationId ${def.operationId} is already used by another route`);
  ids.add(def.operationId);
  const honoPath = config.path.replace(/\{(\w+)\}/g, ':$1');
  registries.get(api)!.push({ method: config.method.toUpperCase(), path: honoPath, access, stages });
  const security = access === 'public' ? [] : [{ session: [] }];
  const description = [config.description, `Requires: ${access === 'public' ? 'nothing (public)' : access === 'authenticated' ? 'any signed-in user' : `permission \`${access}\``}.`].filter(Boolean).join('\n\n');
  const write = config.method.toLowerCase() !== 'get';
  const responses = { ...guardResponses({ method: config.method, access, stages, validates: Boolean(config.request) }), ...(write && access !== 'public' ? idempotencyResponses(config.responses) : {}), ...config.responses };
  const parameters = write && access !== 'public' ? [...(config.parameters ?? []), idempotencyKeyParameter(secretReply)] : config.parameters;
  return api.openapi({ ...config, ...(parameters ? { parameters } : {}), responses, description, security, middleware: [guard({ access, stages, secretReply })] } as unknown as R, handler as never);
}

/** Every sign-in stage (a stage added to SessionStage must be added here). */
const EVERY_STAGE: Record<SessionStage, true> = { active: true, mfa: true, mfa_enrolment: true, password_change: true };

/** The refusals every route can give before its handler runs (the guard, CSRF, validation), for the OpenAPI document. */
function guardResponses({ method, access, stages, validates }: { method: string; access: Access; stages: readonly SessionStage[]; validates: boolean }) {
  const write = method.toLowerCase() !== 'get';
  const mayForbid = (access !== 'public' && (access !== 'authenticated' || stages.length < Object.keys(EVERY_STAGE).length)) || write;
  return {
    ...(validates ? { 400: problemDoc('Invalid input') } : {}),
    ...(access !== 'public' ? { 401: problemDoc('Not signed in') } : {}),
    ...(mayForbid ? { 403: problemDoc(write ? 'Not allowed, or a cross-site request without the session\'s X-CSRF-Token' : 'Not allowed') } : {}),
  };
}

/** The Idempotency-Key header every signed-in write takes (platform/http/idempotency.ts). */
function idempotencyKeyParameter(secretReply: boolean) {
  return {
    name: IDEMPOTENCY_HEADER, in: 'header' as const, required: false, schema: { type: 'string' as const, minLength: 1, maxLength: 255, examples: ['0b6c1e8a-5f6d-4a57-9a38-1f2d3c4b5a69'] },
    description: secretReply
      ? 'A key of the caller\'s choosing (a UUID). This reply holds a secret and is not kept: a repeat with the same key runs again once the first has finished.'
      : 'A key of the caller\'s choosing (a UUID), new for each new request: the write is carried out once per key, and a repeat of the same request with it within 24 hours gets the first reply again (with `Idempotent-Replayed: true`).',
  };
}

/** The refusals an Idempotency-Key can add to a write, unless the route already describes that status. */
function idempotencyResponses(declared: RouteConfig['responses']) {
  return {
    ...(declared[409] ? {} : { 409: problemDoc('The same request with this Idempotency-Key is still being carried out') }),
    ...(declared[422] ? {} : { 422: problemDoc('This Idempotency-Key was used for a different request') }),
  };
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
