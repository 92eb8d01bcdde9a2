import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

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

export async function listOpenActions(db: Db) {
  return db.selectFrom('outstanding_actions as a').innerJoin('users as owner', 'owner.id', 'a.owner_id').leftJoin('occurrences as o', 'o.id', 'a.occurrence_id')
    .select(actionColumns).where('a.done_at', 'is', null).orderBy('a.due_at').execute();
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

export async function insertHandover(db: Db, h: { fromUserId: string; shiftStartedAt: Date | null; at: Date; notes: string; equipmentFaults: string }) {
  return db.insertInto('handovers').values({ from_user_id: h.fromUserId, shift_started_at: h.shiftStartedAt, created_at: h.at, notes: h.notes, equipment_faults: h.equipmentFaults })
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

export async function listHandovers(db: Db, { unacknowledgedOnly, limit }: { unacknowledgedOnly: boolean; limit: number }) {
  let q = db.selectFrom('handovers as h').innerJoin('users as f', 'f.id', 'h.from_user_id').leftJoin('users as a', 'a.id', 'h.acknowledged_by')
    .select(['h.id', 'h.created_at', 'h.acknowledged_at', 'h.shift_started_at', 'f.display_name as from_name', 'a.display_name as acknowledged_by_name',
      sql<number>`(select count(*)::int from handover_occurrences ho where ho.handover_id = h.id)`.as('occurrence_count'),
      sql<number>`(select count(*)::int from outstanding_actions oa where oa.handover_id = h.id)`.as('action_count')]);
  if (unacknowledgedOnly) q = q.where('h.acknowledged_at', 'is', null);
  return q.orderBy('h.created_at', 'desc').limit(limit).execute();
}

export async function findHandover(db: Db, id: string) {
  return db.selectFrom('handovers as h').innerJoin('users as f', 'f.id', 'h.from_user_id').leftJoin('users as a', 'a.id', 'h.acknowledged_by')
    .selectAll('h').select(['f.display_name as from_name', 'a.display_name as acknowledged_by_name']).where('h.id', '=', id).executeTakeFirst();
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
