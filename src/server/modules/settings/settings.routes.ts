import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../platform/http/route';
import { body, commonResponses, json } from '../../platform/http/openapi';
import { actorFrom } from '../../platform/audit/audit';
import { ROLES } from '../../platform/auth/permissions';
import { uniqueArray } from '../../../domain/validation';
import { RetentionSettings, SecuritySettings } from '../../../domain/settings/contract';
import { getRetentionSettings, getSecuritySettings, updateRetentionSettings, updateSecuritySettings } from './settings.usecases';

const Security = SecuritySettings;
const tags = ['Settings'];

export function registerSettingsRoutes(api: Api) {
  route(api, {
    operationId: 'getSecuritySettings', method: 'get', path: '/api/v1/settings/security', access: 'settings.manage', tags, summary: 'Security policy: which roles must use two-factor authentication',
    responses: { 200: json(Security, 'The policy'), ...commonResponses },
  }, async (c) => c.json(await getSecuritySettings(c.get('deps')), 200));

  route(api, {
    operationId: 'updateSecuritySettings', method: 'put', path: '/api/v1/settings/security', access: 'settings.manage', tags, summary: 'Change the security policy (audited)',
    request: body(Security), responses: { 200: json(Security, 'The new policy'), ...commonResponses },
  }, async (c) => c.json(await updateSecuritySettings(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), mfaRequiredRoles: c.req.valid('json').mfaRequiredRoles }), 200));

  route(api, {
    operationId: 'getRetentionSettings', method: 'get', path: '/api/v1/settings/retention', access: 'settings.manage', tags,
    summary: 'Retention of personal data in the occurrence log: the review and removal ages, in days',
    responses: { 200: json(RetentionSettings, 'The ages'), ...commonResponses },
  }, async (c) => c.json(await getRetentionSettings(c.get('deps')), 200));

  route(api, {
    operationId: 'updateRetentionSettings', method: 'put', path: '/api/v1/settings/retention', access: 'settings.manage', tags,
    summary: 'Change the review and removal ages (audited with the old and new values; the removal age is never shorter than the review age)',
    request: body(RetentionSettings), responses: { 200: json(RetentionSettings, 'The new ages'), ...commonResponses },
  }, async (c) => {
    const { reviewDays, removalDays } = c.req.valid('json');
    return c.json(await updateRetentionSettings(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), reviewDays, removalDays }), 200);
  });
}
