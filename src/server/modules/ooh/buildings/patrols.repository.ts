import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { PatrolsQuery } from '../../../../domain/ooh/contract';

// Night patrols: SQL only. A completed patrol's row never changes again (the database refuses it).

export interface PatrolRow {
  id: string; building_id: string; building_name: string; checklist: string[]; checks: { item: string; outcome: 'ok' | 'problem'; note: string }[];
  late_workers: { name: string; department: string; location: string; expectedLeaving: string }[]; notes: string;
  started_by_name: string; started_at: Date; completed_at: Date | null;
}
const SELECT = sql`p.id, p.building_id, b.name as building_name, p.checklist, p.checks, p.late_workers, p.notes, u.display_name as started_by_name, p.started_at, p.completed_at
  from ooh_patrols p join ooh_buildings b on b.id = p.building_id join users u on u.id = p.started_by`;

function where(q: Partial<PatrolsQuery>) {
  const w = [sql`true`];
  if (q.buildingId) w.push(sql`p.building_id = ${q.buildingId}`);
  if (q.from) w.push(sql`p.started_at >= ${q.from}`);
  if (q.to) w.push(sql`p.started_at < ${q.to}`);
  if (q.problems === 'true') w.push(sql`jsonb_path_exists(p.checks, '$[*] ? (@.outcome == "problem")')`);
  return sql.join(w, sql` and `);
}

export async function listPatrols(db: Db, q: PatrolsQuery, { limit, offset }: { limit: number; offset: number }) {
  const order = q.sort === 'started_asc' ? sql`p.started_at` : sql`p.started_at desc`;
  const rows = (await sql<PatrolRow>`select ${SELECT} where ${where(q)} order by ${order}, p.id limit ${limit} offset ${offset}`.execute(db)).rows;
  const total = (await sql<{ n: number }>`select count(*)::int as n from ooh_patrols p where ${where(q)}`.execute(db)).rows[0]!.n;
  return { rows, total };
}
export const findPatrol = async (db: Db, id: string, { lock = false } = {}) =>
  (await sql<PatrolRow>`select ${SELECT} where p.id = ${id} ${lock ? sql`for update of p` : sql``}`.execute(db)).rows[0];

export async function insertPatrol(db: Db, row: { buildingId: string; checklist: string[]; userId: string; at: Date }) {
  return db.insertInto('ooh_patrols').values({ building_id: row.buildingId, checklist: JSON.stringify(row.checklist), started_by: row.userId, started_at: row.at })
    .returning('id').executeTakeFirstOrThrow();
}
export async function savePatrol(db: Db, id: string, p: { checks: unknown[]; lateWorkers: unknown[]; notes: string; completedAt: Date | null }) {
  await db.updateTable('ooh_patrols').set({ checks: JSON.stringify(p.checks), late_workers: JSON.stringify(p.lateWorkers), notes: p.notes, completed_at: p.completedAt })
    .where('id', '=', id).execute();
}
