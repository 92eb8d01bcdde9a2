import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { MethaneMessage } from '../../../../domain/ooh/methane';
import type { ActionStatus, TimelineSource } from '../../../../domain/ooh/incidents';

// Major incidents' SQL. Every log table is append-only (the triggers of migration 0027); each row
// takes the next number of its incident (`seq`) under the incident's row lock.

export interface IncidentRow {
  id: string; reference: string; title: string; exercise: boolean; declared_at: Date; declared_by_name: string | null;
  closed_at: Date | null; closed_by_name: string | null; closing_note: string;
}

const INCIDENT = (db: Db) => db.selectFrom('ooh_incidents as i')
  .leftJoin('users as d', 'd.id', 'i.declared_by').leftJoin('users as c', 'c.id', 'i.closed_by')
  .select(['i.id', 'i.reference', 'i.title', 'i.exercise', 'i.declared_at', 'd.display_name as declared_by_name', 'i.closed_at', 'c.display_name as closed_by_name', 'i.closing_note']);

export const findIncident = (db: Db, id: string): Promise<IncidentRow | undefined> => INCIDENT(db).where('i.id', '=', id).executeTakeFirst();

/** The incident, locked until the transaction ends: writes to one incident happen one at a time. */
export const lockIncident = (db: Db, id: string) =>
  db.selectFrom('ooh_incidents').select(['id', 'reference', 'declared_at', 'closed_at', 'exercise']).where('id', '=', id).forUpdate().executeTakeFirst();

/** Open incidents first (newest first), then closed ones, newest first. */
export const listIncidents = (db: Db, { open }: { open?: boolean } = {}) => {
  let q = INCIDENT(db);
  if (open !== undefined) q = q.where('i.closed_at', open ? 'is' : 'is not', null);
  return q.orderBy(sql`i.closed_at is not null`).orderBy('i.declared_at', 'desc').limit(500).execute();
};

