import type { Deps } from '../../platform/deps';
import { recordAudit, type AuditActor } from '../../platform/audit/audit';
import { getSetting, putSetting } from '../../platform/auth/auth.repository';
import { MFA_ROLES_KEY } from '../../platform/auth/auth.usecases';
import type { Role } from '../../platform/auth/permissions';
import { getRetentionDays, REMOVAL_DAYS_KEY, REVIEW_DAYS_KEY } from '../occurrences';

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

/** How long personal data in the occurrence log is kept (review and removal ages, in days). */
export const getRetentionSettings = (deps: Deps) => getRetentionDays(deps);

export async function updateRetentionSettings(deps: Deps, { actor, reviewDays, removalDays }: { actor: AuditActor; reviewDays: number; removalDays: number }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await getRetentionDays({ db: trx });
    await putSetting(trx, { key: REVIEW_DAYS_KEY, value: reviewDays, userId: actor.actorId, now });
    await putSetting(trx, { key: REMOVAL_DAYS_KEY, value: removalDays, userId: actor.actorId, now });
    const after = { reviewDays, removalDays };
    await recordAudit(trx, actor, { action: 'settings.changed', recordType: 'setting', recordId: 'occurrences.personal_data_retention', details: { before, after } });
    return after;
  });
}
