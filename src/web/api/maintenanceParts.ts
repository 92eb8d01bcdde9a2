import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type {
  CountParts, CreatePart, CreateStore, MovementRecorded, Part, PartList, PartStore, PartStoreList, PartSort, ReceiveParts, ReturnParts, SignOutPart,
} from '../../domain/maintenance/parts';

// Spare parts: the stores, the stock list across them, one part with its ledger, and the four
// movements (received, signed out to the contractor's engineer with a signature, returned, counted).

export { MOVEMENT_KINDS, PART_SORT_FIELDS, isBelowReorderLevel } from '../../domain/maintenance/parts';
export type { Part, PartMovement, PartSort, PartStore, PartSummary } from '../../domain/maintenance/parts';
export type Recorded = z.infer<typeof MovementRecorded>;

export interface PartsFilters { storeId?: string; q?: string; belowReorderLevel?: boolean; sort?: PartSort }
const partsQueryString = (f: PartsFilters) => ({ storeId: f.storeId, q: f.q, belowReorderLevel: f.belowReorderLevel === undefined ? undefined : String(f.belowReorderLevel), sort: f.sort });

export const partStoresQuery = queryOptions({
  queryKey: ['parts', 'stores'],
  queryFn: async () => (await api<z.infer<typeof PartStoreList>>('/part-stores')).items,
});
export const createPartStore = (body: z.input<typeof CreateStore>) => api<z.infer<typeof PartStore>>('/part-stores', { method: 'POST', body });

export const partsQuery = (filters: PartsFilters) =>
  queryOptions({
    queryKey: ['parts', 'list', filters],
    queryFn: () => api<z.infer<typeof PartList>>('/parts', { query: partsQueryString(filters) }),
    placeholderData: keepPreviousData,
  });
export const partsCsvHref = (filters: PartsFilters) => withQuery('/api/v1/parts.csv', partsQueryString(filters));
export const createPart = (body: z.input<typeof CreatePart>) => api<{ id: string; partNumber: string }>('/parts', { method: 'POST', body });

export const partQuery = (id: string) => queryOptions({ queryKey: ['parts', 'one', id], queryFn: () => api<z.infer<typeof Part>>(`/parts/${encodeURIComponent(id)}`) });

const movement = (path: string) => <B>(id: string, body: B) => api<Recorded>(`/parts/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
export const receiveParts = movement('receipts') as (id: string, body: z.input<typeof ReceiveParts>) => Promise<Recorded>;
export const signOutPart = movement('sign-outs') as (id: string, body: z.input<typeof SignOutPart>) => Promise<Recorded>;
export const returnParts = movement('returns') as (id: string, body: z.input<typeof ReturnParts>) => Promise<Recorded>;
export const countParts = movement('counts') as (id: string, body: z.input<typeof CountParts>) => Promise<Recorded>;

/** The engineer's signature on a sign-out, as an image address. */
export const partSignatureHref = (partId: string, seq: number) => `/api/v1/parts/${encodeURIComponent(partId)}/movements/${seq}/signature`;
