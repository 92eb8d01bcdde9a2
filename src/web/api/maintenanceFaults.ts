import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type {
  AttachFaultPhoto, CouncilStep, FaultDetail as FaultDetailSchema, FaultList, FaultPhoto, FaultsAtRisk as FaultsAtRiskSchema, FaultSort, FaultStepRecorded,
  FixDecision, RaiseFault,
} from '../../domain/maintenance/faultContract';

// The council's faults under the maintenance contract: the list (filtered, sorted, paged, as CSV),
// raising one, one fault with its clocks and history and the steps the caller may take, the council's
// steps, photos, the coordinator's decision on a fix, and the home page's faults at risk.

export {
  FAULT_SLA_FILTERS, FAULT_SORT_FIELDS, FAULT_SOURCES, FAULT_STAGES, FAULT_STEPS, FAULT_TARGETS, FAULT_PHOTO_MAX_BYTES, SLA_OUTCOMES,
} from '../../domain/maintenance/faultContract';
export { PRIORITIES, SLA_CLOCK_KINDS, SLA_STOP_REASONS } from '../../domain/maintenance/contract';
export type { FaultClock, FaultEvent, FaultSort, FaultSummary } from '../../domain/maintenance/faultContract';
export type FaultDetail = z.infer<typeof FaultDetailSchema>;
export type FaultsAtRisk = z.infer<typeof FaultsAtRiskSchema>;
export type StepRecorded = z.infer<typeof FaultStepRecorded>;

/** The list's filters as the server takes them (times as ISO instants). */
export interface FaultFilters {
  state?: 'open' | 'closed'; stage?: string; priority?: string; target?: string; source?: string; contractId?: string; cameraId?: string;
  sla?: 'at_risk' | 'breached'; q?: string; from?: string; to?: string; sort?: FaultSort; page?: number; pageSize?: number;
}
const faultsQueryString = ({ page, pageSize, ...f }: FaultFilters) => ({ ...f, page, pageSize });
const base = '/maintenance/faults';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const faultsQuery = (filters: FaultFilters) =>
  queryOptions({
    queryKey: ['maintenance-faults', 'list', filters],
    queryFn: () => api<z.infer<typeof FaultList>>(base, { query: faultsQueryString(filters) }),
    placeholderData: keepPreviousData,
  });
export const faultsCsvHref = ({ page: _p, pageSize: _s, ...filters }: FaultFilters) => withQuery(`/api/v1${base}.csv`, filters);

export const faultQuery = (id: string) => queryOptions({ queryKey: ['maintenance-faults', 'one', id], queryFn: () => api<FaultDetail>(one(id)), staleTime: 0 });
export const faultsAtRiskQuery = queryOptions({ queryKey: ['maintenance-faults', 'at-risk'], queryFn: () => api<FaultsAtRisk>(`${base}/at-risk`), staleTime: 30_000 });

export const raiseFault = (body: z.input<typeof RaiseFault>) => api<StepRecorded>(base, { method: 'POST', body });
export const recordFaultStep = (id: string, body: z.input<typeof CouncilStep>) => api<StepRecorded>(`${one(id)}/steps`, { method: 'POST', body });
export const decideFaultFix = (id: string, body: z.input<typeof FixDecision>) => api<StepRecorded>(`${one(id)}/decision`, { method: 'POST', body });

/** Stores the photo (the image itself as the body), then adds it to the fault's history. */
export async function addFaultPhoto(id: string, file: Blob, note?: string): Promise<StepRecorded> {
  const stored = await api<z.infer<typeof FaultPhoto>>('/maintenance/fault-photos', { method: 'POST', file: { body: file, type: file.type } });
  const body: z.input<typeof AttachFaultPhoto> = { sha256: stored.sha256, note: note || undefined };
  return api<StepRecorded>(`${one(id)}/photos`, { method: 'POST', body });
}
export const faultPhotoHref = (id: string, sha256: string) => `/api/v1${one(id)}/photos/${encodeURIComponent(sha256)}`;
