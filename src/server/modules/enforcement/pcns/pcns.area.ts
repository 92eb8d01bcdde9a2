import type { ModuleArea } from '../../../platform/modules';
import { registerPcnRoutes } from './pcns.routes';
import { seedDemoPcns } from './pcns.demo';
import { deemedAcceptanceTimer } from './pcns.usecases';

/** Parking PCNs and the penalty-charge engine's lifecycle after issue (payment, discount, representations and their deemed acceptance on a durable timer, notice to owner, charge certificate, order for recovery). */
export const pcnsArea: ModuleArea = {
  key: 'pcns',
  routes(api) {
    registerPcnRoutes(api);
  },
  timers: [deemedAcceptanceTimer],
  seedDemo: seedDemoPcns,
};
