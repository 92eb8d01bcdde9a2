import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../platform/http/route';
import { body, commonResponses, json } from '../../platform/http/openapi';
import { actorFrom } from '../../platform/audit/audit';
import { ROLES } from '../../platform/auth/permissions';
import { uniqueArray } from '../../../domain/validation';
import { SecuritySettings } from '../../../domain/settings/contract';
import { getSecuritySettings, updateSecuritySettings } from './settings.usecases';

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
}
