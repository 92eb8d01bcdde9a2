import { ADMINS, type Walk } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import * as uc from './calendar.usecases';

// The calendar's part of the route × role table: read by anyone signed in, changed by administrators.

/** A day far from any real one, so closure days the walk adds never move a real request's clock. */
let next = 0;
const aFreeDay = () => `2099-${String((next % 12) + 1).padStart(2, '0')}-${String((Math.floor(next++ / 12) % 28) + 1).padStart(2, '0')}`;

export const walk: Walk = {
  'GET /api/v1/calendar': { allowed: 'signed-in' },
  'POST /api/v1/calendar/bank-holidays': {
    allowed: ADMINS,
    body: () => ({ text: JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2099-01-01', notes: '', bunting: true }] }, scotland: { division: 'scotland', events: [] }, 'northern-ireland': { division: 'northern-ireland', events: [] } }) }),
  },
  'POST /api/v1/calendar/closures': { allowed: ADMINS, body: () => ({ day: aFreeDay(), reason: 'Office move' }) },
  'POST /api/v1/calendar/closures/:id/removal': {
    allowed: ADMINS,
    path: async (ctx) => {
      const admin = await makeUser(ctx.deps, { roles: ['admin'], organisationId: ctx.councilOrgId });
      const made = await uc.addClosureDay(ctx.deps, { actor: { audit: { actorId: admin.id, actorUsername: admin.username, ip: null, userAgent: null }, userId: admin.id }, day: aFreeDay(), reason: 'Staff training day' });
      return `/api/v1/calendar/closures/${made.id}/removal`;
    },
  },
};
