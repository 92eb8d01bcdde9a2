import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { makeUser } from '../../../../../test/support/deps';
import type { FpnIssuePayload } from '../../../../domain/field/sync';
import type { Role } from '../../../platform/auth/permissions';
import { issueFpnFromHandheld } from './fpns.handheld';

// Test fixtures: an officer and an FPN as the handheld sends it.

export async function officer(deps: Deps, organisationId: string, roles: Role[] = ['patrol_officer']) {
  const u = await makeUser(deps, { roles, organisationId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id, username: u.username };
}

export const fpnPayload = (over: Partial<FpnIssuePayload> = {}): FpnIssuePayload => ({
  fpnId: randomUUID(), patrolId: null, offenceCode: 'PSPO-DF', issuedAt: new Date(),
  offender: { name: 'Sam Carter', address: '4 Mill Lane, Ashford', postcode: 'TN23 1AA', dateOfBirth: '1990-05-01', description: 'Tall, grey coat', identification: 'Driving licence', guardian: '' },
  point: { lat: 51.15, lon: 0.87, accuracyM: 5 }, place: 'Victoria Park, by the bandstand',
  circumstances: 'Saw the dog foul the path; the owner walked away without clearing it.', bodyWornVideoRef: 'BWV-0042', photoIds: [], ...over,
});

export async function issued(deps: Deps, organisationId: string, over: Partial<FpnIssuePayload> = {}) {
  const actor = await officer(deps, organisationId);
  const r = await issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fpnPayload(over) });
  return { ...r, actor };
}
