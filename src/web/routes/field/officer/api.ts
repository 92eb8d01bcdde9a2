import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import type { DeviceList, DeviceSummary, WithdrawDevice } from '../../../../domain/field/handheld.contract';
import type { PatrolDetail, PatrolList } from '../../../../domain/field/patrols.contract';

// The officer's field pages as they call the API: their devices (a team leader: the team's), their
// patrols (filtered, CSV) and one patrol.

export interface PatrolFilters { state?: 'any' | 'running' | 'ended'; q?: string; from?: string; to?: string }

export const devicesQuery = queryOptions({ queryKey: ['field', 'devices'], queryFn: () => api<DeviceList>('/field/devices'), refetchInterval: 30_000 });
/** The team leader withdraws a device (lost, stolen, retired). */
export const withdrawDevice = (id: string, body: WithdrawDevice) => api<DeviceSummary>(`/field/devices/${encodeURIComponent(id)}/withdrawal`, { method: 'POST', body });
export const patrolsQuery = (f: PatrolFilters) => queryOptions({
  queryKey: ['field', 'patrols', f], queryFn: () => api<PatrolList>('/field/patrols', { query: { ...f } }), placeholderData: keepPreviousData,
});
export const patrolsCsvHref = (f: PatrolFilters) => withQuery('/api/v1/field/patrols.csv', { ...f });
export const patrolQuery = (id: string) => queryOptions({
  queryKey: ['field', 'patrols', 'one', id], queryFn: () => api<PatrolDetail>(`/field/patrols/${encodeURIComponent(id)}`), refetchInterval: 30_000,
});
