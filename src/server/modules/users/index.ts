import type { VigilModule } from '../../platform/modules';
import { registerUserRoutes } from './users.routes';

export { createUser } from './users.usecases';

/** People, their organisations, teams and roles. */
export const usersModule: VigilModule = {
  key: 'users',
  routes: (api) => registerUserRoutes(api),
  navigation: [
    { key: 'users', name: 'Users', path: '/admin/users', permission: 'users.manage', group: 'admin', description: 'Create accounts, set roles, reset passwords and two-factor authentication, unlock accounts.' },
  ],
};
