import type { ModuleArea } from '../../../platform/modules';
import { registerParishesRoutes } from './parishes.routes';
import { seedParishes } from './parishes.demo';

/** Parish and town council contracts: hours and visits contracted, patrol time and notices per contract per month for billing. */
export const parishesArea: ModuleArea = {
  key: 'parishes',
  routes(api) {
    registerParishesRoutes(api);
  },
  seedDemo: seedParishes,
};
