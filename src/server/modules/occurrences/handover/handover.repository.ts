import type { ShiftSection } from '../../../../domain/platform/contract';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Role } from '../../../platform/auth/permissions';

// SQL for shift handovers, outstanding actions and supervisor alerts.

export async function listOpenOccurrences(db: Db) {
  return db.selectFrom('occurrences as o').innerJoin('occurrence_categories as c', 'c.id', 'o.category_id')
    .select(['o.id', 'o.reference', 'o.summary', 'o.opened_at', 'o.priority', 'c.name as category_name'])
    .where('o.status', '=', 'open').orderBy('o.opened_at').execute();
}

const actionColumns = [
  'a.id', 'a.text', 'a.due_at', 'a.created_at', 'a.done_at', 'a.occurrence_id', 'a.handover_id',
  'owner.id as owner_id', 'owner.display_name as owner_name', 'o.reference as occurrence_reference',
] as const;

const actions = (db: Db) => db.selectFrom('outstanding_actions as a').innerJoin('users as owner', 'owner.id', 'a.owner_id').leftJoin('occurrences as o', 'o.id', 'a.occurrence_id')
  .select(actionColumns);

export async function listOpenActions(db: Db) {
  return actions(db).where('a.done_at', 'is', null).orderBy('a.due_at').execute();
}

/** An operator's open actions: those they own or set, and those in handovers they acknowledged. */
export async function listOperatorOpenActions(db: Db, userId: string) {
  return actions(db).where('a.done_at', 'is', null).where((eb) => eb.or([
    eb('a.owner_id', '=', userId),
    eb('a.created_by', '=', userId),
    eb('a.handover_id', 'in', eb.selectFrom('handovers').select('id').where('acknowledged_by', '=', userId)),
    eb('a.id', 'in', eb.selectFrom('handover_carried_actions as hc').innerJoin('handovers as h', 'h.id', 'hc.handover_id').select('hc.action_id').where('h.acknowledged_by', '=', userId)),
  ])).orderBy('a.due_at').execute();
}

export async function linkCarriedActions(db: Db, { handoverId, actionIds }: { handoverId: string; actionIds: string[] }) {
  if (!actionIds.length) return;
  await db.insertInto('handover_carried_actions').values(actionIds.map((action_id) => ({ handover_id: handoverId, action_id }))).execute();
}

export async function carriedActions(db: Db, handoverId: string) {
  return actions(db).innerJoin('handover_carried_actions as hc', 'hc.action_id', 'a.id').where('hc.handover_id', '=', handoverId).orderBy('a.due_at').execute();
}

/** What one operator did between two times: the occurrences they wrote in, and how. */
export async function listShiftWork(db: Db, { userId, from, to }: { userId: string; from: Date; to: Date }) {
  return db.selectFrom('occurrence_entries as e').innerJoin('occurrences as o', 'o.id', 'e.occurrence_id')
    .select(['o.id', 'o.reference', 'o.summary', 'o.status',
      sql<boolean>`bool_or(e.kind = 'opened')`.as('opened'), sql<boolean>`bool_or(e.kind = 'closed')`.as('closed'),
      sql<number>`count(*)::int`.as('entries'), sql<Date>`min(e.recorded_at)`.as('first_at')])
    .where('e.author_id', '=', userId).where('e.recorded_at', '>=', from).where('e.recorded_at', '<=', to)
    .groupBy(['o.id', 'o.reference', 'o.summary', 'o.status']).orderBy('first_at').execute();
}

/** Open occurrences in the handovers an operator acknowledged since a time: handed to them, so theirs to pass on. */
export async function listOccurrencesHandedTo(db: Db, { userId, since }: { userId: string; since: Date }) {
  return (await db.selectFrom('handover_occurrences as ho').innerJoin('handovers as h', 'h.id', 'ho.handover_id').select('ho.occurrence_id')
    .where('h.acknowledged_by', '=', userId).where('h.acknowledged_at', '>=', since).execute()).map((r) => r.occurrence_id);
}

