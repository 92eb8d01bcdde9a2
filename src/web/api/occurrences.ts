import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client';
import { cameraMapQuery, type CameraMapItem } from './estate';
import { londonDayAfter, londonDayStart } from '../../domain/calendar/london';

// The control-room occurrence log: search, one occurrence with its timeline, writes, and handovers.

import type {
  Assignee, Category, CategoryWithSteps, Handover, HandoverDraft, HandoverSent, HandoverSummary, Occurrence, OccurrencePage, Partner, PersonalDataItem,
  PersonalDataReview, SupervisorOverview, Opened, Created,
} from '../../domain/occurrences/contract';
import type { Camera, CameraPick } from '../../domain/estate/contract';
import type { z } from 'zod';
import type * as k from '../../domain/occurrences/contract';

/** What a request takes, as the contract's schema accepts it (before defaults). */
type In<T extends z.ZodType> = z.input<T>;

// Vocabularies, their labels and the API's shapes come from the module's contract, shared with the server.
export { AGENCIES, ENTRY_KINDS, OUTCOMES, PRIORITIES, SHIFT_STARTS, SORTS, SOURCES } from '../../domain/occurrences/contract';
export type {
  Category, Entry, HandoverAction, HandoverAddressee, HandoverDraft, HandoverSent, HandoverSummary, Occurrence, OccurrenceSummary, PersonalDataItem, PersonalDataReviewItem,
  SupervisorOverview, ProcedureStep,
} from '../../domain/occurrences/contract';
export type { Camera };

/** Filters as they sit in the address bar: dates as YYYY-MM-DD (London days). */
export interface OccurrenceFilters {
  q?: string;
  from?: string;
  to?: string;
  category?: string;
  source?: string;
  status?: 'open' | 'closed';
  outcome?: string;
  agency?: string;
  operatorId?: string;
  /** south,west,north,east */
  area?: string;
  cameraId?: string;
  sort?: string;
  page?: number;
}

export const OCCURRENCES_PAGE_SIZE = 25;

/** Filters as the API wants them: instants in ISO 8601, the `to` day included whole (the API takes `to` as exclusive). */
export function occurrencesApiQuery(filters: OccurrenceFilters): Record<string, string | undefined> {
  const { from, to, page: _page, ...rest } = filters;
  return {
    ...rest,
    from: from ? londonDayStart(from)?.toISOString() : undefined,
    to: to ? londonDayAfter(to)?.toISOString() : undefined,
  };
}

