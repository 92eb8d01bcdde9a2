import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Fpns } from '../../../platform/db/db.types';
import type { FpnOffenceKind, FpnOffenceVersion, FpnPolicy } from '../../../../domain/enforcement/fpn/rules';
import type { FpnsQuery } from '../../../../domain/enforcement/fpns.contract';

// The FPNs' SQL: dated offences and policy, notices with gap-free references, their photos and
// append-only events, and the append-only notebook with each officer's running entry number.

const toDay = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
export const dayOf = (d: Date | string): string => toDay(d)!;

export async function listOffenceVersions(db: Db): Promise<(FpnOffenceVersion & { id: string })[]> {
  const rows = await db.selectFrom('fpn_offences').selectAll().orderBy('code').orderBy('effective_from').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind as FpnOffenceKind, legislation: r.legislation, amountPence: r.amount_pence,
    earlyAmountPence: r.early_amount_pence, earlyDays: r.early_days, effectiveFrom: dayOf(r.effective_from as unknown as Date), effectiveTo: toDay(r.effective_to as unknown as Date | null),
  }));
}

export async function listPolicies(db: Db): Promise<FpnPolicy[]> {
  const rows = await db.selectFrom('fpn_policies').select(['effective_from', 'youngest_age']).execute();
  return rows.map((r) => ({ effectiveFrom: dayOf(r.effective_from as unknown as Date), youngestAge: r.youngest_age }));
}

