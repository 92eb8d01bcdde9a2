import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../platform/http/openapi';
import { actorFrom, recordAudit } from '../../platform/audit/audit';
import { occurrencePdf } from './occurrences.pdf';
import * as occ from './occurrences.usecases';
import { getOccurrenceView } from './occurrences.views';
import { listCategories, listPartners } from './occurrences.repository';
import * as s from './occurrences.schemas';
import { liveStream, type LiveContext } from '../../platform/http/sse';

const tags = ['Occurrences'];
const actor = requestActor;
const Appended = z.object({ id: z.string().uuid(), seq: z.number().int(), reference: z.string() });
const View = z.record(z.string(), z.unknown()).openapi('Occurrence');

export function registerOccurrenceRoutes(api: Api, live: LiveContext) {
  route(api, {
    operationId: 'streamOccurrenceEvents', method: 'get', path: '/api/v1/occurrences/live', access: 'occurrences.read', tags, summary: 'Server-Sent Events: every change to any occurrence, as it happens',
    responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'event: occurrence, data: {"occurrenceId","what","entryId"}' }, ...commonResponses },
  }, (c) => liveStream(c as unknown as Context<AppEnv>, live, { channel: 'vigil_occurrences', event: 'occurrence' }) as never);

  // Before /occurrences/{id}, which would otherwise take 'personal-data-review' for an id.
  const ReviewItem = z.object({
    id: z.string().uuid(), occurrence: z.object({ id: z.string().uuid(), reference: z.string() }), recordedAt: z.string(), flaggedAt: z.string(),
    held: z.boolean(), removalDueAt: z.string().nullable(),
  });
  route(api, {
    operationId: 'listPersonalDataForReview', method: 'get', path: '/api/v1/occurrences/personal-data-review', access: 'occurrences.review_personal_data', tags,
    summary: 'Personal data flagged for review, oldest first: references and dates only, never names',
    responses: { 200: json(z.object({ items: z.array(ReviewItem), total: z.number().int(), reviewDays: z.number(), removalDays: z.number() }), 'Flagged, not yet removed'), ...commonResponses },
  }, async (c) => c.json(await occ.listPersonalDataForReview(c.get('deps')), 200));

  route(api, {
    operationId: 'removePersonalData', method: 'post', path: '/api/v1/occurrences/{id}/personal-data/{pdId}/remove', access: 'occurrences.review_personal_data', tags,
    summary: 'Remove an item of personal data now, with a reason (recorded in the timeline and the audit trail; refused while held)',
    request: { params: s.PersonalDataParams, ...body(s.RemovePersonalData) },
    responses: { 200: json(z.object({ reference: z.string(), removedAt: z.string() }), 'Removed'), ...commonResponses, 409: problemResponse('Held by evidence or a request, or already removed') },
  }, async (c) => {
    const { id, pdId } = c.req.valid('param');
    return c.json(await occ.removePersonalDataNow(c.get('deps'), { actor: actor(c), occurrenceId: id, personalDataId: pdId, reason: c.req.valid('json').reason }), 200);
  });

  route(api, {
    operationId: 'listOccurrenceCategories', method: 'get', path: '/api/v1/occurrence-categories', access: 'occurrences.read', tags, summary: 'Categories (the taxonomy administrators keep)',
    responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), isActive: z.boolean() })) }), 'Categories'), ...commonResponses },
  }, async (c) => c.json({ items: (await listCategories(c.get('deps').db)).map((x) => ({ id: x.id, key: x.key, name: x.name, isActive: x.is_active })) }, 200));

  route(api, {
    operationId: 'openOccurrence', method: 'post', path: '/api/v1/occurrences', access: 'occurrences.write', tags, summary: 'Open an occurrence (reference OCC-YYYY-NNNNNN, gap-free per year)',
    request: body(s.OpenOccurrence), responses: { 201: json(z.object({ id: z.string().uuid(), reference: z.string() }), 'Opened'), ...commonResponses },
  }, async (c) => c.json(await occ.openOccurrence(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOccurrencePdf', method: 'get', path: '/api/v1/occurrences/{id}/pdf', access: 'occurrences.read', tags, summary: 'The occurrence as a PDF for the police (audited)',
    request: { params: s.IdParam }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const view = await getOccurrenceView(deps, { id: c.req.valid('param').id });
    const pdf = await occurrencePdf({ view, councilName: deps.config.council.name, printedBy: c.get('session')!.displayName, printedAt: deps.clock.now() });
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'occurrence.printed', recordType: 'occurrence', recordId: view.id, details: { reference: view.reference } });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `inline; filename="${view.reference}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });

  route(api, {
    operationId: 'getOccurrence', method: 'get', path: '/api/v1/occurrences/{id}', access: 'occurrences.read', tags, summary: 'An occurrence with its whole timeline',
    request: { params: s.IdParam }, responses: { 200: json(View, 'The occurrence'), ...commonResponses },
  }, async (c) => c.json(await getOccurrenceView(c.get('deps'), { id: c.req.valid('param').id }), 200));

  const write = <S extends z.ZodTypeAny>(operationId: string, path: string, summary: string, schema: S, run: (c: Context<AppEnv>, id: string, input: z.output<S>) => Promise<unknown>) =>
    route(api, {
      operationId, method: 'post', path: `/api/v1/occurrences/{id}/${path}`, access: 'occurrences.write', tags, summary,
      request: { params: s.IdParam, ...body(schema) }, responses: { 201: json(Appended.or(z.record(z.string(), z.unknown())), 'Recorded'), ...commonResponses, 409: commonResponses[400] },
    }, async (c) => {
      // The generic schema defeats the inferred input type; the validators have run all the same.
      const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
      return c.json(await run(c as unknown as Context<AppEnv>, req.valid('param').id, req.valid('json')) as never, 201);
    });

  write('addOccurrenceEntry', 'entries', 'Log what was seen, done or said', s.AddEntry, (c, id, i) => occ.addEntry(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('notifyAgency', 'notifications', 'Record that an agency was told, with their reference', s.NotifyAgency, (c, id, i) => occ.notifyAgency(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('markFootage', 'footage', 'Mark a camera and time range as evidentially relevant', s.MarkFootage, (c, id, i) => occ.markFootage(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('amendOccurrenceEntry', 'amendments', 'Correct an entry (the original stays, with the correction beside it)', s.Amend, (c, id, i) => occ.amendEntry(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('addOccurrenceCameras', 'cameras', 'Add cameras involved', s.AddCameras, (c, id, i) => occ.addCameras(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('tickProcedureStep', 'steps', 'Tick a procedure step (becomes an entry)', s.TickStep, (c, id, i) => occ.tickStep(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('closeOccurrence', 'close', 'Close with an outcome (a skipped required step needs a reason and alerts the supervisor)', s.Close, (c, id, i) => occ.closeOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('reopenOccurrence', 'reopen', 'Reopen with a reason', s.Reopen, (c, id, i) => occ.reopenOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('recordPersonalData', 'personal-data', 'Record a name or identifying details (restricted; audited when shown)', s.PersonalData, (c, id, i) => occ.recordPersonalData(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('shareOccurrence', 'shares', 'Share the occurrence with a partner organisation', s.Share, (c, id, i) => occ.shareOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));

  route(api, {
    operationId: 'listPartners', method: 'get', path: '/api/v1/partners', access: 'occurrences.write', tags, summary: 'Partner organisations an occurrence can be shared with',
    responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }), 'Partners'), ...commonResponses },
  }, async (c) => c.json({ items: await listPartners(c.get('deps').db) }, 200));

  route(api, {
    operationId: 'listPersonalData', method: 'get', path: '/api/v1/occurrences/{id}/personal-data', access: 'occurrences.read', tags, summary: 'Names and identifying details (every read is audited)',
    request: { params: s.IdParam }, responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), 'Personal data'), ...commonResponses },
  }, async (c) => c.json({ items: await occ.viewPersonalData(c.get('deps'), { actor: actor(c), occurrenceId: c.req.valid('param').id }) }, 200));

  // Partner agencies: only what was shared with their organisation, through routes of their own.
  route(api, {
    operationId: 'getSharedOccurrence', method: 'get', path: '/api/v1/shared/occurrences/{id}', access: 'shared.read', tags: ['Shared with partners'], summary: 'An occurrence shared with your organisation',
    request: { params: s.IdParam }, responses: { 200: json(View, 'The occurrence'), ...commonResponses },
  }, async (c) => c.json(await getOccurrenceView(c.get('deps'), { id: c.req.valid('param').id, organisationId: c.get('session')!.organisation.id }), 200));
}
