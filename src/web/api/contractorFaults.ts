import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type {
  ContractorStep, FaultDetail, FaultList, FaultPhoto, FaultStepRecorded, FaultTargets, FaultsQuery, RaiseFault, AttachFaultPhoto,
} from '../../domain/maintenance/faultContract';

// The contractor's portal: the faults on the caller's organisation's contracts, one fault with the
// steps the contractor may take, raising a fault on a camera or equipment, and photos.

export { FAULT_STAGES, FAULT_STEPS, SLA_OUTCOMES, FAULT_TARGETS, FAULT_SORT_FIELDS, FAULT_SLA_FILTERS, FAULT_PHOTO_MAX_BYTES } from '../../domain/maintenance/faultContract';
export { PRIORITIES, SLA_STOP_REASONS } from '../../domain/maintenance/contract';
export type { FaultSort, FaultClock, FaultEvent } from '../../domain/maintenance/faultContract';

export type ContractorFault = z.infer<typeof FaultDetail>;
export type ContractorFaultSummary = z.infer<typeof FaultList>['items'][number];
export type ContractorFaultList = z.infer<typeof FaultList>;
export type ContractorStepBody = z.input<typeof ContractorStep>;
export type RaiseFaultBody = z.input<typeof RaiseFault>;
export type FaultTargetList = z.infer<typeof FaultTargets>;
export type StepRecorded = z.infer<typeof FaultStepRecorded>;

/** The list's filters as the server takes them (FaultsQuery's input, strings in the address). */
type Q = z.input<typeof FaultsQuery>;
export interface ContractorFaultsFilters { state?: Q['state']; stage?: Q['stage']; priority?: Q['priority']; sla?: Q['sla']; q?: string; sort?: Q['sort']; page?: number }
const listQueryString = (f: ContractorFaultsFilters) => ({ state: f.state, stage: f.stage, priority: f.priority, sla: f.sla, q: f.q, sort: f.sort, page: f.page });

const BASE = '/contractor/faults';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const contractorFaultsQuery = (filters: ContractorFaultsFilters) =>
  queryOptions({
    queryKey: ['contractor-faults', 'list', filters],
    queryFn: () => api<ContractorFaultList>(BASE, { query: listQueryString(filters) }),
    placeholderData: keepPreviousData,
  });
export const contractorFaultsCsvHref = (filters: ContractorFaultsFilters) => withQuery(`/api/v1${BASE}.csv`, { ...listQueryString(filters), page: undefined });

export const contractorFaultQuery = (id: string) =>
  queryOptions({ queryKey: ['contractor-faults', 'one', id], queryFn: () => api<ContractorFault>(one(id)) });

export const faultTargetsQuery = queryOptions({ queryKey: ['contractor-faults', 'targets'], queryFn: () => api<FaultTargetList>('/contractor/fault-targets') });

export const raiseContractorFault = (body: RaiseFaultBody) => api<{ id: string; reference: string }>(BASE, { method: 'POST', body });
export const recordContractorStep = (id: string, body: ContractorStepBody) => api<StepRecorded>(`${one(id)}/steps`, { method: 'POST', body });

/** Uploads a photo (the file itself as the body), then attaches it to the fault by its hash. */
export async function addContractorPhoto(id: string, file: Blob, note?: string): Promise<StepRecorded> {
  const uploaded = await api<z.infer<typeof FaultPhoto>>('/contractor/fault-photos', { method: 'POST', file: { body: file, type: file.type } });
  const body: z.input<typeof AttachFaultPhoto> = { sha256: uploaded.sha256, note };
  return api<StepRecorded>(`${one(id)}/photos`, { method: 'POST', body });
}
export const contractorPhotoHref = (id: string, sha256: string) => `/api/v1${one(id)}/photos/${encodeURIComponent(sha256)}`;
