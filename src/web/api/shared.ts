import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client';
import { occurrencesApiQuery, OCCURRENCES_PAGE_SIZE, type OccurrenceFilters } from './occurrences';
import type { z } from 'zod';
import type * as k from '../../domain/occurrences/contract';
import type { SharedOccurrence, SharedOccurrencePage } from '../../domain/occurrences/contract';

// What the council shared with a partner's organisation (partners), and withdrawing a share (the council).

export type { SharedOccurrence, SharedOccurrenceSummary } from '../../domain/occurrences/contract';

/** A partner's filters: the council's, less who opened it. */
export type SharedFilters = Omit<OccurrenceFilters, 'operatorId'>;

export const sharedOccurrencesQuery = (filters: SharedFilters) =>
  queryOptions({
    queryKey: ['shared-occurrences', filters],
    queryFn: () => api<SharedOccurrencePage>('/shared/occurrences', { query: { ...occurrencesApiQuery(filters), page: filters.page, pageSize: OCCURRENCES_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const sharedOccurrencesCsvHref = (filters: SharedFilters) => withQuery('/api/v1/shared/occurrences.csv', occurrencesApiQuery(filters));

export const sharedOccurrenceQuery = (id: string) =>
  queryOptions({ queryKey: ['shared-occurrence', id], queryFn: () => api<SharedOccurrence>(`/shared/occurrences/${encodeURIComponent(id)}`), staleTime: 0 });

export const withdrawShare = (occurrenceId: string, organisationId: string, body: z.input<typeof k.WithdrawShare>) =>
  api<z.infer<typeof k.ShareWithdrawn>>(`/occurrences/${encodeURIComponent(occurrenceId)}/shares/${encodeURIComponent(organisationId)}/withdraw`, { method: 'POST', body });

export const redactEntry = (occurrenceId: string, entryId: string, body: z.input<typeof k.RedactEntry>) =>
  api<z.infer<typeof k.EntryRedacted>>(`/occurrences/${encodeURIComponent(occurrenceId)}/entries/${encodeURIComponent(entryId)}/redactions`, { method: 'POST', body });
