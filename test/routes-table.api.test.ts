/// <reference types="vite/client" />
import { afterEach, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../src/server/platform/auth/permissions';
import { ApiClient, testApp } from './support/api';
import { makeOrganisation, makeSession, makeUser, testDeps } from './support/deps';
import { expected, type Walk } from './support/walk';

// The walk's table is written by hand, so a wrong grant in the permission map is caught: here
// one is made on purpose, and the answer the guard then gives disagrees with the table.

const deps = testDeps();
const { app } = testApp(deps);
const { walk } = import.meta.glob<{ walk: Walk }>('../src/server/modules/occurrences/occurrences.walk.ts', { eager: true })['../src/server/modules/occurrences/occurrences.walk.ts'];
const original = { ...ROLE_PERMISSIONS };
const grant = (role: Role, permission: Permission) => { (ROLE_PERMISSIONS as Record<Role, readonly Permission[]>)[role] = [...ROLE_PERMISSIONS[role], permission]; };
afterEach(() => { Object.assign(ROLE_PERMISSIONS, original); });

async function statusFor(role: Role, path: string) {
  const org = await makeOrganisation(deps, { external: role === 'agency' || role === 'contractor' });
  const c = new ApiClient(app);
  Object.assign(c, await makeSession(deps, { userId: (await makeUser(deps, { roles: [role], organisationId: org.id })).id }));
  return (await c.get(path)).status;
}

it('agrees with the table while the map is right', async () => {
  expect(await statusFor('agency', '/api/v1/occurrences')).toBe(expected(walk['GET /api/v1/occurrences'], { role: 'agency' }));
  expect(await statusFor('patrol_officer', '/api/v1/occurrences')).toBe(expected(walk['GET /api/v1/occurrences'], { role: 'patrol_officer' }));
});

it('disagrees with the table when the map wrongly grants agency occurrences.read', async () => {
  grant('agency', 'occurrences.read');
  expect(expected(walk['GET /api/v1/occurrences'], { role: 'agency' })).toBe(404);
  expect(await statusFor('agency', '/api/v1/occurrences')).toBe(200);
});
