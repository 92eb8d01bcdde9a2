import type { CheckKind, FaultFilters } from '../../../api/checks';

// The checks' pages' addresses: which round (cameras unless equipment is asked for), and the faults' filters.

export interface ChecksSearch { kind?: CheckKind }
export type FaultsSearch = FaultFilters;

/** Cameras are the default and stay out of the address; anything unknown is dropped. */
export const validateChecksSearch = (search: Record<string, unknown>): ChecksSearch => (search.kind === 'equipment' ? { kind: 'equipment' } : {});

export function validateFaultsSearch(search: Record<string, unknown>): FaultsSearch {
  const page = Number(search.page);
  return {
    state: search.state === 'open' || search.state === 'closed' ? search.state : undefined,
    target: search.target === 'camera' || search.target === 'equipment' ? search.target : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
