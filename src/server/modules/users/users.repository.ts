import { sql } from 'kysely';
import type { Db } from '../../platform/db/db';
import type { Role } from '../../platform/auth/permissions';

export interface UserFilter { q?: string; role?: Role; status: 'active' | 'inactive' | 'all'; organisationId?: string }

function base(db: Db) {
  return db.selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('teams as t', 't.id', 'u.team_id');
}

const columns = [
  'u.id', 'u.username', 'u.display_name', 'u.email', 'u.is_active', 'u.mfa_enabled_at', 'u.last_sign_in_at', 'u.locked_until', 'u.created_at',
  'o.id as organisation_id', 'o.name as organisation_name', 'o.is_external as organisation_is_external', 't.id as team_id', 't.name as team_name',
  sql<string[]>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as('roles'),
] as const;

function filtered(db: Db, f: UserFilter) {
  let q = base(db);
  if (f.status === 'active') q = q.where('u.is_active', '=', true);
  if (f.status === 'inactive') q = q.where('u.is_active', '=', false);
  if (f.organisationId) q = q.where('u.organisation_id', '=', f.organisationId);
  if (f.role) q = q.where(({ exists, selectFrom }) => exists(selectFrom('user_roles as r').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', f.role!)));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  return q;
}

export type UserRow = Awaited<ReturnType<typeof findUser>> & object;

export async function listUsers(db: Db, f: UserFilter, page: { offset: number; limit: number }) {
  const [items, total] = await Promise.all([
    filtered(db, f).select(columns).orderBy('u.display_name').orderBy('u.username').offset(page.offset).limit(page.limit).execute(),
    filtered(db, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findUser(db: Db, id: string) {
  return base(db).select(columns).where('u.id', '=', id).executeTakeFirst();
}

export async function isUsernameTaken(db: Db, username: string) {
  return !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertUser(db: Db, u: { username: string; displayName: string; email: string | null; organisationId: string; teamId: string | null; passwordHash: string; now: Date }) {
  return db.insertInto('users').values({
    username: u.username, display_name: u.displayName, email: u.email, organisation_id: u.organisationId, team_id: u.teamId,
    password_hash: u.passwordHash, must_change_password: true, created_at: u.now, updated_at: u.now,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, id: string, patch: { display_name?: string; email?: string | null; organisation_id?: string; team_id?: string | null; is_active?: boolean }, now: Date) {
  await db.updateTable('users').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
}

export async function setRoles(db: Db, userId: string, roles: readonly Role[]) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganisations(db: Db) {
  return db.selectFrom('organisations').selectAll().orderBy('is_external').orderBy('name').execute();
}

export async function listTeams(db: Db) {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}
