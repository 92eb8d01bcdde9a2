import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type { ClearLineFault, CreateLine, LineDetail, LineFaultOutcome, LineKind, LineList, LineSort, RaiseLineFault, UpdateLine } from '../../domain/maintenance/lines';

// Connectivity lines: the list (filters and sort done by the server), one line with its cameras and
// faults, and the coordinator's writes.

export { CONTRACT_END_NOTICE_DAYS, CONTRACT_END_STATUSES, LINE_KINDS, LINE_SORT_FIELDS, isContractEndFlagged } from '../../domain/maintenance/lines';
export type { Line, LineDetail, LineKind, LineSort, ContractEndStatus } from '../../domain/maintenance/lines';

export interface LinesFilters { q?: string; kind?: LineKind; provider?: string; endingSoon?: boolean; faulty?: boolean; sort?: LineSort }
const linesQueryString = (f: LinesFilters) => ({
  q: f.q, kind: f.kind, provider: f.provider, endingSoon: f.endingSoon ? 'true' : undefined, faulty: f.faulty ? 'true' : undefined, sort: f.sort,
});

export const linesQuery = (filters: LinesFilters) =>
  queryOptions({
    queryKey: ['lines', 'list', filters],
    queryFn: async () => (await api<z.infer<typeof LineList>>('/connectivity-lines', { query: linesQueryString(filters) })).items,
    placeholderData: keepPreviousData,
  });
export const linesCsvHref = (filters: LinesFilters) => withQuery('/api/v1/connectivity-lines.csv', linesQueryString(filters));

export const lineQuery = (id: string) => queryOptions({ queryKey: ['lines', 'one', id], queryFn: () => api<LineDetail>(`/connectivity-lines/${encodeURIComponent(id)}`) });

const one = (id: string, rest = '') => `/connectivity-lines/${encodeURIComponent(id)}${rest}`;
export const createLine = (body: z.input<typeof CreateLine>) => api<LineDetail>('/connectivity-lines', { method: 'POST', body });
export const updateLine = (id: string, body: z.input<typeof UpdateLine>) => api<LineDetail>(one(id), { method: 'PATCH', body });
export const linkLineCamera = (id: string, cameraId: string) => api<LineDetail>(one(id, '/cameras'), { method: 'POST', body: { cameraId } });
export const unlinkLineCamera = (id: string, cameraId: string) => api<LineDetail>(one(id, `/cameras/${encodeURIComponent(cameraId)}`), { method: 'DELETE' });
export const raiseLineFault = (id: string, body: z.input<typeof RaiseLineFault>) => api<z.infer<typeof LineFaultOutcome>>(one(id, '/fault'), { method: 'POST', body });
export const clearLineFault = (id: string, body: z.input<typeof ClearLineFault>) => api<z.infer<typeof LineFaultOutcome>>(one(id, '/fault/clearance'), { method: 'POST', body });
