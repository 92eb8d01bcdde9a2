import type { Deps } from '../../platform/deps';
import { recordAudit, type AuditActor } from '../../platform/audit/audit';
import { getSetting, putSetting } from '../../platform/auth/auth.repository';
import { MFA_ROLES_KEY } from '../../platform/auth/auth.usecases';
import type { Role } from '../../platform/auth/permissions';

// Security policy an administrator may change. Every change is audited with before and after.

export async function getSecuritySettings(deps: Deps) {
  return { mfaRequiredRoles: await getSetting<Role[]>(deps.db, MFA_ROLES_KEY, []) };
}

export async function updateSecuritySettings(deps: Deps, { actor, mfaRequiredRoles }: { actor: AuditActor; mfaRequiredRoles: Role[] }) {
  const now = deps.clock.now();
  const roles = [...new Set(mfaRequiredRoles)].sort();
  return deps.db.transaction().execute(async (trx) => {
    const before = await getSetting<Role[]>(trx, MFA_ROLES_KEY, []);
    await putSetting(trx, { key: MFA_ROLES_KEY, value: roles, userId: actor.actorId, now });
    await recordAudit(trx, actor, { action: 'settings.changed', recordType: 'setting', recordId: MFA_ROLES_KEY, details: { before, after: roles } });
    return { mfaRequiredRoles: roles };
  });
}
