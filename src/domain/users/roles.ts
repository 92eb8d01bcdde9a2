// The roles people hold, with the names and descriptions people see. Which permissions each role
// grants is the server's one map (src/server/platform/auth/permissions.ts).

export const ROLES = [
  'operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer',
  'patrol_officer', 'patrol_leader', 'contractor', 'agency', 'auditor', 'admin',
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
  patrol_leader: { name: 'Community protection team leader', description: 'Leads the patrol team: officers on patrol, notices and devices’ sync, parish contracts; processes PCNs and FPNs after issue.' },
  contractor: { name: 'Maintenance contractor (external)', description: 'Sees and updates the faults assigned to their company.' },
  agency: { name: 'Partner agency (external)', description: 'Police or insurer: requests footage and receives only what was released to them.' },
  auditor: { name: 'Auditor', description: 'Reads the audit trail and verifies its integrity.' },
  admin: { name: 'Administrator', description: 'Manages users, roles and settings; reviews personal data due for removal.' },
};

export const isRoleCode = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A role's name as people read it; an unknown code is shown as words rather than hidden. */
export const roleName = (role: string): string => (isRoleCode(role) ? ROLE_INFO[role].name : role.replace(/_/g, ' '));
