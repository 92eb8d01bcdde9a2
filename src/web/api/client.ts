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
  /** A file sent as the body itself (a package to check) instead of JSON, with its media type. */
  file?: { body: Blob; type: string };
}

/**
 * One attempt at a form's write: the Idempotency-Key its requests carry. The same request sent again
 * within the attempt (a second Ctrl+Enter, a retry) reuses the key, so the server records it once;
 * a request with other content gets a new key. A form starts a new attempt once it has succeeded.
 */
export interface Attempt { request?: string; key?: string }
let attempt: Attempt | undefined;

/** Runs a form's write within an attempt (the write's api() calls read it as they start). */
export function inAttempt<T>(current: Attempt, write: () => Promise<T>): Promise<T> {
  attempt = current;
  try { return write(); } finally { attempt = undefined; }
}

/** A version 4 UUID; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function idempotencyKey(request: string): string {
  if (!attempt) return newKey();
  if (attempt.request !== request || !attempt.key) Object.assign(attempt, { request, key: newKey() });
  return attempt.key!;
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

/**
 * The headers a request from the app carries for the session: the CSRF token on writes, and the
 * background mark on reads nobody asked for, which do not put off the idle sign-out (see
 * lib/activity.ts). Also for requests the client does not make itself (resumable uploads).
 */
export function sessionHeaders(method: string, now = Date.now()): { headers: Record<string, string>; usersOwn: boolean } {
  const headers: Record<string, string> = {};
  const write = method !== 'GET' && method !== 'HEAD';
  if (write && csrfToken) headers['x-csrf-token'] = csrfToken;
  const usersOwn = isUserRequest({ method: write ? method : 'GET', lastInput: lastInput(), now });
  if (!usersOwn) headers['x-vigil-background'] = '1';
  return { headers, usersOwn };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const started = Date.now();
  const { headers: session, usersOwn } = sessionHeaders(method, started);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...session };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type;
  const url = withQuery(`/api/v1${path}`, options.query);
  const body = options.file?.body ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  // Every write carries a key, so that the server carries it out once however often it is sent. Not a
  // file sent as the body: the key would make the server hold the whole file to compare it, and the
  // route streams it (checking a package changes nothing, so a repeat is harmless).
  if (method !== 'GET' && !options.file) headers['idempotency-key'] = idempotencyKey(`${method} ${url} ${body ?? ''}`);

  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body });
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
