import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type * as kr from '../../domain/evidence/retention';

// Evidence retention: the settings administrators keep, legal holds, and exhibits due for review.

export type EvidenceRetentionSettings = z.infer<typeof kr.EvidenceRetentionSettings>;

/** As administrators edit them (settings.manage). */
export const evidenceRetentionSettingsQuery = queryOptions({
  queryKey: ['settings', 'evidence-retention'],
  queryFn: () => api<EvidenceRetentionSettings>('/settings/evidence-retention'),
});
export const updateEvidenceRetentionSettings = (body: EvidenceRetentionSettings) =>
  api<EvidenceRetentionSettings>('/settings/evidence-retention', { method: 'PUT', body });

/** As evidence handlers read them (evidence.read): the class names and periods. */
export const evidenceRetentionQuery = queryOptions({
  queryKey: ['evidence', 'retention'],
  queryFn: () => api<EvidenceRetentionSettings>('/evidence/retention'),
});

export const reviewsDueQuery = (page: number) => queryOptions({
  queryKey: ['evidence', 'reviews-due', page],
  queryFn: () => api<z.infer<typeof kr.ReviewDuePage>>('/evidence/reviews-due', { query: { page, pageSize: 50 } }),
});

export const holdsQuery = queryOptions({
  queryKey: ['evidence', 'holds'],
  queryFn: () => api<z.infer<typeof kr.EvidenceHolds>>('/evidence-holds'),
});

export const recordReview = (exhibitId: string, body: z.input<typeof kr.RecordReview>) =>
  api<z.infer<typeof kr.ReviewRecorded>>(`/exhibits/${exhibitId}/reviews`, { method: 'POST', body });

export const placeHold = (subject: { exhibitId: string } | { recordingId: string }, body: z.input<typeof kr.PlaceHold>) =>
  api<z.infer<typeof kr.HoldPlaced>>('exhibitId' in subject ? `/exhibits/${subject.exhibitId}/holds` : `/recordings/${subject.recordingId}/holds`, { method: 'POST', body });

export const releaseHold = (holdId: string, body: z.input<typeof kr.ReleaseHold>) =>
  api<z.infer<typeof kr.HoldReleased>>(`/evidence-holds/${holdId}/release`, { method: 'POST', body });
