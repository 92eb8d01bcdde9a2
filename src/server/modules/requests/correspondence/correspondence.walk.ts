import { DEFAULT_LETTERS } from '../../../../domain/requests/letters';
import { ADMINS, REQUEST_HANDLERS, REQUEST_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { aRequest, handlerActor } from '../register/register.walk';
import * as uc from './correspondence.usecases';
import * as letters from './letters.usecases';

// Correspondence and letters' part of the route × role table (test/support/walk.ts), by hand.

const onRequest = (tail: string) => async (ctx: WalkCtx) => `/api/v1/requests/${(await aRequest(ctx)).id}${tail}`;

/** A request with one letter received, a text file kept with it. */
async function withLetterIn(ctx: WalkCtx) {
  const request = await aRequest(ctx);
  const actor = await handlerActor(ctx);
  const file = await uc.storeFile(ctx.deps, { actor, bytes: new TextEncoder().encode(`Letter from the requester ${request.reference}`), type: 'text/plain' });
  const item = await uc.recordCorrespondence(ctx.deps, {
    actor, id: request.id,
    input: { direction: 'in', channel: 'post', subject: 'Photo ID enclosed', body: '', counterpart: 'Alex Requester', attachments: [{ sha256: file.sha256, name: 'letter.txt', type: 'text/plain' }] },
  });
  return { request, item, file };
}

export const walk: Walk = {
  'GET /api/v1/request-letter-templates': { allowed: ADMINS },
  'POST /api/v1/request-letter-templates/:key': {
    allowed: ADMINS, path: () => '/api/v1/request-letter-templates/acknowledgement',
    // The shipped wording, saved again: this database is shared, and other tests read the letters it makes.
    body: () => ({ subject: DEFAULT_LETTERS.acknowledgement.subject, body: DEFAULT_LETTERS.acknowledgement.body }),
  },
  'POST /api/v1/requests/correspondence-files': { allowed: REQUEST_HANDLERS, body: () => ({ file: 'sent as JSON' }), allowedStatus: () => [415] },
  'GET /api/v1/requests/:id/correspondence': { allowed: REQUEST_READERS, path: onRequest('/correspondence') },
  'POST /api/v1/requests/:id/correspondence': {
    allowed: REQUEST_HANDLERS, path: onRequest('/correspondence'),
    body: () => ({ direction: 'in', channel: 'phone', subject: 'Requester rang about progress', counterpart: 'Alex Requester' }),
  },
  'GET /api/v1/requests/:id/correspondence/:itemId/attachments/:sha256': {
    allowed: REQUEST_READERS,
    path: async (ctx) => { const { request, item, file } = await withLetterIn(ctx); return `/api/v1/requests/${request.id}/correspondence/${item.id}/attachments/${file.sha256}`; },
  },
  'POST /api/v1/requests/:id/letters': { allowed: REQUEST_HANDLERS, path: onRequest('/letters'), body: () => ({ letter: 'acknowledgement', send: 'none' }) },
  'GET /api/v1/requests/:id/letters/:itemId/pdf': {
    allowed: REQUEST_READERS,
    path: async (ctx) => {
      const request = await aRequest(ctx);
      const item = await letters.generateLetter(ctx.deps, { actor: await handlerActor(ctx), id: request.id, input: { letter: 'acknowledgement', send: 'none' } });
      return `/api/v1/requests/${request.id}/letters/${item.id}/pdf`;
    },
  },
};
