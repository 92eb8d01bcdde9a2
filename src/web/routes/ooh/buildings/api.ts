import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from '../../../api/client';
import type {
  AbsenceList, Absence, Alarm, AlarmList, AlarmStep, AccessCheck, AccessEntry, AccessRequest, AccessRequestList, Building, BuildingList,
  Patrol, PatrolList, PatrolProgress, RaiseAlarm, RecordAccess, ReportAbsence, SaveAccessEntry, SaveBuilding,
} from '../../../../domain/ooh/contract';

// The absence and buildings pages' calls to the server.

type Query = Record<string, string | undefined>;
export const absencesQuery = (q: Query) => queryOptions({ queryKey: ['ooh', 'absences', q], queryFn: () => api<AbsenceList>('/ooh/absences', { query: q }), placeholderData: keepPreviousData });
export const absencesCsvHref = (q: Query) => withQuery('/api/v1/ooh/absences.csv', q);
export const reportAbsence = (body: ReportAbsence) => api<Absence>('/ooh/absences', { method: 'POST', body });
export const markAbsenceSeen = (id: string) => api<Absence>(`/ooh/absences/${encodeURIComponent(id)}/seen`, { method: 'POST', body: {} });

export const alarmsQuery = (q: Query) => queryOptions({ queryKey: ['ooh', 'alarms', q], queryFn: () => api<z.infer<typeof AlarmList>>('/ooh/alarms', { query: q }), placeholderData: keepPreviousData });
export const alarmsCsvHref = (q: Query) => withQuery('/api/v1/ooh/alarms.csv', q);
export const alarmQuery = (id: string) => queryOptions({ queryKey: ['ooh', 'alarms', 'one', id], queryFn: () => api<Alarm>(`/ooh/alarms/${encodeURIComponent(id)}`) });
export const raiseAlarm = (body: RaiseAlarm) => api<Alarm>('/ooh/alarms', { method: 'POST', body });
export const recordAlarmStep = (id: string, body: AlarmStep) => api<Alarm>(`/ooh/alarms/${encodeURIComponent(id)}/events`, { method: 'POST', body });

export const buildingsQuery = queryOptions({ queryKey: ['ooh', 'buildings'], queryFn: async () => (await api<z.infer<typeof BuildingList>>('/ooh/buildings')).items });
export const saveBuilding = (id: string | undefined, body: SaveBuilding) => api<Building>(id ? `/ooh/buildings/${encodeURIComponent(id)}` : '/ooh/buildings', { method: id ? 'PUT' : 'POST', body });
export const addAccessEntry = (buildingId: string, body: SaveAccessEntry) => api<AccessEntry>(`/ooh/buildings/${encodeURIComponent(buildingId)}/access-list`, { method: 'POST', body });
export const changeAccessEntry = (id: string, body: SaveAccessEntry) => api<AccessEntry>(`/ooh/access-list/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const removeAccessEntry = (id: string) => api<void>(`/ooh/access-list/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const checkAccess = (buildingId: string, name: string) => api<z.infer<typeof AccessCheck>>('/ooh/access-check', { query: { buildingId, name } });

export const patrolsQuery = (q: Query) => queryOptions({ queryKey: ['ooh', 'patrols', q], queryFn: () => api<z.infer<typeof PatrolList>>('/ooh/patrols', { query: q }), placeholderData: keepPreviousData });
export const patrolsCsvHref = (q: Query) => withQuery('/api/v1/ooh/patrols.csv', q);
export const patrolQuery = (id: string) => queryOptions({ queryKey: ['ooh', 'patrols', 'one', id], queryFn: () => api<Patrol>(`/ooh/patrols/${encodeURIComponent(id)}`) });
export const startPatrol = (buildingId: string) => api<Patrol>('/ooh/patrols', { method: 'POST', body: { buildingId } });
export const savePatrol = (id: string, body: PatrolProgress, complete: boolean) =>
  api<Patrol>(`/ooh/patrols/${encodeURIComponent(id)}${complete ? '/completion' : ''}`, { method: complete ? 'POST' : 'PUT', body });

export const accessRequestsQuery = (q: Query) => queryOptions({ queryKey: ['ooh', 'access', q], queryFn: () => api<z.infer<typeof AccessRequestList>>('/ooh/access-requests', { query: q }) });
export const recordAccess = (body: RecordAccess) => api<AccessRequest>('/ooh/access-requests', { method: 'POST', body });
export const recordDeparture = (id: string, at: string) => api<AccessRequest>(`/ooh/access-requests/${encodeURIComponent(id)}/departure`, { method: 'POST', body: { at } });
