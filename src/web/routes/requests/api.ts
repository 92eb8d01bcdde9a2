import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from '../../api/client';
import type {
  AssignRequest, CalendarData, ChangeStatus, EscalateComplaint, ExtendClock, ReceiveRequest, ReopenRequest, RequestDetail, RequestList,
  RequestNote, RequestsDashboard, RestartClock, StopClock, REQUEST_SORTS,
} from '../../../domain/requests/contract';

// The requests register as the council's pages call it: the list (filtered, sorted, paged, as CSV),
// the dashboard, one request, receiving one, each step on it, and the calendar its clock counts on.

export type RequestSort = (typeof REQUEST_SORTS)[number];

/** The list's filters as the server takes them. */
export interface RequestFilters {
  type?: string; status?: string; ownerId?: string; due?: string; q?: string; sort?: RequestSort; page?: number; pageSize?: number;
}

const base = '/requests';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const requestsQuery = (filters: RequestFilters) =>
  queryOptions({
    queryKey: ['requests', 'list', filters],
    queryFn: () => api<z.infer<typeof RequestList>>(base, { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
export const requestsCsvHref = ({ page: _p, pageSize: _s, ...filters }: RequestFilters) => withQuery(`/api/v1${base}.csv`, { ...filters });

export const requestsDashboardQuery = queryOptions({ queryKey: ['requests', 'dashboard'], queryFn: () => api<RequestsDashboard>(`${base}/dashboard`), staleTime: 0 });
export const requestQuery = (id: string) => queryOptions({ queryKey: ['requests', 'one', id], queryFn: () => api<RequestDetail>(one(id)), staleTime: 0 });
/** The calendar the clocks count on (imported bank holidays and closure days), for the page to work a due date out itself. */
export const calendarQuery = queryOptions({ queryKey: ['calendar'], queryFn: () => api<CalendarData>('/calendar'), staleTime: 5 * 60_000 });

export const receiveRequest = (body: z.input<typeof ReceiveRequest>) => api<RequestDetail>(base, { method: 'POST', body });

const step = <S extends z.ZodType>(path: string) => (id: string, body: z.input<S>) => api<RequestDetail>(`${one(id)}/${path}`, { method: 'POST', body });
export const changeStatus = step<typeof ChangeStatus>('status');
export const stopClock = step<typeof StopClock>('clock-stops');
export const restartClock = step<typeof RestartClock>('clock-restarts');
export const extendClock = step<typeof ExtendClock>('extension');
export const assignOwner = step<typeof AssignRequest>('owner');
export const escalateComplaint = step<typeof EscalateComplaint>('escalation');
export const noteRequest = step<typeof RequestNote>('notes');
export const reopenRequest = step<typeof ReopenRequest>('reopening');

/** The queries that show a request, fetched again after a step on it. */
export const refreshAfterStep = (id: string) => [['requests', 'one', id], ['requests', 'list'], ['requests', 'dashboard']];
