import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// Occurrences around a point: the evidence a mobile camera request (estate) cites. Counts only,
// by category, never an occurrence itself, so a reader learns nothing personal from them.

const EARTH_RADIUS_M = 6_371_008.8;

/**
 * How many occurrences opened between `from` and `to` (instants, `to` exclusive) lay within
 * `radiusM` metres of the point, by category (great-circle distance; occurrences without a point
 * are not counted). Categories with none are left out.
 */
export async function countOccurrencesNear(db: Db, { latitude, longitude, radiusM, from, to }: {
  latitude: number; longitude: number; radiusM: number; from: Date; to: Date;
}): Promise<{ category: string; name: string; count: number }[]> {
  // A box around the point first (index-friendly, generous at the poles' side), then the real distance.
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos((latitude * Math.PI) / 180), 0.01);
  const { rows } = await sql<{ category: string; name: string; count: string }>`
    select c.key as category, c.name, count(*) as count
    from occurrences o join occurrence_categories c on c.id = o.category_id
    where o.opened_at >= ${from} and o.opened_at < ${to}
      and o.latitude between ${latitude - dLat} and ${latitude + dLat}
      and o.longitude between ${longitude - dLon} and ${longitude + dLon}
      and 2 * ${EARTH_RADIUS_M}::float8 * asin(sqrt(
            power(sin(radians(o.latitude - ${latitude}::float8) / 2), 2)
            + cos(radians(${latitude}::float8)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - ${longitude}::float8) / 2), 2)
          )) <= ${radiusM}
    group by c.key, c.name, c.sort_order
    order by count(*) desc, c.sort_order, c.key`.execute(db);
  return rows.map((r) => ({ category: r.category, name: r.name, count: Number(r.count) }));
}
