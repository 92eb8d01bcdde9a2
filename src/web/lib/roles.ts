import { roleName } from '../../domain/users/roles';

// Role names for display where the roles list (an admin-only API) is not to hand: the users contract's.
export { roleName };

export function roleNames(roles: string[]): string {
  return roles.map(roleName).join(', ');
}
