import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { AuditEvent, ChainVerification, Page } from './types';
import { londonDayAfter, londonDayStart } from '../../domain/calendar/london';

/** Filters as they sit in the address bar: dates as YYYY-MM-DD (London days). */
export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Filters as the API wants them: instants in ISO 8601, the `to` day included whole. */
export function auditApiQuery(filters: AuditFilters): Record<string, string | number | undefined> {
  const { from, to, page, ...rest } = filters;
  return {
    ...rest,
    from: from ? londonDayStart(from)?.toISOString() : undefined,
    to: to ? londonDayAfter(to)?.toISOString() : undefined,
  };
}

export const auditEventsQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: ['audit', filters],
    queryFn: () => api<Page<AuditEvent>>('/audit/events', { query: { ...auditApiQuery(filters), page: filters.page, pageSize: AUDIT_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const auditCsvHref = (filters: AuditFilters) => withQuery('/api/v1/audit/events.csv', auditApiQuery(filters));

export const verifyChain = () => api<ChainVerification>('/audit/verify');
