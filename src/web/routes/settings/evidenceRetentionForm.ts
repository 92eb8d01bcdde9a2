import { EvidenceRetentionSettings } from '../../../domain/evidence/retention';
import type { FormErrors } from '../../lib/errors';

// The evidence retention form as typed: every cell a string, so that what was typed stays on the
// page when it is wrong. Checked with the contract's own schema (the server checks again), and each
// problem, the browser's or the server's, is put beside its cell by the same ids.

export interface ClassDraft { key: string; name: string; days: string; /** Added on this page: its key can still be typed. */ isNew: boolean }
export interface RetentionDraft { classes: ClassDraft[]; months: string }

export const draftOf = (s: { classes: { key: string; name: string; days: number }[]; exhibitReviewMonths: number }): RetentionDraft => ({
  classes: s.classes.map((c) => ({ key: c.key, name: c.name, days: String(c.days), isNew: false })),
  months: String(s.exhibitReviewMonths),
});

/** A number as typed, or the text itself so that the contract's message says what is wrong. */
const asNumber = (typed: string) => (/^\s*\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : typed.trim() === '' ? undefined : typed);

export const cellId = (i: number, cell: 'key' | 'name' | 'days') => `evidence-classes-${i}-${cell}`;
export const CLASSES_ID = 'evidence-classes';
export const MONTHS_ID = 'evidence-review-months';

/** The field id for an error's path (`classes.1.days`, `exhibitReviewMonths`, `classes`). */
export function fieldIdOf(path: readonly (string | number)[]): string {
  if (path[0] === 'exhibitReviewMonths') return MONTHS_ID;
  if (path[0] === 'classes' && typeof path[1] === 'number' && (path[2] === 'key' || path[2] === 'name' || path[2] === 'days')) return cellId(path[1], path[2]);
  return CLASSES_ID;
}

function errorsOf(items: { path: readonly (string | number)[]; message: string }[]): FormErrors {
  const fields: Record<string, string> = {};
  const summary = items.map((i) => {
    const field = fieldIdOf(i.path);
    fields[field] ??= i.message;
    return { field, text: i.message };
  });
  return { summary, fields };
}

export function parseDraft(draft: RetentionDraft): { settings: EvidenceRetentionSettings } | { errors: FormErrors } {
  const parsed = EvidenceRetentionSettings.safeParse({
    classes: draft.classes.map((c) => ({ key: c.key.trim(), name: c.name, days: asNumber(c.days) })),
    exhibitReviewMonths: asNumber(draft.months),
  });
  if (parsed.success) return { settings: parsed.data };
  return { errors: errorsOf(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))) };
}

/** The server's field errors (paths like `classes.0.days`), by the same ids. */
export const serverErrors = (fieldErrors: { path: string; message: string }[]): FormErrors =>
  errorsOf(fieldErrors.map((e) => ({ path: e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: e.message })));
