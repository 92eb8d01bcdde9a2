import { randomInt, randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { makeUser, testClock } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import type { Actor } from './checks.usecases';

// For the checks' tests. A round is the whole estate's for a (date, shift, kind), so each test
// works on a day of its own, far from today's, that no other test touches.

/** A clock on a day of this test's own, at 10:00 UTC (the day shift, summer or winter). */
export const ownDayClock = () => testClock(new Date(Date.UTC(2031 + randomInt(60), randomInt(12), 1 + randomInt(28), 10)));

export async function anActor(deps: Deps, roles: Role[] = ['operator']) {
  const user = await makeUser(deps, { roles });
  const actor: Actor = { audit: { actorId: user.id, actorUsername: user.username, ip: '192.0.2.9', userAgent: 'test' }, userId: user.id };
  return { user, actor };
}

export async function aCheckedCamera(deps: Deps, over: { kind?: 'fixed' | 'ptz'; capabilities?: string[] } = {}) {
  const reference = `CK${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  return deps.db.insertInto('cameras').values({
    reference, name: `Checked ${reference}`, location_text: `${reference} Street`, latitude: 52.8, longitude: -1.63, kind: over.kind ?? 'ptz', capabilities: over.capabilities ?? ['pan', 'tilt', 'zoom', 'infrared'],
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

export async function anEquipment(deps: Deps, kind: 'recorder' | 'radio' = 'recorder') {
  const reference = `EQ${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  return deps.db.insertInto('equipment').values({ reference, name: `Test ${kind}`, kind, location: 'Control room' }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}
