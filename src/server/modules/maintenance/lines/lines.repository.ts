import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { LineKind, LineSort } from '../../../../domain/maintenance/lines';

// Connectivity lines' SQL. Days are read as text (YYYY-MM-DD) so that no time zone ever shifts them.
// Cameras are changed only through the register's rules: every update sets who, when and why, and
// the register's trigger keeps the version.

export type CameraStatus = 'operational' | 'degraded' | 'faulty' | 'out_of_service' | 'decommissioned';

export interface LineRow {
  id: string; reference: string; provider: string; kind: LineKind; circuit_id: string; monthly_cost_pence: string; contract_ends_on: string | null;
  notes: string; version: number; camera_count: number;
  fault_id: string | null; fault_raised_at: Date | null; fault_raised_by: string | null; fault_raised_by_name: string | null; fault_note: string | null;
}

const SORT_COLUMNS: Record<string, ReturnType<typeof sql>> = {
  reference: sql`upper(l.reference)`, provider: sql`upper(l.provider)`, kind: sql`l.kind`, monthly_cost: sql`l.monthly_cost_pence`, contract_ends_on: sql`l.contract_ends_on`,
};

function lines(db: Db, { where, order = sql`upper(l.reference)`, lock = false }: { where: ReturnType<typeof sql>; order?: ReturnType<typeof sql>; lock?: boolean }) {
  return sql<LineRow>`
    select l.id, l.reference, l.provider, l.kind, l.circuit_id, l.monthly_cost_pence::text as monthly_cost_pence, l.contract_ends_on::text as contract_ends_on,
      l.notes, l.version, (select count(*)::int from connectivity_line_cameras lc where lc.line_id = l.id) as camera_count,
      f.id as fault_id, f.raised_at as fault_raised_at, f.raised_by as fault_raised_by, u.display_name as fault_raised_by_name, f.note as fault_note
    from connectivity_lines l
    left join connectivity_line_faults f on f.line_id = l.id and f.cleared_at is null
    left join users u on u.id = f.raised_by
    where ${where}
    order by ${order}, l.id
    ${lock ? sql`for update of l` : sql``}`.execute(db).then((r) => r.rows);
}

