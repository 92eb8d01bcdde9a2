import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { OohCalls } from '../../../platform/db/db.types';
import type { OohCallsQuery } from '../../../../domain/ooh/calls.contract';
import { londonDayAfter, londonDayStart } from '../../../../domain/calendar/london';

// The call log's SQL: calls with their category, gap-free references, append-only events.

export interface CallRow {
  id: string; reference: string; received_at: Date; caller_name: string; callback_number: string; address: string;
  lat: number | null; lon: number | null; category_id: string; category_name: string; becomes_fault: boolean;
  priority_key: string; priority_name: string; response: unknown; response_by: Date; duty_id: string | null; duty_name: string | null;
  ack_minutes: number; description: string; vulnerable: boolean; vulnerability: string; status: string;
  referral_level: number | null; referred_to_name: string; referred_to_phone: string; referred_at: Date | null; ack_due_at: Date | null;
  acknowledged_at: Date | null; re_referrals: number; rota_exhausted: boolean; fault_id: string | null; fault_reference: string;
  outcome_note: string; closed_at: Date | null; taken_by_name: string | null;
}

const SELECT = sql`c.id, c.reference, c.received_at, c.caller_name, c.callback_number, c.address, c.lat, c.lon, c.category_id,
  k.name as category_name, k.becomes_fault, c.priority_key, c.priority_name, c.response, c.response_by, c.duty_id, d.name as duty_name,
  c.ack_minutes, c.description, c.vulnerable, c.vulnerability, c.status, c.referral_level, c.referred_to_name, c.referred_to_phone,
  c.referred_at, c.ack_due_at, c.acknowledged_at, c.re_referrals, c.rota_exhausted, c.fault_id, c.fault_reference, c.outcome_note,
  c.closed_at, u.display_name as taken_by_name`;
const FROM = sql`ooh_calls c join ooh_call_categories k on k.id = c.category_id left join ooh_duties d on d.id = c.duty_id left join users u on u.id = c.taken_by`;

const SORTS: Record<OohCallsQuery['sort'], RawBuilder<unknown>> = {
  received_desc: sql`c.received_at desc, c.reference desc`,
  received_asc: sql`c.received_at asc, c.reference asc`,
  response_asc: sql`c.status not in ('open', 'awaiting_ack', 'referred'), c.response_by asc`,
  reference_desc: sql`c.year desc, c.number desc`,
};

function where(q: Partial<OohCallsQuery>) {
  const w: RawBuilder<unknown>[] = [sql`true`];
  if (q.status) w.push(sql`c.status = ${q.status}`);
  if (q.categoryId) w.push(sql`c.category_id = ${q.categoryId}`);
  if (q.priorityKey) w.push(sql`c.priority_key = ${q.priorityKey}`);
  if (q.from) w.push(sql`c.received_at >= ${londonDayStart(q.from)}`);
  if (q.to) w.push(sql`c.received_at < ${londonDayAfter(q.to)}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    w.push(sql`(c.reference ilike ${like} or c.caller_name ilike ${like} or c.address ilike ${like} or c.description ilike ${like} or c.callback_number ilike ${like})`);
  }
  return sql.join(w, sql` and `);
}

export async function listCalls(db: Db, q: OohCallsQuery) {
  const cond = where(q);
  const [{ rows }, total] = await Promise.all([
    sql<CallRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ n: string }>`select count(*) as n from ooh_calls c where ${cond}`.execute(db).then((r) => Number(r.rows[0]!.n)),
  ]);
  return { rows, total };
}

/** Every matching row, in batches of 1000, for CSV. */
export async function* streamCalls(db: Db, q: Partial<OohCallsQuery> & Pick<OohCallsQuery, 'sort'>) {
  const cond = where(q);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await sql<CallRow>`select ${SELECT} from ${FROM} where ${cond} order by ${SORTS[q.sort]}, c.id limit 1000 offset ${offset}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

/** Calls still in hand (open, awaiting acknowledgement, referred), the most pressing first. */
export const listOpenCalls = (db: Db) =>
  sql<CallRow>`select ${SELECT} from ${FROM} where c.status in ('open', 'awaiting_ack', 'referred') order by c.response_by limit 200`.execute(db).then((r) => r.rows);

export const findCall = (db: Db, id: string) => sql<CallRow>`select ${SELECT} from ${FROM} where c.id = ${id}`.execute(db).then((r) => r.rows[0]);
export const lockCall = (db: Db, id: string) => sql<CallRow>`select ${SELECT} from ${FROM} where c.id = ${id} for update of c`.execute(db).then((r) => r.rows[0]);

export async function takeCallNumber(db: Db, year: number): Promise<number> {
  const r = await db.insertInto('ooh_call_counters').values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('ooh_call_counters.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return r.last_number;
}

export const insertCall = (db: Db, row: Insertable<OohCalls>) => db.insertInto('ooh_calls').values(row).returning('id').executeTakeFirstOrThrow();

export const updateCall = (db: Db, id: string, set: Partial<Insertable<OohCalls>>) =>
  db.updateTable('ooh_calls').set({ ...set, updated_at: sql`now()`, version: sql`version + 1` } as never).where('id', '=', id).execute();

export async function appendEvent(db: Db, e: { callId: string; kind: string; at: Date; by: string | null; details?: Record<string, unknown> }) {
  const { rows } = await sql<{ seq: number }>`insert into ooh_call_events (call_id, seq, kind, at, by_user_id, details)
    select ${e.callId}, coalesce(max(seq), 0) + 1, ${e.kind}, ${e.at}, ${e.by}, ${JSON.stringify(e.details ?? {})}::jsonb
    from ooh_call_events where call_id = ${e.callId} returning seq`.execute(db);
  return rows[0]!.seq;
}

export const listEvents = (db: Db, callId: string) =>
  db.selectFrom('ooh_call_events as e').leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['e.seq', 'e.kind', 'e.at', 'u.display_name as by_name', 'e.details']).where('e.call_id', '=', callId).orderBy('e.seq').execute();
