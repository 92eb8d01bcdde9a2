import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import type { TeamView } from '../../../../domain/field/team.contract';
import type { ParishReport, Parish } from '../../../../domain/field/parishes.contract';
import type { CarparkInspection, FieldAsbReport, FieldDefect } from '../../../../domain/field/reports.contract';

// The team leader's pages as they call the API: the team now (refreshed every 30 s; the client marks
// those refetches as background so they do not put off the idle sign-out), parish contracts and the
// monthly billing report, and the inspections, defects and ASB reports lists with their CSVs.

export const teamQuery = queryOptions({ queryKey: ['field', 'team'], queryFn: () => api<TeamView>('/field/team'), refetchInterval: 30_000 });

export const parishesQuery = queryOptions({ queryKey: ['field', 'parishes'], queryFn: () => api<{ items: Parish[] }>('/field/parishes') });
export const parishReportQuery = (month: string) => queryOptions({
  queryKey: ['field', 'parish-report', month], queryFn: () => api<ParishReport>('/field/parish-report', { query: { month } }), placeholderData: keepPreviousData,
});
export const parishReportCsvHref = (month: string) => withQuery('/api/v1/field/parish-report.csv', { month });

export interface DayRange { from?: string; to?: string }
export type ReportList = 'inspections' | 'defects' | 'asb-reports';
type Items = { inspections: CarparkInspection; defects: FieldDefect; 'asb-reports': FieldAsbReport };

export const reportListQuery = <K extends ReportList>(list: K, range: DayRange) => queryOptions({
  queryKey: ['field', list, range], queryFn: () => api<{ items: Items[K][] }>(`/field/${list}`, { query: { ...range } }), placeholderData: keepPreviousData,
});
export const reportCsvHref = (list: ReportList, range: DayRange) => withQuery(`/api/v1/field/${list}.csv`, { ...range });
