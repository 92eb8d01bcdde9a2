import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { Pcns } from '../../../platform/db/db.types';
import type { PcnsQuery } from '../../../../domain/enforcement/pcns.contract';
import type { ChargeRow, ContraventionCodeRow, ChargeBand, AreaKind } from '../../../../domain/enforcement/penalty';
import { londonDayAfter, londonDayStart } from '../../../../domain/calendar/london';

// The PCNs' SQL: reference data (dated rows), PCNs with their area and officer, photos, append-only events.

export interface AreaRow { id: string; name: string; kind: AreaKind; band: ChargeBand; is_active: boolean }
export const listAreas = (db: Db) => sql<AreaRow>`select id, name, kind, band, is_active from enforcement_areas order by name`.execute(db).then((r) => r.rows);
export const findArea = (db: Db, id: string) => sql<AreaRow>`select id, name, kind, band, is_active from enforcement_areas where id = ${id}`.execute(db).then((r) => r.rows[0]);

export const listCharges = (db: Db) => sql<ChargeRow>`select band as "band", level as "level", amount_pence as "amountPence", discount_percent as "discountPercent",
  surcharge_percent as "surchargePercent", effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo" from enforcement_charge_levels`.execute(db).then((r) => r.rows);

export const listCodes = (db: Db, code?: string) => sql<ContraventionCodeRow>`select code, regime, description, level, observation_minutes as "observationMinutes",
  grace_applies as "graceApplies", effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo" from enforcement_contravention_codes
  where ${code === undefined ? sql`true` : sql`code = ${code}`} order by code, effective_from`.execute(db).then((r) => r.rows);

export interface PcnRow {
  id: string; number: string; regime: string; notice_kind: 'reg9' | 'reg10_camera' | 'reg10_postal'; area_id: string; area_name: string;
  contravention_code: string; code_description: string; level: 'higher' | 'lower'; amount_pence: number; discounted_pence: number; surcharge_percent: number;
  vrm: string; vehicle_make: string; vehicle_model: string; vehicle_colour: string; permit_seen: string; lat: number; lon: number; accuracy_m: number | null;
  street: string; location_detail: string; observed_from: Date; observed_to: Date; issued_at: Date; issued_by: string; issued_by_name: string;
  device_id: string; patrol_id: string | null; served: 'affixed' | 'handed' | 'drive_away'; contravention_day: string; served_day: string; notes: string;
  status: string; paid_pence: number;
}

const SELECT = sql`p.id, p.number, p.regime, p.notice_kind, p.area_id, a.name as area_name, p.contravention_code, p.code_description, p.level,
  p.amount_pence, p.discounted_pence, p.surcharge_percent, p.vrm, p.vehicle_make, p.vehicle_model, p.vehicle_colour, p.permit_seen, p.lat, p.lon,
  p.accuracy_m, p.street, p.location_detail, p.observed_from, p.observed_to, p.issued_at, p.issued_by, u.display_name as issued_by_name, p.device_id,
  p.patrol_id, p.served, p.contravention_day::text as contravention_day, p.served_day::text as served_day, p.notes, p.status, p.paid_pence`;
const FROM = sql`pcns p join enforcement_areas a on a.id = p.area_id join users u on u.id = p.issued_by`;

const SORTS: Record<PcnsQuery['sort'], RawBuilder<unknown>> = {
  issued_desc: sql`p.issued_at desc, p.number desc`,
  issued_asc: sql`p.issued_at asc, p.number asc`,
  number_asc: sql`p.number asc`,
  next_by_asc: sql`coalesce(p.next_by, p.next_from) asc nulls last, p.issued_at asc`,
};

function where(q: Partial<PcnsQuery>) {
  const w: RawBuilder<unknown>[] = [sql`true`];
  if (q.status) w.push(sql`p.status = ${q.status}`);
  if (q.code) w.push(sql`p.contravention_code = ${q.code}`);
  if (q.areaId) w.push(sql`p.area_id = ${q.areaId}`);
  if (q.officerId) w.push(sql`p.issued_by = ${q.officerId}`);
  if (q.from) w.push(sql`p.issued_at >= ${londonDayStart(q.from)}`);
  if (q.to) w.push(sql`p.issued_at < ${londonDayAfter(q.to)}`);
  if (q.vrm) w.push(sql`replace(p.vrm, ' ', '') = ${q.vrm.replace(/\s+/g, '').toUpperCase()}`);
  return sql.join(w, sql` and `);
}

export async function listPcns(db: Db, q: PcnsQuery) {
  const cond = where(q);
  const [{ rows }, total] = await Promise.all([
    sql<PcnRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ n: string }>`select count(*) as n from pcns p where ${cond}`.execute(db).then((r) => Number(r.rows[0]!.n)),
  ]);
  return { rows, total };
}