export async function takeIncidentNumber(db: Db, year: number): Promise<number> {
  const r = await db.insertInto('ooh_incident_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('ooh_incident_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export const insertIncident = (db: Db, row: { reference: string; year: number; number: number; title: string; exercise: boolean; declared_at: Date; declared_by: string | null }) =>
  db.insertInto('ooh_incidents').values(row).returning('id').executeTakeFirstOrThrow();

export const closeIncident = (db: Db, id: string, { at, by, note }: { at: Date; by: string | null; note: string }) =>
  db.updateTable('ooh_incidents').set({ closed_at: at, closed_by: by ?? undefined, closing_note: note }).where('id', '=', id).execute();

/** The next number in one of an incident's logs. */
const nextSeq = async (db: Db, table: 'ooh_incident_timeline' | 'ooh_incident_decisions' | 'ooh_incident_actions' | 'ooh_incident_handovers', incidentId: string) =>
  Number((await sql<{ n: number }>`select coalesce(max(seq), 0) + 1 as n from ${sql.table(table)} where incident_id = ${incidentId}`.execute(db)).rows[0]!.n);

export async function appendMethane(db: Db, { incidentId, message, at, by }: { incidentId: string; message: MethaneMessage; at: Date; by: string | null }) {
  const { rows } = await sql<{ version: number }>`insert into ooh_incident_methane (incident_id, version, status, message, sent_at, by_user_id)
    select ${incidentId}, coalesce(max(version), 0) + 1, ${message.status}, ${JSON.stringify(message)}::jsonb, ${at}, ${by}
    from ooh_incident_methane where incident_id = ${incidentId} returning version`.execute(db);
  return rows[0]!.version;
}

export const listMethane = (db: Db, incidentIds: readonly string[]) =>
  incidentIds.length ? db.selectFrom('ooh_incident_methane as m').leftJoin('users as u', 'u.id', 'm.by_user_id')
    .select(['m.incident_id', 'm.version', sql<MethaneMessage>`m.message`.as('message'), 'm.sent_at', 'u.display_name as by_name'])
    .where('m.incident_id', 'in', incidentIds).orderBy('m.incident_id').orderBy('m.version').execute() : Promise.resolve([]);

export const latestVersion = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_methane').select((eb) => eb.fn.max('version').as('v')).where('incident_id', '=', incidentId).executeTakeFirst().then((r) => Number(r?.v ?? 0));

export async function appendTimeline(db: Db, row: { incident_id: string; received_at: Date; source: TimelineSource; source_name: string; content: string; corrects_seq: number | null; recorded_by: string | null; recorded_at: Date }) {
  const seq = await nextSeq(db, 'ooh_incident_timeline', row.incident_id);
  await db.insertInto('ooh_incident_timeline').values({ ...row, seq }).execute();
  return seq;
}

export const listTimeline = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_timeline as t').leftJoin('users as u', 'u.id', 't.recorded_by').selectAll('t').select('u.display_name as recorded_by_name')
    .where('t.incident_id', '=', incidentId).orderBy('t.received_at').orderBy('t.seq').execute();

export async function appendDecision(db: Db, row: { incident_id: string; decision: string; rationale: string; options: string; decided_by_name: string; decided_by_role: string; decided_at: Date; revises_seq: number | null; recorded_by: string | null; recorded_at: Date }) {
  const seq = await nextSeq(db, 'ooh_incident_decisions', row.incident_id);
  await db.insertInto('ooh_incident_decisions').values({ ...row, seq }).execute();
  return seq;
}

export const listDecisions = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_decisions as d').leftJoin('users as u', 'u.id', 'd.recorded_by').selectAll('d').select('u.display_name as recorded_by_name')
    .where('d.incident_id', '=', incidentId).orderBy('d.seq').execute();

export async function appendAction(db: Db, row: { incident_id: string; action: string; owner_name: string; owner_organisation: string; due_at: Date | null; recorded_by: string | null; recorded_at: Date }) {
  const seq = await nextSeq(db, 'ooh_incident_actions', row.incident_id);
  await db.insertInto('ooh_incident_actions').values({ ...row, seq }).execute();
  return seq;
}

export async function appendActionUpdate(db: Db, row: { incident_id: string; action_seq: number; status: ActionStatus; note: string; by_user_id: string | null; at: Date }) {
  await sql`insert into ooh_incident_action_updates (incident_id, action_seq, n, status, note, by_user_id, at)
    select ${row.incident_id}, ${row.action_seq}, coalesce(max(n), 0) + 1, ${row.status}, ${row.note}, ${row.by_user_id}, ${row.at}
    from ooh_incident_action_updates where incident_id = ${row.incident_id} and action_seq = ${row.action_seq}`.execute(db);
}

export const listActions = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_actions as a').leftJoin('users as u', 'u.id', 'a.recorded_by').selectAll('a').select('u.display_name as recorded_by_name')
    .where('a.incident_id', '=', incidentId).orderBy('a.seq').execute();

export const listActionUpdates = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_action_updates as a').leftJoin('users as u', 'u.id', 'a.by_user_id').selectAll('a').select('u.display_name as by_name')
    .where('a.incident_id', '=', incidentId).orderBy('a.action_seq').orderBy('a.n').execute();

export async function appendHandover(db: Db, row: { incident_id: string; from_user_id: string | null; to_user_id: string; summary: string; outstanding: string; handed_at: Date }) {
  const seq = await nextSeq(db, 'ooh_incident_handovers', row.incident_id);
  await db.insertInto('ooh_incident_handovers').values({ ...row, seq }).execute();
  return seq;
}

export const listHandovers = (db: Db, incidentId: string) =>
  db.selectFrom('ooh_incident_handovers as h').leftJoin('users as f', 'f.id', 'h.from_user_id').innerJoin('users as t', 't.id', 'h.to_user_id')
    .leftJoin('ooh_incident_handover_acks as a', (j) => j.onRef('a.incident_id', '=', 'h.incident_id').onRef('a.handover_seq', '=', 'h.seq'))
    .leftJoin('users as au', 'au.id', 'a.by_user_id')
    .select(['h.seq', 'h.to_user_id', 't.display_name as to_name', 'f.display_name as from_name', 'h.summary', 'h.outstanding', 'h.handed_at', 'a.at as acknowledged_at', 'au.display_name as acknowledged_by'])
    .where('h.incident_id', '=', incidentId).orderBy('h.seq').execute();

export const insertHandoverAck = (db: Db, row: { incident_id: string; handover_seq: number; by_user_id: string; at: Date }) =>
  db.insertInto('ooh_incident_handover_acks').values(row).onConflict((oc) => oc.doNothing()).execute();

export const hasRow = (db: Db, table: 'ooh_incident_timeline' | 'ooh_incident_decisions' | 'ooh_incident_actions' | 'ooh_incident_handovers', incidentId: string, seq: number) =>
  sql<{ seq: number }>`select seq from ${sql.table(table)} where incident_id = ${incidentId} and seq = ${seq}`.execute(db).then((r) => r.rows.length > 0);

/** Council users who run the out-of-hours service (ooh_officer, supervisor), active: who may take an incident over. */
export const listOfficers = (db: Db) =>
  db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name as name']).distinct().where('u.is_active', '=', true).where('o.is_external', '=', false)
    .where('r.role', 'in', ['ooh_officer', 'supervisor']).orderBy('u.display_name').limit(500).execute();

export const findOfficer = (db: Db, id: string) =>
  db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name as name']).where('u.id', '=', id).where('u.is_active', '=', true).where('o.is_external', '=', false)
    .where('r.role', 'in', ['ooh_officer', 'supervisor']).executeTakeFirst();
