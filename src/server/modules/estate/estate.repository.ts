import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/db';
import type { CameraFilter, CameraSort } from '../../../domain/estate/contract';
import type { CameraColumn, CameraRow } from './estate.models';

// SQL for the camera register. Nothing else. The cameras table holds the register as it stands;
// camera_versions (written by trigger on every insert and update) holds it as it stood.

const escapeLike = (q: string) => q.replace(/[%_\\]/g, '\\$&');
const like = (q: string) => `%${escapeLike(q)}%`;

/**
 * The register as it stood at a moment: each camera's version in effect then (the latest to take
 * effect at or before it, as a cameras row). By when it took effect, not by number: versions are not
 * always written in date order (a deployment recorded today for a camera put up last week).
 */
const registerAsAt = (asAt: Date) => sql<Omit<CameraRow, 'installed_on'> & { installed_on: unknown; updated_by: string | null }>`(
  select (jsonb_populate_record(null::cameras, v.entry || jsonb_build_object(
    'id', v.camera_id, 'version', v.version, 'changed_at', v.valid_from, 'updated_by', v.changed_by, 'change_reason', v.reason))).*
  from (select distinct on (camera_id) * from camera_versions where valid_from <= ${asAt} order by camera_id, valid_from desc, version desc) v
)`.as('c');

/** The register now, or as at a moment, as table `c`. */
function register(db: Db, asAt?: Date) {
  const now = db.selectFrom('cameras as c');
  return asAt ? (db.selectFrom(registerAsAt(asAt)) as unknown as typeof now) : now;
}

const COLUMNS = [
  'c.id', 'c.reference', 'c.name', 'c.location_text', 'c.latitude', 'c.longitude', 'c.kind', 'c.status', 'c.bearing_deg', 'c.field_of_view_deg',
  'c.range_m', 'c.mounting_height_m', 'c.video_system', 'c.channel', 'c.connectivity_line', 'c.owner', 'c.owner_name', 'c.purpose', 'c.ward',
  'c.capabilities', 'c.version', 'c.changed_at', 'c.created_at', 'c.change_reason',
] as const;
const installedOn = sql<string | null>`c.installed_on::text`.as('installed_on');

function filtered(db: Db, f: Omit<CameraFilter, 'sort'>) {
  let q = register(db, f.asAt);
  if (!f.includeDecommissioned && f.status !== 'decommissioned') q = q.where('c.status', '!=', 'decommissioned');
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.owner) q = q.where('c.owner', '=', f.owner);
  if (f.ward) q = q.where(sql<SqlBool>`lower(c.ward) = lower(${f.ward})`);
  if (f.q) {
    const pattern = like(f.q);
    q = q.where((eb) => eb.or([eb('c.reference', 'ilike', pattern), eb('c.name', 'ilike', pattern), eb('c.location_text', 'ilike', pattern)]));
  }
  return q;
}