export async function* streamPcns(db: Db, q: Partial<PcnsQuery> & Pick<PcnsQuery, 'sort'>) {
  const cond = where(q);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await sql<PcnRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]}, p.id limit 1000 offset ${offset}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

/** The open PCNs whose next step is due by a day (or has a last day by then), soonest first. */
export const listDue = (db: Db, { by, step }: { by: string; step?: string }) =>
  sql<PcnRow>`select ${SELECT} from ${FROM} where p.next_step is not null and (coalesce(p.next_from, '1900-01-01') <= ${by}::date or p.next_by <= ${by}::date)
    and ${step ? sql`p.next_step = ${step}` : sql`true`} order by coalesce(p.next_by, p.next_from) asc nulls last, p.issued_at asc limit 500`.execute(db).then((r) => r.rows);

/** A PCN as issued (what it was issued with never changes after: the table's trigger refuses it). */
export const insertPcn = (db: Db, row: Insertable<Pcns>) => db.insertInto('pcns').values(row).execute();

/** The photos named on a PCN, in the order the officer took them. */
export const insertPhotos = (db: Db, pcnId: string, photoIds: readonly string[]) => photoIds.length === 0 ? Promise.resolve()
  : db.insertInto('pcn_photos').values(photoIds.map((photo_id, position) => ({ pcn_id: pcnId, photo_id, position }))).execute().then(() => undefined);

export const findPcn = (db: Db, id: string) => sql<PcnRow>`select ${SELECT} from ${FROM} where p.id = ${id}`.execute(db).then((r) => r.rows[0]);
export const lockPcn = (db: Db, id: string) => sql<{ id: string }>`select id from pcns where id = ${id} for update`.execute(db).then((r) => r.rows[0]);
export const numberTaken = (db: Db, number: string) => sql<{ id: string }>`select id from pcns where number = ${number}`.execute(db).then((r) => r.rows[0]);

export interface EventRow {
  id: string; seq: number; kind: string; day: string; amount_pence: number | null; outcome: string | null; reoffer_discount: boolean | null;
  method: string; note: string; at: Date; by: string | null; by_name: string | null;
}
export const listEvents = (db: Db, pcnId: string) => sql<EventRow>`select e.id, e.seq, e.kind, e.day::text as day, e.amount_pence, e.outcome, e.reoffer_discount,
  e.method, e.note, e.at, e.by, u.display_name as by_name from pcn_events e left join users u on u.id = e.by where e.pcn_id = ${pcnId} order by e.seq`.execute(db).then((r) => r.rows);

export const listPhotoIds = (db: Db, pcnId: string) => sql<{ photo_id: string }>`select photo_id from pcn_photos where pcn_id = ${pcnId} order by position`.execute(db).then((r) => r.rows.map((x) => x.photo_id));

export async function appendEvent(db: Db, e: { pcnId: string; kind: string; day: string; amountPence?: number | null; outcome?: string | null; reofferDiscount?: boolean | null; method?: string; note?: string; at: Date; by: string | null }) {
  await sql`insert into pcn_events (pcn_id, seq, kind, day, amount_pence, outcome, reoffer_discount, method, note, at, by)
    values (${e.pcnId}, (select coalesce(max(seq), 0) + 1 from pcn_events where pcn_id = ${e.pcnId}), ${e.kind}, ${e.day}::date, ${e.amountPence ?? null},
      ${e.outcome ?? null}, ${e.reofferDiscount ?? null}, ${e.method ?? ''}, ${e.note ?? ''}, ${e.at}, ${e.by})`.execute(db);
}

export async function updateState(db: Db, id: string, s: { status: string; paidPence: number; nextStep: string | null; nextFrom: string | null; nextBy: string | null; at: Date }) {
  await sql`update pcns set status = ${s.status}, paid_pence = ${s.paidPence}, next_step = ${s.nextStep}, next_from = ${s.nextFrom}::date, next_by = ${s.nextBy}::date,
    updated_at = ${s.at} where id = ${id}`.execute(db);
}

/** The photos named that this user uploaded (the others are not theirs to attach). */
export const ownPhotos = (db: Db, userId: string, ids: readonly string[]) => ids.length === 0 ? Promise.resolve([] as string[])
  : sql<{ id: string }>`select id from field_photos where taken_by = ${userId} and id in (${sql.join(ids)})`.execute(db).then((r) => r.rows.map((x) => x.id));

/** Whether a handheld photo is one of a notice's (a PCN's, or an FPN's: both are this module's notices), which every enforcement reader may see. */
export const isPhotoOnNotice = (db: Db, photoId: string) => sql<{ on: boolean }>`select exists (select 1 from pcn_photos where photo_id = ${photoId})
  or exists (select 1 from fpn_photos where photo_id = ${photoId}) as on`.execute(db).then((r) => r.rows[0]!.on);
