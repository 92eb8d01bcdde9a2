import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type { CorrespondenceItem, LetterTemplateList, LetterTemplateView, RecordCorrespondence, StoredFile } from '../../domain/requests/correspondence';
import type { LetterKey } from '../../domain/requests/letters';

// Correspondence, letters and letter templates of the requests module.

export type { CorrespondenceItem, LetterTemplateView };
export type LetterTemplates = z.infer<typeof LetterTemplateList>;

export const correspondenceQuery = (id: string) => queryOptions({
  queryKey: ['requests', id, 'correspondence'],
  queryFn: () => api<{ items: CorrespondenceItem[] }>(`/requests/${id}/correspondence`),
});

export const attachmentHref = (id: string, itemId: string, sha256: string) => `/api/v1/requests/${id}/correspondence/${itemId}/attachments/${sha256}`;
export const letterPdfHref = (id: string, itemId: string) => `/api/v1/requests/${id}/letters/${itemId}/pdf`;

/** Uploads each file, then records the correspondence naming them. */
export async function recordCorrespondence(id: string, input: Omit<RecordCorrespondence, 'attachments'>, files: File[]) {
  const attachments = [];
  for (const file of files) {
    const stored = await api<z.infer<typeof StoredFile>>('/requests/correspondence-files', { method: 'POST', file: { body: file, type: file.type || 'application/octet-stream' } });
    attachments.push({ sha256: stored.sha256, name: file.name, type: stored.type as never });
  }
  return api<CorrespondenceItem>(`/requests/${id}/correspondence`, { method: 'POST', body: { ...input, attachments } });
}

export const generateLetter = (id: string, body: { letter: LetterKey; send: 'email' | 'none' }) =>
  api<CorrespondenceItem>(`/requests/${id}/letters`, { method: 'POST', body });

export const letterTemplatesQuery = queryOptions({
  queryKey: ['requests', 'letter-templates'],
  queryFn: () => api<LetterTemplates>('/request-letter-templates'),
});

export const saveLetterTemplate = (key: LetterKey, body: { subject: string; body: string }) =>
  api<LetterTemplateView>(`/request-letter-templates/${key}`, { method: 'POST', body });
