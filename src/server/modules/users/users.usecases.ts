import type { Deps } from '../../platform/deps';
import { recordAudit, type AuditActor } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import { newOneTimePassword } from '../../platform/auth/tokens';
import { clearLockout, clearMfa, revokeUserSessions, updatePassword } from '../../platform/auth/auth.repository';
import type { Role } from '../../platform/auth/permissions';
import { validationFailed } from '../../platform/http/errors';
import * as repo from './users.repository';
import { checkRolesForOrganisation, toUserDto } from './users.models';
import { cannotChangeSelf, userNotFound, usernameTaken } from './users.errors';

// What an administrator does to accounts. Each use case is one transaction with its audit event.

async function getUser(db: Deps['db'] | Parameters<typeof repo.findUser>[0], id: string) {
  const u = await repo.findUser(db, id);
  if (!u) throw userNotFound();
  return u;
}

async function checkOrgAndTeam(db: Parameters<typeof repo.findUser>[0], { organisationId, teamId, roles }: { organisationId: string; teamId?: string | null; roles: Role[] }) {
  const org = await repo.findOrganisation(db, organisationId);
  if (!org) throw validationFailed([{ path: 'organisationId', message: 'Choose an organisation from the list.' }]);
  if (teamId && !(await repo.findTeam(db, teamId))) throw validationFailed([{ path: 'teamId', message: 'Choose a team from the list.' }]);
  const problems = checkRolesForOrganisation({ roles, organisationIsExternal: org.is_external });
  if (problems.length) throw validationFailed(problems);
}

// Names and email addresses are personal data: reading them is audited like a write.

export async function listUsers(deps: Deps, { actor, filter, page, pageSize }: { actor: AuditActor; filter: repo.UserFilter; page: number; pageSize: number }) {
  return deps.db.transaction().execute(async (trx) => {
    const r = await repo.listUsers(trx, filter, { offset: (page - 1) * pageSize, limit: pageSize });
    await recordAudit(trx, actor, { action: 'users.listed', recordType: 'user', details: { filter, page, shown: r.items.map((u) => u.id) } });
    return { items: r.items.map(toUserDto), total: r.total, page, pageSize };
  });
}

export async function viewUser(deps: Deps, { actor, id }: { actor: AuditActor; id: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const user = toUserDto(await getUser(trx, id));
    await recordAudit(trx, actor, { action: 'user.viewed', recordType: 'user', recordId: id });
    return user;
  });
}

export async function createUser(deps: Deps, { actor, input }: {
  actor: AuditActor; input: { username: string; displayName: string; email?: string | null; organisationId: string; teamId?: string | null; roles: Role[] };
}) {
  const username = input.username.toLowerCase();
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const now = deps.clock.now();
  const user = await deps.db.transaction().execute(async (trx) => {
    if (await repo.isUsernameTaken(trx, username)) throw usernameTaken();
    await checkOrgAndTeam(trx, input);
    const { id } = await repo.insertUser(trx, { username, displayName: input.displayName, email: input.email ?? null, organisationId: input.organisationId, teamId: input.teamId ?? null, passwordHash, now });
    await repo.setRoles(trx, id, input.roles);
    await recordAudit(trx, actor, { action: 'user.created', recordType: 'user', recordId: id, details: { username, roles: input.roles, organisationId: input.organisationId } });
    return getUser(trx, id);
  });
  return { user: toUserDto(user), oneTimePassword };
}

export async function updateUser(deps: Deps, { actor, id, patch }: {
  actor: AuditActor; id: string; patch: { displayName?: string; email?: string | null; organisationId?: string; teamId?: string | null; roles?: Role[] };
}) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    if (patch.roles && id === actor.actorId && before.roles.includes('admin') && !patch.roles.includes('admin')) throw cannotChangeSelf('remove the administrator role from');
    const roles = (patch.roles ?? before.roles) as Role[];
    const organisationId = patch.organisationId ?? before.organisation_id;
    await checkOrgAndTeam(trx, { organisationId, teamId: patch.teamId, roles });
    await repo.updateUser(trx, id, { display_name: patch.displayName, email: patch.email, organisation_id: patch.organisationId, team_id: patch.teamId }, now);
    if (patch.roles) await repo.setRoles(trx, id, patch.roles);
    const after = await getUser(trx, id);
    const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await recordAudit(trx, actor, { action: 'user.updated', recordType: 'user', recordId: id, details: { changed, rolesBefore: before.roles, rolesAfter: after.roles } });
    return toUserDto(after);
  });
}

type AdminAction = 'deactivate' | 'reactivate' | 'reset-mfa' | 'unlock';
const PAST: Record<AdminAction, string> = { deactivate: 'user.deactivated', reactivate: 'user.reactivated', 'reset-mfa': 'user.mfa-reset', unlock: 'user.unlocked' };

export async function applyAdminAction(deps: Deps, { actor, id, action }: { actor: AuditActor; id: string; action: AdminAction }) {
  const now = deps.clock.now();
  if (action === 'deactivate' && id === actor.actorId) throw cannotChangeSelf('deactivate');
  return deps.db.transaction().execute(async (trx) => {
    await getUser(trx, id);
    let sessionsEnded = 0;
    if (action === 'deactivate') {
      await repo.updateUser(trx, id, { is_active: false }, now);
      sessionsEnded = await revokeUserSessions(trx, { userId: id, now });
    } else if (action === 'reactivate') {
      await repo.updateUser(trx, id, { is_active: true }, now);
      await clearLockout(trx, { userId: id, now });
    } else if (action === 'reset-mfa') {
      await clearMfa(trx, { userId: id, now });
      sessionsEnded = await revokeUserSessions(trx, { userId: id, now });
    } else {
      await clearLockout(trx, { userId: id, now });
    }
    await recordAudit(trx, actor, { action: PAST[action], recordType: 'user', recordId: id, details: { sessionsEnded } });
    return toUserDto(await getUser(trx, id));
  });
}

export async function resetPassword(deps: Deps, { actor, id }: { actor: AuditActor; id: string }) {
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await getUser(trx, id);
    await updatePassword(trx, { userId: id, passwordHash, mustChange: true, now });
    await clearLockout(trx, { userId: id, now });
    const sessionsEnded = await revokeUserSessions(trx, { userId: id, now });
    await recordAudit(trx, actor, { action: 'user.password-reset', recordType: 'user', recordId: id, details: { sessionsEnded } });
  });
  return { oneTimePassword };
}

export async function listOrganisations(deps: Deps) {
  const rows = await repo.listOrganisations(deps.db);
  return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, isExternal: o.is_external }));
}

export async function listTeams(deps: Deps) {
  return (await repo.listTeams(deps.db)).map((t) => ({ id: t.id, name: t.name }));
}
