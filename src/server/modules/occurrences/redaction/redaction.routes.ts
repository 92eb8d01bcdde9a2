import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import * as k from '../../../../domain/occurrences/contract';
import { redactEntry } from './redaction.usecases';

export function registerRedactionRoutes(api: Api) {
  route(api, {
    operationId: 'redactOccurrenceEntry', method: 'post', path: '/api/v1/occurrences/{id}/entries/{entryId}/redactions', access: 'occurrences.supervise', tags: ['Occurrences'],
    summary: 'Remove personal data from an entry’s text (supervisors): every appearance of the words becomes “[redacted]”; recorded with the reason and the SHA-256 of the original, never the original',
    request: { params: k.EntryParams, ...body(k.RedactEntry) },
    responses: { 201: json(k.EntryRedacted, 'Redacted'), ...commonResponses },
  }, async (c) => {
    const { id, entryId } = c.req.valid('param');
    const { remove, reason } = c.req.valid('json');
    return c.json(await redactEntry(c.get('deps'), { actor: requestActor(c), occurrenceId: id, entryId, remove, reason }), 201);
  });
}
