import type { Deps } from '../../../platform/deps';
import { londonDay, londonDayAfter, londonDayStart } from '../../../../domain/calendar/london';
import { secondsWithin, NOTICE_KINDS, type NoticeKind } from '../../../../domain/field/parishes';
import { isStaleDevice, type TeamView } from '../../../../domain/field/team.contract';
import * as repo from './team.repository';
import { visibleUserIds } from '../handheld/handheld.repository';

const iso = (d: Date | string) => new Date(d).toISOString();
const zero = () => Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;

/** The team leader's view of their own team (as their device list), for the London day now. */
export async function teamView(deps: Deps, { leaderId }: { leaderId: string }): Promise<TeamView> {
  const now = deps.clock.now();
  const team = await visibleUserIds(deps.db, { userId: leaderId, lead: true });
  const day = londonDay(now);
  const start = londonDayStart(day)!;
  const end = londonDayAfter(day)!;
  const [out, notices, patrols, devices] = await Promise.all([repo.patrolsOut(deps.db, team), repo.noticesBetween(deps.db, team, start, end), repo.patrolsBetween(deps.db, team, start, end), repo.devices(deps.db, team)]);
  const byOfficer = new Map<string, { officer: { id: string; name: string } } & Record<NoticeKind, number>>();
  const totals = zero();
  for (const n of notices) {
    const row = byOfficer.get(n.officer_id) ?? { officer: { id: n.officer_id, name: n.officer_name }, ...zero() };
    if ((NOTICE_KINDS as readonly string[]).includes(n.kind)) { row[n.kind as NoticeKind] += n.n; totals[n.kind as NoticeKind] += n.n; }
    byOfficer.set(n.officer_id, row);
  }
  const seconds = patrols.reduce((s, p) => s + secondsWithin({ startedAt: new Date(p.started_at), endedAt: p.ended_at ? new Date(p.ended_at) : null }, { start, end }, now), 0);
  return {
    serverTime: now.toISOString(), day,
    onPatrol: out.map((p) => ({
      patrolId: p.id, officer: { id: p.officer_id, name: p.officer_name }, beat: p.beat, task: p.task, startedAt: iso(p.started_at), expectedEndAt: p.expected_end_at ? iso(p.expected_end_at) : null,
      lastPoint: p.lat !== null && p.lon !== null && p.at ? { lat: p.lat, lon: p.lon, at: iso(p.at) } : null,
    })),
    noticesToday: [...byOfficer.values()].map((r) => ({ ...r, total: NOTICE_KINDS.reduce((s, k) => s + r[k], 0) })),
    devices: devices.map((d) => ({
      id: d.id, name: d.name, officer: { id: d.user_id, name: d.officer_name }, queued: d.queued_count,
      lastSeenAt: d.last_seen_at ? iso(d.last_seen_at) : null, stale: isStaleDevice(d.last_seen_at ? new Date(d.last_seen_at) : null, now),
    })),
    figures: { patrols: patrols.filter((p) => new Date(p.started_at) >= start).length, patrolMinutes: Math.round(seconds / 60), ...totals },
  };
}
