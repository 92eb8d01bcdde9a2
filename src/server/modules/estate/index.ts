import type { VigilModule } from '../../platform/modules';
import { registerEstateRoutes } from './estate.routes';
import { seedDemoCameras } from './estate.demo';
import { registerDeploymentRoutes } from './deployments/deployments.routes';
import { remindOverdueReviewsJob } from './deployments/deployments.jobs';
import { seedDemoDeployments } from './deployments/deployments.demo';

export { findCamerasByIds, insertCameras, listCameras } from './estate.repository';
export { toCameraDto } from './estate.models';
export { getCamera, registerCamera, updateCamera } from './estate.usecases';
export { DEMO_CAMERAS } from './estate.demo';

/** The camera estate: today the register the occurrence log points at. */
export const estateModule: VigilModule = {
  key: 'estate',
  routes(api) {
    registerEstateRoutes(api);
    registerDeploymentRoutes(api);
  },
  jobs: [remindOverdueReviewsJob],
  async seedDemo(deps, council) {
    return { ...(await seedDemoCameras(deps)), ...(await seedDemoDeployments(deps, council)) };
  },
  navigation: [
    { key: 'estate', name: 'Cameras', path: '/estate', permission: 'estate.read', group: 'work', description: 'Cameras, mobile deployments and daily checks.', coming: 'The camera estate: fixed and mobile cameras, deployments with justification and review dates, daily checks.' },
  ],
};
