import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type {
  CheckFaults, CheckKind, CheckRound, CheckSettings, CheckTarget, ChecksOverview, Equipment, NextCheck, RecordCheckResult, RecordedCheck, RoundCompletion,
} from '../../domain/estate/checks';

// The daily equipment checks: the shift's round (one result at a time), the supervisor's overview,
// and the faults the checks raised.

export { CHECK_ITEMS, CHECK_KINDS, CHECK_OUTCOMES, EQUIPMENT_STATUSES, FAULT_STATES, SHIFTS, TARGET_TYPES } from '../../domain/estate/checks';
export type { CheckItem, CheckKind, CheckOutcome, CheckResult, CheckRound, CheckFault, RoundCompletion } from '../../domain/estate/checks';
export type Target = z.infer<typeof CheckTarget>;
export type Next = z.infer<typeof NextCheck>;
export type Recorded = z.infer<typeof RecordedCheck>;

/** The current shift's round of this kind, opened by the first operator who asks for it. */
export const currentRoundQuery = (kind: CheckKind) =>
  queryOptions({
    queryKey: ['checks', 'current', kind],
    queryFn: () => api<CheckRound>('/checks/current', { query: { kind } }),
    staleTime: 0,
  });

export const recordCheckResult = (roundId: string, body: z.input<typeof RecordCheckResult>) =>
  api<Recorded>(`/checks/rounds/${encodeURIComponent(roundId)}/results`, { method: 'POST', body });

export const checksOverviewQuery = queryOptions({
  queryKey: ['checks', 'overview'],
  queryFn: async (): Promise<RoundCompletion[]> => (await api<z.infer<typeof ChecksOverview>>('/checks/overview')).rounds,
});

export interface FaultFilters { state?: 'open' | 'closed'; target?: 'camera' | 'equipment'; page?: number }
export const FAULTS_PAGE_SIZE = 50;

export const checkFaultsQuery = (filters: FaultFilters) =>
  queryOptions({
    queryKey: ['checks', 'faults', filters],
    queryFn: () => api<z.infer<typeof CheckFaults>>('/checks/faults', { query: { state: filters.state, target: filters.target, page: filters.page ?? 1, pageSize: FAULTS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const checkFaultsCsvHref = ({ state, target }: FaultFilters) => withQuery('/api/v1/checks/faults.csv', { state, target });

/** The control room's equipment register (for where each piece is). */
export const equipmentQuery = queryOptions({
  queryKey: ['equipment'],
  queryFn: async () => (await api<{ items: Equipment[] }>('/equipment')).items,
  staleTime: 60_000,
});

/** When the shifts start, the recorder clock's tolerance and when an incomplete round is flagged (settings.manage). */
export const checkSettingsQuery = queryOptions({
  queryKey: ['checks', 'settings'],
  queryFn: () => api<CheckSettings>('/checks/settings'),
});
export const updateCheckSettings = (body: CheckSettings) => api<CheckSettings>('/checks/settings', { method: 'PUT', body });
