import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type * as d from '../../domain/requests/disclosure';
import type { ExhibitPage } from '../../domain/evidence/contract';
import { matchReferences } from './evidenceSearch';

// Footage requests through to disclosure (holds, exhibits, the decision, the package and its
// release), and the viewing diary. The diary takes only requests.viewings: the control room has it
// without requests.read, so nothing here that the diary uses reads a request itself.

export { DECISIONS, LAWFUL_BASES, VIEWING_OUTCOMES, isDisclosable } from '../../domain/requests/disclosure';
export type Disclosure = d.Disclosure;
export type Viewing = d.Viewing;
export type CandidateRecording = d.CandidateRecording;
type In<T extends z.ZodType> = z.input<T>;

const one = (id: string) => `/requests/${encodeURIComponent(id)}`;
const POLL_MS = 2000;

/** Its footage and disclosure; asked again every 2 seconds while a package is being built. */
export const disclosureQuery = (id: string) => queryOptions({
  queryKey: ['requests', 'footage', id],
  queryFn: () => api<Disclosure>(`${one(id)}/footage`),
  staleTime: 0,
  refetchInterval: (q) => (q.state.data?.packages.some((p) => p.state === 'queued' || p.state === 'running') ? POLL_MS : false),
});

export const placeHolds = (id: string, body: In<typeof d.PlaceHolds>) => api<z.infer<typeof d.HoldsPlaced>>(`${one(id)}/holds`, { method: 'POST', body });
export const linkExhibits = (id: string, body: In<typeof d.LinkExhibits>) => api<Disclosure>(`${one(id)}/exhibits`, { method: 'POST', body });
export const recordDecision = (id: string, body: In<typeof d.RecordDecision>) => api<Disclosure>(`${one(id)}/decision`, { method: 'POST', body });
export const buildPackage = (id: string) => api<Disclosure>(`${one(id)}/package`, { method: 'POST', body: {} });
export const releasePackage = (id: string, body: In<typeof d.ReleaseDisclosure>) => api<Disclosure>(`${one(id)}/release`, { method: 'POST', body });

/**
 * Exhibits typed by reference ("AB/1, CD/2") as ids: first among those already known (made of the
 * request's footage), then through the exhibit search (evidence.read); what matched nothing comes back.
 */
export async function exhibitIdsFor(typed: string[], known: readonly { id: string; reference: string }[], canSearch: boolean): Promise<{ ids: string[]; unknown: string[] }> {
  const first = matchReferences(typed, known);
  if (!first.unknown.length || !canSearch) return first;
  const found: { id: string; reference: string }[] = [];
  for (const reference of first.unknown) {
    const page = await api<z.infer<typeof ExhibitPage>>('/exhibits', { query: { q: reference, pageSize: 25 } });
    found.push(...page.items);
  }
  const second = matchReferences(first.unknown, found);
  return { ids: [...first.ids, ...second.ids], unknown: second.unknown };
}

// ---- Viewings (requests.viewings) ----

export const viewingsQuery = (from: string, to: string) => queryOptions({
  queryKey: ['viewings', from, to],
  queryFn: () => api<z.infer<typeof d.ViewingList>>('/viewings', { query: { from, to } }),
  staleTime: 0,
});
export const bookViewing = (id: string, body: In<typeof d.BookViewing>) => api<Viewing>(`${one(id)}/viewings`, { method: 'POST', body });
export const recordViewing = (viewingId: string, body: In<typeof d.RecordViewing>) =>
  api<Viewing>(`/viewings/${encodeURIComponent(viewingId)}/record`, { method: 'POST', body });
