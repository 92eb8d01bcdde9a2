import { checkRoleMix, EXTERNAL_ROLES, type Role } from '../../platform/auth/permissions';
import type { FieldError } from '../../platform/http/errors';

/** A user's roles must suit their organisation: council staff hold council roles, externals external ones. */
export function checkRolesForOrganisation({ roles, organisationIsExternal }: { roles: Role[]; organisationIsExternal: boolean }): FieldError[] {
  const mix = checkRoleMix(roles);
  if (mix) return [{ path: 'roles', message: mix }];
  const external = roles.every((r) => EXTERNAL_ROLES.includes(r));
  if (external && !organisationIsExternal) return [{ path: 'organisationId', message: 'Contractor and agency users must belong to their own organisation, not the council.' }];
  if (!external && organisationIsExternal) return [{ path: 'roles', message: 'Users of an external organisation can only have the contractor or agency role.' }];
  return [];
}

export function toUserDto(r: {
  id: string; username: string; display_name: string; email: string | null; roles: string[]; organisation_id: string; organisation_name: string;
  team_id: string | null; team_name: string | null; is_active: boolean; mfa_enabled_at: Date | null; last_sign_in_at: Date | null; locked_until: Date | null; created_at: Date;
}) {
  return {
    id: r.id, username: r.username, displayName: r.display_name, email: r.email, roles: r.roles,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    isActive: r.is_active, mfaEnabled: !!r.mfa_enabled_at,
    lastSignInAt: r.last_sign_in_at?.toISOString() ?? null, lockedUntil: r.locked_until?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
  };
}
