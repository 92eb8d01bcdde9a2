import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from '../../../api/client';
import type { OohCallDetail, OohCallList, OohCallSettings, OohRota, OohCategory, OohRotaEntry } from '../../../../domain/ooh/calls.contract';

// The calls, categories and rota as the out-of-hours pages call them.

export interface CallFilters { status?: string; categoryId?: string; priorityKey?: string; from?: string; to?: string; q?: string; sort?: string; page?: number }

export const callsQuery = (f: CallFilters) => queryOptions({
  queryKey: ['ooh', 'calls', 'list', f], queryFn: () => api<z.infer<typeof OohCallList>>('/ooh/calls', { query: { ...f } }),
  placeholderData: keepPreviousData, refetchInterval: 15_000,
});
export const callsCsvHref = ({ page: _p, ...f }: CallFilters) => withQuery('/api/v1/ooh/calls.csv', { ...f });
export const downgradedCsvHref = (from: string, to: string) => withQuery('/api/v1/ooh/calls/downgraded.csv', { from, to });

export const callQuery = (id: string) => queryOptions({ queryKey: ['ooh', 'calls', 'one', id], queryFn: () => api<OohCallDetail>(`/ooh/calls/${encodeURIComponent(id)}`), refetchInterval: 15_000 });
export const categoriesQuery = queryOptions({ queryKey: ['ooh', 'call-categories'], queryFn: () => api<z.infer<typeof OohCallSettings>>('/ooh/call-categories') });
export const settingsQuery = queryOptions({ queryKey: ['ooh', 'call-settings'], queryFn: () => api<z.infer<typeof OohCallSettings>>('/ooh/call-settings') });
export const rotaQuery = (f: { from?: string; to?: string; dutyId?: string }) => queryOptions({ queryKey: ['ooh', 'rota', f], queryFn: () => api<z.infer<typeof OohRota>>('/ooh/rota', { query: { ...f } }), placeholderData: keepPreviousData });

export const takeCall = (body: unknown) => api<OohCallDetail>('/ooh/calls', { method: 'POST', body });
export const callStep = (id: string, step: 'referral' | 'acknowledgement' | 'downgrade' | 'closure' | 'fault', body: unknown) =>
  api<OohCallDetail>(`/ooh/calls/${encodeURIComponent(id)}/${step}`, { method: 'POST', body });
export const saveCategory = (id: string, body: unknown) => api<OohCategory>(`/ooh/call-settings/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const addShift = (body: unknown) => api<OohRotaEntry>('/ooh/rota', { method: 'POST', body });
export const removeShift = (id: string, reason: string) => api<OohRotaEntry>(`/ooh/rota/${encodeURIComponent(id)}/removal`, { method: 'POST', body: { reason } });
