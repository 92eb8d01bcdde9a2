import { MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { aContract } from '../contracts/contracts.walk';

// The performance report's part of the route × role table (test/support/walk.ts), written by hand:
// every maintenance reader, in all three forms; contractors and agencies get 404.

const onContract = (tail: string) => async ({ deps, councilOrgId }: WalkCtx) =>
  `/api/v1/maintenance/contracts/${(await aContract(deps, councilOrgId)).contract.id}/performance${tail}?month=2026-06`;

export const walk: Walk = {
  'GET /api/v1/maintenance/contracts/:id/performance': { allowed: MAINTENANCE_READERS, path: onContract('') },
  'GET /api/v1/maintenance/contracts/:id/performance.csv': { allowed: MAINTENANCE_READERS, path: onContract('.csv') },
  'GET /api/v1/maintenance/contracts/:id/performance.pdf': { allowed: MAINTENANCE_READERS, path: onContract('.pdf') },
};
