import { parseUkDateTime } from '../../occurrences/when';

/** A date-and-time field's text as ISO 8601, or a message saying what to type. */
export function whenOrProblem(text: string, what: string): { iso?: string; problem?: string } {
  const iso = parseUkDateTime(text);
  if (!iso) return { problem: `Enter ${what} as a date and time, for example 3/12/2026 21:30` };
  return { iso };
}
