import { ROLE_INFO, isRoleCode } from '../../domain/users/roles';

// Role names for display where the roles list (an admin-only API) is not to hand: the users contract's.

export function roleName(role: string): string {
  return isRoleCode(role) ? ROLE_INFO[role].name : role.replace(/_/g, ' ');
}

export function roleNames(roles: string[]): string {
  return roles.map(roleName).join(', ');
}
