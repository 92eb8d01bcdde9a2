import type { OohArea } from '../ooh.area';
import type { Db } from '../../../platform/db/db';
import type { ShiftSection } from '../../../../domain/platform/contract';
import { formatTime } from '../../../../domain/calendar/london';
import { LONE_WORKING_TIMERS } from './lone-working.ladder';
import { registerLoneWorkingRoutes } from './lone-working.routes';
import { listSessions } from './lone-working.repository';
import { seedLoneWorkingDemo } from './lone-working.demo';

/** Who is still out, for the shift handover: each open session, urgent when overdue or escalating. */
async function shift(db: Db, now: Date): Promise<ShiftSection[]> {
  const rows = await listSessions(db, { state: 'open' });
  return [{
    key: 'ooh-lone-workers', heading: 'Lone workers out', href: '/ooh/lone-workers',
    items: rows.map((s) => {
      const overdue = s.status === 'escalating' || (s.deadline_at !== null && s.deadline_at < now);
      return {
        text: `${s.worker_name}${s.worker_organisation ? ` (${s.worker_organisation})` : ''}: ${s.task}`,
        detail: `${s.location}; ${s.status === 'escalating' ? 'escalating' : overdue ? 'check-in overdue' : `next check-in by ${formatTime(s.deadline_at!)}`}; expected to finish ${formatTime(s.expected_end_at)}`,
        href: `/ooh/lone-workers/${s.id}`, urgent: overdue,
      };
    }),
  }];
}

export const loneWorkingArea: OohArea = {
  key: 'lone-working',
  routes: registerLoneWorkingRoutes,
  timers: LONE_WORKING_TIMERS,
  seedDemo: seedLoneWorkingDemo,
  shift,
};
