// The one map from role to permissions. Every route names one permission from PERMISSIONS (or
// 'public' / 'authenticated'); the API test walks every route with every role against this map.

export const ROLES = [
  'operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer',
  'patrol_officer', 'contractor', 'agency', 'auditor', 'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** External roles belong to another organisation and see only what was shared with it. */
export const EXTERNAL_ROLES: readonly Role[] = ['contractor', 'agency'];

export const ROLE_INFO: Record<Role, { name: string; description: string }> = {
  operator: { name: 'CCTV operator', description: 'Watches cameras, keeps the occurrence log, hands over the shift, produces evidential copies.' },
  supervisor: { name: 'Control room supervisor', description: 'Everything an operator does, plus oversight of the shift, handovers and procedures, and the review of personal data due for removal.' },
  enforcement_officer: { name: 'CCTV enforcement officer', description: 'Mobile deployments, footage review, exhibits, statements, subject access and FOI requests, complaints.' },
  coordinator: { name: 'CCTV coordinator', description: 'Maintenance contract, compliance with the Surveillance Camera Code, crime analysis and reporting.' },
  ooh_officer: { name: 'Out-of-hours officer', description: 'Emergency calls, lone-worker welfare checks, alarms, major incidents, bus-lane review.' },
  patrol_officer: { name: 'Community protection officer', description: 'Patrols, parking PCNs and fixed penalty notices from a handheld device.' },
  contractor: { name: 'Maintenance contractor (external)', description: 'Sees and updates the faults assigned to their company.' },
  agency: { name: 'Partner agency (external)', description: 'Police or insurer: requests footage and receives only what was released to them.' },
  auditor: { name: 'Auditor', description: 'Reads the audit trail and verifies its integrity.' },
  admin: { name: 'Administrator', description: 'Manages users, roles and settings; reviews personal data due for removal.' },
};

export const PERMISSIONS = [
  'users.manage',
  'settings.manage',
  'audit.read',
  'occurrences.read', 'occurrences.write', 'occurrences.supervise', 'occurrences.review_personal_data',
  'estate.read', 'estate.manage',
  'maintenance.read', 'maintenance.manage',
  'evidence.read', 'evidence.manage',
  'requests.read', 'requests.manage',
  'enforcement.read', 'enforcement.manage',
  'field.use',
  'ooh.use',
  'analysis.read',
  'governance.read', 'governance.manage',
  'shared.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route may require: a permission, any signed-in user, or nobody at all. */
export type Access = Permission | 'authenticated' | 'public';

const CONTROL_ROOM: Permission[] = ['occurrences.read', 'occurrences.write', 'estate.read', 'evidence.read', 'evidence.manage', 'maintenance.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator: CONTROL_ROOM,
  supervisor: [...CONTROL_ROOM, 'occurrences.supervise', 'occurrences.review_personal_data', 'estate.manage', 'requests.read', 'analysis.read', 'governance.read'],
  enforcement_officer: ['occurrences.read', 'estate.read', 'estate.manage', 'evidence.read', 'evidence.manage', 'requests.read', 'requests.manage', 'governance.read'],
  coordinator: ['occurrences.read', 'estate.read', 'estate.manage', 'maintenance.read', 'maintenance.manage', 'analysis.read', 'governance.read', 'governance.manage', 'requests.read'],
  ooh_officer: ['ooh.use', 'occurrences.read', 'enforcement.read', 'enforcement.manage', 'estate.read'],
  patrol_officer: ['field.use', 'enforcement.read', 'enforcement.manage'],
  contractor: ['shared.read'],
  agency: ['shared.read'],
  auditor: ['audit.read'],
  // Reviewing personal data lists references and dates, never names: an administrator needs no occurrences.read for it.
  admin: ['users.manage', 'settings.manage', 'audit.read', 'occurrences.review_personal_data'],
};

export function permissionsFor(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r as Role] ?? []) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function isAllowed({ access, roles, signedIn }: { access: Access; roles: readonly string[]; signedIn: boolean }): boolean {
  if (access === 'public') return true;
  if (!signedIn) return false;
  if (access === 'authenticated') return true;
  return permissionsFor(roles).includes(access);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A user is internal (council staff) or external (contractor, agency), never both. */
export function checkRoleMix(roles: readonly Role[]): string | undefined {
  if (roles.length === 0) return 'Choose at least one role.';
  const external = roles.filter((r) => EXTERNAL_ROLES.includes(r));
  if (external.length && external.length !== roles.length) return 'External roles (contractor, agency) cannot be combined with council roles.';
  return undefined;
}
