import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { PerformanceReport } from '../../domain/maintenance/performance';

// A maintenance contract's monthly performance report (issue 11): JSON for the page, with links to
// the same report as CSV and PDF.

export type { PerformanceReport } from '../../domain/maintenance/performance';
export { AVAILABILITY_TARGET_PERCENT, PRIORITIES, gbp, minutesText, monthName, percentText } from '../../domain/maintenance/performance';

const base = (contractId: string) => `/maintenance/contracts/${encodeURIComponent(contractId)}/performance`;

export const performanceQuery = (contractId: string, month: string | undefined) =>
  queryOptions({
    queryKey: ['maintenance', 'performance', contractId, month ?? 'last'],
    queryFn: () => api<PerformanceReport>(base(contractId), { query: { month } }),
  });

export const performanceCsvHref = (contractId: string, month: string) => withQuery(`/api/v1${base(contractId)}.csv`, { month });
export const performancePdfHref = (contractId: string, month: string) => withQuery(`/api/v1${base(contractId)}.pdf`, { month });

/** The month before or after "YYYY-MM". */
export function shiftMonth(month: string, by: -1 | 1): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by];
  const d = new Date(Date.UTC(y, m, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
