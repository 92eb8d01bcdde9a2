import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

import type { SecuritySettings } from '../../domain/settings/contract';

export type { SecuritySettings };

export const securitySettingsQuery = queryOptions({
  queryKey: ['settings', 'security'],
  queryFn: () => api<SecuritySettings>('/settings/security'),
});

export const updateSecuritySettings = (body: SecuritySettings) => api<SecuritySettings>('/settings/security', { method: 'PUT', body });

export type { RetentionSettings } from '../../domain/settings/contract';
import type { RetentionSettings } from '../../domain/settings/contract';

export const retentionSettingsQuery = queryOptions({
  queryKey: ['settings', 'retention'],
  queryFn: () => api<RetentionSettings>('/settings/retention'),
});

export const updateRetentionSettings = (body: RetentionSettings) => api<RetentionSettings>('/settings/retention', { method: 'PUT', body });
