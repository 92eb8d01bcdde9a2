import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type {
  DecideDeployment, DeployCamera, Deployment, DeploymentList, DeploymentState, IncidentCounts, MobileCameraHistory, RemoveCamera, RequestDeployment,
  ReviewDeployment, ReviewsDue, SignagePhoto,
} from '../../domain/estate/deployments';

// Mobile camera deployments: the list, one deployment with its events, the reviews due, where each
// mobile camera is and has been, the incident counts for a request, and each step's write.

export {
  DEFAULT_REVIEW_PERIOD_DAYS, DEPLOYMENT_EVENT_KINDS, DEPLOYMENT_STATES, REVIEW_DUE_SOON_DAYS, REVIEW_PERIOD_LIMITS, REVIEW_STATUSES,
  SIGNAGE_PHOTO_MAX_BYTES, SIGNAGE_PHOTO_TYPES,
} from '../../domain/estate/deployments';
export type { Deployment, DeploymentState, IncidentCounts };
export type DeploymentSummary = z.infer<typeof DeploymentList>['items'][number];
export type DeploymentEvent = Deployment['events'][number];
export type MobileCamera = z.infer<typeof MobileCameraHistory>['items'][number];
export type DeploymentStep = { id: string; reference: string; state: DeploymentState; reviewDueOn?: string };

const base = '/mobile-deployments';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const deploymentsQuery = (state?: DeploymentState) =>
  queryOptions({
    queryKey: ['deployments', 'list', state ?? 'all'],
    queryFn: async () => (await api<z.infer<typeof DeploymentList>>(base, { query: { state } })).items,
    placeholderData: keepPreviousData,
  });

export const deploymentQuery = (id: string) =>
  queryOptions({ queryKey: ['deployments', 'one', id], queryFn: () => api<Deployment>(one(id)), staleTime: 0 });

export const reviewsDueQuery = queryOptions({
  queryKey: ['deployments', 'reviews-due'],
  queryFn: () => api<z.infer<typeof ReviewsDue>>(`${base}/reviews-due`),
  staleTime: 60_000,
});

export const mobileCameraHistoryQuery = queryOptions({
  queryKey: ['deployments', 'cameras'],
  queryFn: async () => (await api<z.infer<typeof MobileCameraHistory>>('/mobile-cameras/history')).items,
  staleTime: 0,
});

export const countIncidents = (q: { latitude: number; longitude: number; radiusM: number; from: string; to: string }) =>
  api<IncidentCounts>(`${base}/incident-counts`, { query: q });

export const requestDeployment = (body: z.input<typeof RequestDeployment>) => api<DeploymentStep>(base, { method: 'POST', body });
export const decideDeployment = (id: string, body: z.input<typeof DecideDeployment>) => api<DeploymentStep>(`${one(id)}/decision`, { method: 'POST', body });
export const withdrawDeployment = (id: string, reason: string) => api<DeploymentStep>(`${one(id)}/withdrawal`, { method: 'POST', body: { reason } });
export const deployCamera = (id: string, body: z.input<typeof DeployCamera>) => api<DeploymentStep>(`${one(id)}/deployment`, { method: 'POST', body });
export const reviewDeployment = (id: string, body: z.input<typeof ReviewDeployment>) => api<DeploymentStep>(`${one(id)}/reviews`, { method: 'POST', body });
export const removeCamera = (id: string, body: z.input<typeof RemoveCamera>) => api<DeploymentStep>(`${one(id)}/removal`, { method: 'POST', body });

/** The photo itself as the body; deploying names it by the SHA-256 the reply gives. */
export const uploadSignagePhoto = (file: File) =>
  api<z.infer<typeof SignagePhoto>>(`${base}/signage-photos`, { method: 'POST', file: { body: file, type: file.type || 'image/jpeg' } });

export const signagePhotoHref = (id: string) => `/api/v1${one(id)}/signage-photo`;