export const occurrencesQuery = (filters: OccurrenceFilters) =>
  queryOptions({
    queryKey: ['occurrences', filters],
    queryFn: () =>
      api<OccurrencePage>('/occurrences', {
        query: { ...occurrencesApiQuery(filters), page: filters.page, pageSize: OCCURRENCES_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });

export const occurrencesCsvHref = (filters: OccurrenceFilters) => withQuery('/api/v1/occurrences.csv', occurrencesApiQuery(filters));

export const occurrenceQuery = (id: string) =>
  queryOptions({ queryKey: ['occurrence', id], queryFn: () => api<Occurrence>(`/occurrences/${encodeURIComponent(id)}`), staleTime: 0 });

export const categoriesQuery = queryOptions({
  queryKey: ['occurrence-categories'],
  queryFn: async () => (await api<{ items: Category[] }>('/occurrence-categories')).items,
  staleTime: 5 * 60_000,
});

/** Every camera in service, read page by page (the register's pages hold at most 500). */
export const camerasQuery = queryOptions({
  queryKey: ['cameras'],
  queryFn: async () => {
    const all: Camera[] = [];
    for (let page = 1; ; page++) {
      const r = await api<{ items: Camera[]; total: number }>(`/cameras?pageSize=500&page=${page}`);
      all.push(...r.items);
      if (!r.items.length || all.length >= r.total) return all;
    }
  },
  staleTime: 5 * 60_000,
});

/** A camera as the map of points draws it (councilMap's MapCamera). */
export const mapPointOf = (c: CameraMapItem) => ({ id: c.id, reference: c.reference, latitude: c.lat, longitude: c.lon, status: c.status });

/**
 * Every camera in service, for a map to pick a point on: the estate map's data (the whole register in
 * one small reply, shared with the register's map), not the register's list, which comes a page at a time.
 */
export const cameraMapPointsQuery = queryOptions({
  ...cameraMapQuery(false),
  select: (items: CameraMapItem[]) => items.map(mapPointOf),
});

export type PickedCamera = z.infer<typeof CameraPick>['items'][number];
/** The camera picker: cameras in service whose number, name or street has what was typed, nearest to the point first (with their distance). */
export const cameraPickQuery = ({ q, point, limit }: { q: string; point?: { latitude: number; longitude: number }; limit?: number }) =>
  queryOptions({
    queryKey: ['cameras', 'pick', q.trim(), point?.latitude ?? null, point?.longitude ?? null, limit ?? null],
    queryFn: async () => (await api<z.infer<typeof CameraPick>>('/cameras/pick', { query: { q: q.trim() || undefined, lat: point?.latitude, lon: point?.longitude, limit } })).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

const path = (id: string, what: string) => `/occurrences/${encodeURIComponent(id)}/${what}`;

export const openOccurrence = (body: In<typeof k.OpenOccurrence>) => api<z.infer<typeof Opened>>('/occurrences', { method: 'POST', body });
export const addEntry = (id: string, body: In<typeof k.AddEntry>) => api<unknown>(path(id, 'entries'), { method: 'POST', body });
export const notifyAgency = (id: string, body: In<typeof k.NotifyAgency>) =>
  api<unknown>(path(id, 'notifications'), { method: 'POST', body });
export const addCameras = (id: string, body: In<typeof k.AddCameras>) => api<unknown>(path(id, 'cameras'), { method: 'POST', body });
export const markFootage = (id: string, body: In<typeof k.MarkFootage>) => api<unknown>(path(id, 'footage'), { method: 'POST', body });
export const amendEntry = (id: string, body: In<typeof k.Amend>) => api<unknown>(path(id, 'amendments'), { method: 'POST', body });
export const tickStep = (id: string, body: In<typeof k.TickStep>) => api<unknown>(path(id, 'steps'), { method: 'POST', body });
export const closeOccurrence = (id: string, body: In<typeof k.Close>) => api<unknown>(path(id, 'close'), { method: 'POST', body });
export const reopenOccurrence = (id: string, body: In<typeof k.Reopen>) => api<unknown>(path(id, 'reopen'), { method: 'POST', body });
export const shareOccurrence = (id: string, body: In<typeof k.Share>) => api<unknown>(path(id, 'shares'), { method: 'POST', body });
export const partnersQuery = queryOptions({
  queryKey: ['partners'],
  queryFn: async () => (await api<{ items: Partner[] }>('/partners')).items,
  staleTime: 60_000,
});
export const recordPersonalData = (id: string, body: In<typeof k.PersonalData>) => api<unknown>(path(id, 'personal-data'), { method: 'POST', body });
export const viewPersonalData = async (id: string) => (await api<{ items: PersonalDataItem[] }>(path(id, 'personal-data'))).items;

// Personal data review (supervisors, administrators): references and dates, never names.

export const personalDataReviewQuery = queryOptions({
  queryKey: ['personal-data-review'],
  queryFn: () => api<PersonalDataReview>('/occurrences/personal-data-review'),
  staleTime: 0,
});
export const removePersonalData = (occurrenceId: string, personalDataId: string, body: In<typeof k.RemovePersonalData>) =>
  api<{ reference: string; removedAt: string }>(path(occurrenceId, `personal-data/${encodeURIComponent(personalDataId)}/remove`), { method: 'POST', body });

// Shift handover

export const handoverQuery = (id: string) => queryOptions({ queryKey: ['handovers', 'one', id], queryFn: () => api<Handover>(`/handovers/${encodeURIComponent(id)}`), staleTime: 0 });

// Standard operating procedures (administrators)

export const proceduresQuery = queryOptions({
  queryKey: ['procedures'],
  queryFn: async () => (await api<{ items: CategoryWithSteps[] }>('/procedures')).items,
  staleTime: 0,
});
export const replaceProcedure = (categoryId: string, steps: Array<{ text: string; isRequired: boolean }>) =>
  api<k.CategoryProcedure>(`/occurrence-categories/${encodeURIComponent(categoryId)}/procedure`, { method: 'PUT', body: { steps } });

export const handoverDraftQuery = queryOptions({ queryKey: ['handovers', 'draft'], queryFn: () => api<HandoverDraft>('/handovers/draft'), staleTime: 0 });
export const handoversQuery = queryOptions({
  queryKey: ['handovers', 'list'],
  queryFn: async () => (await api<{ items: HandoverSummary[] }>('/handovers')).items,
  staleTime: 0,
});
/** Handovers addressed to the signed-in user (or their team) that wait for them to acknowledge. */
export const handoversWaitingQuery = queryOptions({
  queryKey: ['handovers', 'waiting'],
  queryFn: async () => (await api<{ items: HandoverSummary[] }>('/handovers', { query: { status: 'waiting_for_me' } })).items,
  staleTime: 0,
});
export const assigneesQuery = queryOptions({
  queryKey: ['assignees'],
  queryFn: async () => (await api<{ items: Assignee[] }>('/assignees')).items,
  staleTime: 60_000,
});
export const supervisorOverviewQuery = queryOptions({
  queryKey: ['supervisor-overview'],
  queryFn: () => api<SupervisorOverview>('/supervisor/overview'),
  staleTime: 0,
});
export const acknowledgeAlert = (id: string) => api<z.infer<typeof Created>>(`/supervisor/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });

export const createHandover = (body: In<typeof k.CreateHandover>) => api<HandoverSent>('/handovers', { method: 'POST', body });
export const completeAction = (id: string) => api<unknown>(`/actions/${encodeURIComponent(id)}/done`, { method: 'POST' });
export const acknowledgeHandover = (id: string) => api<unknown>(`/handovers/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
