import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import { copyRows } from '../../../platform/db/copy';
import type { CameraRecord, RegisterEntry } from '../../../../domain/estate/import/plan';

// The register import's SQL: the register as the import compares it, new cameras by COPY, and
// changed ones in batches of one statement each (a batch passed as one JSON parameter read back
// as rows: one statement, one plan, however many rows). Every row written says who, when and why, so the history trigger
// records each version as imported.

/** Holds off every other change to the register until the import's transaction ends (reads go on). */
export async function lockRegister(db: Db) {
  await sql`lock table cameras in share row exclusive mode`.execute(db);
}

export async function readRegister(db: Db): Promise<RegisterEntry[]> {
  return db.selectFrom('cameras').select([
    'id', 'reference', 'name', 'location_text as location', 'longitude', 'latitude', 'kind', 'status', 'bearing_deg as bearing', 'field_of_view_deg as fieldOfView',
    'range_m as range', 'mounting_height_m as mountingHeight', 'video_system as videoSystem', 'channel', 'connectivity_line as connectivityLine',
    sql<string | null>`installed_on::text`.as('installedOn'), 'owner', 'owner_name as ownerName', 'purpose', 'ward', 'capabilities',
    // Held by the register's own workflows: the deployment a mobile camera is up on, its open faults.
    sql<string | null>`(select md.reference from mobile_deployment_events e join mobile_deployments md on md.id = e.deployment_id
      where e.kind = 'deployed' and e.camera_id = cameras.id
        and not exists (select 1 from mobile_deployment_events r where r.deployment_id = e.deployment_id and r.kind = 'removed') limit 1)`.as('deployment'),
    sql<number>`(select count(*)::int from faults f where f.camera_id = cameras.id and f.state = 'open')`.as('openFaults'),
  ]).execute();
}

export interface CameraWrite { reference: string; values: CameraRecord; reason: string }

// Column, SQL type, and how a record gives it.
const COLUMNS: [string, string, (w: CameraWrite) => unknown][] = [
  ['reference', 'text', (w) => w.reference],
  ['name', 'text', (w) => w.values.name],
  ['location_text', 'text', (w) => w.values.location],
  ['longitude', 'float8', (w) => w.values.longitude],
  ['latitude', 'float8', (w) => w.values.latitude],
  ['kind', 'text', (w) => w.values.kind],
  ['status', 'text', (w) => w.values.status],
  ['bearing_deg', 'float8', (w) => w.values.bearing],
  ['field_of_view_deg', 'float8', (w) => w.values.fieldOfView],
  ['range_m', 'float8', (w) => w.values.range],
  ['mounting_height_m', 'float8', (w) => w.values.mountingHeight],
  ['video_system', 'text', (w) => w.values.videoSystem],
  ['channel', 'text', (w) => w.values.channel],
  ['connectivity_line', 'text', (w) => w.values.connectivityLine],
  ['installed_on', 'date', (w) => w.values.installedOn],
  ['owner', 'text', (w) => w.values.owner],
  ['owner_name', 'text', (w) => w.values.ownerName],
  ['purpose', 'text', (w) => w.values.purpose],
  ['ward', 'text', (w) => w.values.ward],
  ['capabilities', 'text[]', (w) => w.values.capabilities],
  ['change_reason', 'text', (w) => w.reason],
];

const BATCH = 5000;
const batches = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

/**
 * A batch as one JSON parameter read back as rows: JSON.stringify is native and PostgreSQL's json
 * parser quick, where arrays per column cost a JavaScript escape per value (about twice the time).
 */
function recordset(rows: readonly CameraWrite[], lead: { name: string; type: string; values: unknown[] }[] = []) {
  const cols = [...lead.map((l) => [l.name, l.type, (_: CameraWrite, i: number) => l.values[i]] as const), ...COLUMNS];
  const records = rows.map((w, i) => {
    const r: Record<string, unknown> = {};
    for (const [name, , get] of cols) r[name] = get(w, i);
    return r;
  });
  const shape = sql.join(cols.map(([name, type]) => sql`${sql.id(name)} ${sql.raw(type)}`));
  return sql`json_to_recordset(${JSON.stringify(records)}::json) as v(${shape})`;
}

const value = (name: string) => sql`v.${sql.id(name)}`;

/** New cameras by COPY, each row saying who, when and why: the history trigger writes their first versions. */
export async function insertCameras(db: Db, { rows, userId, at }: { rows: readonly CameraWrite[]; userId: string | null; at: Date }) {
  await copyRows(db, {
    table: 'cameras', columns: [...COLUMNS.map(([n]) => n), 'updated_by', 'changed_at'],
    rows: rows.map((w) => [...COLUMNS.map(([, , get]) => get(w) as string | number | null | readonly string[]), userId, at]),
  });
}

export async function updateCameras(db: Db, { rows, userId, at }: { rows: readonly (CameraWrite & { id: string })[]; userId: string | null; at: Date }) {
  for (const batch of batches(rows)) {
    const set = sql.join(COLUMNS.map(([n]) => sql`${sql.id(n)} = ${value(n)}`));
    await sql`update cameras c set ${set}, updated_by = ${userId}::uuid, changed_at = ${at}::timestamptz
      from ${recordset(batch, [{ name: 'id', type: 'uuid', values: batch.map((r) => r.id) }])}
      where c.id = v.id`.execute(db);
  }
}