/** The times that mark where an operator's shift began. */
export async function shiftMarks(db: Db, { userId, sessionId }: { userId: string; sessionId?: string }) {
  const [acknowledged, handedOver, session] = await Promise.all([
    db.selectFrom('handovers').select(({ fn }) => fn.max('acknowledged_at').as('at')).where('acknowledged_by', '=', userId).executeTakeFirst(),
    db.selectFrom('handovers').select(({ fn }) => fn.max('created_at').as('at')).where('from_user_id', '=', userId).executeTakeFirst(),
    sessionId ? db.selectFrom('sessions').select('created_at as at').where('id', '=', sessionId).executeTakeFirst() : undefined,
  ]);
  return { acknowledgedAt: acknowledged?.at ?? null, previousHandoverAt: handedOver?.at ?? null, signedInAt: session?.at ?? null };
}

/** Active council staff who may take a handover (their roles can write the log), and teams with such members. */
export async function listAddressees(db: Db, writerRoles: readonly Role[]) {
  const [people, teams] = await Promise.all([
    db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.display_name as name', 'u.username'])
      .where('u.is_active', '=', true).where('o.is_external', '=', false)
      .where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.role', 'in', writerRoles)))
      .orderBy('u.display_name').execute(),
    db.selectFrom('teams as t').select(['t.id', 't.name'])
      .where((eb) => eb.exists(eb.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').innerJoin('user_roles as r', 'r.user_id', 'u.id').select('u.id')
        .whereRef('u.team_id', '=', 't.id').where('u.is_active', '=', true).where('o.is_external', '=', false).where('r.role', 'in', writerRoles)))
      .orderBy('t.name').execute(),
  ]);
  return { people, teams };
}

export async function findTeamOf(db: Db, userId: string) {
  return (await db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirst())?.team_id ?? null;
}

export async function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function insertActions(db: Db, actions: { text: string; ownerId: string; dueAt: Date; occurrenceId: string | null; by: string; at: Date; handoverId: string | null }[]) {
  if (!actions.length) return [];
  return db.insertInto('outstanding_actions').values(actions.map((a) => ({
    text: a.text, owner_id: a.ownerId, due_at: a.dueAt, occurrence_id: a.occurrenceId, created_by: a.by, created_at: a.at, handover_id: a.handoverId,
  }))).returning('id').execute();
}

