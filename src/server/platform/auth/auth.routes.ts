import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { route, type Api, type AppEnv, type SessionInfo } from '../http/route';
import { loadSessionInfo, SESSION_COOKIE } from '../http/middleware';
import { unauthenticated } from '../http/errors';
import { body, commonResponses, json, problemResponse } from '../http/openapi';
import * as auth from './auth.usecases';
import { getSetting } from './auth.repository';
import { isMfaRequired } from './auth.models';
import { line } from '../../../domain/validation';
import { Meta, MfaSetup, RecoveryCodes, Session } from '../../../domain/platform/contract';
import { STYLE_PATH, baseMapAttribution } from '../maps/maps.routes';

const tags = ['Sign-in and account'];

const SessionBody = Session;

async function sessionBody(c: Context<AppEnv>, stageOverride?: SessionInfo['stage']) {
  const s = c.get('session');
  if (!s) throw unauthenticated();
  const { db, config } = c.get('deps');
  const required = await getSetting<string[]>(db, auth.MFA_ROLES_KEY, []);
  return {
    user: {
      id: s.userId, username: s.username, displayName: s.displayName, roles: s.roles, permissions: s.permissions,
      organisation: s.organisation, mfaEnabled: s.mfaEnabled, mfaRequired: isMfaRequired({ roles: s.roles, requiredRoles: required }),
    },
    stage: stageOverride ?? s.stage,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    idleTimeoutMinutes: config.session.idleMinutes,
  };
}

/** Re-reads the session after a use case changed it, so the reply shows the new state. */
async function freshSessionBody(c: Context<AppEnv>, stage: SessionInfo['stage'], mfaEnabled?: boolean) {
  const s = c.get('session')!;
  c.set('session', { ...s, stage, mfaEnabled: mfaEnabled ?? s.mfaEnabled });
  return sessionBody(c);
}

/** The session cookie, lasting the sign-in's fixed length. */
function setSessionCookie(c: Context<AppEnv>, token: string) {
  const { config } = c.get('deps');
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: config.secureCookies, path: '/', maxAge: config.session.absoluteHours * 3600 });
}

const ALL_STAGES = ['active', 'mfa', 'mfa_enrolment', 'password_change'] as const;

