import type { ModuleArea } from '../../../platform/modules';
import { registerPatrolsRoutes } from './patrols.routes';
import { seedPatrolsDemo } from './patrols.demo';

/** Patrols: beat, task, parish contract, GPS trail, notes and photos; each a lone-working session of the out-of-hours module. */
export const patrolsArea: ModuleArea = {
  key: 'patrols',
  routes: registerPatrolsRoutes,
  seedDemo: seedPatrolsDemo,
};
