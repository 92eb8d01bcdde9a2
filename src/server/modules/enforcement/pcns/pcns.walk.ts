import { randomUUID } from 'node:crypto';
import { ENFORCEMENT_PROCESSORS, ENFORCEMENT_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import { londonDay } from '../../../../domain/calendar/london';
import type { PcnIssuePayload } from '../../../../domain/field/sync';
import type { Deps } from '../../../platform/deps';
import { issuePcnFromHandheld } from './pcns.handheld';
import { DEMO_AREA_ID } from './pcns.demo';

// The PCNs' part of the route × role table, written by hand.

export async function patrolActor(deps: Deps, councilOrgId?: string) {
  const u = await makeUser(deps, { roles: ['patrol_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export const pcnNumber = () => `WK${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A PCN as a handheld sends it: code 01 (5 minutes' observation), issued `daysAgo` days before now. */
export function pcnPayload(now: Date, over: Partial<PcnIssuePayload> = {}, daysAgo = 0): PcnIssuePayload {
  const issuedAt = new Date(now.getTime() - daysAgo * 86_400_000 - 60 * 60_000);
  return {
    pcnId: randomUUID(), patrolId: null, number: pcnNumber(), enforcementAreaId: DEMO_AREA_ID, contraventionCode: '01',
    observedFrom: new Date(issuedAt.getTime() - 6 * 60_000), observedTo: new Date(issuedAt.getTime() - 60_000), issuedAt,
    vehicle: { vrm: 'AB12 CDE', make: 'Ford', model: 'Fiesta', colour: 'Blue', permitSeen: '' },
    point: { lat: 52.2, lon: -1.5, accuracyM: 5 }, street: 'High Street', locationDetail: 'Outside no. 12', served: 'affixed', notes: '', photoIds: [], ...over,
  };
}

export async function aPcn(deps: Deps, { daysAgo = 0, over = {}, councilOrgId }: { daysAgo?: number; over?: Partial<PcnIssuePayload>; councilOrgId?: string } = {}) {
  return issuePcnFromHandheld(deps, { actor: await patrolActor(deps, councilOrgId), deviceId: randomUUID(), payload: pcnPayload(deps.clock.now(), over, daysAgo) });
}

const onPcn = (tail: string, daysAgo = 0) => async (ctx: WalkCtx) => `/api/v1/enforcement/pcns/${(await aPcn(ctx.deps, { daysAgo, councilOrgId: ctx.councilOrgId })).id}${tail}`;
const today = () => ({ day: londonDay(), note: '' });
const refused = () => [409];

export const walk: Walk = {
  'GET /api/v1/enforcement/pcns/reference': { allowed: ENFORCEMENT_READERS },
  'GET /api/v1/enforcement/pcns': { allowed: ENFORCEMENT_READERS, path: () => '/api/v1/enforcement/pcns?status=issued&sort=next_by_asc&vrm=AB12CDE' },
  'GET /api/v1/enforcement/pcns.csv': { allowed: ENFORCEMENT_READERS, path: () => '/api/v1/enforcement/pcns.csv?vrm=ZZ99ZZZ' },
  'GET /api/v1/enforcement/pcns/worklist': { allowed: ENFORCEMENT_READERS, path: () => '/api/v1/enforcement/pcns/worklist?withinDays=0' },
  'GET /api/v1/enforcement/pcns/:id': { allowed: ENFORCEMENT_READERS, path: onPcn('') },
  'GET /api/v1/enforcement/pcns/:id/notice.pdf': { allowed: ENFORCEMENT_READERS, path: onPcn('/notice.pdf') },
  'POST /api/v1/enforcement/pcns/:id/payments': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/payments'), body: () => ({ day: londonDay(), amountPence: 3500, method: 'Card' }) },
  'POST /api/v1/enforcement/pcns/:id/informal-challenge': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/informal-challenge'), body: today },
  'POST /api/v1/enforcement/pcns/:id/informal-challenge/decision': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/informal-challenge/decision'), body: () => ({ ...today(), outcome: 'rejected' }), allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/notice-to-owner': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/notice-to-owner', 30), body: today },
  'POST /api/v1/enforcement/pcns/:id/representations': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/representations'), body: today, allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/decision': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/decision'), body: () => ({ ...today(), outcome: 'accepted' }), allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/appeal': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/appeal'), body: today, allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/appeal/decision': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/appeal/decision'), body: () => ({ ...today(), outcome: 'dismissed' }), allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/charge-certificate': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/charge-certificate'), body: today, allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/order-for-recovery': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/order-for-recovery'), body: today, allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/warrant': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/warrant'), body: today, allowedStatus: refused },
  'POST /api/v1/enforcement/pcns/:id/cancel': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/cancel'), body: () => ({ day: londonDay(), note: 'Valid permit found' }) },
  'POST /api/v1/enforcement/pcns/:id/write-off': { allowed: ENFORCEMENT_PROCESSORS, path: onPcn('/write-off'), body: () => ({ day: londonDay(), note: 'Foreign vehicle, no keeper' }) },
};
