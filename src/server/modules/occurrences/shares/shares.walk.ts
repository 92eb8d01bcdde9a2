import { LOG_WRITERS, PARTNERS, type Walk } from '../../../../../test/support/walk';
import { makeOrganisation } from '../../../../../test/support/deps';
import { anOccurrence } from '../occurrences.walk';

// Partners list what is shared with their organisation; the council withdraws a share.
export const walk: Walk = {
  'GET /api/v1/shared/occurrences': { allowed: PARTNERS, path: () => '/api/v1/shared/occurrences?q=arguing&status=open&sort=opened_asc' },
  'GET /api/v1/shared/occurrences.csv': { allowed: PARTNERS, path: () => '/api/v1/shared/occurrences.csv?sort=reference_asc' },
  'POST /api/v1/occurrences/:id/shares/:organisationId/withdraw': {
    allowed: LOG_WRITERS,
    path: async (ctx) => {
      const partner = (await makeOrganisation(ctx.deps, { external: true })).id;
      return `/api/v1/occurrences/${await anOccurrence(ctx, { shareWith: partner })}/shares/${partner}/withdraw`;
    },
    body: () => ({ reason: 'Shared with the wrong force' }),
  },
};
