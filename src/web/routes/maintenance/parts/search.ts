import { PART_SORT_FIELDS, type PartSort } from '../../../api/maintenanceParts';
import { UUID } from '../search';

// The spare parts list's filters and sort as the address bar keeps them (the server filters and sorts).

export type PartSortField = (typeof PART_SORT_FIELDS)[number];
export interface PartsSearch { storeId?: string; q?: string; below?: true; sort?: PartSort }

export const DEFAULT_PART_SORT: PartSort = 'part_number_asc';
const SORTS = new Set<string>(PART_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));

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

/** "No parts are below…", "1 part is below…", "3 parts are below their reorder level". */
export function belowWords(n: number): string {
  if (n === 0) return 'No parts are below their reorder level.';
  return n === 1 ? '1 part is below its reorder level.' : `${n} parts are below their reorder level.`;
}