export async function completeAction(db: Db, { id, by, at }: { id: string; by: string; at: Date }) {
  const r = await db.updateTable('outstanding_actions').set({ done_at: at, done_by: by }).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findAction(db: Db, id: string) {
  return db.selectFrom('outstanding_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHandover(db: Db, h: {
  fromUserId: string; to: { kind: 'user' | 'team'; id: string }; shiftStartedAt: Date; at: Date; notes: string; equipmentFaults: string; duties: ShiftSection[];
}) {
  return db.insertInto('handovers').values({
    from_user_id: h.fromUserId, to_user_id: h.to.kind === 'user' ? h.to.id : null, to_team_id: h.to.kind === 'team' ? h.to.id : null,
    shift_started_at: h.shiftStartedAt, created_at: h.at, notes: h.notes, equipment_faults: h.equipmentFaults, duties: JSON.stringify(h.duties),
  })
    .returning('id').executeTakeFirstOrThrow();
}

export async function linkOccurrences(db: Db, { handoverId, occurrenceIds }: { handoverId: string; occurrenceIds: string[] }) {
  if (!occurrenceIds.length) return;
  await db.insertInto('handover_occurrences').values(occurrenceIds.map((occurrence_id) => ({ handover_id: handoverId, occurrence_id }))).execute();
}

export async function lockHandover(db: Db, id: string) {
  return db.selectFrom('handovers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function acknowledge(db: Db, { id, by, at }: { id: string; by: string; at: Date }) {
  await db.updateTable('handovers').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id).execute();
}

const handovers = (db: Db) => db.selectFrom('handovers as h').innerJoin('users as f', 'f.id', 'h.from_user_id').leftJoin('users as a', 'a.id', 'h.acknowledged_by')
  .leftJoin('users as tu', 'tu.id', 'h.to_user_id').leftJoin('teams as tt', 'tt.id', 'h.to_team_id')
  .select(['f.display_name as from_name', 'a.display_name as acknowledged_by_name', 'tu.display_name as to_user_name', 'tt.name as to_team_name']);

export async function listHandovers(db: Db, { unacknowledgedOnly, waitingFor, limit }: {
  unacknowledgedOnly: boolean; waitingFor?: { userId: string; teamId: string | null }; limit: number;
}) {
  let q = handovers(db)
    .select(['h.id', 'h.created_at', 'h.acknowledged_at', 'h.shift_started_at', 'h.from_user_id', 'h.to_user_id', 'h.to_team_id',
      sql<number>`(select count(*)::int from handover_occurrences ho where ho.handover_id = h.id)`.as('occurrence_count'),
      sql<number>`(select count(*)::int from outstanding_actions oa where oa.handover_id = h.id) + (select count(*)::int from handover_carried_actions hc where hc.handover_id = h.id)`.as('action_count')]);
  if (unacknowledgedOnly || waitingFor) q = q.where('h.acknowledged_at', 'is', null);
  if (waitingFor) {
    const { userId, teamId } = waitingFor;
    q = q.where('h.from_user_id', '<>', userId).where((eb) => eb.or([eb('h.to_user_id', '=', userId), ...(teamId ? [eb('h.to_team_id', '=', teamId)] : [])]));
  }
  return q.orderBy('h.created_at', 'desc').limit(limit).execute();
}

export async function findHandover(db: Db, id: string) {
  return handovers(db).selectAll('h').where('h.id', '=', id).executeTakeFirst();
}

export async function handoverOccurrences(db: Db, handoverId: string) {
  return db.selectFrom('handover_occurrences as ho').innerJoin('occurrences as o', 'o.id', 'ho.occurrence_id')
    .select(['o.id', 'o.reference', 'o.summary', 'o.status', 'o.priority', 'o.opened_at']).where('ho.handover_id', '=', handoverId).orderBy('o.opened_at').execute();
}

export async function handoverActions(db: Db, handoverId: string) {
  return db.selectFrom('outstanding_actions as a').innerJoin('users as owner', 'owner.id', 'a.owner_id').leftJoin('occurrences as o', 'o.id', 'a.occurrence_id')
    .select(actionColumns).where('a.handover_id', '=', handoverId).orderBy('a.due_at').execute();
}

export async function listAssignees(db: Db) {
  return db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', sql<string[]>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as('roles')])
    .where('u.is_active', '=', true).where('o.is_external', '=', false).orderBy('u.display_name').execute();
}

export async function isActiveCouncilUser(db: Db, id: string) {
  return !!(await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select('u.id')
    .where('u.id', '=', id).where('u.is_active', '=', true).where('o.is_external', '=', false).executeTakeFirst());
}

/** Which of these occurrence ids exist. */
export async function listExistingOccurrenceIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return (await db.selectFrom('occurrences').select('id').where('id', 'in', ids).execute()).map((o) => o.id);
}

export async function listOpenAlerts(db: Db) {
  return db.selectFrom('supervisor_alerts as s').leftJoin('occurrences as o', 'o.id', 's.occurrence_id')
    .select(['s.id', 's.kind', 's.message', 's.created_at', 's.occurrence_id', 'o.reference as occurrence_reference'])
    .where('s.acknowledged_at', 'is', null).orderBy('s.created_at').execute();
}

export async function acknowledgeAlert(db: Db, { id, by, at }: { id: string; by: string; at: Date }) {
  const r = await db.updateTable('supervisor_alerts').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
