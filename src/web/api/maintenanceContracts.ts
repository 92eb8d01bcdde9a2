import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type {
  AddClosureDay, AddContractNote, ClosureDays, Contract, ContractList, ContractNote, ContractNoteKind, ContractNotes, CreateContract, SetSlaTerms, SlaTerms, UpdateContract,
} from '../../domain/maintenance/contract';

// Maintenance contracts: the list, one contract with its SLA terms, closure days and
// underperformance notes, and each write.

export { CONTRACT_NOTE_KINDS, PRIORITIES, SLA_CLOCK_KINDS, WEEKDAYS } from '../../domain/maintenance/contract';
export type { Contract, ContractNote, ContractNoteKind, SlaTerms };
export type ContractSummary = z.infer<typeof ContractList>['items'][number];
export type SlaTerm = SlaTerms['history'][number];
export interface NotesFilter { kind?: ContractNoteKind; month?: string }

const base = '/maintenance/contracts';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const contractsQuery = queryOptions({
  queryKey: ['maintenance-contracts', 'list'],
  queryFn: async () => (await api<z.infer<typeof ContractList>>(base)).items,
});

export const contractorOrganisationsQuery = queryOptions({
  queryKey: ['maintenance-contracts', 'contractors'],
  queryFn: async () => (await api<{ items: { id: string; name: string }[] }>('/maintenance/contractor-organisations')).items,
  staleTime: 60_000,
});

export const contractQuery = (id: string) => queryOptions({ queryKey: ['maintenance-contracts', 'one', id], queryFn: () => api<Contract>(one(id)), staleTime: 0 });
export const slaTermsQuery = (id: string) => queryOptions({ queryKey: ['maintenance-contracts', 'one', id, 'sla-terms'], queryFn: () => api<SlaTerms>(`${one(id)}/sla-terms`), staleTime: 0 });
export const closureDaysQuery = (id: string) =>
  queryOptions({ queryKey: ['maintenance-contracts', 'one', id, 'closure-days'], queryFn: async () => (await api<z.infer<typeof ClosureDays>>(`${one(id)}/closure-days`)).items, staleTime: 0 });
export const contractNotesQuery = (id: string, filter: NotesFilter) =>
  queryOptions({
    queryKey: ['maintenance-contracts', 'one', id, 'notes', filter.kind ?? '', filter.month ?? ''],
    queryFn: async () => (await api<ContractNotes>(`${one(id)}/notes`, { query: { kind: filter.kind, month: filter.month } })).items,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** The notes as CSV, with the same filter (a plain link: the browser downloads it). */
export const contractNotesCsvHref = (id: string, filter: NotesFilter) => {
  const q = new URLSearchParams();
  if (filter.kind) q.set('kind', filter.kind);
  if (filter.month) q.set('month', filter.month);
  const s = q.toString();
  return `/api/v1${one(id)}/notes.csv${s ? `?${s}` : ''}`;
};

export const createContract = (body: z.input<typeof CreateContract>) => api<Contract>(base, { method: 'POST', body });
export const updateContract = (id: string, body: z.input<typeof UpdateContract>) => api<Contract>(one(id), { method: 'PATCH', body });
export const setSlaTerms = (id: string, body: z.input<typeof SetSlaTerms>) => api<SlaTerms>(`${one(id)}/sla-terms`, { method: 'POST', body });
export const addClosureDay = (id: string, body: z.input<typeof AddClosureDay>) => api<unknown>(`${one(id)}/closure-days`, { method: 'POST', body });
export const addContractNote = (id: string, body: z.input<typeof AddContractNote>) => api<ContractNote>(`${one(id)}/notes`, { method: 'POST', body });
