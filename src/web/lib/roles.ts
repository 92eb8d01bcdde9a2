// Role names for display where the roles list (an admin-only API) is not to hand.
const ROLE_NAMES: Record<string, string> = {
  operator: 'CCTV operator',
  supervisor: 'Control room supervisor',
  enforcement_officer: 'CCTV enforcement officer',
  coordinator: 'CCTV coordinator',
  ooh_officer: 'Out-of-hours officer',
  patrol_officer: 'Community protection officer',
  contractor: 'Maintenance contractor',
  agency: 'Partner agency',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role.replace(/_/g, ' ');
}

export function roleNames(roles: string[]): string {
  return roles.map(roleName).join(', ');
}

export const ALL_ROLES = Object.keys(ROLE_NAMES);
