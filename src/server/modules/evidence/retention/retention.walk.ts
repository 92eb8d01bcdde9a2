import { ADMINS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { anExhibit, aRecording, EVIDENCE_HANDLERS, producer } from '../evidence.walk';
import { getEvidenceRetention, placeHold } from './retention.usecases';

// Retention's part of the route × role table (test/support/walk.ts), written by hand.

async function aHold(ctx: WalkCtx) {
  const hold = await placeHold(ctx.deps, { actor: await producer(ctx), subject: { exhibitId: await anExhibit(ctx) }, reason: 'Walk: police request SP/1/26' });
  return hold.id;
}

export const walk: Walk = {
  'GET /api/v1/evidence/retention': { allowed: EVIDENCE_HANDLERS },
  'GET /api/v1/settings/evidence-retention': { allowed: ADMINS },
  // Writes back the settings it finds, so that other tests sharing the database see no change.
  'PUT /api/v1/settings/evidence-retention': { allowed: ADMINS, body: async ({ deps }) => getEvidenceRetention(deps.db) },
  'POST /api/v1/exhibits/:id/holds': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/holds`, body: () => ({ reason: 'Civil claim notified by the insurer' }),
  },
  'POST /api/v1/recordings/:id/holds': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/recordings/${await aRecording(ctx)}/holds`, body: () => ({ reason: 'Police request SP/12345/26' }),
  },
  'POST /api/v1/evidence-holds/:id/release': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-holds/${await aHold(ctx)}/release`, body: () => ({ reason: 'Case closed at court' }),
  },
  'GET /api/v1/evidence-holds': { allowed: EVIDENCE_HANDLERS },
  'GET /api/v1/evidence/reviews-due': { allowed: EVIDENCE_HANDLERS, path: () => '/api/v1/evidence/reviews-due?page=1&pageSize=20' },
  'POST /api/v1/exhibits/:id/reviews': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/reviews`, body: () => ({ decision: 'keep', reason: 'Appeal pending' }),
  },
  'PUT /api/v1/recordings/:id/retention-class': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/recordings/${await aRecording(ctx)}/retention-class`, body: () => ({ retentionClass: 'routine' }),
  },
  'GET /api/v1/evidence/destructions': { allowed: EVIDENCE_HANDLERS },
};
