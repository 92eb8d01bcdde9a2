import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { RequestDetail, RequestList, RequestsQuery, SubmitFootageRequest } from '../../../domain/requests/contract';

// A partner agency's footage requests: its own organisation's only (the server scopes them).

export type PartnerRequest = RequestDetail;
export type PartnerRequestList = z.infer<typeof RequestList>;
export type PartnerRequestsFilters = { due?: z.input<typeof RequestsQuery>['due']; sort?: z.input<typeof RequestsQuery>['sort']; page?: number };
export type SubmitFootageBody = z.input<typeof SubmitFootageRequest>;

const BASE = '/partner/requests';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const partnerRequestsQuery = (f: PartnerRequestsFilters) =>
  queryOptions({ queryKey: ['partner-requests', 'list', f], queryFn: () => api<PartnerRequestList>(BASE, { query: { ...f } }), placeholderData: keepPreviousData });
export const partnerRequestQuery = (id: string) => queryOptions({ queryKey: ['partner-requests', 'one', id], queryFn: () => api<PartnerRequest>(one(id)) });

export const submitFootageRequest = (body: SubmitFootageBody) => api<PartnerRequest>(BASE, { method: 'POST', body });
export const notePartnerRequest = (id: string, note: string) => api<PartnerRequest>(`${one(id)}/notes`, { method: 'POST', body: { note } });
export const withdrawPartnerRequest = (id: string, note: string) => api<PartnerRequest>(`${one(id)}/withdrawal`, { method: 'POST', body: { note } });
