import { REQUEST_SORTS } from '../../../domain/requests/contract';

// The partner's list as the address bar keeps it: open requests, soonest due first, unless asked otherwise.

export type PartnerSort = (typeof REQUEST_SORTS)[number];
export interface PartnerRequestsSearch { state?: 'closed' | 'all'; sort?: PartnerSort; page?: number }
export const DEFAULT_PARTNER_SORT: PartnerSort = 'due_asc';

export function validatePartnerRequestsSearch(s: Record<string, unknown>): PartnerRequestsSearch {
  const state = s.state === 'closed' || s.state === 'all' ? s.state : undefined;
  const sort = (REQUEST_SORTS as readonly unknown[]).includes(s.sort) ? (s.sort as PartnerSort) : undefined;
  const page = Number(s.page);
  return { state, sort, page: Number.isInteger(page) && page > 1 && page < 100_000 ? page : undefined };
}

/** The address -> the server's filters: open by default, everything with state=all. */
export const partnerFilters = (s: PartnerRequestsSearch): { due?: 'open' | 'closed'; sort?: PartnerSort; page?: number } => ({ due: s.state === 'all' ? undefined : s.state ?? 'open', sort: s.sort, page: s.page });
