import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import { EXHIBITS_PAGE_SIZE, exhibitsApiQuery, matchReferences, type ExhibitFilters } from './evidenceSearch';
import type { OccurrencePage } from '../../domain/occurrences/contract';
import type * as k from '../../domain/evidence/contract';

// Evidence: footage that came in, exhibits made of it, their working copies and stills, and their
// continuity. Packages and releases are in ./evidencePackages.ts.

type In<T extends z.ZodType> = z.input<T>;

export { CLIP_MODES, CONTINUITY_KINDS, DERIVATIVE_KINDS, EXHIBIT_SORTS, EXHIBIT_STATES, INGEST_REFUSALS, JOB_STATES, RECORDING_FORMATS } from '../../domain/evidence/contract';
export type Recording = z.infer<typeof k.Recording>;
export type ProbeSummary = z.infer<typeof k.ProbeSummary>;
export type ExhibitListItem = z.infer<typeof k.ExhibitListItem>;
export type ExhibitDetail = z.infer<typeof k.ExhibitDetail>;
export type Derivative = z.infer<typeof k.Derivative>;
export type ContinuityEvent = z.infer<typeof k.ContinuityEvent>;
export type RecordHandling = In<typeof k.RecordHandling>;
export type RequestDerivative = In<typeof k.RequestDerivative>;
/** A member of council staff who handles evidence (hand-over, producer filter). */
export interface Handler { id: string; name: string }

const exhibitPath = (id: string, what = '') => `/exhibits/${encodeURIComponent(id)}${what}`;

/** A job not finished yet: its page asks again every 2 seconds. */
export const isPending = (state: string) => state === 'queued' || state === 'running';
export const POLL_MS = 2000;

export const recordingsQuery = ({ unassigned }: { unassigned: boolean }) =>
  queryOptions({
    queryKey: ['recordings', { unassigned }],
    queryFn: () => api<z.infer<typeof k.RecordingPage>>('/recordings', { query: { unassigned: String(unassigned), pageSize: 100 } }),
    staleTime: 0,
  });

export const exhibitsQuery = (filters: ExhibitFilters) =>
  queryOptions({
    queryKey: ['exhibits', filters],
    queryFn: () => api<z.infer<typeof k.ExhibitPage>>('/exhibits', { query: { ...exhibitsApiQuery(filters), page: filters.page, pageSize: EXHIBITS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const exhibitsCsvHref = (filters: ExhibitFilters) => withQuery('/api/v1/exhibits.csv', exhibitsApiQuery(filters));

export const exhibitQuery = (id: string) =>
  queryOptions({
    queryKey: ['exhibit', id],
    queryFn: () => api<ExhibitDetail>(exhibitPath(id)),
    staleTime: 0,
    // Working copies and stills are made in the background: their progress shows as it moves.
    refetchInterval: (q) => (q.state.data?.derivatives.some((d) => isPending(d.state)) ? POLL_MS : false),
  });

export const handlersQuery = queryOptions({
  queryKey: ['evidence-handlers'],
  queryFn: async () => (await api<{ items: Handler[] }>('/evidence/handlers')).items,
  staleTime: 60_000,
});

export const createExhibit = (body: In<typeof k.CreateExhibit>) => api<z.infer<typeof k.ExhibitCreated>>('/exhibits', { method: 'POST', body });
export const recordHandling = (id: string, body: RecordHandling) => api<{ seq: number; hash: string }>(exhibitPath(id, '/continuity'), { method: 'POST', body });
export const requestDerivative = (id: string, body: RequestDerivative) =>
  api<z.infer<typeof k.DerivativesRequested>>(exhibitPath(id, '/derivatives'), { method: 'POST', body });

/** A master or copy of an exhibit: played (Range requests) or downloaded; the server writes a 'viewed' continuity event. */
export const exhibitFileHref = (id: string, sha256: string, { download = false } = {}) =>
  `/api/v1${exhibitPath(id, `/files/${encodeURIComponent(sha256)}`)}${download ? '?download=1' : ''}`;
export const continuityPdfHref = (id: string) => `/api/v1${exhibitPath(id, '/continuity.pdf')}`;

/** Occurrences named by their references (OCC-2026-000123), for linking: the ids found and the references that matched none. */
export async function findOccurrencesByReference(references: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const found = await Promise.all(references.map(async (reference) => {
    const page = await api<OccurrencePage>('/occurrences', { query: { q: reference, pageSize: 5 } });
    return page.items.filter((o) => o.reference.toUpperCase() === reference.toUpperCase());
  }));
  return matchReferences(references, found.flat());
}
