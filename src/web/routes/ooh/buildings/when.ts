import { parseUkDateTime } from '../../occurrences/when';
import { londonDayAfter, londonDayStart, parseUkDate } from '../../../../domain/calendar/london';

/** A date-and-time field's text as ISO 8601, or a message saying what to type. */
export function whenOrProblem(text: string, what: string): { iso?: string; problem?: string } {
  const iso = parseUkDateTime(text);
  if (!iso) return { problem: `Enter ${what} as a date and time, for example 3/12/2026 21:30` };
  return { iso };
}

/** A filter's days (YYYY-MM-DD, London) as the API's instants: from the first day's start to the end of the last. */
export function dayRange({ from, to }: { from?: string; to?: string }): { from?: string; to?: string } {
  return { from: from ? londonDayStart(from)?.toISOString() : undefined, to: to ? londonDayAfter(to)?.toISOString() : undefined };
}

/** A filter's typed days (UK format) as YYYY-MM-DD, with a message for each that is not a date. */
export function filterDays(typed: { from: string; to: string }): { from?: string; to?: string; problems: Array<[string, string | undefined]> } {
  const one = (text: string, what: string) => {
    if (!text.trim()) return {};
    const day = parseUkDate(text);
    return day ? { day } : { problem: `Enter the ${what} as a date, for example 1/12/2026, or leave it empty` };
  };
  const from = one(typed.from, 'first day');
  const to = one(typed.to, 'last day');
  const order = from.day && to.day && to.day < from.day ? 'Enter a last day on or after the first day' : undefined;
  return { from: from.day, to: to.day, problems: [['from', from.problem], ['to', to.problem ?? order]] };
}
