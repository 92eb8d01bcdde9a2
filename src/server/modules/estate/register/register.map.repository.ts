import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { CameraStamp, MapItem, MapSource } from './register.map';

// The estate map's SQL: each camera's version, and map items built as JSON by PostgreSQL.

export async function mapStamp(db: Db) {
  const r = await sql<{ n: string; v: string | null }>`select count(*) as n, sum(version) as v from cameras`.execute(db);
  return `${r.rows[0].n}-${r.rows[0].v ?? 0}`;
}

export const mapSource = (db: Db): MapSource => ({
  async versions() {
    // One row of text rather than 10,000 rows: a third of the time to read and parse.
    const r = await sql<{ v: string | null }>`select string_agg(id::text || ' ' || version, ',') as v from cameras`.execute(db);
    return (r.rows[0].v ?? '').split(',').filter(Boolean).map((pair): CameraStamp => ({ id: pair.slice(0, 36), version: Number(pair.slice(37)) }));
  },
  async items(ids) {
    return (await sql<MapItem>`
      select id, version, reference, status, json_build_object(
        'id', id, 'reference', reference, 'name', name, 'lat', latitude, 'lon', longitude, 'kind', kind, 'status', status,
        'bearing', bearing_deg, 'fov', field_of_view_deg, 'range', range_m, 'owner', owner, 'ward', ward)::text as json
      from cameras where id = any(${ids}::uuid[])`.execute(db)).rows;
  },
});