export async function takeFpnNumber(db: Db, year: number): Promise<number> {
  const r = await db.insertInto('fpn_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('fpn_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export const insertFpn = (db: Db, row: Insertable<Fpns>) => db.insertInto('fpns').values(row).execute();

export interface FpnRow {
  id: string; reference: string; offence_code: string; offence_name: string; legislation: string; amount_pence: number;
  early_amount_pence: number | null; early_days: number | null; notice_day: string; offender_name: string; offender_address: string;
  offender_postcode: string; offender_date_of_birth: string | null; offender_description: string; offender_identification: string;
  offender_guardian: string; lat: number; lon: number; accuracy_m: number | null; place: string; circumstances: string;
  body_worn_video_ref: string; issued_at: Date; issued_by: string; issued_by_name: string; device_id: string | null; patrol_id: string | null;
  status: string; paid_pence: number; withdrawn_reason: string; case_statement: string; escalated_at: Date | null;
}

const SELECT = sql`f.id, f.reference, f.offence_code, f.offence_name, f.legislation, f.amount_pence, f.early_amount_pence, f.early_days,
  to_char(f.notice_day, 'YYYY-MM-DD') as notice_day, f.offender_name, f.offender_address, f.offender_postcode,
  to_char(f.offender_date_of_birth, 'YYYY-MM-DD') as offender_date_of_birth, f.offender_description, f.offender_identification,
  f.offender_guardian, f.lat, f.lon, f.accuracy_m, f.place, f.circumstances, f.body_worn_video_ref, f.issued_at, f.issued_by,
  u.display_name as issued_by_name, f.device_id, f.patrol_id, f.status, f.paid_pence, f.withdrawn_reason, f.case_statement, f.escalated_at`;
const FROM = sql`fpns f join users u on u.id = f.issued_by`;
const SORTS = {
  issued_desc: sql`f.issued_at desc, f.reference desc`,
  issued_asc: sql`f.issued_at asc, f.reference asc`,
  reference_desc: sql`f.year desc, f.number desc`,
  amount_desc: sql`f.amount_pence desc, f.issued_at desc`,
} as const;

function where(q: Omit<FpnsQuery, 'page' | 'pageSize' | 'sort'>) {
  const w = [sql`true`];
  if (q.status) w.push(sql`f.status = ${q.status}`);
  if (q.offence) w.push(sql`f.offence_code = ${q.offence.toUpperCase()}`);
  if (q.officer) w.push(sql`f.issued_by = ${q.officer}`);
  if (q.from) w.push(sql`f.notice_day >= ${q.from}::date`);
  if (q.to) w.push(sql`f.notice_day <= ${q.to}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    w.push(sql`(f.reference ilike ${like} or f.offender_name ilike ${like} or f.place ilike ${like} or f.circumstances ilike ${like} or f.offence_name ilike ${like})`);
  }
  return sql.join(w, sql` and `);
}

export async function listFpns(db: Db, q: FpnsQuery) {
  const cond = where(q);
  const offset = (q.page - 1) * q.pageSize;
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<FpnRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]}, f.id limit ${q.pageSize} offset ${offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from fpns f where ${cond}`.execute(db),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

export async function* streamFpns(db: Db, q: FpnsQuery): AsyncGenerator<FpnRow[]> {
  const cond = where(q);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await sql<FpnRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]}, f.id limit 1000 offset ${offset}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

export const findFpn = (db: Db, id: string) => sql<FpnRow>`select ${SELECT} from ${FROM} where f.id = ${id}`.execute(db).then((r) => r.rows[0]);
/** Who issued a notice, and its reference: the sync's check of a notice id it may already hold. */
export const findFpnIssuer = (db: Db, id: string) => db.selectFrom('fpns').select(['id', 'reference', 'issued_by']).where('id', '=', id).executeTakeFirst();
export const lockFpn = (db: Db, id: string) => sql<FpnRow>`select ${SELECT} from ${FROM} where f.id = ${id} for update of f`.execute(db).then((r) => r.rows[0]);
export const updateFpn = (db: Db, id: string, set: Updateable<Fpns>) => db.updateTable('fpns').set(set).where('id', '=', id).execute();

export interface EventRow { seq: number; kind: string; at: Date; by_user_id: string | null; by_name: string | null; amount_pence: number | null; paid_on: string | null; details: Record<string, unknown> }

export async function appendEvent(db: Db, e: { fpnId: string; kind: string; at: Date; by: string | null; amountPence?: number | null; paidOn?: string | null; details?: Record<string, unknown> }) {
  await sql`insert into fpn_events (fpn_id, seq, kind, at, by_user_id, amount_pence, paid_on, details)
    select ${e.fpnId}, coalesce(max(seq), 0) + 1, ${e.kind}, ${e.at}, ${e.by}, ${e.amountPence ?? null}, ${e.paidOn ?? null}::date, ${JSON.stringify(e.details ?? {})}::jsonb
    from fpn_events where fpn_id = ${e.fpnId}`.execute(db);
}

export const listEvents = (db: Db, fpnId: string) =>
  sql<EventRow>`select e.seq, e.kind, e.at, e.by_user_id, u.display_name as by_name, e.amount_pence, to_char(e.paid_on, 'YYYY-MM-DD') as paid_on, e.details
    from fpn_events e left join users u on u.id = e.by_user_id where e.fpn_id = ${fpnId} order by e.seq`.execute(db).then((r) => r.rows);

export const listPayments = (db: Db, fpnId: string) =>
  sql<{ paid_on: string; amount_pence: number }>`select to_char(paid_on, 'YYYY-MM-DD') as paid_on, amount_pence from fpn_events where fpn_id = ${fpnId} and kind = 'payment' order by seq`.execute(db).then((r) => r.rows);

export interface PhotoRow { id: string; sha256: string; content_type: string; bytes: string | number; taken_by: string; taken_by_name: string; uploaded_at: Date; device_id: string }
export const listPhotos = (db: Db, fpnId: string) =>
  sql<PhotoRow>`select p.id, p.sha256, p.content_type, p.bytes, p.taken_by, u.display_name as taken_by_name, p.uploaded_at, p.device_id
    from fpn_photos fp join field_photos p on p.id = fp.photo_id join users u on u.id = p.taken_by where fp.fpn_id = ${fpnId} order by fp.position`.execute(db).then((r) => r.rows);
export const findFieldPhotos = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('field_photos').select(['id', 'taken_by']).where('id', 'in', ids).execute() : Promise.resolve([]);
export const insertPhotos = (db: Db, fpnId: string, ids: string[]) =>
  ids.length ? db.insertInto('fpn_photos').values(ids.map((photo_id, i) => ({ fpn_id: fpnId, photo_id, position: i + 1 }))).execute() : Promise.resolve();

// ---- The notebook ----

export async function takeNotebookNumber(db: Db, officerId: string): Promise<number> {
  const r = await db.insertInto('notebook_counters').values({ officer_id: officerId, last_number: 1 })
    .onConflict((oc) => oc.column('officer_id').doUpdateSet((eb) => ({ last_number: eb('notebook_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export interface NotebookRow {
  id: string; officer_id: string; officer_name: string; number: number; at: Date; recorded_at: Date; text: string;
  corrects_entry_id: string | null; corrects_number: number | null; fpn_id: string | null; fpn_reference: string | null; pcn_id: string | null;
  corrected_by: { id: string; number: number }[];
}
const NB_SELECT = sql`n.id, n.officer_id, u.display_name as officer_name, n.number, n.at, n.recorded_at, n.text, n.corrects_entry_id,
  c.number as corrects_number, n.fpn_id, f.reference as fpn_reference, n.pcn_id,
  coalesce((select json_agg(json_build_object('id', x.id, 'number', x.number) order by x.number) from notebook_entries x where x.corrects_entry_id = n.id), '[]'::json) as corrected_by`;
const NB_FROM = sql`notebook_entries n join users u on u.id = n.officer_id left join notebook_entries c on c.id = n.corrects_entry_id left join fpns f on f.id = n.fpn_id`;

export const findEntry = (db: Db, id: string) => sql<NotebookRow>`select ${NB_SELECT} from ${NB_FROM} where n.id = ${id}`.execute(db).then((r) => r.rows[0]);
export async function listEntries(db: Db, officerId: string, page: number, pageSize: number) {
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<NotebookRow>`select ${NB_SELECT} from ${NB_FROM} where n.officer_id = ${officerId} order by n.number desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: string }>`select count(*) as n from notebook_entries where officer_id = ${officerId}`.execute(db),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}
export const entriesForFpn = (db: Db, fpnId: string) =>
  sql<NotebookRow>`select ${NB_SELECT} from ${NB_FROM} where n.fpn_id = ${fpnId} or n.corrects_entry_id in (select id from notebook_entries where fpn_id = ${fpnId}) order by n.officer_id, n.number`.execute(db).then((r) => r.rows);
export const insertEntry = (db: Db, row: { id: string; officer_id: string; number: number; at: Date; recorded_at: Date; text: string; corrects_entry_id: string | null; fpn_id: string | null; pcn_id: string | null; device_id: string | null }) =>
  db.insertInto('notebook_entries').values(row).execute();
export const findUser = (db: Db, id: string) => db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst();