export function registerAuthRoutes(api: Api) {
  route(api, {
    operationId: 'getMeta', method: 'get', path: '/api/v1/meta', access: 'public', tags: ['Meta'], summary: 'Council name, colour, version and base map',
    responses: { 200: json(Meta, 'About this installation') },
  }, async (c) => {
    const { config } = c.get('deps');
    return c.json({
      councilName: config.council.name, councilColour: config.council.colour, version: process.env.npm_package_version ?? '0.1.0', demo: config.demo,
      // Signed-in users only: a licensed service's address may carry the council's key.
      map: {
        tiles: c.get('session') ? config.map.tiles ?? null : null,
        style: c.get('session') && config.map.pmtiles ? STYLE_PATH : null,
        attribution: await baseMapAttribution(config.map),
      },
    }, 200);
  });

  route(api, {
    operationId: 'getSession', method: 'get', path: '/api/v1/auth/session', access: 'authenticated', stages: ALL_STAGES, tags, summary: 'The signed-in user and the sign-in stage',
    responses: { 200: json(SessionBody, 'Signed in'), 401: commonResponses[401] },
  }, async (c) => c.json(await sessionBody(c), 200));

  route(api, {
    operationId: 'signIn', method: 'post', path: '/api/v1/auth/sign-in', access: 'public', tags, summary: 'Sign in with username and password',
    request: body(z.object({ username: line().trim().min(1, 'Enter your username').max(64), password: z.string().min(1, 'Enter your password').max(1024) })),
    responses: { 200: json(SessionBody, 'Password accepted; see stage for what comes next'), 401: problemResponse('Wrong username or password'), 423: problemResponse('Account locked'), 429: problemResponse('Too many attempts') },
  }, async (c) => {
    const deps = c.get('deps');
    const { username, password } = c.req.valid('json');
    const { token } = await auth.signIn(deps, { username, password, caller: c.get('caller') });
    setSessionCookie(c, token);
    c.set('session', (await loadSessionInfo(deps, token)) ?? null);
    return c.json(await sessionBody(c), 200);
  });

  route(api, {
    operationId: 'verifyMfa', method: 'post', path: '/api/v1/auth/mfa', access: 'authenticated', stages: ['mfa'], tags, summary: 'Second factor: authenticator code or recovery code',
    request: body(z.object({ code: line().trim().max(10).optional(), recoveryCode: line().trim().max(20).optional() })
      .refine((v) => !!v.code || !!v.recoveryCode, { message: 'Enter the 6-digit code from your authenticator app', path: ['code'] })),
    responses: { 200: json(SessionBody, 'Code accepted'), 401: problemResponse('Wrong code') },
  }, async (c) => {
    const s = c.get('session')!;
    const { code, recoveryCode } = c.req.valid('json');
    const stage = await auth.verifyMfa(c.get('deps'), { session: s, code, recoveryCode, caller: c.get('caller') });
    return c.json(await freshSessionBody(c, stage), 200);
  });

  route(api, {
    operationId: 'reauthenticate', method: 'post', path: '/api/v1/auth/reauthenticate', access: 'authenticated', tags,
    summary: "Prove again who is signed in (password, and the authenticator code where the user has one): the sign-in's fixed length starts again from now",
    request: body(z.object({
      password: z.string().min(1, 'Enter your password').max(1024),
      code: line().trim().max(10).optional(),
      recoveryCode: line().trim().max(20).optional(),
    })),
    responses: { 200: json(SessionBody, 'Signed in for longer; the same session, cookie and CSRF token'), 400: commonResponses[400], 423: problemResponse('Account locked'), 429: problemResponse('Too many attempts') },
  }, async (c) => {
    const deps = c.get('deps');
    const s = c.get('session')!;
    const { password, code, recoveryCode } = c.req.valid('json');
    const expiresAt = await auth.reauthenticateSession(deps, { session: s, password, code: code || undefined, recoveryCode: recoveryCode || undefined, caller: c.get('caller') });
    setSessionCookie(c, getCookie(c, SESSION_COOKIE) ?? ''); // lasting as long as the session now does
    c.set('session', { ...s, expiresAt });
    return c.json(await sessionBody(c), 200);
  });

  route(api, {
    operationId: 'signOut', method: 'post', path: '/api/v1/auth/sign-out', access: 'authenticated', stages: ALL_STAGES, tags, summary: 'Sign out of this session',
    responses: { 204: { description: 'Signed out' } },
  }, async (c) => {
    await auth.signOut(c.get('deps'), { session: c.get('session')!, everywhere: false, caller: c.get('caller') });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  route(api, {
    operationId: 'signOutEverywhere', method: 'post', path: '/api/v1/auth/sign-out-everywhere', access: 'authenticated', tags, summary: 'End every session of this user, on every device',
    responses: { 204: { description: 'Signed out everywhere' } },
  }, async (c) => {
    await auth.signOut(c.get('deps'), { session: c.get('session')!, everywhere: true, caller: c.get('caller') });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  route(api, {
    operationId: 'changePassword', method: 'post', path: '/api/v1/account/password', access: 'authenticated', stages: ['active', 'password_change'], tags, summary: 'Change own password',
    request: body(z.object({ currentPassword: z.string().min(1, 'Enter your current password').max(1024), newPassword: z.string().min(1, 'Enter a new password').max(1024) })),
    responses: { 200: json(SessionBody, 'Password changed; other sessions ended'), 400: commonResponses[400] },
  }, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const stage = await auth.changePassword(c.get('deps'), { session: c.get('session')!, currentPassword, newPassword, caller: c.get('caller') });
    return c.json(await freshSessionBody(c, stage), 200);
  });

  route(api, {
    operationId: 'startMfaSetup', secretReply: true, method: 'post', path: '/api/v1/account/mfa/setup', access: 'authenticated', stages: ['active', 'mfa_enrolment'], tags, summary: 'Start two-factor set-up (needs the current password): a new secret and its QR code',
    request: body(z.object({ password: z.string().min(1, 'Enter your password').max(1024) })),
    responses: { 200: json(MfaSetup, 'Scan the QR code, then confirm with a code'), 400: commonResponses[400], 423: problemResponse('Account locked') },
  }, async (c) => c.json(await auth.startMfaSetup(c.get('deps'), { session: c.get('session')!, password: c.req.valid('json').password, caller: c.get('caller') }), 200));

  route(api, {
    operationId: 'confirmMfaSetup', secretReply: true, method: 'post', path: '/api/v1/account/mfa/confirm', access: 'authenticated', stages: ['active', 'mfa_enrolment'], tags, summary: 'Finish two-factor set-up with a code; returns recovery codes once',
    request: body(z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app') })),
    responses: { 200: json(RecoveryCodes.extend({ session: Session }).meta({ id: 'MfaEnabled' }), 'Two-factor authentication is on'), 400: commonResponses[400] },
  }, async (c) => {
    const { code } = c.req.valid('json');
    const r = await auth.confirmMfaSetup(c.get('deps'), { session: c.get('session')!, code, caller: c.get('caller') });
    return c.json({ recoveryCodes: r.recoveryCodes, session: await freshSessionBody(c, r.stage, true) }, 200);
  });

  route(api, {
    operationId: 'disableMfa', method: 'post', path: '/api/v1/account/mfa/disable', access: 'authenticated', tags, summary: 'Turn off two-factor authentication (where the role allows it)',
    request: body(z.object({ password: z.string().min(1, 'Enter your password').max(1024) })),
    responses: { 204: { description: 'Turned off' }, 400: commonResponses[400], 409: problemResponse('The role requires MFA') },
  }, async (c) => {
    await auth.disableMfa(c.get('deps'), { session: c.get('session')!, password: c.req.valid('json').password, caller: c.get('caller') });
    return c.body(null, 204);
  });

  route(api, {
    operationId: 'regenerateRecoveryCodes', secretReply: true, method: 'post', path: '/api/v1/account/recovery-codes', access: 'authenticated', tags, summary: 'Replace recovery codes',
    request: body(z.object({ password: z.string().min(1, 'Enter your password').max(1024) })),
    responses: { 200: json(RecoveryCodes, 'New codes; the old ones no longer work'), 400: commonResponses[400] },
  }, async (c) => c.json(await auth.regenerateRecoveryCodes(c.get('deps'), { session: c.get('session')!, password: c.req.valid('json').password, caller: c.get('caller') }), 200));
}
