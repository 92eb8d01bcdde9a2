import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import * as h from './handover.usecases';
import * as k from '../../../../domain/occurrences/contract';

const tags = ['Shift handover'];
const actor = requestActor;
const viewer = (c: Parameters<typeof requestActor>[0]) => {
  const s = c.get('session')!;
  return { userId: s.userId, canWrite: s.permissions.includes('occurrences.write') };
};


export function registerHandoverRoutes(api: Api) {
  route(api, {
    operationId: 'getHandoverDraft', method: 'get', path: '/api/v1/handovers/draft', access: 'occurrences.write', tags,
    summary: 'What the caller’s handover starts from: their shift’s work, open occurrences (theirs marked), their outstanding actions, who may take it',
    request: { query: k.HandoverDraftQuery }, responses: { 200: json(k.HandoverDraft, 'Draft'), ...commonResponses },
  }, async (c) => {
    const s = c.get('session')!;
    return c.json(await h.draftHandover(c.get('deps'), { userId: s.userId, sessionId: s.sessionId, shiftStartedAt: c.req.valid('query').shiftStartedAt }), 200);
  });

  route(api, {
    operationId: 'createHandover', method: 'post', path: '/api/v1/handovers', access: 'occurrences.write', tags, summary: 'Hand over the caller’s shift to the person or team coming on',
    request: body(k.CreateHandover), responses: { 201: json(k.HandoverSent, 'Handed over; waits for the addressee to acknowledge it'), ...commonResponses },
  }, async (c) => c.json(await h.createHandover(c.get('deps'), { actor: actor(c), sessionId: c.get('session')!.sessionId, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listHandovers', method: 'get', path: '/api/v1/handovers', access: 'occurrences.read', tags, summary: 'Recent handovers (or only those not yet acknowledged, or those waiting for the caller)',
    request: { query: k.HandoverList },
    responses: { 200: json(z.object({ items: z.array(k.HandoverSummary) }), 'Handovers, newest first'), ...commonResponses },
  }, async (c) => c.json({ items: await h.listHandovers(c.get('deps'), { status: c.req.valid('query').status, viewer: viewer(c) }) }, 200));

  route(api, {
    operationId: 'getHandover', method: 'get', path: '/api/v1/handovers/{id}', access: 'occurrences.read', tags, summary: 'A handover with its occurrences, actions and those carried over',
    request: { params: k.IdParam }, responses: { 200: json(k.Handover, 'The handover'), ...commonResponses },
  }, async (c) => c.json(await h.getHandover(c.get('deps'), { id: c.req.valid('param').id, viewer: viewer(c) }), 200));

  route(api, {
    operationId: 'acknowledgeHandover', method: 'post', path: '/api/v1/handovers/{id}/acknowledge', access: 'occurrences.write', tags, summary: 'Acknowledge a handover addressed to the caller or the caller’s team',
    request: { params: k.IdParam }, responses: { 200: json(k.Acknowledged, 'Acknowledged'), ...commonResponses, 403: problemResponse('Not allowed, or addressed to someone else'), 409: commonResponses[400] },
  }, async (c) => c.json(await h.acknowledgeHandover(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'listOutstandingActions', method: 'get', path: '/api/v1/actions', access: 'occurrences.read', tags, summary: 'Outstanding actions, soonest due first',
    responses: { 200: json(z.object({ items: z.array(k.HandoverAction) }), 'Open actions'), ...commonResponses },
  }, async (c) => c.json({ items: await h.listOpenActions(c.get('deps')) }, 200));

  route(api, {
    operationId: 'addOutstandingAction', method: 'post', path: '/api/v1/actions', access: 'occurrences.write', tags, summary: 'Add an outstanding action',
    request: body(k.NewAction), responses: { 201: json(z.object({ id: z.string().uuid() }), 'Added'), ...commonResponses },
  }, async (c) => c.json(await h.addAction(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'completeOutstandingAction', method: 'post', path: '/api/v1/actions/{id}/done', access: 'occurrences.write', tags, summary: 'Mark an action done',
    request: { params: k.IdParam }, responses: { 200: json(k.ActionDone, 'Done'), ...commonResponses, 409: commonResponses[400] },
  }, async (c) => c.json(await h.completeAction(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'listAssignees', method: 'get', path: '/api/v1/assignees', access: 'occurrences.read', tags, summary: 'Council staff: who can own an action, or be searched for as the operator (none for partner agencies)',
    responses: { 200: json(z.object({ items: z.array(k.Assignee) }), 'People'), ...commonResponses },
  }, async (c) => c.json({ items: await h.listAssignees(c.get('deps'), { viewerIsExternal: c.get('session')!.organisation.isExternal }) }, 200));

  route(api, {
    operationId: 'getSupervisorOverview', method: 'get', path: '/api/v1/supervisor/overview', access: 'occurrences.supervise', tags, summary: 'Unacknowledged handovers and open alerts',
    responses: { 200: json(k.SupervisorOverview, 'What needs a supervisor'), ...commonResponses },
  }, async (c) => c.json(await h.supervisorOverview(c.get('deps'), { viewer: viewer(c) }), 200));

  route(api, {
    operationId: 'acknowledgeSupervisorAlert', method: 'post', path: '/api/v1/supervisor/alerts/{id}/acknowledge', access: 'occurrences.supervise', tags, summary: 'Acknowledge an alert',
    request: { params: k.IdParam }, responses: { 200: json(k.Created, 'Acknowledged'), ...commonResponses },
  }, async (c) => c.json(await h.acknowledgeAlert(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id }), 200));
}
