import type { Role } from '../../src/server/platform/auth/permissions';
import type { Deps } from '../../src/server/platform/deps';

// The route × role walk's table, written by hand: for each route, who may call it. It is not read
// from the permission map the guard uses, so that a wrong grant there (agency given
// occurrences.read, say) fails the walk instead of passing with it. Each module keeps its part of
// the table beside its routes, in <module>.walk.ts; test/routes.api.test.ts walks them all.

export type Stage = 'password_change' | 'mfa_enrolment' | 'mfa';
export const HALF_SIGNED_IN: readonly Stage[] = ['password_change', 'mfa_enrolment', 'mfa'];

/** Every role, written out (the walk checks this against the product's list). */
export const EVERY_ROLE: readonly Role[] = [
  'operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer', 'patrol_officer', 'patrol_leader', 'contractor', 'agency', 'auditor', 'admin',
];
/** Council staff who read the occurrence log: the control room and the officers who work from it. */
export const LOG_READERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer'];
/** Who keeps the log: the control room. */
export const LOG_WRITERS: readonly Role[] = ['operator', 'supervisor'];
/** Who sees the camera register. */
export const CAMERA_READERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer'];
/** Who reads the maintenance contract (maintenance.read): the control room, enforcement officers (its invoices), coordinators, out-of-hours officers, and administrators (its SLA terms). */
export const MAINTENANCE_READERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer', 'admin'];
/** Who runs it (maintenance.manage): coordinators. */
export const MAINTENANCE_MANAGERS: readonly Role[] = ['coordinator'];
/** Who raises and triages faults (maintenance.faults): the control room, coordinators and out-of-hours officers. */
export const FAULT_HANDLERS: readonly Role[] = ['operator', 'supervisor', 'coordinator', 'ooh_officer'];
/** The contractor's engineers (maintenance.contract_work): their own contract's faults, through the portal. */
export const CONTRACTORS: readonly Role[] = ['contractor'];
/** Who reads the register of information requests (requests.read). */
export const REQUEST_READERS: readonly Role[] = ['supervisor', 'enforcement_officer', 'coordinator'];
/** Who deals with them (requests.manage): enforcement officers and coordinators. */
export const REQUEST_HANDLERS: readonly Role[] = ['enforcement_officer', 'coordinator'];
/** Who books and records viewings of footage in the control room (requests.viewings). */
export const VIEWING_KEEPERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer', 'coordinator'];
/** Partner agencies' users (requests.submit): their own organisation's requests only. */
export const AGENCIES: readonly Role[] = ['agency'];
/** Who reviews personal data due for removal (references and dates, never names). */
export const PERSONAL_DATA_REVIEWERS: readonly Role[] = ['supervisor', 'admin'];
/** Who runs the out-of-hours service (ooh.use): out-of-hours officers and the control-room manager. */
export const OOH_OFFICERS: readonly Role[] = ['supervisor', 'ooh_officer'];
/** Who sets it up (ooh.manage): the control-room manager and administrators. */
export const OOH_MANAGERS: readonly Role[] = ['supervisor', 'admin'];
/** Who may work alone under the lone-working service (lone_working.self): council staff in the field or on site. */
export const LONE_WORKERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer', 'patrol_officer', 'patrol_leader'];
/** The handheld's users, their team leader, and who processes notices after issue. */
export const FIELD_USERS: readonly Role[] = ['patrol_officer', 'patrol_leader'];
export const FIELD_LEADERS: readonly Role[] = ['patrol_leader'];
export const ENFORCEMENT_READERS: readonly Role[] = ['enforcement_officer', 'ooh_officer', 'patrol_officer', 'patrol_leader'];
export const ENFORCEMENT_PROCESSORS: readonly Role[] = ['enforcement_officer', 'patrol_leader'];
export const SUPERVISORS: readonly Role[] = ['supervisor'];
export const ADMINS: readonly Role[] = ['admin'];
export const AUDITORS: readonly Role[] = ['auditor', 'admin'];
/** Partner agencies and contractors: only what was shared with their organisation. */
export const PARTNERS: readonly Role[] = ['agency', 'contractor'];

export interface WalkCtx {
  deps: Deps;
  /** The caller (a fresh user for each call; an operator stands in for the anonymous caller). */
  user: { id: string; username: string; password: string; organisationId: string };
  councilOrgId: string;
  /** Values a fixture's path step leaves for its body step. */
  bag: Record<string, string>;
}

export interface WalkCase {
  /** Who may call it: a list of roles, every signed-in user, or anyone (signed in or not). */
  allowed: readonly Role[] | 'signed-in' | 'public';
  /** The sign-in stages in which it works (default: fully signed in only). */
  stages?: readonly (Stage | 'active')[];
  path?: (ctx: WalkCtx) => Promise<string> | string;
  body?: (ctx: WalkCtx) => Promise<unknown> | unknown;
  /** When a business rule, not access, decides an allowed caller's answer. */
  allowedStatus?: (roles: Role[], ctx: WalkCtx) => Promise<number[]> | number[];
  /** A Server-Sent Events stream: the walk reads its first event, then hangs up. */
  stream?: true;
}

/** One module's part of the table, keyed 'METHOD /api/v1/path/:param'. */
export type Walk = Record<string, WalkCase>;

const EXTERNAL: readonly Role[] = ['agency', 'contractor'];

/**
 * The answer a caller must get. 401 signed out; 403 part-way through signing in; once signed in,
 * a refusal is 403 for council staff (who may know the council's records exist) and 404 for
 * partners and contractors (who may not). Allowed callers get the fixture's answer.
 */
export function expected(c: WalkCase, caller: { role?: Role; stage?: Stage | 'active' }): 'allowed' | 401 | 403 | 404 {
  if (c.allowed === 'public') return 'allowed';
  if (!caller.role) return 401;
  if (!(c.stages ?? ['active']).includes(caller.stage ?? 'active')) return 403;
  if (c.allowed === 'signed-in' || c.allowed.includes(caller.role)) return 'allowed';
  return EXTERNAL.includes(caller.role) ? 404 : 403;
}
