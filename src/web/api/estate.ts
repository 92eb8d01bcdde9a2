import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type { Camera, CameraHistory, CameraMap, CameraPage, UpdateCamera } from '../../domain/estate/contract';
import type { EstateFilters } from '../routes/estate/search';

// The camera register: the table, the map's data, one camera (as it stands or stood), its history, and changes.

export { CAMERA_CAPABILITIES, CAMERA_FIELD_LABELS, CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES } from '../../domain/estate/contract';
export type { Camera };
export type CameraMapItem = z.infer<typeof CameraMap>['items'][number];
export type CameraVersion = z.infer<typeof CameraHistory>['items'][number];

export const CAMERAS_PAGE_SIZE = 50;

/** The filters as the API takes them (the page apart). */
export function estateApiQuery({ page: _page, ...filters }: EstateFilters): Record<string, string | undefined> {
  return { ...filters };
}

export const cameraRegisterQuery = (filters: EstateFilters) =>
  queryOptions({
    queryKey: ['cameras', 'register', filters],
    queryFn: () => api<z.infer<typeof CameraPage>>('/cameras', { query: { ...estateApiQuery(filters), page: filters.page ?? 1, pageSize: CAMERAS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

/** Every camera in a few fields; decommissioned ones only when asked for (the register filtered to them). */
export const cameraMapQuery = (includeDecommissioned = false) =>
  queryOptions({
    queryKey: ['cameras', 'map', includeDecommissioned],
    queryFn: async () => (await api<z.infer<typeof CameraMap>>('/cameras/map', { query: { includeDecommissioned: includeDecommissioned ? 'true' : undefined } })).items,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

export const camerasCsvHref = (filters: EstateFilters) => withQuery('/api/v1/cameras.csv', estateApiQuery(filters));
export const camerasGeoJsonHref = (filters: EstateFilters) => withQuery('/api/v1/cameras.geojson', estateApiQuery(filters));

export const cameraQuery = (id: string, asAt?: string) =>
  queryOptions({
    queryKey: ['cameras', 'one', id, asAt ?? 'now'],
    queryFn: () => api<Camera>(`/cameras/${encodeURIComponent(id)}`, { query: { asAt } }),
    staleTime: 0,
  });

export const cameraHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['cameras', 'history', id],
    queryFn: () => api<z.infer<typeof CameraHistory>>(`/cameras/${encodeURIComponent(id)}/versions`),
    staleTime: 0,
  });

export const updateCamera = (id: string, body: z.input<typeof UpdateCamera>) =>
  api<Camera>(`/cameras/${encodeURIComponent(id)}`, { method: 'PATCH', body });