function sorted(q: ReturnType<typeof filtered>, sort: CameraSort) {
  const at = sort.lastIndexOf('_');
  const column = sql.ref(`c.${sort.slice(0, at)}`);
  return q.orderBy(sort.slice(at + 1) === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`).orderBy('c.reference');
}

export async function listCameraRows(db: Db, { filter, offset, limit }: { filter: CameraFilter; offset: number; limit: number }) {
  const base = filtered(db, filter);
  const [rows, count] = await Promise.all([
    sorted(base, filter.sort).select([...COLUMNS, installedOn]).offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as CameraRow[], total: Number(count.n) };
}

/** Every camera the filter finds, in its order (exports: the register is thousands of rows, not millions). */
export async function allCameraRows(db: Db, filter: CameraFilter) {
  return (await sorted(filtered(db, filter), filter.sort).select([...COLUMNS, installedOn]).execute()) as CameraRow[];
}

export async function findCameraRow(db: Db, { id, asAt, lock = false }: { id: string; asAt?: Date; lock?: boolean }) {
  let q = register(db, asAt).select([...COLUMNS, installedOn]).where('c.id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as CameraRow | undefined;
}

export async function findCameraIdByReference(db: Db, reference: string) {
  return (await db.selectFrom('cameras').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
}

type Bookkeeping = { updated_by: string | null; changed_at: Date; change_reason: string };

type Columns = Partial<Record<CameraColumn, unknown>> & Bookkeeping;

export async function insertCamera(db: Db, row: Columns) {
  return db.insertInto('cameras').values(row as never).returning('id').executeTakeFirstOrThrow();
}

/** Many cameras in one statement (the demo's register). */
export async function insertCameraRows(db: Db, rows: Columns[]) {
  if (rows.length) await db.insertInto('cameras').values(rows as never).execute();
}

/** A change made by the system, not a person (the demo's history): no version to check. */
export async function updateCameraByReference(db: Db, { reference, set }: { reference: string; set: Columns }) {
  await db.updateTable('cameras').set(set as never).where('reference', '=', reference).execute();
}

/** Sets the columns given if the camera is still at `version` (the trigger adds one and keeps the version). */
export async function updateCameraAt(db: Db, { id, version, set }: { id: string; version: number; set: Columns }) {
  return db.updateTable('cameras').set(set as never).where('id', '=', id).where('version', '=', version).returning(['id', 'version']).executeTakeFirst();
}

export async function listVersions(db: Db, cameraId: string) {
  return db.selectFrom('camera_versions as v').leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.valid_from', 'v.changed_by', 'u.display_name as changed_by_name', 'v.reason', 'v.entry'])
    .where('v.camera_id', '=', cameraId).orderBy('v.version', 'desc').execute();
}

/**
 * The picker's candidates: by number, name or street; nearest the point first when one is given
 * (a plain equirectangular distance in metres: exact enough within a town, and no extension needed).
 */
export async function pickCameraRows(db: Db, { q, point, limit }: { q?: string; point?: { lat: number; lon: number }; limit: number }) {
  const distance = point
    ? sql<number>`sqrt(power((c.latitude - ${point.lat}) * 111320, 2) + power((c.longitude - ${point.lon}) * 111320 * cos(radians(${point.lat})), 2))`
    : sql<number | null>`null::float8`;
  let query = db.selectFrom('cameras as c')
    .select(['c.id', 'c.reference', 'c.name', 'c.location_text', 'c.kind', 'c.status', 'c.latitude', 'c.longitude', distance.as('distance_m')])
    .where('c.status', '!=', 'decommissioned');
  if (q) {
    const pattern = like(q);
    query = query.where((eb) => eb.or([eb('c.reference', 'ilike', pattern), eb('c.name', 'ilike', pattern), eb('c.location_text', 'ilike', pattern)]));
  }
  if (point) query = query.orderBy(distance);
  else if (q) {
    // Without a point: the number typed exactly first, then numbers starting with it, then the rest.
    query = query.orderBy(sql`upper(c.reference) <> upper(${q})`).orderBy(sql`c.reference not ilike ${`${escapeLike(q)}%`}`);
  }
  query = query.orderBy('c.reference');
  return query.limit(limit).execute();
}

/** What changes whenever the register does: cameras are never deleted and each change adds one to its version. */
// Kept for the modules that already use the register (occurrences, evidence, their tests and demo).
export async function listCameras(db: Db, { includeDecommissioned = false }: { includeDecommissioned?: boolean } = {}) {
  let q = db.selectFrom('cameras').selectAll();
  if (!includeDecommissioned) q = q.where('status', '!=', 'decommissioned');
  return q.orderBy('reference').execute();
}

export async function findCamerasByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('cameras').selectAll().where('id', 'in', ids).execute();
}

export async function insertCameras(db: Db, cameras: { reference: string; name: string; location_text: string; latitude: number; longitude: number; kind: 'fixed' | 'ptz' | 'mobile' | 'body_worn' | 'anpr' }[]) {
  if (!cameras.length) return [];
  return db.insertInto('cameras').values(cameras).returning(['id', 'reference']).execute();
}
