import { SUPERVISORS, type Walk } from '../../../../../test/support/walk';
import { anOccurrence } from '../occurrences.walk';

// Supervisors redact personal data from an entry's text.
export const walk: Walk = {
  'POST /api/v1/occurrences/:id/entries/:entryId/redactions': {
    allowed: SUPERVISORS,
    path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/entries/${ctx.bag.entryId}/redactions`,
    body: () => ({ remove: 'males', reason: 'Identifies the people involved' }),
  },
};
