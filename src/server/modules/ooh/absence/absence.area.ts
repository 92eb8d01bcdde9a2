import type { OohArea } from '../ooh.area';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { formatDateTime, formatTime, londonDay, londonWallClock } from '../../../../domain/calendar/london';
import { ABSENCE_REASONS } from '../../../../domain/ooh/contract';
import { absenceWindowEnd } from '../../../../domain/ooh/buildings';
import { registerAbsenceRoutes } from './absence.routes';
import * as repo from './absence.repository';
import * as uc from './absence.usecases';

const HOUR = 3_600_000;
const dayOffset = (now: Date, days: number) => londonDay(new Date(now.getTime() + days * 24 * HOUR));

export const absenceArea: OohArea = {
  key: 'absence',
  routes: registerAbsenceRoutes,

  /** Shifts from now to 09:00 tomorrow with someone absent; those with no cover need attention. */
  async shift(db, now) {
    const rows = await repo.absencesOverlapping(db, now, absenceWindowEnd(now));
    return [{
      key: 'ooh-absence', heading: 'Staff absence today', href: '/ooh/absence',
      items: rows.map((r) => ({
        text: `${r.person_name} (${r.organisation}): ${ABSENCE_REASONS[r.reason as keyof typeof ABSENCE_REASONS] ?? r.reason}`,
        detail: `${formatDateTime(r.shift_start)} to ${formatTime(r.shift_end)}; ${r.no_cover ? 'no cover' : `covered by ${r.cover}`}`,
        href: '/ooh/absence', urgent: r.no_cover,
      })),
    }];
  },

  /** A few weeks of absence reports, one for tonight's night shift with no cover yet. */
  async seedDemo(deps, council) {
    const ooh = council.users.ooh ?? Object.values(council.users)[0]!;
    const manager = council.users.supervisor;
    const actor = { audit: { ...SYSTEM_ACTOR, actorId: ooh.id, actorUsername: ooh.username }, userId: ooh.id };
    const now = deps.clock.now();
    const at = (days: number, hour: number) => londonWallClock(dayOffset(now, days), { hour })!;
    const reports = [
      { days: -20, person: 'Priya Shah', org: 'Vigil Borough Council', reason: 'sickness', cover: 'Tom Reilly (overtime)', seen: true },
      { days: -12, person: 'Gareth Lewis', org: 'Northfield District Council', reason: 'transport', cover: 'Northfield covered from its own rota', seen: true },
      { days: -5, person: 'Amy Clarke', org: 'Vigil Borough Council', reason: 'family_emergency', cover: '', seen: true },
      { days: -1, person: 'Joe Mensah', org: 'Vigil Borough Council', reason: 'sickness', cover: 'Kate Byrne (swapped shift)', seen: false },
      { days: 0, person: 'Lucy Evans', org: 'Northfield District Council', reason: 'sickness', cover: '', seen: false },
    ] as const;
    let n = 0;
    for (const r of reports) {
      const shiftStart = at(r.days, 19);
      const reportedAt = new Date(Math.min(shiftStart.getTime() - 3 * HOUR, now.getTime() - HOUR));
      const made = await uc.reportAbsence({ ...deps, clock: { now: () => reportedAt } }, {
        actor, input: {
          organisation: r.org, personName: r.person, reportedBy: r.person, reportedVia: r.days === 0 ? 'text' : 'phone', reportedAt,
          reason: r.reason, shiftStart, shiftEnd: at(r.days + 1, 7), cover: r.cover, notes: '',
        },
      });
      if (r.seen && manager) await uc.markSeen({ ...deps, clock: { now: () => at(r.days + 1, 8) } }, { actor: { audit: { ...SYSTEM_ACTOR, actorId: manager.id, actorUsername: manager.username }, userId: manager.id }, id: made.id });
      n++;
    }
    return { oohAbsences: n };
  },
};
