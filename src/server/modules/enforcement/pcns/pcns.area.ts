import type { ModuleArea } from '../../../platform/modules';
import { registerPcnRoutes } from './pcns.routes';
import { seedDemoPcns } from './pcns.demo';

/** Parking PCNs and the penalty-charge engine's lifecycle after issue (payment, discount, representations, notice to owner, charge certificate, order for recovery). */
export const pcnsArea: ModuleArea = {
  key: 'pcns',
  routes(api) {
    registerPcnRoutes(api);
  },
  seedDemo: seedDemoPcns,
};
