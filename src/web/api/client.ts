import { isUserRequest, lastInput, noteActivity } from '../lib/activity';
import type { FieldError, Problem } from './types';

/** A failed API call, carrying the server's problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${problem.status})`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? '';
    this.fieldErrors = problem.errors ?? [];
    this.problem = problem;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

// 401s that mean "wrong secret", not "signed out".
const CREDENTIAL_CODES = new Set(['auth.invalid_credentials', 'auth.invalid_code', 'auth.invalid_password', 'auth.wrong_password']);

let csrfToken: string | undefined;
let onSignedOut: (() => void) | undefined;
let onStageIncomplete: (() => void) | undefined;

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Wired once by the app: what to do when the server says the session has gone or is not finished. */
export function setAuthHandlers(handlers: { signedOut: () => void; stageIncomplete: () => void }) {
  onSignedOut = handlers.signedOut;
  onStageIncomplete = handlers.stageIncomplete;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** The caller handles 401 itself (the session probe). */
  allow401?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const started = Date.now();
  // Refetches nobody asked for do not put off the idle sign-out (see lib/activity.ts).
  const usersOwn = isUserRequest({ method, lastInput: lastInput(), now: started });
  if (!usersOwn) headers['x-vigil-background'] = '1';
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: 'Vigil could not be reached. Check your connection and try again.' });
  }

  // The user's own requests the server answers, bar "not signed in", reset its idle clock.
  if (usersOwn && response.status !== 401) noteActivity(started);

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const problem = await readProblem(response);
  if (problem.status === 401 && !options.allow401 && !CREDENTIAL_CODES.has(problem.code ?? '')) onSignedOut?.();
  if (problem.status === 403 && problem.code === 'auth.stage_incomplete') onStageIncomplete?.();
  throw new ApiError(problem);
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, detail: `The server answered ${response.status} ${response.statusText}.` };
  }
}
