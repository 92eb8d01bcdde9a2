import { sql, type RawBuilder } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { OohAlarmEvents, OohAlarms } from '../../../platform/db/db.types';
import type { AlarmsQuery } from '../../../../domain/ooh/contract';

// Building alarms and their response events: SQL only. An alarm is open until an event closes it (reset or stood down).

export interface AlarmRow {
  id: string; building_id: string; building_name: string; kind: string; raised_at: Date; location: string; source: string;
  recorded_by_name: string; closed_at: Date | null; false_alarm: boolean | null;
}
export interface AlarmEventRow {
  id: string; alarm_id: string; seq: number; kind: string; at: Date; who: string; reference: string; false_alarm: boolean | null; note: string;
  recorded_by_name: string; recorded_at: Date;
}

const SELECT = sql`a.id, a.building_id, b.name as building_name, a.kind, a.raised_at, a.location, a.source, u.display_name as recorded_by_name,
  (select e.at from ooh_alarm_events e where e.alarm_id = a.id and e.kind in ('reset', 'stood_down')) as closed_at,
  (select e.false_alarm from ooh_alarm_events e where e.alarm_id = a.id and e.false_alarm is not null order by e.seq desc limit 1) as false_alarm
  from ooh_alarms a join ooh_buildings b on b.id = a.building_id join users u on u.id = a.recorded_by`;
const OPEN = sql`not exists (select 1 from ooh_alarm_events e where e.alarm_id = a.id and e.kind in ('reset', 'stood_down'))`;
const SORTS: Record<string, RawBuilder<unknown>> = {
  raised_asc: sql`a.raised_at`, raised_desc: sql`a.raised_at desc`,
  building_asc: sql`b.name, a.raised_at desc`, building_desc: sql`b.name desc, a.raised_at desc`,
  kind_asc: sql`a.kind, a.raised_at desc`, kind_desc: sql`a.kind desc, a.raised_at desc`,
};

function where(q: Partial<AlarmsQuery>) {
  const w: RawBuilder<unknown>[] = [sql`true`];
  if (q.open === 'true') w.push(OPEN);
  if (q.open === 'false') w.push(sql`not ${OPEN}`);
  if (q.buildingId) w.push(sql`a.building_id = ${q.buildingId}`);
  if (q.kind) w.push(sql`a.kind = ${q.kind}`);
  if (q.from) w.push(sql`a.raised_at >= ${q.from}`);
  if (q.to) w.push(sql`a.raised_at < ${q.to}`);
  return sql.join(w, sql` and `);
}

export async function listAlarms(db: Db, q: AlarmsQuery, { limit, offset }: { limit: number; offset: number }) {
  const rows = (await sql<AlarmRow>`select ${SELECT} where ${where(q)} order by ${SORTS[q.sort] ?? SORTS.raised_desc}, a.id limit ${limit} offset ${offset}`.execute(db)).rows;
  const total = (await sql<{ n: number }>`select count(*)::int as n from ooh_alarms a join ooh_buildings b on b.id = a.building_id where ${where(q)}`.execute(db)).rows[0]!.n;
  return { rows, total };
}
export const openAlarms = async (db: Db) => (await sql<AlarmRow>`select ${SELECT} where ${OPEN} order by a.raised_at`.execute(db)).rows;
export const findAlarm = async (db: Db, id: string) => (await sql<AlarmRow>`select ${SELECT} where a.id = ${id}`.execute(db)).rows[0];
/** Takes the alarm's row lock, so that its events are numbered one at a time. */
export const lockAlarm = (db: Db, id: string) => db.selectFrom('ooh_alarms').select(['id', 'raised_at']).where('id', '=', id).forUpdate().executeTakeFirst();

export async function eventsOf(db: Db, alarmIds: string[]) {
  if (alarmIds.length === 0) return [];
  return (await sql<AlarmEventRow>`select e.id, e.alarm_id, e.seq, e.kind, e.at, e.who, e.reference, e.false_alarm, e.note, u.display_name as recorded_by_name, e.recorded_at
    from ooh_alarm_events e join users u on u.id = e.recorded_by where e.alarm_id in (${sql.join(alarmIds)}) order by e.alarm_id, e.seq`.execute(db)).rows;
}

export const insertAlarm = (db: Db, row: Insertable<OohAlarms>) => db.insertInto('ooh_alarms').values(row).returning('id').executeTakeFirstOrThrow();
export async function appendEvent(db: Db, row: Omit<Insertable<OohAlarmEvents>, 'seq'>) {
  const { seq } = (await sql<{ seq: number }>`select coalesce(max(seq), 0)::int + 1 as seq from ooh_alarm_events where alarm_id = ${row.alarm_id}`.execute(db)).rows[0]!;
  return db.insertInto('ooh_alarm_events').values({ ...row, seq }).returning('id').executeTakeFirstOrThrow();
}
