import { CAMERA_KINDS, CAMERA_OWNERS, CAMERA_SORT_FIELDS, CAMERA_STATUSES } from '../../../domain/estate/contract';
import { isCodeOf } from '../../../domain/labels';
import { formatDateTime, formatUkDateTimeInput, londonDay, londonDayAfter, londonWallClock, parseUkDate } from '../../../domain/calendar/london';
import { parseUkDateTime } from '../occurrences/when';

// The register's filters as the address bar keeps them, the sort its column headers toggle,
// the same filters over the map's data, and the "as at" field.

export type SortField = (typeof CAMERA_SORT_FIELDS)[number];
export type Sort = `${SortField}_${'asc' | 'desc'}`;

export interface EstateFilters {
  q?: string;
  kind?: keyof typeof CAMERA_KINDS;
  status?: keyof typeof CAMERA_STATUSES;
  owner?: keyof typeof CAMERA_OWNERS;
  ward?: string;
  /** The register as it stood at this moment (ISO 8601); absent: as it stands. */
  asAt?: string;
  /** Absent: by number, A to Z. */
  sort?: Sort;
  page?: number;
}

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
const code = <T extends Record<string, string>>(labels: T, v: unknown): (keyof T & string) | undefined => (typeof v === 'string' && isCodeOf(labels, v) ? v : undefined);
const SORTS = new Set<string>(CAMERA_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));

const moment = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined);

/** Whatever the address bar holds -> filters the API accepts (anything else dropped, not sent to fail). */
export function validateEstateSearch(search: Record<string, unknown>): EstateFilters {
  const page = Number(search.page);
  const sort = typeof search.sort === 'string' && SORTS.has(search.sort) && search.sort !== 'reference_asc' ? (search.sort as Sort) : undefined;
  return {
    q: text(search.q, 200), kind: code(CAMERA_KINDS, search.kind), status: code(CAMERA_STATUSES, search.status), owner: code(CAMERA_OWNERS, search.owner),
    ward: text(search.ward, 100), asAt: moment(search.asAt), sort, page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The column and direction a sort means (none: by number, ascending). */
export function sortOf(sort: Sort | undefined): { field: SortField; direction: 'asc' | 'desc' } {
  const s = sort ?? 'reference_asc';
  const at = s.lastIndexOf('_');
  return { field: s.slice(0, at) as SortField, direction: s.slice(at + 1) as 'asc' | 'desc' };
}

/** The sort a column's header leads to: that column ascending, or reversed when it is already the sort. */
export function nextSort(current: Sort | undefined, field: SortField): Sort | undefined {
  const now = sortOf(current);
  const next: Sort = now.field === field && now.direction === 'asc' ? `${field}_desc` : `${field}_asc`;
  return next === 'reference_asc' ? undefined : next;
}

/** The map's cameras the table's filters keep (the text matched on number and name, the map's data having no street). */
export function mapMatches(
  camera: { reference: string; name: string; kind: string; status: string; owner: string; ward: string | null },
  f: EstateFilters,
): boolean {
  if (f.kind && camera.kind !== f.kind) return false;
  if (f.status && camera.status !== f.status) return false;
  if (f.owner && camera.owner !== f.owner) return false;
  if (f.ward && (camera.ward ?? '').toLowerCase() !== f.ward.toLowerCase()) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    if (!camera.reference.toLowerCase().includes(q) && !camera.name.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** The wards the estate's cameras are in, A to Z, and the one filtered on (even if no camera is in it now). */
export function wardsOf(cameras: readonly { ward: string | null }[], current?: string): string[] {
  const wards = new Map<string, string>();
  for (const c of cameras) if (c.ward?.trim()) wards.set(c.ward.trim().toLowerCase(), c.ward.trim());
  if (current) wards.set(current.toLowerCase(), current); // as the address spells it, so that the list shows it chosen
  return [...wards.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** The last millisecond of a London day (the next London midnight less 1 ms, whether the day is 23, 24 or 25 hours long). */
const endOfLondonDay = (day: string) => {
  const next = londonDayAfter(day);
  return next && new Date(next.getTime() - 1).toISOString();
};

/**
 * The "as at" field: "4/3/2026 14:05" that minute (London time), or "4/3/2026" the end of that day
 * -> ISO 8601; '' when empty; undefined when it is not a real date, or is still to come.
 */
export function parseAsAt(typed: string, now = new Date()): string | undefined {
  const t = typed.trim();
  if (!t) return '';
  const day = parseUkDate(t);
  const iso = day ? endOfLondonDay(day) : /\d[:.]\d/.test(t) ? parseUkDateTime(t, now) : undefined;
  if (!iso) return undefined;
  if (new Date(iso).getTime() <= now.getTime()) return iso;
  // Today, typed as a day: the register as it stands now. Any later moment has not happened yet.
  const start = day ? londonWallClock(day) : undefined;
  return start && start.getTime() <= now.getTime() ? now.toISOString() : undefined;
}

/** An "as at" moment as the field shows it again: a date alone when it is the end of that London day (as a date alone is read). */
export function asAtInput(iso: string): string {
  const typed = formatUkDateTimeInput(iso);
  return endOfLondonDay(londonDay(new Date(iso))) === new Date(iso).toISOString() ? typed.split(' ')[0] : typed;
}

/** What the register's live region says once the table has changed (filtered, sorted, paged): how many, which page, in what order. */
export function resultsAnnouncement({ total, page, pageSize, sort, sortName, asAt }: {
  total: number; page: number; pageSize: number; sort: Sort | undefined; sortName: string; asAt?: string;
}): string {
  const count = `${total === 0 ? 'No' : total} camera${total === 1 ? '' : 's'}${asAt ? ` in the register as at ${formatDateTime(asAt)}` : ''}`;
  if (total === 0) return `${count} match these filters.`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const { direction } = sortOf(sort);
  return `${count}. Page ${Math.min(page, pages)} of ${pages}, sorted by ${sortName.toLowerCase()}, ${direction === 'asc' ? 'ascending' : 'descending'}.`;
}
