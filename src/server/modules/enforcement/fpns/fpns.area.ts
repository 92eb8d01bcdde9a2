import type { ModuleArea } from '../../../platform/modules';
import { registerFpnRoutes } from './fpns.routes';
import { seedDemoFpns } from './fpns.demo';

/** Fixed penalty notices for people (littering, PSPO and CPN breaches, fly-posting, graffiti), the officer's notebook, payments and prosecution case files. */
export const fpnsArea: ModuleArea = {
  key: 'fpns',
  routes: registerFpnRoutes,
  seedDemo: seedDemoFpns,
};
