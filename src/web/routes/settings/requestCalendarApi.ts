import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CalendarData, ClockPolicy } from '../../../domain/requests/contract';
import type { z } from 'zod';

// The calendar the request clocks count on, and the council's clock policy: read and changed by administrators.

export type Policy = z.infer<typeof ClockPolicy>;
export interface PolicyVersion { id: string | null; effectiveFrom: string | null; policy: Policy; createdBy: { id: string; name: string } | null; createdAt: string | null }
export interface PolicyView { today: string; inForce: PolicyVersion; upcoming: PolicyVersion[]; history: PolicyVersion[] }

export const calendarQuery = queryOptions({ queryKey: ['request-calendar', 'calendar'], queryFn: () => api<CalendarData>('/calendar') });
export const clockPolicyQuery = queryOptions({ queryKey: ['request-calendar', 'policy'], queryFn: () => api<PolicyView>('/requests/clock-policy') });
export const addClosure = (day: string, reason: string) => api<{ dueDatesChanged: number }>('/calendar/closures', { method: 'POST', body: { day, reason } });
export const removeClosure = (id: string) => api<{ dueDatesChanged: number }>(`/calendar/closures/${encodeURIComponent(id)}/removal`, { method: 'POST', body: {} });
export const importBankHolidays = (text: string) => api<{ years: Record<string, string[]>; days: number; dueDatesChanged: number }>('/calendar/bank-holidays', { method: 'POST', body: { text } });
export const setClockPolicy = (effectiveFrom: string, policy: Policy) => api<{ effectiveFrom: string }>('/requests/clock-policy', { method: 'POST', body: { effectiveFrom, policy } });
