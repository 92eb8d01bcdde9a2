import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './client';
import type { BaseMapStyle, MfaSetup, Meta, Module, Session, Stage } from './types';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api<Session>('/auth/session', { allow401: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(undefined);
        return null;
      }
      throw err;
    }
  },
  staleTime: Infinity,
  retry: false,
});

export const metaQuery = queryOptions({
  queryKey: ['meta'],
  queryFn: () => api<Meta>('/meta'),
  staleTime: 5 * 60_000,
});

/**
 * The base map, asked for once signed in (its address goes to signed-in users only): with the style
 * of the vector map Vigil serves itself, where it has one.
 */
export const baseMapQuery = queryOptions({
  queryKey: ['meta', 'base-map'],
  queryFn: async () => {
    const { map } = await api<Meta>('/meta');
    return { ...map, style: map.style ? await api<BaseMapStyle>(map.style.replace(/^\/api\/v1/, '')) : null };
  },
  staleTime: 5 * 60_000,
});

export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: async () => (await api<{ modules: Module[] }>('/modules')).modules,
  staleTime: 5 * 60_000,
});

/** Every response that carries a session refreshes the CSRF token it holds. */
function took(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}

export const signIn = async (body: { username: string; password: string }) => took(await api<Session>('/auth/sign-in', { method: 'POST', body }));
export const verifyMfa = async (body: { code: string } | { recoveryCode: string }) => took(await api<Session>('/auth/mfa', { method: 'POST', body }));
/** Password (and code) again: the sign-in's fixed length starts again; the session and CSRF token stay. */
export const reauthenticate = async (body: { password: string; code?: string }) => took(await api<Session>('/auth/reauthenticate', { method: 'POST', body }));
export const signOut = () => api<void>('/auth/sign-out', { method: 'POST' });
export const signOutEverywhere = () => api<void>('/auth/sign-out-everywhere', { method: 'POST' });
export const changePassword = async (body: { currentPassword: string; newPassword: string }) =>
  took(await api<Session>('/account/password', { method: 'POST', body }));
export const startMfaSetup = (body: { password: string }) => api<MfaSetup>('/account/mfa/setup', { method: 'POST', body });
export const confirmMfa = async (body: { code: string }) => {
  const result = await api<{ recoveryCodes: string[]; session: Session }>('/account/mfa/confirm', { method: 'POST', body });
  took(result.session);
  return result;
};
export const disableMfa = (body: { password: string }) => api<void>('/account/mfa/disable', { method: 'POST', body });
export const regenerateRecoveryCodes = (body: { password: string }) =>
  api<{ recoveryCodes: string[] }>('/account/recovery-codes', { method: 'POST', body });

/** The page a signed-in user must be on for their stage of signing in. */
export function stagePath(stage: Stage): string {
  switch (stage) {
    case 'mfa':
      return '/sign-in/mfa';
    case 'password_change':
      return '/account/password';
    case 'mfa_enrolment':
      return '/account/mfa';
    default:
      return '/';
  }
}

/**
 * Where to go next after a step of signing in: the stage's page, carrying the page the user first
 * asked for (`next`, already checked with safeNext) until they are fully signed in, then that page.
 */
export function stageHref(stage: Stage, next: string | undefined): string {
  if (stage === 'active') return next ?? '/';
  return next ? `${stagePath(stage)}?next=${encodeURIComponent(next)}` : stagePath(stage);
}

export function can(session: Session | null | undefined, permission: string): boolean {
  return !!session?.user.permissions.includes(permission);
}
