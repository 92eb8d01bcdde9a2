import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface SecuritySettings { mfaRequiredRoles: string[] }

export const securitySettingsQuery = queryOptions({
  queryKey: ['settings', 'security'],
  queryFn: () => api<SecuritySettings>('/settings/security'),
});

export const updateSecuritySettings = (body: SecuritySettings) => api<SecuritySettings>('/settings/security', { method: 'PUT', body });
