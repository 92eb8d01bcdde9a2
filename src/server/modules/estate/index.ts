import type { VigilModule } from '../../platform/modules';
import { registerEstateRoutes } from './estate.routes';
import { seedDemoCameras } from './estate.demo';
import { registerImportRoutes } from './import/import.routes';
import { registerDeploymentRoutes } from './deployments/deployments.routes';
import { remindOverdueReviewsJob } from './deployments/deployments.jobs';
import { seedDemoDeployments } from './deployments/deployments.demo';
import { registerCheckRoutes } from './checks/checks.routes';
import { seedDemoChecks } from './checks/checks.demo';

export { findCamerasByIds, insertCameras, listCameras } from './estate.repository';
export { toCameraDto } from './estate.models';
export { getCamera, registerCamera, updateCamera } from './estate.usecases';
export { registerEquipment } from './checks/checks.usecases';
export { DEMO_CAMERAS } from './estate.demo';
export { ESTATE_IMPORT_PATH, ESTATE_IMPORT_BODY_LIMIT } from './import/import.routes';
export { SIGNAGE_PHOTOS_PATH } from './deployments/deployments.routes';
/** Fault references (FLT-YYYY-NNNNNN) come from one counter per year, whoever raises the fault: a daily check or the maintenance workflow. */
export { takeFaultNumber } from './checks/checks.repository';
export { formatFaultReference } from './checks/checks.models';

/** The camera estate: the register (with its history and CSV import), mobile deployments, daily checks. */
export const estateModule: VigilModule = {
  key: 'estate',
  routes(api) {
    registerEstateRoutes(api);
    registerImportRoutes(api);
    registerDeploymentRoutes(api);
    registerCheckRoutes(api);
  },
  jobs: [remindOverdueReviewsJob],
  async seedDemo(deps, council) {
    const cameras = await seedDemoCameras(deps);
    const deployments = await seedDemoDeployments(deps, council);
    const user = (username: string) => ({ id: council.users[username].id, username });
    const checks = await seedDemoChecks(deps, { operators: [user('operator'), user('operator2')], supervisor: user('supervisor') });
    return { ...cameras, ...deployments, ...checks };
  },
  navigation: [
    { key: 'estate', name: 'Cameras', path: '/estate', permission: 'estate.read', group: 'work', description: 'The camera register: every camera on the map and in a table, with its history.' },
    { key: 'estate-deployments', name: 'Mobile cameras', path: '/estate/deployments', permission: 'estate.read', group: 'work', description: 'Mobile camera deployments: requests, approval, signage, reviews and removal.' },
    { key: 'estate-checks', name: 'Daily checks', path: '/estate/checks', permission: 'occurrences.write', group: 'work', order: 2, description: 'The shift’s equipment checks, one key a result, and the faults they raise.' },
    { key: 'estate-check-settings', name: 'Daily check settings', path: '/estate/checks/settings', permission: 'settings.manage', group: 'admin', description: 'When each shift’s round of camera and equipment checks opens, the recorder clock tolerance, and when an unfinished round is flagged.' },
  ],
};
