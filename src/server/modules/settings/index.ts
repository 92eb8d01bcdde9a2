import type { VigilModule } from '../../platform/modules';
import { registerSettingsRoutes } from './settings.routes';

/** Site-wide policy administrators keep (which roles must use two-factor authentication; how long personal data is kept). */
export const settingsModule: VigilModule = {
  key: 'settings',
  routes: (api) => registerSettingsRoutes(api),
  navigation: [
    { key: 'retention-settings', name: 'Retention settings', path: '/admin/retention', permission: 'settings.manage', group: 'admin', description: 'How long names and details in the occurrence log are kept, and how long footage and exhibits are kept before destruction or review.' },
    { key: 'security-settings', name: 'Security settings', path: '/admin/security', permission: 'settings.manage', group: 'admin', description: 'Choose which roles must use two-factor authentication.' },
  ],
};
