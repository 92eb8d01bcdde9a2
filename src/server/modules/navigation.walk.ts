import type { Walk } from '../../../test/support/walk';

export const walk: Walk = {
  'GET /api/v1/modules': { allowed: 'signed-in' },
};
