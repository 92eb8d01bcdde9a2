import type { VigilModule } from '../../platform/modules';
import { registerSettingsRoutes } from './settings.routes';

/** Site-wide policy administrators keep (today: which roles must use two-factor authentication). */
export const settingsModule: VigilModule = {
  key: 'settings',
  routes: (api) => registerSettingsRoutes(api),
  navigation: [
    { key: 'security-settings', name: 'Security settings', path: '/admin/security', permission: 'settings.manage', group: 'admin', description: 'Choose which roles must use two-factor authentication.' },
  ],
};
