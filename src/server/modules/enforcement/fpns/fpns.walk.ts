import { randomUUID } from 'node:crypto';
import { ENFORCEMENT_PROCESSORS, ENFORCEMENT_READERS, FIELD_USERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { issued } from './fpns.fixtures';

// The FPNs' and notebook's part of the route × role table, written by hand.

const DAY = 86_400_000;
const onFpn = (tail: string, daysAgo = 0) => async (ctx: WalkCtx) => `/api/v1/enforcement/fpns/${(await issued(ctx.deps, ctx.councilOrgId, { issuedAt: new Date(Date.now() - daysAgo * DAY) })).id}${tail}`;
const today = () => new Date().toISOString().slice(0, 10);

export const walk: Walk = {
  'GET /api/v1/enforcement/fpns/reference': { allowed: ENFORCEMENT_READERS },
  'GET /api/v1/enforcement/fpns': { allowed: ENFORCEMENT_READERS, path: () => '/api/v1/enforcement/fpns?status=issued&sort=issued_asc&pageSize=5' },
  'GET /api/v1/enforcement/fpns.csv': { allowed: ENFORCEMENT_READERS, path: () => '/api/v1/enforcement/fpns.csv?q=nothing-matches-this' },
  'GET /api/v1/enforcement/fpns/:id': { allowed: ENFORCEMENT_READERS, path: onFpn('') },
  'GET /api/v1/enforcement/fpns/:id/case-file.pdf': { allowed: ENFORCEMENT_READERS, path: onFpn('/case-file.pdf') },
  'POST /api/v1/enforcement/fpns/:id/payments': { allowed: ENFORCEMENT_PROCESSORS, path: onFpn('/payments'), body: () => ({ amountPence: 6000, paidOn: today(), method: 'card', receipt: 'R1' }) },
  'POST /api/v1/enforcement/fpns/:id/withdrawal': { allowed: ENFORCEMENT_PROCESSORS, path: onFpn('/withdrawal'), body: () => ({ reason: 'Issued to the wrong person' }) },
  'POST /api/v1/enforcement/fpns/:id/prosecution': { allowed: ENFORCEMENT_PROCESSORS, path: onFpn('/prosecution', 20), body: () => ({ statement: 'I am a community protection officer employed by the council. On the day…' }) },
  'GET /api/v1/enforcement/notebook': { allowed: ENFORCEMENT_READERS },
  'POST /api/v1/enforcement/notebook': { allowed: FIELD_USERS, body: () => ({ entryId: randomUUID(), at: new Date().toISOString(), text: 'Started patrol of Victoria Park.' }) },
};
