import { isCodeOf } from '../../../domain/labels';
import { DUE_FILTERS, REQUEST_SORTS, REQUEST_TYPES, STATUSES } from '../../../domain/requests/contract';
import type { RequestFilters, RequestSort } from './api';

// The register's filters, sort and page as the address bar keeps them (the server filters, sorts and pages).

export interface RequestsSearch {
  type?: keyof typeof REQUEST_TYPES; status?: keyof typeof STATUSES; owner?: 'me' | 'none'; due?: keyof typeof DUE_FILTERS; q?: string;
  sort?: RequestSort; page?: number;
}

export const DEFAULT_REQUEST_SORT: RequestSort = 'due_asc';
export const REQUESTS_PAGE_SIZE = 25;
const SORTS = new Set<string>(REQUEST_SORTS);

/** Keeps what the register understands, drops the rest (an old or hand-typed address still opens it). */
export function validateRequestsSearch(search: Record<string, unknown>): RequestsSearch {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const type = str(search.type);
  const status = str(search.status);
  const owner = str(search.owner);
  const due = str(search.due);
  const sort = str(search.sort);
  const q = str(search.q).slice(0, 200);
  const page = Number(str(search.page));
  return {
    type: isCodeOf(REQUEST_TYPES, type) ? type : undefined,
    status: isCodeOf(STATUSES, status) ? status : undefined,
    owner: owner === 'me' || owner === 'none' ? owner : undefined,
    due: isCodeOf(DUE_FILTERS, due) ? due : undefined,
    q: q || undefined,
    sort: SORTS.has(sort) && sort !== DEFAULT_REQUEST_SORT ? (sort as RequestSort) : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

/** The address's filters as the server takes them. */
export function requestFilters({ owner, page, sort, ...rest }: RequestsSearch): RequestFilters {
  return { ...rest, ownerId: owner, sort: sort ?? DEFAULT_REQUEST_SORT, page: page ?? 1, pageSize: REQUESTS_PAGE_SIZE };
}

/** Whether any filter narrows the register (sort and page do not). */
export const isFiltered = ({ sort: _s, page: _p, ...f }: RequestsSearch) => Object.values(f).some((v) => v !== undefined);

/** "No requests", "1 request", "26 requests matching the filter": the count in words for the caption. */
export function requestCountWords(total: number, filtered: boolean): string {
  const n = total === 0 ? 'No requests' : total === 1 ? '1 request' : `${total} requests`;
  return filtered ? `${n} matching the filter` : n;
}
