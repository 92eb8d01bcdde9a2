export type Stage = 'active' | 'mfa' | 'mfa_enrolment' | 'password_change';

export interface Session {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: string[];
    permissions: string[];
    organisation: { id: string; name: string; isExternal: boolean };
    mfaEnabled: boolean;
    mfaRequired: boolean;
  };
  stage: Stage;
  csrfToken: string;
  expiresAt: string;
  idleTimeoutMinutes: number;
}

export interface Meta {
  councilName: string;
  councilColour: string;
  version: string;
  /** A base map under the council's own layers, where the site has a tile server (its address to signed-in users only). */
  map: { tiles: string | null; attribution: string };
  demo: boolean;
}

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

export type { ModuleEntry as Module } from '../../domain/platform/contract';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: string[];
  organisation: { id: string; name: string };
  team: { id: string; name: string } | null;
  isActive: boolean;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  isExternal: boolean;
}

export interface Team {
  id: string;
  name: string;
}

export interface RoleInfo {
  role: string;
  name: string;
  description: string;
  external: boolean;
  permissions: string[];
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  userAgent: string | null;
  details: unknown;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}
