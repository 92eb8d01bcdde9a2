import { OOH_OFFICERS, type Walk } from '../../../../test/support/walk';

// The out-of-hours module's own routes in the route × role table (each area has its own walk).
export const walk: Walk = {
  'GET /api/v1/ooh/shift': { allowed: OOH_OFFICERS },
};
