import type { OohArea } from '../ooh.area';
import { formatTime } from '../../../../domain/calendar/london';
import { registerCallRoutes } from './calls.routes';
import { registerCategoryRoutes } from './categories.routes';
import { referralTimer } from './calls.referral';
import { listOpenCalls } from './calls.repository';
import { toSummary } from './calls.views';
import { seedDemoCalls } from './calls.demo';

/** The emergency line's calls: categories and their response times, the call log, referrals up the rota. */
export const callsArea: OohArea = {
  key: 'calls',
  routes(api) {
    registerCategoryRoutes(api);
    registerCallRoutes(api);
  },
  timers: [referralTimer],
  seedDemo: seedDemoCalls,
  async shift(db, now) {
    const calls = (await listOpenCalls(db)).map((r) => toSummary(r, now));
    return [{
      key: 'ooh-calls', heading: 'Open out-of-hours calls', href: '/ooh/calls',
      items: calls.map((c) => ({
        text: `${c.reference} ${c.category.name} (${c.priority.name}): ${c.address}`,
        href: `/ooh/calls/${c.id}`,
        urgent: c.ackOverdue || c.responseOverdue || c.rotaExhausted,
        detail: [
          c.statusLabel,
          c.referral && c.status === 'awaiting_ack' ? `referred to ${c.referral.name}, acknowledgement due ${formatTime(c.referral.ackDueAt)}` : '',
          c.ackOverdue ? 'not acknowledged in time' : '', c.rotaExhausted ? 'nobody left on the rota' : '',
          c.responseOverdue ? `response was due ${formatTime(c.responseBy)}` : `respond by ${formatTime(c.responseBy)}`,
        ].filter(Boolean).join('; '),
      })),
    }];
  },
};
