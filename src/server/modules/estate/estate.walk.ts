import { CAMERA_READERS, type Walk } from '../../../../test/support/walk';

export const walk: Walk = {
  'GET /api/v1/cameras': { allowed: CAMERA_READERS },
};
