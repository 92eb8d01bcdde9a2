import type { Role } from '../../../platform/auth/permissions';
import type { Walk } from '../../../../../test/support/walk';
import { aRegister } from './import.fixtures';

// The register import's rows of the route × role table (test/support/walk.ts), written by hand.

/** Who keeps the camera register: supervisors, enforcement officers and the CCTV coordinator. */
const REGISTER_KEEPERS: readonly Role[] = ['supervisor', 'enforcement_officer', 'coordinator'];

export const walk: Walk = {
  'POST /api/v1/cameras/import': {
    allowed: REGISTER_KEEPERS,
    body: () => {
      const r = aRegister();
      return { csv: r.csv('Camera ID,Name,Longitude,Latitude', [`${r.number(1)},Walk camera,${r.at(1).longitude},${r.at(1).latitude}`]), fileName: 'walk.csv' };
    },
  },
};