/** The lines matching the filters; `endingUntil`: contract ends on or before that London day (ended ones included). */
export function listLines(db: Db, f: { q?: string; kind?: LineKind; provider?: string; endingUntil?: string; faulty?: boolean; sort: LineSort }) {
  const where = [sql`true`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(l.reference ilike ${like} or l.circuit_id ilike ${like} or l.provider ilike ${like})`);
  }
  if (f.kind) where.push(sql`l.kind = ${f.kind}`);
  if (f.provider) where.push(sql`upper(l.provider) = upper(${f.provider})`);
  if (f.endingUntil) where.push(sql`l.contract_ends_on <= ${f.endingUntil}::date`);
  if (f.faulty !== undefined) where.push(f.faulty ? sql`f.id is not null` : sql`f.id is null`);
  const [field, dir] = [f.sort.replace(/_(asc|desc)$/, ''), f.sort.endsWith('_desc') ? sql`desc nulls last` : sql`asc nulls last`];
  return lines(db, { where: sql.join(where, sql` and `), order: sql`${SORT_COLUMNS[field]} ${dir}` });
}

export const findLine = (db: Db, id: string) => lines(db, { where: sql`l.id = ${id}` }).then((r) => r[0]);

/** The line, its row locked until the transaction ends: its cameras and faults change one step at a time. */
export const lockLine = (db: Db, id: string) => lines(db, { where: sql`l.id = ${id}`, lock: true }).then((r) => r[0]);

/** Another line holding this reference or circuit id (whatever their case). */
export const findClash = (db: Db, { reference, circuitId, except }: { reference?: string; circuitId?: string; except?: string }) =>
  db.selectFrom('connectivity_lines').select(['id', 'reference', 'circuit_id'])
    .where((eb) => eb.or([
      ...(reference ? [eb(sql`upper(reference)`, '=', sql`upper(${reference})`)] : []),
      ...(circuitId ? [eb(sql`upper(circuit_id)`, '=', sql`upper(${circuitId})`)] : []),
    ]))
    .$if(!!except, (q) => q.where('id', '!=', except!))
    .execute();

export const insertLine = (db: Db, row: {
  reference: string; provider: string; kind: LineKind; circuit_id: string; monthly_cost_pence: number; contract_ends_on: string | null; notes: string; by: string; at: Date;
}) => db.insertInto('connectivity_lines').values({
  reference: row.reference, provider: row.provider, kind: row.kind, circuit_id: row.circuit_id, monthly_cost_pence: row.monthly_cost_pence,
  contract_ends_on: row.contract_ends_on === null ? null : sql<Date>`${row.contract_ends_on}::date`, notes: row.notes,
  created_by: row.by, created_at: row.at, updated_by: row.by, updated_at: row.at,
}).returning('id').executeTakeFirstOrThrow();

export const updateLine = (db: Db, { id, version, set, by, at }: {
  id: string; version: number; by: string; at: Date;
  set: { reference?: string; provider?: string; kind?: LineKind; circuit_id?: string; monthly_cost_pence?: number; contract_ends_on?: string | null; notes?: string };
}) => {
  const { contract_ends_on, ...rest } = set;
  return db.updateTable('connectivity_lines')
    .set({
      ...rest, ...(contract_ends_on !== undefined ? { contract_ends_on: contract_ends_on === null ? null : sql<Date>`${contract_ends_on}::date` } : {}),
      version: sql`version + 1`, updated_by: by, updated_at: at,
    })
    .where('id', '=', id).where('version', '=', version).returning('version').executeTakeFirst();
};

// ---- Cameras ----

export interface LineCameraRow { id: string; reference: string; name: string; location_text: string; status: CameraStatus; connectivity_line: string | null; linked_at: Date }

export const listLineCameras = (db: Db, lineId: string) =>
  sql<LineCameraRow>`
    select c.id, c.reference, c.name, c.location_text, c.status, c.connectivity_line, lc.linked_at
    from connectivity_line_cameras lc join cameras c on c.id = lc.camera_id
    where lc.line_id = ${lineId} order by c.reference`.execute(db).then((r) => r.rows);

/** Cameras in service whose register names this line (whatever the case and spaces) and no line serves yet, locked. */
export const lockMatchingCameras = (db: Db, reference: string) =>
  sql<{ id: string; reference: string; status: CameraStatus; connectivity_line: string | null }>`
    select c.id, c.reference, c.status, c.connectivity_line from cameras c
    where upper(btrim(c.connectivity_line)) = upper(${reference}) and c.status <> 'decommissioned'
      and not exists (select 1 from connectivity_line_cameras lc where lc.camera_id = c.id)
    order by c.reference for update of c`.execute(db).then((r) => r.rows);

export const lockCamera = (db: Db, id: string) =>
  db.selectFrom('cameras').select(['id', 'reference', 'status', 'connectivity_line']).where('id', '=', id).forUpdate().executeTakeFirst();

/** The line serving a camera, if any. */
export const findLinkOfCamera = (db: Db, cameraId: string) =>
  db.selectFrom('connectivity_line_cameras as lc').innerJoin('connectivity_lines as l', 'l.id', 'lc.line_id')
    .select(['l.id as line_id', 'l.reference']).where('lc.camera_id', '=', cameraId).executeTakeFirst();

export const insertLinks = (db: Db, { lineId, cameraIds, by, at }: { lineId: string; cameraIds: string[]; by: string; at: Date }) =>
  cameraIds.length ? db.insertInto('connectivity_line_cameras').values(cameraIds.map((id) => ({ camera_id: id, line_id: lineId, linked_at: at, linked_by: by }))).execute() : undefined;

export const deleteLink = (db: Db, { lineId, cameraId }: { lineId: string; cameraId: string }) =>
  db.deleteFrom('connectivity_line_cameras').where('line_id', '=', lineId).where('camera_id', '=', cameraId).executeTakeFirst();

/** Changes cameras in the register in one statement; the trigger keeps each one's version with who, when and why. */
export const changeCameras = (db: Db, { ids, set, by, at, reason }: {
  ids: string[]; set: { status?: CameraStatus; connectivity_line?: string | null }; by: string; at: Date; reason: string;
}) => ids.length ? db.updateTable('cameras').set({ ...set, updated_by: by, changed_at: at, change_reason: reason }).where('id', 'in', ids).execute() : undefined;

/** Open faults (the faults table: checks, operators, the contractor) on each camera given. */
export async function openFaultCounts(db: Db, cameraIds: string[]): Promise<Map<string, number>> {
  if (!cameraIds.length) return new Map();
  const rows = await db.selectFrom('faults').select(['camera_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('camera_id', 'in', cameraIds).where('state', '=', 'open').groupBy('camera_id').execute();
  return new Map(rows.map((r) => [r.camera_id!, Number(r.n)]));
}

// ---- Faults ----

export interface LineFaultRow {
  id: string; raised_at: Date; raised_by: string | null; raised_by_name: string | null; note: string;
  cleared_at: Date | null; cleared_by: string | null; cleared_by_name: string | null; clear_note: string | null;
}

export const listLineFaults = (db: Db, lineId: string) =>
  sql<LineFaultRow>`
    select f.id, f.raised_at, f.raised_by, r.display_name as raised_by_name, f.note, f.cleared_at, f.cleared_by, c.display_name as cleared_by_name, f.clear_note
    from connectivity_line_faults f left join users r on r.id = f.raised_by left join users c on c.id = f.cleared_by
    where f.line_id = ${lineId} order by f.raised_at desc, f.id`.execute(db).then((r) => r.rows);

export const findFault = (db: Db, id: string) =>
  sql<LineFaultRow>`
    select f.id, f.raised_at, f.raised_by, r.display_name as raised_by_name, f.note, f.cleared_at, f.cleared_by, c.display_name as cleared_by_name, f.clear_note
    from connectivity_line_faults f left join users r on r.id = f.raised_by left join users c on c.id = f.cleared_by
    where f.id = ${id}`.execute(db).then((r) => r.rows[0]!);

export const insertFault = (db: Db, { lineId, by, at, note }: { lineId: string; by: string; at: Date; note: string }) =>
  db.insertInto('connectivity_line_faults').values({ line_id: lineId, raised_by: by, raised_at: at, note }).returning('id').executeTakeFirstOrThrow();

export const clearFault = (db: Db, { faultId, by, at, note }: { faultId: string; by: string; at: Date; note: string | null }) =>
  db.updateTable('connectivity_line_faults').set({ cleared_by: by, cleared_at: at, clear_note: note }).where('id', '=', faultId).execute();

export const insertFaultCameras = (db: Db, { faultId, cameraIds }: { faultId: string; cameraIds: string[] }) =>
  cameraIds.length ? db.insertInto('connectivity_line_fault_cameras').values(cameraIds.map((id) => ({ fault_id: faultId, camera_id: id }))).execute() : undefined;

/** The cameras the fault marked faulty, as they stand now, locked. */
export const lockFaultCameras = (db: Db, faultId: string) =>
  sql<{ id: string; reference: string; status: CameraStatus }>`
    select c.id, c.reference, c.status from connectivity_line_fault_cameras fc join cameras c on c.id = fc.camera_id
    where fc.fault_id = ${faultId} order by c.reference for update of c`.execute(db).then((r) => r.rows);

/** Takes a camera off the fault's list (unlinked while the fault is open: the fault no longer holds it). */
export const deleteFaultCamera = (db: Db, { faultId, cameraId }: { faultId: string; cameraId: string }) =>
  db.deleteFrom('connectivity_line_fault_cameras').where('fault_id', '=', faultId).where('camera_id', '=', cameraId).executeTakeFirst();

/**
 * The open fault of the line serving a camera, if there is one: whoever closes the camera's own last
 * fault (the fault workflow) keeps it faulty while this answers, instead of returning it to operational.
 */
export const openLineFaultOfCamera = (db: Db, cameraId: string) =>
  sql<{ line_id: string; reference: string; circuit_id: string; fault_id: string }>`
    select l.id as line_id, l.reference, l.circuit_id, f.id as fault_id
    from connectivity_line_cameras lc join connectivity_lines l on l.id = lc.line_id
    join connectivity_line_faults f on f.line_id = l.id and f.cleared_at is null
    where lc.camera_id = ${cameraId}`.execute(db).then((r) => r.rows[0]);
