import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import type { PcnDetail, PcnList, PcnReference } from '../../../../domain/enforcement/pcns.contract';

// The PCNs as the office pages call them.

export interface PcnFilters { status?: string; code?: string; areaId?: string; officerId?: string; from?: string; to?: string; vrm?: string; sort?: string; page?: number }

export const pcnsQuery = (f: PcnFilters) => queryOptions({ queryKey: ['enforcement', 'pcns', 'list', f], queryFn: () => api<PcnList>('/enforcement/pcns', { query: { ...f } }), placeholderData: keepPreviousData });
export const pcnsCsvHref = ({ page: _p, ...f }: PcnFilters) => withQuery('/api/v1/enforcement/pcns.csv', { ...f });
export const pcnQuery = (id: string) => queryOptions({ queryKey: ['enforcement', 'pcns', 'one', id], queryFn: () => api<PcnDetail>(`/enforcement/pcns/${encodeURIComponent(id)}`) });
export const referenceQuery = queryOptions({ queryKey: ['enforcement', 'pcns', 'reference'], queryFn: () => api<PcnReference>('/enforcement/pcns/reference'), staleTime: 60 * 60_000 });
/** A photo from the officer's handheld (served to those who may read the notice it is on). */
export const photoHref = (photoId: string) => `/api/v1/field/photos/${encodeURIComponent(photoId)}`;
export const noticeHref = (id: string) => `/api/v1/enforcement/pcns/${encodeURIComponent(id)}/notice.pdf`;

export type PcnStepPath = 'payments' | 'informal-challenge' | 'informal-challenge/decision' | 'notice-to-owner' | 'representations' | 'decision' | 'appeal' | 'appeal/decision'
  | 'charge-certificate' | 'order-for-recovery' | 'warrant' | 'cancel' | 'write-off';
export const pcnStep = (id: string, path: PcnStepPath, body: unknown) => api<PcnDetail>(`/enforcement/pcns/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
