import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import type {
  OohLoneWorkerBoard, OohLoneWorkerDetail, OohLoneWorkingPolicy, OohOwnCheckInReply, OohOwnLoneWorking, OohOwnLoneWorkingList,
} from '../../../../domain/ooh/contract';

// Lone working as the pages call it: the officer's board (polled every 5 s), one session, the
// ladder's policy, and the worker's own sessions.

export interface EndedFilters { q?: string; from?: string; to?: string; sort?: string }
export interface PolicyVersion { version: number; createdAt: string | null; policy: OohLoneWorkingPolicy }

export const boardQuery = queryOptions({
  queryKey: ['ooh', 'lone-workers', 'board'], queryFn: () => api<OohLoneWorkerBoard>('/ooh/lone-workers', { query: { state: 'open' } }),
  refetchInterval: 5_000, refetchIntervalInBackground: true,
});
export const endedQuery = (f: { q?: string; from?: string; to?: string }) => queryOptions({
  queryKey: ['ooh', 'lone-workers', 'ended', f], queryFn: () => api<OohLoneWorkerBoard>('/ooh/lone-workers', { query: { state: 'ended', ...f } }),
  placeholderData: keepPreviousData,
});
export const endedCsvHref = (f: { q?: string; from?: string; to?: string }) => withQuery('/api/v1/ooh/lone-workers.csv', { state: 'ended', ...f });
export const sessionQuery = (id: string) => queryOptions({
  queryKey: ['ooh', 'lone-workers', 'one', id], queryFn: () => api<OohLoneWorkerDetail>(`/ooh/lone-workers/${encodeURIComponent(id)}`), refetchInterval: 5_000,
});
export const policyQuery = queryOptions({ queryKey: ['ooh', 'lone-working-policy'], queryFn: () => api<PolicyVersion>('/ooh/lone-working-policy') });
export const ownQuery = queryOptions({ queryKey: ['lone-working', 'own'], queryFn: () => api<OohOwnLoneWorkingList>('/lone-working/sessions'), refetchInterval: 30_000 });

const one = (id: string) => `/ooh/lone-workers/${encodeURIComponent(id)}`;
export const startSession = (body: unknown) => api<OohLoneWorkerDetail>('/ooh/lone-workers', { method: 'POST', body });
export const officerCheckIn = (id: string, note = '') => api<OohLoneWorkerDetail>(`${one(id)}/check-ins`, { method: 'POST', body: { note } });
export const acknowledgeStep = (id: string, stepId: string, body: { outcome: string; note: string }) =>
  api<OohLoneWorkerDetail>(`${one(id)}/steps/${encodeURIComponent(stepId)}/acknowledgement`, { method: 'POST', body });
export const endSession = (id: string, note: string) => api<OohLoneWorkerDetail>(`${one(id)}/end`, { method: 'POST', body: { note } });
export const savePolicy = (body: OohLoneWorkingPolicy) => api<PolicyVersion>('/ooh/lone-working-policy', { method: 'PUT', body });

const own = (id: string) => `/lone-working/sessions/${encodeURIComponent(id)}`;
export const startOwn = (body: unknown) => api<OohOwnLoneWorking>('/lone-working/sessions', { method: 'POST', body });
export const ownCheckIn = (id: string, word: string) => api<OohOwnCheckInReply>(`${own(id)}/check-ins`, { method: 'POST', body: { word } });
export const endOwn = (id: string) => api<OohOwnLoneWorking>(`${own(id)}/end`, { method: 'POST', body: { note: '' } });
