import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../platform/http/route';
import { body, commonResponses, json, page } from '../../platform/http/openapi';
import { actorFrom } from '../../platform/audit/audit';
import { ROLES, ROLE_INFO, ROLE_PERMISSIONS, EXTERNAL_ROLES } from '../../platform/auth/permissions';
import * as users from './users.usecases';
import { CreatedUser, CreateUser, IdParam, OneTimePassword, Organisation, RoleInfo, Team, UpdateUser, User, UserListQuery } from '../../../domain/users/contract';

const tags = ['Users'];

export function registerUserRoutes(api: Api) {
  route(api, {
    operationId: 'listUsers', method: 'get', path: '/api/v1/users', access: 'users.manage', tags, summary: 'List and filter users',
    request: { query: UserListQuery }, responses: { 200: json(page(User), 'A page of users'), ...commonResponses },
  }, async (c) => {
    const { page: p, pageSize, ...filter } = c.req.valid('query');
    return c.json(await users.listUsers(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), filter, page: p, pageSize }), 200);
  });

  route(api, {
    operationId: 'createUser', secretReply: true, method: 'post', path: '/api/v1/users', access: 'users.manage', tags, summary: 'Create a user with a one-time password',
    request: body(CreateUser), responses: { 201: json(CreatedUser, 'Created; give the one-time password to the user'), ...commonResponses },
  }, async (c) => {
    const r = await users.createUser(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), input: c.req.valid('json') });
    return c.json(r, 201);
  });

  route(api, {
    operationId: 'getUser', method: 'get', path: '/api/v1/users/{id}', access: 'users.manage', tags, summary: 'One user',
    request: { params: IdParam }, responses: { 200: json(User, 'The user'), ...commonResponses },
  }, async (c) => c.json(await users.viewUser(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'updateUser', method: 'patch', path: '/api/v1/users/{id}', access: 'users.manage', tags, summary: 'Change name, email, organisation, team or roles',
    request: { params: IdParam, ...body(UpdateUser) }, responses: { 200: json(User, 'Updated'), ...commonResponses },
  }, async (c) => c.json(await users.updateUser(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200));

  const actionIds = { deactivate: 'deactivateUser', reactivate: 'reactivateUser', 'reset-mfa': 'resetUserMfa', unlock: 'unlockUser' } as const;
  for (const action of ['deactivate', 'reactivate', 'reset-mfa', 'unlock'] as const) {
    route(api, {
      operationId: actionIds[action], method: 'post', path: `/api/v1/users/{id}/${action}`, access: 'users.manage', tags, summary: `${action.replace('-', ' ')} a user`,
      request: { params: IdParam }, responses: { 200: json(User, 'Done'), ...commonResponses },
    }, async (c) => c.json(await users.applyAdminAction(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), id: c.req.valid('param').id, action }), 200));
  }

  route(api, {
    operationId: 'resetUserPassword', secretReply: true, method: 'post', path: '/api/v1/users/{id}/reset-password', access: 'users.manage', tags, summary: 'Issue a new one-time password and end the user’s sessions',
    request: { params: IdParam }, responses: { 200: json(OneTimePassword, 'Give this to the user'), ...commonResponses },
  }, async (c) => c.json(await users.resetPassword(c.get('deps'), { actor: actorFrom(c.get('session')!, c.get('caller')), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'listOrganisations', method: 'get', path: '/api/v1/organisations', access: 'users.manage', tags, summary: 'Organisations users can belong to',
    responses: { 200: json(z.object({ items: z.array(Organisation) }), 'Organisations'), ...commonResponses },
  }, async (c) => c.json({ items: await users.listOrganisations(c.get('deps')) }, 200));

  route(api, {
    operationId: 'listTeams', method: 'get', path: '/api/v1/teams', access: 'users.manage', tags, summary: 'Teams',
    responses: { 200: json(z.object({ items: z.array(Team) }), 'Teams'), ...commonResponses },
  }, async (c) => c.json({ items: await users.listTeams(c.get('deps')) }, 200));

  route(api, {
    operationId: 'listRoles', method: 'get', path: '/api/v1/roles', access: 'users.manage', tags, summary: 'Roles and the permissions each grants',
    responses: { 200: json(z.object({ items: z.array(RoleInfo) }), 'Roles'), ...commonResponses },
  }, (c) => c.json({ items: ROLES.map((role) => ({ role, ...ROLE_INFO[role], external: EXTERNAL_ROLES.includes(role), permissions: [...ROLE_PERMISSIONS[role]] })) }, 200));
}
