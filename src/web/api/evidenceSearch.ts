import { EXHIBIT_SORTS, EXHIBIT_STATES } from '../../domain/evidence/contract';
import { isCodeOf } from '../../domain/labels';
import { formatUkDay, isValidDay, londonDayAfter, londonDayStart, parseUkDate } from '../../domain/calendar/london';

// The exhibits list's filters three ways: as they sit in the address bar (dates as YYYY-MM-DD London
// days), as the filter form holds them (dates typed the UK way), and as the API wants them (instants).

export interface ExhibitFilters {
  q?: string;
  producerId?: string;
  cameraId?: string;
  occurrenceId?: string;
  state?: keyof typeof EXHIBIT_STATES;
  from?: string;
  to?: string;
  sort?: keyof typeof EXHIBIT_SORTS;
  page?: number;
}

export const EXHIBITS_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The address bar's search, with anything malformed left out (a hand-edited address never breaks the page). */
export function validateExhibitSearch(search: Record<string, unknown>): ExhibitFilters {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : undefined);
  const day = (v: unknown) => (typeof v === 'string' && isValidDay(v) ? v : undefined);
  const page = Number(search.page);
  const sort = typeof search.sort === 'string' && isCodeOf(EXHIBIT_SORTS, search.sort) && search.sort !== 'created_desc' ? search.sort : undefined;
  return {
    q: str(search.q), producerId: id(search.producerId), cameraId: id(search.cameraId), occurrenceId: id(search.occurrenceId),
    state: typeof search.state === 'string' && isCodeOf(EXHIBIT_STATES, search.state) ? search.state : undefined,
    from: day(search.from), to: day(search.to), sort, page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** Filters as the API takes them: instants, the `to` day included whole (the API's `to` is inclusive: its last millisecond). */
export function exhibitsApiQuery(filters: ExhibitFilters): Record<string, string | undefined> {
  const { from, to, page: _page, ...rest } = filters;
  const end = to ? londonDayAfter(to) : undefined;
  return { ...rest, from: from ? londonDayStart(from)?.toISOString() : undefined, to: end ? new Date(end.getTime() - 1).toISOString() : undefined };
}

/** What the filter form holds: every field as typed, dates the UK way. */
export type ExhibitDraft = Record<'q' | 'producerId' | 'cameraId' | 'occurrence' | 'state' | 'from' | 'to' | 'sort', string>;

export const draftOf = (f: ExhibitFilters, occurrenceReference = ''): ExhibitDraft => ({
  q: f.q ?? '', producerId: f.producerId ?? '', cameraId: f.cameraId ?? '', occurrence: occurrenceReference, state: f.state ?? '',
  from: formatUkDay(f.from), to: formatUkDay(f.to), sort: f.sort ?? '',
});

/**
 * The form's draft as the address bar's filters (the occurrence already looked up from its
 * reference), or what is wrong with its dates, by field.
 */
export function filtersOf(draft: ExhibitDraft, occurrenceId?: string): { filters: ExhibitFilters; problems?: Record<'from' | 'to', string | undefined> } {
  const from = draft.from.trim() ? parseUkDate(draft.from) : '';
  const to = draft.to.trim() ? parseUkDate(draft.to) : '';
  const problems = {
    from: from === undefined ? '‘From date’ must be a real date, like 27/3/2026' : undefined,
    to: to === undefined ? '‘To date’ must be a real date, like 27/3/2026' : from && to && to < from ? '‘To date’ must be the same as or after ‘From date’' : undefined,
  };
  const filters = validateExhibitSearch({ ...draft, from, to, occurrenceId, page: undefined });
  return problems.from || problems.to ? { filters, problems } : { filters };
}

/** "C012, c14 ;C20" -> ['C012', 'c14', 'C20']: references typed in one field, each once. */
export function splitReferences(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[,;\s]+/).map((r) => r.trim()).filter((r) => r && !seen.has(r.toUpperCase()) && seen.add(r.toUpperCase()));
}

/** Typed references matched to records regardless of case: the ids found, and what matched nothing. */
export function matchReferences<T extends { id: string; reference: string }>(typed: string[], items: readonly T[]): { ids: string[]; unknown: string[] } {
  const byReference = new Map(items.map((i) => [i.reference.toUpperCase(), i.id]));
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const r of typed) {
    const id = byReference.get(r.toUpperCase());
    if (id) ids.push(id);
    else unknown.push(r);
  }
  return { ids, unknown };
}
