import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../platform/http/openapi';
import type { ExactFit } from '../../platform/http/exact';
import { actorFrom, recordAudit } from '../../platform/audit/audit';
import { occurrencePdf } from './occurrences.pdf';
import * as occ from './occurrences.usecases';
import { getOccurrenceView, viewSharedOccurrence } from './occurrences.views';
import * as k from '../../../domain/occurrences/contract';
import { listCategories, listPartners } from './occurrences.repository';
import { liveStream, type LiveContext } from '../../platform/http/sse';

const tags = ['Occurrences'];
const actor = requestActor;

export function registerOccurrenceRoutes(api: Api, live: LiveContext) {
  route(api, {
    operationId: 'streamOccurrenceEvents', method: 'get', path: '/api/v1/occurrences/live', access: 'occurrences.read', tags, summary: 'Server-Sent Events: every change to any occurrence, as it happens',
    // A new stream carries on after the update a dropped one last had (as Last-Event-ID does when the browser reconnects by itself).
    request: { query: z.object({ lastEventId: z.string().regex(/^\d{1,15}$/, 'the id of the last update received').optional() }) },
    responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'event: occurrence, id: its number, data: {"occurrenceId","what","entryId"}; event: ready, data: {"caughtUp"} (false: reload what is shown); event: waiting (not live for now); event: signed-out' }, ...commonResponses },
  }, (c) => liveStream(c as unknown as Context<AppEnv>, live, { channel: 'vigil_occurrences', event: 'occurrence' }) as never);

  // Before /occurrences/{id}, which would otherwise take 'personal-data-review' for an id.
  route(api, {
    operationId: 'listPersonalDataForReview', method: 'get', path: '/api/v1/occurrences/personal-data-review', access: 'occurrences.review_personal_data', tags,
    summary: 'Personal data flagged for review, oldest first: references and dates only, never names',
    responses: { 200: json(k.PersonalDataReview, 'Flagged, not yet removed'), ...commonResponses },
  }, async (c) => c.json(await occ.listPersonalDataForReview(c.get('deps')), 200));

  route(api, {
    operationId: 'removePersonalData', method: 'post', path: '/api/v1/occurrences/{id}/personal-data/{pdId}/remove', access: 'occurrences.review_personal_data', tags,
    summary: 'Remove an item of personal data now, with a reason (recorded in the timeline and the audit trail; refused while held)',
    request: { params: k.PersonalDataParams, ...body(k.RemovePersonalData) },
    responses: { 200: json(k.PersonalDataRemoved, 'Removed'), ...commonResponses, 409: problemResponse('Held by evidence or a request, or already removed') },
  }, async (c) => {
    const { id, pdId } = c.req.valid('param');
    return c.json(await occ.removePersonalDataNow(c.get('deps'), { actor: actor(c), occurrenceId: id, personalDataId: pdId, reason: c.req.valid('json').reason }), 200);
  });

  route(api, {
    operationId: 'listOccurrenceCategories', method: 'get', path: '/api/v1/occurrence-categories', access: 'occurrences.read', tags, summary: 'Categories (the taxonomy administrators keep)',
    responses: { 200: json(z.object({ items: z.array(k.Category) }), 'Categories'), ...commonResponses },
  }, async (c) => c.json({ items: (await listCategories(c.get('deps').db)).map((x) => ({ id: x.id, key: x.key, name: x.name, isActive: x.is_active })) }, 200));

  route(api, {
    operationId: 'openOccurrence', method: 'post', path: '/api/v1/occurrences', access: 'occurrences.write', tags, summary: 'Open an occurrence (reference OCC-YYYY-NNNNNN, gap-free per year)',
    request: body(k.OpenOccurrence), responses: { 201: json(k.Opened, 'Opened'), ...commonResponses },
  }, async (c) => c.json(await occ.openOccurrence(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOccurrencePdf', method: 'get', path: '/api/v1/occurrences/{id}/pdf', access: 'occurrences.read', tags, summary: 'The occurrence as a PDF for the police (audited)',
    request: { params: k.IdParam }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
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
    request: { params: k.IdParam }, responses: { 200: json(k.Occurrence, 'The occurrence'), ...commonResponses },
  }, async (c) => c.json(await getOccurrenceView(c.get('deps'), { id: c.req.valid('param').id }), 200));

  // A write to an occurrence: its body, its reply, and the use case that makes one from the other.
  const write = <S extends z.ZodTypeAny, Res extends z.ZodTypeAny, T extends z.input<Res>>(
    operationId: string, path: string, summary: string, schema: S, reply: Res,
    run: (c: Context<AppEnv>, id: string, input: z.output<S>) => Promise<T & ExactFit<T, z.input<Res>>>,
  ) =>
    route(api, {
      operationId, method: 'post', path: `/api/v1/occurrences/{id}/${path}`, access: 'occurrences.write', tags, summary,
      request: { params: k.IdParam, ...body(schema) }, responses: { 201: json(reply, 'Recorded'), ...commonResponses, 409: problemResponse('Not possible in its present state (closed, say)') },
    }, (async (c: Context<AppEnv>) => {
      // The generic schemas defeat route()'s inferred types (run's own type checks the reply); the validators have run all the same.
      const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
      return c.json(await run(c, req.valid('param').id, req.valid('json')), 201);
    }) as never);

  write('addOccurrenceEntry', 'entries', 'Log what was seen, done or said', k.AddEntry, k.Appended, (c, id, i) => occ.addEntry(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('notifyAgency', 'notifications', 'Record that an agency was told, with their reference', k.NotifyAgency, k.Appended, (c, id, i) => occ.notifyAgency(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('markFootage', 'footage', 'Mark a camera and time range as evidentially relevant', k.MarkFootage, k.Appended, (c, id, i) => occ.markFootage(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('amendOccurrenceEntry', 'amendments', 'Correct an entry (the original stays, with the correction beside it)', k.Amend, k.Appended, (c, id, i) => occ.amendEntry(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('addOccurrenceCameras', 'cameras', 'Add cameras involved', k.AddCameras, k.Appended, (c, id, i) => occ.addCameras(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('tickProcedureStep', 'steps', 'Tick a procedure step (becomes an entry)', k.TickStep, k.Appended, (c, id, i) => occ.tickStep(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('closeOccurrence', 'close', 'Close with an outcome (a skipped required step needs a reason and alerts the supervisor)', k.Close, k.ClosedOccurrence, (c, id, i) => occ.closeOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('reopenOccurrence', 'reopen', 'Reopen with a reason', k.Reopen, k.ReopenedOccurrence, (c, id, i) => occ.reopenOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('recordPersonalData', 'personal-data', 'Record a name or identifying details (restricted; audited when shown)', k.PersonalData, k.Created, (c, id, i) => occ.recordPersonalData(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));
  write('shareOccurrence', 'shares', 'Share the occurrence with a partner organisation', k.Share, k.SharedWith, (c, id, i) => occ.shareOccurrence(c.get('deps'), { actor: actor(c), occurrenceId: id, ...i }));

  route(api, {
    operationId: 'listPartners', method: 'get', path: '/api/v1/partners', access: 'occurrences.write', tags, summary: 'Partner organisations an occurrence can be shared with',
    responses: { 200: json(z.object({ items: z.array(k.Partner) }), 'Partners'), ...commonResponses },
  }, async (c) => c.json({ items: await listPartners(c.get('deps').db) }, 200));

  route(api, {
    operationId: 'listPersonalData', method: 'get', path: '/api/v1/occurrences/{id}/personal-data', access: 'occurrences.read', tags, summary: 'Names and identifying details (every read is audited)',
    request: { params: k.IdParam }, responses: { 200: json(z.object({ items: z.array(k.PersonalDataItem) }), 'Personal data'), ...commonResponses },
  }, async (c) => c.json({ items: await occ.viewPersonalData(c.get('deps'), { actor: actor(c), occurrenceId: c.req.valid('param').id }) }, 200));

  // Partner agencies: only what was shared with their organisation, through routes of their own.
  route(api, {
    operationId: 'getSharedOccurrence', method: 'get', path: '/api/v1/shared/occurrences/{id}', access: 'shared.read', tags: ['Shared with partners'], summary: 'An occurrence shared with your organisation',
    request: { params: k.IdParam }, responses: { 200: json(k.SharedOccurrence, 'The occurrence, with roles where staff names would be'), ...commonResponses },
  }, async (c) => c.json(await viewSharedOccurrence(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, organisationId: c.get('session')!.organisation.id }), 200));
}
