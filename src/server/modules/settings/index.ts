export { registerSettingsRoutes } from './settings.routes';
