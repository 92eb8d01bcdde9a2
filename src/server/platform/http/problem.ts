import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import pg from 'pg';
import { z, ZodError } from 'zod';

// Field messages people can act on: a missing field says so, instead of zod's type jargon.
z.config({
  customError: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'This field is required' : undefined),
});
import { AppError, type FieldError } from './errors';

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorised', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Payload too large',
  415: 'Unsupported media type', 422: 'Unprocessable content', 423: 'Locked', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
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

// The last net under validation: PostgreSQL errors that only bad input causes (text it cannot
// encode, a date or number out of its range, a malformed pattern, a value too big to index) are the
// caller's 400, not a 500. They still count as unexpected and are logged: the edge should have
// refused that input with the field's name, and the log says where it did not.
const INPUT_ERRORS = new Set([
  '22P02', // invalid_text_representation (a lone surrogate in jsonb)
  '22P05', // untranslatable_character (\u0000 in jsonb)
  '22021', // character_not_in_repertoire (NUL in text)
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow (a date before 4713 BC)
  '22009', // invalid_time_zone_displacement_value (a year PostgreSQL cannot read as one)
  '22019', // invalid_escape_character
  '22025', // invalid_escape_sequence (a LIKE pattern ending in a backslash)
  '2201W', // invalid_row_count_in_limit_clause
  '2201X', // invalid_row_count_in_result_offset_clause
  '54000', // program_limit_exceeded (a tsvector or index row too long)
]);
// The database (or another service) is away or overloaded: worth trying again shortly.
const UNAVAILABLE = /^(08|53|57P0)|^57014$/;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

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
  if (err instanceof pg.DatabaseError && err.code && INPUT_ERRORS.has(err.code)) {
    return { problem: problem({ status: 400, code: 'http.invalid_input', detail: 'Some of what was sent could not be stored or searched: check it for unusual characters, dates or numbers.' }), unexpected: true };
  }
  const code = (err as { code?: unknown })?.code;
  if ((err instanceof pg.DatabaseError && err.code && UNAVAILABLE.test(err.code)) || (typeof code === 'string' && NETWORK.has(code))) {
    return { problem: problem({ status: 503, code: 'http.unavailable', detail: 'Vigil cannot reach its database or another service it needs just now. Try again in a minute.' }), headers: { 'retry-after': '30' }, unexpected: true };
  }
  return { problem: problem({ status: 500, code: 'http.internal', detail: 'Something went wrong on our side. The error has been logged; try again, and report it if it keeps happening.' }), unexpected: true };
}
