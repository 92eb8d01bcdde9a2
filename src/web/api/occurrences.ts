import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client';
import { londonDayAfter, londonDayStart } from '../../domain/calendar/london';

// The control-room occurrence log: search, one occurrence with its timeline, writes, and handovers.

export const SOURCES: Record<string, string> = {
  camera_patrol: 'Camera patrol',
  police_request: 'Police request',
  radio_scheme: 'Shop/pub radio scheme',
  public_call: 'Call from the public',
  council_staff: 'Council staff',
  alarm: 'Alarm',
  other: 'Other',
};
export const PRIORITIES: Record<string, string> = { immediate: 'Immediate', high: 'High', normal: 'Normal', low: 'Low' };
export const OUTCOMES: Record<string, string> = {
  arrest: 'Arrest', detained: 'Detained', dispersed: 'Dispersed', no_trace: 'No trace', handed_to_police: 'Handed to police',
  advice_given: 'Advice given', false_alarm: 'False alarm', other: 'Other',
};
export const AGENCIES: Record<string, string> = {
  police: 'Police', ambulance: 'Ambulance', fire: 'Fire and rescue', council: 'Council team', partner: 'Partner', other: 'Other',
};
export const ENTRY_KINDS: Record<string, string> = {
  opened: 'Opened', observation: 'Observation', action: 'Action', communication: 'Communication', notification: 'Agency told',
  footage: 'Footage marked', procedure: 'Procedure step', amendment: 'Amendment', closed: 'Closed', reopened: 'Reopened', cameras: 'Cameras added',
  shared: 'Shared',
};
export const SORTS: Record<string, string> = {
  opened_desc: 'Newest first', opened_asc: 'Oldest first', reference_desc: 'Reference (highest first)', reference_asc: 'Reference (lowest first)',
};

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

export interface OccurrenceSummary {
  id: string;
  reference: string;
  openedAt: string;
  summary: string;
  source: string;
  sourceName: string;
  priority: string;
  priorityName: string;
  status: 'open' | 'closed';
  outcome: string | null;
  outcomeName: string | null;
  category: { key: string; name: string };
  location: string | null;
  cameras: string[];
  told: string[];
  openedBy: string;
  closedAt: string | null;
}

export interface Entry {
  id: string;
  seq: number;
  kind: string;
  body: string;
  observedAt: string | null;
  recordedAt: string;
  author: string;
  amendsId: string | null;
  reason: string | null;
  agency: string | null;
  agencyName: string | null;
  agencyReference: string | null;
  notifiedAt: string | null;
  camera: { id: string; reference: string; name: string } | null;
  footageFrom: string | null;
  footageTo: string | null;
  procedureStepId: string | null;
  outcome: string | null;
  amendments?: Entry[];
}

export interface Occurrence {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  summary: string;
  openedAt: string;
  openedBy: string;
  source: string;
  sourceName: string;
  priority: string;
  priorityName: string;
  category: { id: string; key: string; name: string };
  location: { text: string | null; latitude: number | null; longitude: number | null };
  outcome: string | null;
  outcomeName: string | null;
  closedAt: string | null;
  closedBy: string | null;
  cameras: Array<{ id: string; reference: string; name: string }>;
  entries: Entry[];
  told: Array<{ agency: string; name: string; told: boolean; firstToldAt: string | null; references: string[] }>;
  footageMarks: Entry[];
  procedure: Array<{ id: string; text: string; isRequired: boolean; position: number; ticked: boolean }>;
  personalDataCount: number;
  /** Items past the review age, not yet removed: `since` is when the first was flagged. */
  personalDataFlagged: { count: number; since: string | null };
  sharedWith: Array<{ id: string; name: string; sharedAt: string }>;
}

export interface Category { id: string; key: string; name: string; isActive: boolean }
export interface Camera { id: string; reference: string; name: string; location: string; latitude: number; longitude: number; status: string }

