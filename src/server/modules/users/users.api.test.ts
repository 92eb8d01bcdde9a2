import { expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, sealed, testDeps } from '../../../../test/support/deps';

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

async function adminClient() {
  const admin = await makeUser(deps, { roles: ['admin'] });
  const client = new ApiClient(app, '192.0.2.50');
  Object.assign(client, await makeSession(deps, { userId: admin.id }));
  return { admin, client };
}

const eventsFor = async (recordId: string, action: string) =>
  (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('record_id', '=', recordId).where('action', '=', action).execute();

it('creating a user returns a one-time password that must be changed at first sign-in, and is audited', async () => {
  const { admin, client } = await adminClient();
  const r = await client.post('/api/v1/users', { username: `New.Person${Date.now()}`, displayName: 'New Person', organisationId: admin.organisationId, roles: ['operator'] });
  expect(r.status).toBe(201);
  expect(r.body.user.username).toMatch(/^new\.person\d+$/);
  expect(r.body.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const [event] = await eventsFor(r.body.user.id, 'user.created');
  expect(event.actor_id).toBe(admin.id);

  const newcomer = new ApiClient(app, '192.0.2.51');
  const signIn = await newcomer.post('/api/v1/auth/sign-in', { username: r.body.user.username, password: r.body.oneTimePassword });
  expect(signIn.body.stage).toBe('password_change');
  expect((await newcomer.get('/api/v1/modules')).status).toBe(403);
});

it('refuses a duplicate username and mixes of council and external roles, naming the field', async () => {
  const { admin, client } = await adminClient();
  const first = await client.post('/api/v1/users', { username: `dup${Date.now()}`, displayName: 'A', organisationId: admin.organisationId, roles: ['operator'] });
  const again = await client.post('/api/v1/users', { username: first.body.user.username, displayName: 'B', organisationId: admin.organisationId, roles: ['operator'] });
  expect(again.status).toBe(400);
  expect(again.body.errors).toEqual([{ path: 'username', message: expect.stringContaining('already in use') }]);
  const mixed = await client.post('/api/v1/users', { username: `mix${Date.now()}`, displayName: 'C', organisationId: admin.organisationId, roles: ['operator', 'agency'] });
  expect(mixed.status).toBe(400);
  expect(mixed.body.errors[0].path).toBe('roles');
});

it('reading a user or the user list is audited (personal data)', async () => {
  const { admin, client } = await adminClient();
  const target = await makeUser(deps, { roles: ['operator'], organisationId: admin.organisationId });
  expect((await client.get(`/api/v1/users/${target.id}`)).status).toBe(200);
  expect(await eventsFor(target.id, 'user.viewed')).toHaveLength(1);
  const list = await client.get(`/api/v1/users?q=${target.username}`);
  expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([target.id]);
  const listed = await (await sealed(deps.db)).selectFrom('audit_events').select('details').where('actor_id', '=', admin.id).where('action', '=', 'users.listed').execute();
  expect(listed).toHaveLength(1);
  expect((listed[0].details as { shown: string[] }).shown).toEqual([target.id]);
});

it('deactivating a user ends their sessions at once; reactivating lets them sign in again', async () => {
  const { admin, client } = await adminClient();
  const target = await makeUser(deps, { roles: ['auditor'], organisationId: admin.organisationId });
  const them = new ApiClient(app, '192.0.2.52');
  await them.signIn(target.username, target.password);
  expect((await them.get('/api/v1/modules')).status).toBe(200);
  expect((await client.post(`/api/v1/users/${target.id}/deactivate`)).body.isActive).toBe(false);
  expect((await them.get('/api/v1/modules')).status).toBe(401);
  expect((await them.post('/api/v1/auth/sign-in', { username: target.username, password: target.password })).status).toBe(401);
  expect((await client.post(`/api/v1/users/${target.id}/reactivate`)).body.isActive).toBe(true);
  expect((await them.post('/api/v1/auth/sign-in', { username: target.username, password: target.password })).status).toBe(200);
});

it('an administrator cannot deactivate themselves or remove their own admin role', async () => {
  const { admin, client } = await adminClient();
  expect((await client.post(`/api/v1/users/${admin.id}/deactivate`)).status).toBe(409);
  expect((await client.patch(`/api/v1/users/${admin.id}`, { roles: ['auditor'] })).body.code).toBe('users.cannot_change_self');
});

it('resetting a password issues a new one-time password and ends the user’s sessions', async () => {
  const { admin, client } = await adminClient();
  const target = await makeUser(deps, { roles: ['auditor'], organisationId: admin.organisationId });
  const them = new ApiClient(app, '192.0.2.53');
  await them.signIn(target.username, target.password);
  const r = await client.post(`/api/v1/users/${target.id}/reset-password`);
  expect((await them.get('/api/v1/modules')).status).toBe(401);
  expect((await them.post('/api/v1/auth/sign-in', { username: target.username, password: target.password })).status).toBe(401);
  const again = await them.post('/api/v1/auth/sign-in', { username: target.username, password: r.body.oneTimePassword });
  expect(again.body.stage).toBe('password_change');
});
