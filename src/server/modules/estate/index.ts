export { registerEstateRoutes } from './estate.routes';
export { findCamerasByIds, insertCameras, listCameras } from './estate.repository';
export { toCameraDto } from './estate.models';
export { DEMO_CAMERAS } from './estate.demo';
