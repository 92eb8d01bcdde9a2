import { ApiError } from '../api/client';

export interface SummaryItem {
  text: string;
  /** The id of the field the message is about. */
  field?: string;
}

export interface FormErrors {
  summary: SummaryItem[];
  fields: Record<string, string>;
}

/** Client-side checks: field id -> message, in page order. */
export function fieldErrors(entries: Array<[string, string | undefined | false]>): FormErrors | undefined {
  const present = entries.filter((e): e is [string, string] => !!e[1]);
  if (!present.length) return undefined;
  return { summary: present.map(([field, text]) => ({ field, text })), fields: Object.fromEntries(present) };
}

/**
 * Turns a failed call into what the form shows: each errors[] entry beside its field and in the summary;
 * otherwise the problem's detail, linked to `fallbackField` when there is one.
 */
export function formErrorsFrom(err: unknown, { fields = [], fallbackField, messages = {} }: {
  fields?: string[];
  fallbackField?: string;
  /** Messages the app chooses over the server's detail, by problem code. */
  messages?: Record<string, string>;
} = {}): FormErrors {
  if (!(err instanceof ApiError)) {
    return { summary: [{ text: 'Something went wrong. Try again.', field: fallbackField }], fields: {} };
  }
  const known = err.fieldErrors.filter((e) => fields.includes(fieldName(e.path)));
  if (known.length) {
    const byField: Record<string, string> = {};
    for (const e of known) byField[fieldName(e.path)] ??= e.message;
    const unknown = err.fieldErrors.filter((e) => !fields.includes(fieldName(e.path)));
    return {
      summary: [...known.map((e) => ({ text: e.message, field: fieldName(e.path) })), ...unknown.map((e) => ({ text: e.message }))],
      fields: byField,
    };
  }
  const text = messages[err.code] ?? (err.fieldErrors.length ? err.fieldErrors.map((e) => e.message).join(' ') : err.message);
  return { summary: [{ text, field: fallbackField }], fields: fallbackField ? { [fallbackField]: text } : {} };
}

/** "roles.0" -> "roles": errors on list items belong to the list's field. */
function fieldName(path: string): string {
  return path.split('.')[0] ?? path;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : 'Something went wrong. Try again.';
}
