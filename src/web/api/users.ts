import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { z } from 'zod';
import type { Organisation, Page, RoleInfo, Team, User } from './types';
import type { CreatedUser, CreateUser, OneTimePassword } from '../../domain/users/contract';

export interface UserFilters {
  q?: string;
  role?: string;
  status?: 'active' | 'inactive' | 'all';
  page?: number;
}

export const USERS_PAGE_SIZE = 50;

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: () => api<Page<User>>('/users', { query: { ...filters, pageSize: USERS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) => queryOptions({ queryKey: ['user', id], queryFn: () => api<User>(`/users/${encodeURIComponent(id)}`) });

export const organisationsQuery = queryOptions({
  queryKey: ['organisations'],
  queryFn: async () => (await api<{ items: Organisation[] }>('/organisations')).items,
  staleTime: 60_000,
});
export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: async () => (await api<{ items: Team[] }>('/teams')).items,
  staleTime: 60_000,
});
export const rolesQuery = queryOptions({
  queryKey: ['roles'],
  queryFn: async () => (await api<{ items: RoleInfo[] }>('/roles')).items,
  staleTime: 5 * 60_000,
});

/** A user as the form sends it: the contract's CreateUser (an update sends no username). */
export type UserInput = Omit<z.input<typeof CreateUser>, 'username'> & { username?: string };

export const createUser = (body: z.input<typeof CreateUser>) => api<z.infer<typeof CreatedUser>>('/users', { method: 'POST', body });
export const updateUser = (id: string, body: Partial<UserInput>) => api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export type UserAction = 'deactivate' | 'reactivate' | 'reset-mfa' | 'unlock';
export const userAction = (id: string, action: UserAction) => api<User>(`/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
export const resetPassword = (id: string) => api<z.infer<typeof OneTimePassword>>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' });
