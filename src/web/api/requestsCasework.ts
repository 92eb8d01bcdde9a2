import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type { ApplyExemptions, DisclosureLog, RecordDisclosure, RecordIdentity, RecordSearch, SearchList, StillStored } from '../../domain/requests/casework';
import type { RequestDetail } from '../../domain/requests/contract';

// Casework on a request: a SAR's identity check, searches and stills; an FOI's exemptions and its
// answer for the public disclosure log, and that log.

export {
  DISCLOSURE_LOG_CSV_HEADER, FOI_EXEMPTIONS, FOI_SECTION_LABELS, IDENTITY_METHODS, STILL_MAX_BYTES, disclosureOf, exemptionsInForce, identityOf, publicInterestTestRequired,
} from '../../domain/requests/casework';
export type { SearchList, SearchView } from '../../domain/requests/casework';

const one = (id: string) => `/requests/${encodeURIComponent(id)}`;

export const searchesQuery = (id: string) => queryOptions({ queryKey: ['requests', 'searches', id], queryFn: () => api<SearchList>(`${one(id)}/searches`), staleTime: 0 });
export const disclosureLogQuery = queryOptions({ queryKey: ['requests', 'disclosure-log'], queryFn: () => api<z.infer<typeof DisclosureLog>>('/foi/disclosure-log') });
export const DISCLOSURE_LOG_CSV_HREF = '/api/v1/foi/disclosure-log.csv';

export const recordIdentity = (id: string, body: z.input<typeof RecordIdentity>) => api<RequestDetail>(`${one(id)}/identity`, { method: 'POST', body });
export const applyExemptions = (id: string, body: z.input<typeof ApplyExemptions>) => api<RequestDetail>(`${one(id)}/exemptions`, { method: 'POST', body });
export const recordDisclosure = (id: string, body: z.input<typeof RecordDisclosure>) => api<RequestDetail>(`${one(id)}/disclosure-log`, { method: 'POST', body });

/** Stores each still (the image itself as the body), then records the search naming them. */
export async function recordSearch(id: string, body: Omit<z.input<typeof RecordSearch>, 'stills'>, files: readonly File[]): Promise<SearchList> {
  const stills: string[] = [];
  for (const file of files) stills.push((await api<z.infer<typeof StillStored>>('/request-stills', { method: 'POST', file: { body: file, type: file.type } })).sha256);
  return api<SearchList>(`${one(id)}/searches`, { method: 'POST', body: { ...body, stills } });
}
export const stillHref = (id: string, searchId: string, sha256: string) => `/api/v1${one(id)}/searches/${encodeURIComponent(searchId)}/stills/${sha256}`;
