import { z } from 'zod';
import { isValidDay } from './calendar/london';

// The building blocks of every request schema, shared by the server and the web app. Each refuses,
// with a message that says what to fix, input that PostgreSQL or a person reading it later could not
// take: control characters (a NUL ends the conversation with PostgreSQL), broken Unicode (a lone
// UTF-16 surrogate cannot be stored as UTF-8 or in jsonb), dates outside any working life (year 4000
// BC is valid JavaScript and out of PostgreSQL's range), repeats in what is meant as a set, and an
// update that changes nothing.

/** C0 controls and DEL, except tab, newline and carriage return; the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The same, and tab, newline and carriage return too: for text meant to stay on one line. */
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a piece of text, as a message saying what to fix, or undefined when nothing is.
 * `multiline` allows tab, newline and carriage return.
 */
export function unsafeTextProblem(value: string, { multiline = true }: { multiline?: boolean } = {}): string | undefined {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `Remove the broken character (${codePoint(surrogate[0])}, half of a character pair) from this text`;
  const control = (multiline ? CONTROL : CONTROL_OR_BREAK).exec(value);
  if (!control) return undefined;
  const ch = control[0];
  if (ch === '\n' || ch === '\r') return 'Keep this to one line: remove the line break';
  if (ch === '\t') return 'Remove the tab from this text';
  return `Remove the control character (${codePoint(ch)}) from this text`;
}

const safe = ({ multiline }: { multiline: boolean }) => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const message = unsafeTextProblem(value, { multiline });
  if (message) ctx.addIssue({ code: 'custom', message, input: value });
};

/**
 * Text a person writes, over any number of lines: no control characters but tab, newline and
 * carriage return, no broken Unicode. Chain `.trim().min().max()` as on `z.string()`.
 */
export const text = (params?: string | { message?: string }) => z.string(params).superRefine(safe({ multiline: true }));

/** Text on one line (a name, a reference, a search): as `text()`, and no tab or line break either. */
export const line = (params?: string | { message?: string }) => z.string(params).superRefine(safe({ multiline: false }));

/** The instants Vigil accepts: any a council could mean, and well inside PostgreSQL's range. */
export const EARLIEST = new Date('1900-01-01T00:00:00.000Z');
export const LATEST = new Date('2100-12-31T23:59:59.999Z');
const OUT_OF_RANGE = 'Enter a date between 1900 and 2100';

/** A date and time (ISO 8601, or a Date) between 1900 and 2100. */
export const dateTime = ({ message = 'Enter a date and time' }: { message?: string } = {}) =>
  z.coerce.date({ message }).min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** The first position at which an item repeats an earlier one (compared as JSON), or -1. */
export function firstRepeat(items: readonly unknown[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const key = typeof items[i] === 'string' ? `s:${items[i] as string}` : `j:${JSON.stringify(items[i])}`;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/**
 * An array meant as a set: each item at most once. `what` names an item in the message ("role").
 * Give `max` (a set of roles can be no bigger than the roles there are).
 */
export const uniqueArray = <T extends z.ZodType>(item: T, { what, max }: { what: string; max: number }) =>
  z.array(item).max(max, `Choose ${max} or fewer`).superRefine((items, ctx) => {
    const at = firstRepeat(items);
    if (at >= 0) ctx.addIssue({ code: 'custom', path: [at], message: `Remove the repeated ${what}: each ${what} can be given once`, input: items[at] });
  });

/** A change (PATCH) must set at least one field: an update with nothing in it is a mistake to report. */
export const changesSomething = <T extends z.ZodType<Record<string, unknown>>>(schema: T) =>
  schema.refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: 'Change at least one field' });

/** A real calendar date (London), YYYY-MM-DD: 2026-02-30 is refused with what to enter. */
export const calendarDay = (what = 'the date') =>
  z.string({ message: `Enter ${what}` }).refine(isValidDay, `Enter ${what} as a real date, YYYY-MM-DD`).meta({ format: 'date' });
