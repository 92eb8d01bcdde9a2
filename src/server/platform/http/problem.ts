import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z, ZodError } from 'zod';

// Field messages people can act on: a missing field says so, instead of zod's type jargon.
z.config({
  customError: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'This field is required' : undefined),
});
import { AppError, type FieldError } from './errors';

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorised', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Payload too large',
  415: 'Unsupported media type', 423: 'Locked', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
};

export interface Problem {
  type: string; title: string; status: number; detail: string; code: string; errors?: FieldError[]; [k: string]: unknown;
}

export function problem({ status, code, detail, errors, extra }: { status: number; code: string; detail: string; errors?: FieldError[]; extra?: Record<string, unknown> }): Problem {
  return { type: `https://vigil.invalid/problems/${code}`, title: TITLES[status] ?? 'Error', status, detail, code, ...(errors?.length ? { errors } : {}), ...extra };
}

export function zodFieldErrors(err: ZodError): FieldError[] {
  return err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(p), p.status as 400, { 'content-type': 'application/problem+json; charset=utf-8', ...headers });
}

/** Maps any thrown value to problem+json. Unknown errors become a 500 that leaks nothing. */
export function toProblem(err: unknown): { problem: Problem; headers?: Record<string, string>; unexpected: boolean } {
  if (err instanceof AppError) {
    return { problem: problem({ status: err.status, code: err.code, detail: err.message, errors: err.fieldErrors, extra: err.details }), headers: err.headers, unexpected: false };
  }
  if (err instanceof ZodError) {
    return { problem: problem({ status: 400, code: 'validation.failed', detail: 'Check the highlighted fields.', errors: zodFieldErrors(err) }), unexpected: false };
  }
  const status = (err as { status?: number })?.status;
  if (status === 413) return { problem: problem({ status: 413, code: 'http.payload_too_large', detail: 'The request body is too large.' }), unexpected: false };
  // Hono's own refusals (a body that is not valid JSON, for one) are the caller's error.
  if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    return { problem: problem({ status: err.status, code: 'http.bad_request', detail: err.message || 'The request could not be read. Send JSON with Content-Type: application/json.' }), unexpected: false };
  }
  return { problem: problem({ status: 500, code: 'http.internal', detail: 'Something went wrong on our side. The error has been logged; try again, and report it if it keeps happening.' }), unexpected: true };
}
