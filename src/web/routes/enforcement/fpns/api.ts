import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import type { FpnDetail, FpnList, NotebookList } from '../../../../domain/enforcement/fpns.contract';

// FPNs and the notebook as the office pages call them.

export interface FpnFilters { status?: string; offence?: string; officer?: string; from?: string; to?: string; q?: string; sort?: string; page?: number }

export const fpnsQuery = (f: FpnFilters) => queryOptions({ queryKey: ['enforcement', 'fpns', 'list', f], queryFn: () => api<FpnList>('/enforcement/fpns', { query: { ...f } }), placeholderData: keepPreviousData });
export const fpnsCsvHref = ({ page: _p, ...f }: FpnFilters) => withQuery('/api/v1/enforcement/fpns.csv', { ...f });
export const fpnQuery = (id: string) => queryOptions({ queryKey: ['enforcement', 'fpns', 'one', id], queryFn: () => api<FpnDetail>(`/enforcement/fpns/${encodeURIComponent(id)}`) });
export const caseFileHref = (id: string) => `/api/v1/enforcement/fpns/${encodeURIComponent(id)}/case-file.pdf`;
export const notebookQuery = (f: { officer?: string; page?: number }) => queryOptions({ queryKey: ['enforcement', 'notebook', f], queryFn: () => api<NotebookList>('/enforcement/notebook', { query: { ...f } }), placeholderData: keepPreviousData });
export const fpnStep = (id: string, step: 'payments' | 'withdrawal' | 'prosecution', body: unknown) => api<FpnDetail>(`/enforcement/fpns/${encodeURIComponent(id)}/${step}`, { method: 'POST', body });
