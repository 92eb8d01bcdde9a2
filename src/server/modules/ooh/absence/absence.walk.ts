import { OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import * as uc from './absence.usecases';

// Staff absence's part of the route × role table, written by hand.

export async function oohActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['ooh_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export const absenceInput = (now = new Date()) => ({
  organisation: 'Vigil Borough Council', personName: 'Walk Person', reportedBy: 'Walk Person', reportedVia: 'phone' as const,
  reportedAt: new Date(now.getTime() - 3_600_000).toISOString(), reason: 'sickness' as const,
  shiftStart: new Date(now.getTime() + 3_600_000).toISOString(), shiftEnd: new Date(now.getTime() + 11 * 3_600_000).toISOString(), cover: '', notes: '',
});

export const walk: Walk = {
  'GET /api/v1/ooh/absences': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/absences?seen=unseen&sort=person_asc' },
  'GET /api/v1/ooh/absences.csv': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/absences.csv?cover=no_cover' },
  'POST /api/v1/ooh/absences': { allowed: OOH_OFFICERS, body: () => absenceInput() },
  'POST /api/v1/ooh/absences/:id/seen': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => {
      const a = absenceInput();
      const made = await uc.reportAbsence(ctx.deps, { actor: await oohActor(ctx), input: { ...a, reportedAt: new Date(a.reportedAt), shiftStart: new Date(a.shiftStart), shiftEnd: new Date(a.shiftEnd) } });
      return `/api/v1/ooh/absences/${made.id}/seen`;
    },
  },
};
