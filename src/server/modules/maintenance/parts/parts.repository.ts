import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { PartMovements } from '../../../platform/db/db.types';
import type { PartSort, PartsQuery } from '../../../../domain/maintenance/parts';

// Spare parts' SQL. The quantity on hand moves only with a movement row, in one transaction under
// the part's row lock (lockPart): two sign-outs of the last part queue, and the second sees none left.

export interface PartRow {
  id: string; part_number: string; description: string; store_id: string; store_name: string;
  unit_cost_pence: string | number; reorder_level: number; quantity_on_hand: number; last_seq: number; created_at: Date;
}

const SORT_COLUMNS: Record<string, ReturnType<typeof sql>> = {
  part_number: sql`lower(p.part_number)`, description: sql`lower(p.description)`, store: sql`lower(s.name)`,
  quantity: sql`p.quantity_on_hand`, reorder_level: sql`p.reorder_level`, unit_cost: sql`p.unit_cost_pence`,
};

function orderBy(sort: PartSort) {
  const [, field, dir] = /^(.*)_(asc|desc)$/.exec(sort)!;
  return sql`${SORT_COLUMNS[field]} ${sql.raw(dir)}, lower(p.part_number), lower(s.name), p.id`;
}

const partSelect = sql`select p.id, p.part_number, p.description, p.store_id, s.name as store_name, p.unit_cost_pence, p.reorder_level,
  p.quantity_on_hand, p.last_seq, p.created_at from parts p join part_stores s on s.id = p.store_id`;

export async function listParts(db: Db, q: Omit<PartsQuery, 'sort'> & { sort?: PartSort }) {
  const where = [sql`true`];
  if (q.storeId) where.push(sql`p.store_id = ${q.storeId}`);
  if (q.belowReorderLevel !== undefined) where.push(q.belowReorderLevel ? sql`p.quantity_on_hand < p.reorder_level` : sql`p.quantity_on_hand >= p.reorder_level`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(p.part_number ilike ${like} or p.description ilike ${like})`);
  }
  const { rows } = await sql<PartRow>`${partSelect} where ${sql.join(where, sql` and `)} order by ${orderBy(q.sort ?? 'part_number_asc')}`.execute(db);
  return rows;
}

export const findPart = (db: Db, id: string) => sql<PartRow>`${partSelect} where p.id = ${id}`.execute(db).then((r) => r.rows[0]);

/** The part, its row locked until the transaction ends: its movements are recorded one at a time. */
export const lockPart = (db: Db, id: string) => sql<PartRow>`${partSelect} where p.id = ${id} for update of p`.execute(db).then((r) => r.rows[0]);

export const insertPart = (db: Db, row: { store_id: string; part_number: string; description: string; unit_cost_pence: number; reorder_level: number; created_by: string; created_at: Date }) =>
  db.insertInto('parts').values(row).onConflict((oc) => oc.columns(['store_id', 'part_number']).doNothing()).returning(['id']).executeTakeFirst();

export const findStore = (db: Db, id: string) => db.selectFrom('part_stores').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const insertStore = (db: Db, row: { name: string; location: string; created_by: string; created_at: Date }) =>
  db.insertInto('part_stores').values(row).onConflict((oc) => oc.column('name').doNothing()).returning(['id', 'name', 'location']).executeTakeFirst();

export async function listStores(db: Db) {
  const { rows } = await sql<{ id: string; name: string; location: string; parts: number; below: number }>`
    select s.id, s.name, s.location, count(p.id)::int as parts, count(p.id) filter (where p.quantity_on_hand < p.reorder_level)::int as below
    from part_stores s left join parts p on p.store_id = s.id group by s.id order by lower(s.name)`.execute(db);
  return rows;
}

export const findFault = (db: Db, id: string) => db.selectFrom('faults').select(['id', 'reference']).where('id', '=', id).executeTakeFirst();

/** Appends the movement and moves the part's quantity on hand and last sequence number with it. */
export async function appendMovement(db: Db, row: Insertable<PartMovements>) {
  await db.insertInto('part_movements').values(row).execute();
  await db.updateTable('parts').set({ quantity_on_hand: row.quantity_after, last_seq: row.seq }).where('id', '=', row.part_id).execute();
}

export async function listMovements(db: Db, partId: string) {
  const { rows } = await sql<{
    seq: number; kind: PartMovements['kind']; quantity: number; quantity_after: number; counted: number | null; at: Date; by_user_id: string; by_name: string;
    fault_id: string | null; fault_reference: string | null; justification: string | null; engineer_name: string | null; engineer_organisation: string | null;
    signature_sha256: string | null; note: string | null;
  }>`
    select m.seq, m.kind, m.quantity, m.quantity_after, m.counted, m.at, m.by_user_id, u.display_name as by_name, m.fault_id, f.reference as fault_reference,
      m.justification, m.engineer_name, m.engineer_organisation, m.signature_sha256, m.note
    from part_movements m join users u on u.id = m.by_user_id left join faults f on f.id = m.fault_id
    where m.part_id = ${partId} order by m.seq`.execute(db);
  return rows;
}

export const findSignature = (db: Db, { partId, seq }: { partId: string; seq: number }) =>
  db.selectFrom('part_movements').select('signature_sha256').where('part_id', '=', partId).where('seq', '=', seq).executeTakeFirst();
