import { sql, type RawBuilder } from 'kysely';
import type { Insertable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { OohAbsences } from '../../../platform/db/db.types';
import type { AbsencesQuery } from '../../../../domain/ooh/contract';

// Staff absence's SQL. A report that was corrected is left out of every list: its correction stands for it.

export interface AbsenceRow {
  id: string; organisation: string; person_name: string; reported_by: string; reported_via: string; reported_at: Date;
  reason: string; shift_start: Date; shift_end: Date; cover: string; no_cover: boolean; notes: string; corrects_id: string | null;
  recorded_by_name: string; recorded_at: Date; seen_by_name: string | null; seen_at: Date | null;
}

const SELECT = sql`a.id, a.organisation, a.person_name, a.reported_by, a.reported_via, a.reported_at, a.reason, a.shift_start, a.shift_end,
  a.cover, a.no_cover, a.notes, a.corrects_id, ru.display_name as recorded_by_name, a.recorded_at, su.display_name as seen_by_name, s.seen_at`;
const FROM = sql`ooh_absences a join users ru on ru.id = a.recorded_by
  left join ooh_absence_seen s on s.absence_id = a.id left join users su on su.id = s.seen_by`;
const CURRENT = sql`not exists (select 1 from ooh_absences c where c.corrects_id = a.id)`;

const SORTS: Record<string, RawBuilder<unknown>> = {
  shift_asc: sql`a.shift_start, a.person_name`, shift_desc: sql`a.shift_start desc, a.person_name`,
  reported_asc: sql`a.reported_at, a.person_name`, reported_desc: sql`a.reported_at desc, a.person_name`,
  person_asc: sql`lower(a.person_name), a.shift_start`, person_desc: sql`lower(a.person_name) desc, a.shift_start`,
  organisation_asc: sql`lower(a.organisation), a.shift_start`, organisation_desc: sql`lower(a.organisation) desc, a.shift_start`,
};

function where(q: Partial<AbsencesQuery>, from: Date) {
  const w: RawBuilder<unknown>[] = [CURRENT, sql`(a.reported_at >= ${from} or a.shift_end >= ${from})`];
  if (q.to) w.push(sql`a.shift_start < ${q.to} and a.reported_at < ${q.to}`);
  if (q.organisation) w.push(sql`a.organisation ilike ${`%${q.organisation.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  if (q.cover === 'no_cover') w.push(sql`a.no_cover`);
  if (q.cover === 'covered') w.push(sql`not a.no_cover`);
  if (q.seen === 'seen') w.push(sql`s.seen_at is not null`);
  if (q.seen === 'unseen') w.push(sql`s.seen_at is null`);
  return sql.join(w, sql` and `);
}

export async function listAbsences(db: Db, q: AbsencesQuery, from: Date, { limit, offset }: { limit: number; offset: number }) {
  const w = where(q, from);
  const rows = (await sql<AbsenceRow>`select ${SELECT} from ${FROM} where ${w}
    order by (s.seen_at is not null), ${SORTS[q.sort] ?? SORTS.shift_asc} limit ${limit} offset ${offset}`.execute(db)).rows;
  const [counts] = (await sql<{ total: number; unseen: number }>`select count(*)::int as total, count(*) filter (where s.seen_at is null)::int as unseen
    from ${FROM} where ${w}`.execute(db)).rows;
  return { rows, total: counts!.total, unseen: counts!.unseen };
}

export async function findAbsence(db: Db, id: string) {
  return (await sql<AbsenceRow>`select ${SELECT} from ${FROM} where a.id = ${id}`.execute(db)).rows[0];
}

export async function isCorrected(db: Db, id: string) {
  return (await sql<{ n: number }>`select count(*)::int as n from ooh_absences where corrects_id = ${id}`.execute(db)).rows[0]!.n > 0;
}

export async function insertAbsence(db: Db, row: Insertable<OohAbsences>) {
  return db.insertInto('ooh_absences').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Marks it seen; false when it already was (the first mark stands). */
export async function markSeen(db: Db, { absenceId, userId, at }: { absenceId: string; userId: string; at: Date }) {
  const r = await db.insertInto('ooh_absence_seen').values({ absence_id: absenceId, seen_by: userId, seen_at: at })
    .onConflict((oc) => oc.column('absence_id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Current absences whose shift overlaps [from, to). */
export async function absencesOverlapping(db: Db, from: Date, to: Date) {
  return (await sql<AbsenceRow>`select ${SELECT} from ${FROM} where ${CURRENT} and a.shift_end > ${from} and a.shift_start < ${to}
    order by a.no_cover desc, a.shift_start`.execute(db)).rows;
}
