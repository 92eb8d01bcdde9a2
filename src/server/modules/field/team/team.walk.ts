import { FIELD_LEADERS, type Walk } from '../../../../../test/support/walk';

// The team view's part of the route × role table (it reads the handheld's tables of migration 0032).
export const walk: Walk = {
  'GET /api/v1/field/team': { allowed: FIELD_LEADERS },
};
