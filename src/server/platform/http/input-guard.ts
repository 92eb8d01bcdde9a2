import type { MiddlewareHandler } from 'hono';
import { unsafeTextProblem } from '../../../domain/validation';
import type { FieldError } from './errors';
import { problem, problemResponse } from './problem';

// Belt and braces under the schemas: whatever a route's schema says, no text with a control
// character (tab, newline and carriage return aside) or broken Unicode reaches a use case from the
// path, the query string or a JSON body. PostgreSQL refuses a NUL in text and a lone surrogate or
// \u0000 in jsonb; without this, a schema that used z.string() where it meant text() would answer 500.

const MAX_ERRORS = 20;

/**
 * Every string in a parsed JSON value (object keys included) that holds unsafe text, as field errors
 * whose paths read as zod's do (`actions.0.text`). Walks with a stack, not recursion: a body nested a
 * hundred thousand deep must not overflow it.
 */
export function unsafeTextIn(value: unknown, prefix: readonly (string | number)[] = []): FieldError[] {
  // Each entry points at its parent's path instead of copying it, so walking stays linear in the
  // size of the body however deep it goes; a path is spelled out only for a field in error.
  interface At { key: string | number; parent: At | undefined }
  const name = (at: At | undefined) => {
    const keys: (string | number)[] = [];
    for (let a = at; a; a = a.parent) keys.push(a.key);
    return [...prefix, ...keys.reverse()].join('.') || '(body)';
  };
  const errors: FieldError[] = [];
  const stack: { value: unknown; at: At | undefined }[] = [{ value, at: undefined }];
  while (stack.length && errors.length < MAX_ERRORS) {
    const { value: v, at } = stack.pop()!;
    if (typeof v === 'string') {
      const message = unsafeTextProblem(v);
      if (message) errors.push({ path: name(at), message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: { key: i, parent: at } });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const keyProblem = unsafeTextProblem(key);
        if (keyProblem) errors.push({ path: name(at), message: keyProblem.replace('this text', 'a field name') });
        else stack.push({ value: item, at: { key, parent: at } });
      }
    }
  }
  return errors;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

/** Refuses a request whose path parameters, query string or JSON body holds unsafe text: 400 naming each field. */
export function refuseUnsafeInput(): MiddlewareHandler {
  return async (c, next) => {
    const errors: FieldError[] = [];
    for (const [key, value] of Object.entries(c.req.param() as Record<string, string>)) errors.push(...unsafeTextIn(value, [key]));
    // Most requests carry no query string: skip parsing one (this runs on every API request).
    for (const [key, values] of Object.entries(c.req.url.includes('?') ? c.req.queries() : {})) {
      const keyProblem = unsafeTextProblem(key);
      if (keyProblem) errors.push({ path: '(query)', message: keyProblem.replace('this text', 'a parameter name') });
      else for (const value of values) errors.push(...unsafeTextIn(value, [key]));
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      // Hono keeps the parsed body, so the route's validator reads it again without a second parse.
      // A body that is not JSON is the validator's to refuse.
      let body: unknown;
      try { body = await c.req.json(); } catch { body = undefined; }
      errors.push(...unsafeTextIn(body));
    }
    if (errors.length) {
      return problemResponse(c, problem({ status: 400, code: 'validation.failed', detail: 'Check the highlighted fields.', errors: errors.slice(0, MAX_ERRORS) }));
    }
    await next();
  };
}
