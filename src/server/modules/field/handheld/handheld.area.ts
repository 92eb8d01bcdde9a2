import type { ModuleArea } from '../../../platform/modules';
import { registerHandheldRoutes } from './handheld.routes';
import { seedHandheldDemo } from './handheld.demo';

/** The handheld's devices, their PCN number blocks and data keys, photos, and the sync that accepts each device-made record once. */
export const handheldArea: ModuleArea = {
  key: 'handheld',
  routes: registerHandheldRoutes,
  seedDemo: seedHandheldDemo,
};
