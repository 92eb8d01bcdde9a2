import { PART_SORT_FIELDS, type PartSort } from '../../../api/maintenanceParts';

// The spare parts list's filters and sort as the address bar keeps them (the server filters and sorts).

export type PartSortField = (typeof PART_SORT_FIELDS)[number];
export interface PartsSearch { storeId?: string; q?: string; below?: true; sort?: PartSort }

export const DEFAULT_PART_SORT: PartSort = 'part_number_asc';
const SORTS = new Set<string>(PART_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));
/** A record's id as the server writes it. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps what the list understands, drops the rest (an old or hand-typed address still opens the list). */
export function validatePartsSearch(search: Record<string, unknown>): PartsSearch {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const q = str(search.q).slice(0, 100);
  const storeId = str(search.storeId);
  const sort = str(search.sort);
  return {
    storeId: UUID.test(storeId) ? storeId : undefined,
    q: q || undefined,
    below: search.below === true || search.below === 'true' ? true : undefined,
    sort: SORTS.has(sort) && sort !== DEFAULT_PART_SORT ? (sort as PartSort) : undefined,
  };
}

export function sortOf<F extends string>(sort: string): { field: F; direction: 'asc' | 'desc' } {
  const at = sort.lastIndexOf('_');
  return { field: sort.slice(0, at) as F, direction: sort.slice(at + 1) as 'asc' | 'desc' };
}

/** A column's header leads to that column ascending, or reversed when it already is; the default is left out of the address. */
export function nextSort<S extends string>(current: S | undefined, field: string, fallback: S): S | undefined {
  const now = sortOf(current ?? fallback);
  const next = (now.field === field && now.direction === 'asc' ? `${field}_desc` : `${field}_asc`) as S;
  return next === fallback ? undefined : next;
}

/** "No parts are below…", "1 part is below…", "3 parts are below their reorder level". */
export function belowWords(n: number): string {
  if (n === 0) return 'No parts are below their reorder level.';
  return n === 1 ? '1 part is below its reorder level.' : `${n} parts are below their reorder level.`;
}