export interface PersonalDataItem {
  id: string;
  name: string | null;
  details: string | null;
  recordedAt: string;
  recordedBy: string;
  flaggedForReviewAt: string | null;
  removedAt: string | null;
  removalReason: string | null;
}

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
      api<{ items: OccurrenceSummary[]; total: number; totalIsCapped: boolean; page: number; pageSize: number }>('/occurrences', {
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

export const camerasQuery = queryOptions({
  queryKey: ['cameras'],
  queryFn: async () => (await api<{ items: Camera[] }>('/cameras')).items,
  staleTime: 5 * 60_000,
});

export interface OpenOccurrenceInput {
  source: string;
  categoryId: string;
  priority: string;
  summary: string;
  latitude?: number;
  longitude?: number;
  locationText?: string;
  cameraIds: string[];
  observedAt?: string;
}

const path = (id: string, what: string) => `/occurrences/${encodeURIComponent(id)}/${what}`;

export const openOccurrence = (body: OpenOccurrenceInput) => api<{ id: string; reference: string }>('/occurrences', { method: 'POST', body });
export const addEntry = (id: string, body: { kind: string; body: string; observedAt?: string }) => api<unknown>(path(id, 'entries'), { method: 'POST', body });
export const notifyAgency = (id: string, body: { agency: string; agencyReference?: string; notifiedAt?: string; body?: string }) =>
  api<unknown>(path(id, 'notifications'), { method: 'POST', body });
export const addCameras = (id: string, body: { cameraIds: string[] }) => api<unknown>(path(id, 'cameras'), { method: 'POST', body });
export const markFootage = (id: string, body: { cameraId: string; from: string; to: string; body?: string }) => api<unknown>(path(id, 'footage'), { method: 'POST', body });
export const amendEntry = (id: string, body: { entryId: string; body: string; reason: string }) => api<unknown>(path(id, 'amendments'), { method: 'POST', body });
export const tickStep = (id: string, body: { stepId: string }) => api<unknown>(path(id, 'steps'), { method: 'POST', body });
export const closeOccurrence = (id: string, body: { outcome: string; body?: string; skipReason?: string }) => api<unknown>(path(id, 'close'), { method: 'POST', body });
export const reopenOccurrence = (id: string, body: { reason: string }) => api<unknown>(path(id, 'reopen'), { method: 'POST', body });
export const shareOccurrence = (id: string, body: { organisationId: string }) => api<unknown>(path(id, 'shares'), { method: 'POST', body });
export const partnersQuery = queryOptions({
  queryKey: ['partners'],
  queryFn: async () => (await api<{ items: Array<{ id: string; name: string; kind: string }> }>('/partners')).items,
  staleTime: 60_000,
});
export const recordPersonalData = (id: string, body: { name?: string; details?: string }) => api<unknown>(path(id, 'personal-data'), { method: 'POST', body });
export const viewPersonalData = async (id: string) => (await api<{ items: PersonalDataItem[] }>(path(id, 'personal-data'))).items;

// Personal data review (supervisors, administrators): references and dates, never names.

export interface PersonalDataReviewItem {
  id: string;
  occurrence: { id: string; reference: string };
  recordedAt: string;
  flaggedAt: string;
  held: boolean;
  /** When retention will remove it; null while a hold keeps it. */
  removalDueAt: string | null;
}
export const personalDataReviewQuery = queryOptions({
  queryKey: ['personal-data-review'],
  queryFn: () => api<{ items: PersonalDataReviewItem[]; total: number; reviewDays: number; removalDays: number }>('/occurrences/personal-data-review'),
  staleTime: 0,
});
export const removePersonalData = (occurrenceId: string, personalDataId: string, body: { reason: string }) =>
  api<{ reference: string; removedAt: string }>(path(occurrenceId, `personal-data/${encodeURIComponent(personalDataId)}/remove`), { method: 'POST', body });

// Shift handover

export interface HandoverAction {
  id: string;
  text: string;
  dueAt: string;
  overdue: boolean;
  doneAt: string | null;
  owner: { id: string; name: string };
  occurrence: { id: string; reference: string } | null;
}

export interface HandoverDraft {
  occurrences: Array<{ id: string; reference: string; summary: string; openedAt: string; priority: string; category: string }>;
  actions: HandoverAction[];
}

export interface HandoverSummary {
  id: string;
  from: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  occurrenceCount: number;
  actionCount: number;
}

export interface SupervisorOverview {
  unacknowledgedHandovers: HandoverSummary[];
  alerts: Array<{ id: string; kind: string; message: string; createdAt: string; occurrence: { id: string; reference: string } | null }>;
}

export interface HandoverDetail {
  id: string;
  from: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  notes: string;
  equipmentFaults: string;
  occurrences: Array<{ id: string; reference: string; summary: string; status: string; priority: string; openedAt: string }>;
  actions: HandoverAction[];
  carriedOver: HandoverAction[];
}
export const handoverQuery = (id: string) => queryOptions({ queryKey: ['handovers', 'one', id], queryFn: () => api<HandoverDetail>(`/handovers/${encodeURIComponent(id)}`), staleTime: 0 });

// Standard operating procedures (administrators)

export interface ProcedureStep { id?: string; text: string; isRequired: boolean }
export const proceduresQuery = queryOptions({
  queryKey: ['procedures'],
  queryFn: async () => (await api<{ items: Array<{ id: string; key: string; name: string; isActive: boolean; steps: ProcedureStep[] }> }>('/procedures')).items,
  staleTime: 0,
});
export const replaceProcedure = (categoryId: string, steps: Array<{ text: string; isRequired: boolean }>) =>
  api<unknown>(`/occurrence-categories/${encodeURIComponent(categoryId)}/procedure`, { method: 'PUT', body: { steps } });

export const handoverDraftQuery = queryOptions({ queryKey: ['handovers', 'draft'], queryFn: () => api<HandoverDraft>('/handovers/draft'), staleTime: 0 });
export const handoversQuery = queryOptions({
  queryKey: ['handovers', 'list'],
  queryFn: async () => (await api<{ items: HandoverSummary[] }>('/handovers')).items,
  staleTime: 0,
});
export const assigneesQuery = queryOptions({
  queryKey: ['assignees'],
  queryFn: async () => (await api<{ items: Array<{ id: string; name: string }> }>('/assignees')).items,
  staleTime: 60_000,
});
export const supervisorOverviewQuery = queryOptions({
  queryKey: ['supervisor-overview'],
  queryFn: () => api<SupervisorOverview>('/supervisor/overview'),
  staleTime: 0,
});

export const createHandover = (body: {
  occurrenceIds: string[];
  actions: Array<{ text: string; ownerId: string; dueAt: string }>;
  equipmentFaults: string;
  notes: string;
}) => api<{ id: string }>('/handovers', { method: 'POST', body });
export const completeAction = (id: string) => api<unknown>(`/actions/${encodeURIComponent(id)}/done`, { method: 'POST' });
export const acknowledgeHandover = (id: string) => api<unknown>(`/handovers/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
