import type { ZodType } from 'zod';
import { formErrorsFrom, type FormErrors } from '../../../lib/errors';

// The small forms of retention (a review decision, a hold, a release) each sit beside others of
// their kind on one page, so their field ids carry a prefix; the server's errors name the bare field.

/** The form's errors with each field id given the form's prefix (`review-<id>-reason`). */
export function prefixedErrors(errors: FormErrors, prefix: string): FormErrors {
  const id = (field: string) => `${prefix}-${field}`;
  return {
    summary: errors.summary.map((s) => (s.field ? { ...s, field: id(s.field) } : s)),
    fields: Object.fromEntries(Object.entries(errors.fields).map(([f, m]) => [id(f), m])),
  };
}

/** A failed write as its form shows it: field errors beside their fields, a refusal (409) against `fallback`. */
export const writeErrors = (err: unknown, { prefix, fields, fallback }: { prefix: string; fields: string[]; fallback: string }) =>
  prefixedErrors(formErrorsFrom(err, { fields, fallbackField: fallback }), prefix);

/** The contract's own check, run before sending: its messages beside their (bare) fields, or the parsed body. */
export function checkWith<T>(schema: ZodType<T>, value: unknown): { body: T } | { errors: FormErrors } {
  const r = schema.safeParse(value);
  if (r.success) return { body: r.data };
  const items = r.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), text: i.message }));
  return { errors: { summary: items, fields: Object.fromEntries(items.reverse().map((i) => [i.field, i.text])) } };
}
