import type { VigilModule } from '../../platform/modules';
import { registerEstateRoutes } from './estate.routes';
import { DEMO_CAMERAS } from './estate.demo';
import { insertCameras } from './estate.repository';
import { registerCheckRoutes } from './checks/checks.routes';
import { seedDemoChecks } from './checks/checks.demo';

export { findCamerasByIds, insertCameras, listCameras } from './estate.repository';
export { toCameraDto } from './estate.models';
export { DEMO_CAMERAS } from './estate.demo';

/** The camera estate: today the register the occurrence log points at. */
export const estateModule: VigilModule = {
  key: 'estate',
  routes: (api) => { registerEstateRoutes(api); registerCheckRoutes(api); },
  async seedDemo(deps, council) {
    await insertCameras(deps.db, DEMO_CAMERAS.map((c) => ({ reference: c.reference, name: c.name, location_text: c.location, latitude: c.lat, longitude: c.lon, kind: c.kind })));
    const user = (username: string) => ({ id: council.users[username].id, username });
    const checks = await seedDemoChecks(deps, { operators: [user('operator'), user('operator2')], supervisor: user('supervisor') });
    return { cameras: DEMO_CAMERAS.length, ...checks };
  },
  navigation: [
    { key: 'estate', name: 'Cameras', path: '/estate', permission: 'estate.read', group: 'work', description: 'Cameras, mobile deployments and daily checks.', coming: 'The camera estate: fixed and mobile cameras, deployments with justification and review dates, daily checks.' },
  ],
};
