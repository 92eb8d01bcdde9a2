import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client';
import type {
  OohAddAction, OohAddTimelineEntry, OohCloseIncident, OohDeclareIncident, OohHandOverIncident, OohIncident, OohIncidentList, OohIncidentOfficers,
  OohLogDecision, OohUpdateAction, OohUpdateMethane,
} from '../../../../domain/ooh/incidents.contract';

// Major incidents as the pages call them: the list, one incident, the officers to hand over to, and each write.

const base = '/ooh/incidents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const incidentsQuery = queryOptions({ queryKey: ['ooh', 'incidents', 'list'], queryFn: () => api<OohIncidentList>(base), refetchInterval: 30_000 });
export const incidentQuery = (id: string) => queryOptions({ queryKey: ['ooh', 'incidents', 'one', id], queryFn: () => api<OohIncident>(one(id)), refetchInterval: 30_000 });
export const officersQuery = queryOptions({ queryKey: ['ooh', 'incident-officers'], queryFn: () => api<OohIncidentOfficers>('/ooh/incident-officers'), staleTime: 5 * 60_000 });
export const incidentPdfHref = (id: string) => `/api/v1${one(id)}/pdf`;
/** What a write on an incident refreshes: the incident, the list and the overview. */
export const refreshAfterWrite = (id: string) => [['ooh', 'incidents', 'one', id], ['ooh', 'incidents', 'list'], ['ooh', 'shift']];

export const declareIncident = (body: z.input<typeof OohDeclareIncident>) => api<OohIncident>(base, { method: 'POST', body });

const write = <S extends z.ZodType>(path: string) => (id: string, body: z.input<S>) => api<OohIncident>(`${one(id)}/${path}`, { method: 'POST', body });
export const sendMethane = write<typeof OohUpdateMethane>('methane');
export const addTimelineEntry = write<typeof OohAddTimelineEntry>('timeline');
export const logDecision = write<typeof OohLogDecision>('decisions');
export const addAction = write<typeof OohAddAction>('actions');
export const handOver = write<typeof OohHandOverIncident>('handovers');
export const closeIncident = write<typeof OohCloseIncident>('closure');
export const updateAction = (id: string, seq: number, body: z.input<typeof OohUpdateAction>) => api<OohIncident>(`${one(id)}/actions/${seq}/updates`, { method: 'POST', body });
export const acknowledgeHandover = (id: string, seq: number) => api<OohIncident>(`${one(id)}/handovers/${seq}/acknowledgement`, { method: 'POST', body: {} });
