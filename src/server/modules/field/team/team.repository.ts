import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';

// The team view's SQL over the handheld's tables (migration 0032: patrols, patrol_trail_points,
// patrol_notices, field_devices), each for the officers given (the leader's team).

export async function patrolsOut(db: Db, officerIds: string[]) {
  const { rows } = await sql<{ id: string; officer_id: string; officer_name: string; beat: string; task: string; started_at: Date; expected_end_at: Date | null; lat: number | null; lon: number | null; at: Date | null }>`
    select p.id, p.officer_id, u.display_name as officer_name, p.beat, p.task, p.started_at, p.expected_end_at, t.lat, t.lon, t.at
    from patrols p join users u on u.id = p.officer_id
    left join lateral (select lat, lon, at from patrol_trail_points where patrol_id = p.id order by at desc limit 1) t on true
    where p.ended_at is null and p.officer_id = any(${officerIds}::uuid[]) order by u.display_name`.execute(db);
  return rows;
}

export async function noticesBetween(db: Db, officerIds: string[], start: Date, end: Date) {
  const { rows } = await sql<{ officer_id: string; officer_name: string; kind: string; n: number }>`
    select p.officer_id, u.display_name as officer_name, n.kind, count(*)::int as n
    from patrol_notices n join patrols p on p.id = n.patrol_id join users u on u.id = p.officer_id
    where n.at >= ${start} and n.at < ${end} and p.officer_id = any(${officerIds}::uuid[]) group by p.officer_id, u.display_name, n.kind order by u.display_name`.execute(db);
  return rows;
}

export async function patrolsBetween(db: Db, officerIds: string[], start: Date, end: Date) {
  const { rows } = await sql<{ started_at: Date; ended_at: Date | null }>`
    select started_at, ended_at from patrols where officer_id = any(${officerIds}::uuid[]) and started_at < ${end} and (ended_at is null or ended_at > ${start})`.execute(db);
  return rows;
}

export async function devices(db: Db, officerIds: string[]) {
  const { rows } = await sql<{ id: string; name: string; user_id: string; officer_name: string; queued_count: number; last_seen_at: Date | null }>`
    select d.id, d.name, d.user_id, u.display_name as officer_name, d.queued_count, d.last_seen_at
    from field_devices d join users u on u.id = d.user_id where d.user_id = any(${officerIds}::uuid[]) order by d.last_seen_at asc nulls first`.execute(db);
  return rows;
}
