// The one map from role to permissions. Every route names one permission from PERMISSIONS (or
// 'public' / 'authenticated'); the API test walks every route with every role against this map.

// Roles, their names and which are external belong to the users contract (shared with the web app).
import { EXTERNAL_ROLES, ROLES, ROLE_INFO, type Role } from '../../../domain/users/roles';
export { EXTERNAL_ROLES, ROLES, ROLE_INFO, type Role };

export const PERMISSIONS = [
  'users.manage',
  'settings.manage',
  'audit.read',
  'occurrences.read', 'occurrences.write', 'occurrences.supervise', 'occurrences.review_personal_data',
  'estate.read', 'estate.manage', 'estate.approve',
  'maintenance.read', 'maintenance.manage', 'maintenance.parts', 'maintenance.invoices', 'maintenance.faults', 'maintenance.contract_work',
  'evidence.read', 'evidence.manage', 'evidence.verify',
  'requests.read', 'requests.manage', 'requests.viewings', 'requests.submit',
  'enforcement.read', 'enforcement.manage',
  'enforcement.process',
  'field.use', 'field.lead',
  'ooh.use', 'ooh.manage', 'lone_working.self',
  'analysis.read',
  'governance.read', 'governance.manage',
  'shared.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route may require: a permission, any signed-in user, or nobody at all. */
export type Access = Permission | 'authenticated' | 'public';

// The control room raises faults and triages them (priority, clock stops, notes); the coordinator accepts or reopens a fix.
// Operators book and record police viewings of footage in the control room (requests.viewings).
const CONTROL_ROOM: Permission[] = ['occurrences.read', 'occurrences.write', 'estate.read', 'evidence.read', 'evidence.manage', 'maintenance.read', 'maintenance.faults', 'requests.viewings'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator: [...CONTROL_ROOM, 'lone_working.self'],
  // The control-room manager oversees the out-of-hours service too: its calls, lone workers, the
  // absences reported overnight, and sets its rota, categories and escalation ladder (ooh.manage).
  supervisor: [...CONTROL_ROOM, 'occurrences.supervise', 'occurrences.review_personal_data', 'estate.manage', 'requests.read', 'analysis.read', 'governance.read', 'ooh.use', 'ooh.manage', 'lone_working.self'],
  // Enforcement officers raise and monitor the contract's invoices (coordinators approve them), against its budget.
  // Enforcement officers deal with subject access requests and the public's queries and complaints.
  enforcement_officer: ['enforcement.read', 'enforcement.process', 'occurrences.read', 'estate.read', 'estate.manage', 'evidence.read', 'evidence.manage', 'requests.read', 'requests.manage', 'requests.viewings', 'governance.read', 'maintenance.read', 'maintenance.invoices', 'lone_working.self'],
  // Approving or refusing a mobile camera deployment is the coordinator's alone (the Code's named responsible person).
  // Coordinators deal with requests for footage, FOI requests, formal complaints and members' enquiries.
  coordinator: ['occurrences.read', 'estate.read', 'estate.manage', 'estate.approve', 'maintenance.read', 'maintenance.manage', 'maintenance.parts', 'maintenance.invoices', 'maintenance.faults', 'analysis.read', 'governance.read', 'governance.manage', 'requests.read', 'requests.manage', 'requests.viewings', 'evidence.verify', 'lone_working.self'],
  // Out-of-hours officers sign spare parts out to the contractor's engineers at night.
  // Everyone who may work alone starts their own lone-working session and checks in (lone_working.self).
  ooh_officer: ['ooh.use', 'occurrences.read', 'enforcement.read', 'enforcement.manage', 'estate.read', 'maintenance.read', 'maintenance.faults', 'maintenance.parts', 'lone_working.self'],
  // Community protection officers issue PCNs and FPNs from the handheld (field.use) and read them
  // back; what follows issue (payments, representations, notices to owner, prosecution) is processed
  // by someone other than the officer who issued it (enforcement.process).
  patrol_officer: ['field.use', 'enforcement.read', 'enforcement.manage', 'lone_working.self'],
  // The team leader sees the team: officers on patrol, every device's sync backlog, the day's
  // figures and the parish and town councils' contracts (field.lead).
  patrol_leader: ['field.use', 'field.lead', 'enforcement.read', 'enforcement.manage', 'enforcement.process', 'lone_working.self'],
  // A contractor's engineers work their own contract's faults through the portal, and nothing else of the council's.
  contractor: ['shared.read', 'maintenance.contract_work'],
  // A partner agency asks for footage in the app and follows its own organisation's requests.
  agency: ['shared.read', 'requests.submit'],
  auditor: ['audit.read'],
  // Reviewing personal data lists references and dates, never names: an administrator needs no occurrences.read for it.
  // Administrators set the maintenance contract's SLA terms, so they read the contract too.
  // Administrators set up the out-of-hours service (categories, rota, escalation ladder, buildings) with the control-room manager.
  admin: ['users.manage', 'settings.manage', 'audit.read', 'occurrences.review_personal_data', 'evidence.verify', 'maintenance.read', 'ooh.manage'],
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
