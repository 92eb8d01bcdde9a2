import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

import type { SecuritySettings } from '../../domain/settings/contract';

export type { SecuritySettings };

export const securitySettingsQuery = queryOptions({
  queryKey: ['settings', 'security'],
  queryFn: () => api<SecuritySettings>('/settings/security'),
});

export const updateSecuritySettings = (body: SecuritySettings) => api<SecuritySettings>('/settings/security', { method: 'PUT', body });
