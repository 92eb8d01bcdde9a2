import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as c8 from '../../../../domain/ooh/contract';
import * as uc from './lone-working.usecases';

// Lone working, HTTP only. The out-of-hours officer's board and sessions under /ooh/lone-workers
// (ooh.use), the ladder's policy (read with ooh.use, saved with ooh.manage), and the worker's own
// sessions under /lone-working/sessions (lone_working.self): another's session answers 404.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });
const stepParams = z.object({ id: pathId('id'), stepId: pathId('stepId') });
const ended = { 409: problemResponse('The session has ended (ooh.lone_working_ended) or the step was acknowledged already (ooh.step_acknowledged)') };
const Detail = json(c8.OohLoneWorkerDetail, 'The session, its rungs and its timeline');

export const LONE_WORKERS_CSV_HEADER = ['reference', 'worker', 'organisation', 'location', 'task', 'started', 'expected_end', 'interval_minutes', 'status', 'ended', 'escalated'];

export function registerLoneWorkingRoutes(api: Api) {
  route(api, {
    operationId: 'listOohLoneWorkers', method: 'get', path: '/api/v1/ooh/lone-workers', access: 'ooh.use', tags,
    summary: 'The lone workers out (overdue and escalating first) with their deadlines and the server\'s time, or the ended sessions (filtered)',
    request: { query: c8.OohLoneWorkersQuery }, responses: { 200: json(c8.OohLoneWorkerBoard, 'The board'), ...commonResponses },
  }, async (c) => c.json(await uc.board(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportOohLoneWorkersCsv', method: 'get', path: '/api/v1/ooh/lone-workers.csv', access: 'ooh.use', tags,
    summary: 'The same list as CSV (formulas neutralised; audited)',
    request: { query: c8.OohLoneWorkersQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one session a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.lone_workers.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    const { items } = await uc.board(deps, query);
    return csvDownload(c, {
      filename: `lone-workers-${londonDay()}.csv`, header: LONE_WORKERS_CSV_HEADER, batches: (async function* () { yield items; })(),
      toRow: (s) => [s.reference, s.workerName, s.workerOrganisation, s.location, s.task, formatDateTime(s.startedAt), formatDateTime(s.expectedEndAt), s.intervalMinutes,
        c8.LONE_WORKING_STATUSES[s.status], s.endedAt ? formatDateTime(s.endedAt) : '', s.overdue ? 'yes' : 'no'],
    }) as never;
  });

  route(api, {
    operationId: 'startOohLoneWorker', method: 'post', path: '/api/v1/ooh/lone-workers', access: 'ooh.use', tags,
    summary: 'Start a lone-working session for a caller (council or partner staff) after a phone call: the first check-in is due one interval from now (audited)',
    request: body(c8.OohStartLoneWorking), responses: { 201: Detail, ...commonResponses },
  }, async (c) => c.json(await uc.startSession(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOohLoneWorker', method: 'get', path: '/api/v1/ooh/lone-workers/{id}', access: 'ooh.use', tags,
    summary: 'A session: the worker, where and what, its deadline, the rungs raised (with their scripts and acknowledgements), those still to come, and its timeline',
    request: { params }, responses: { 200: Detail, ...commonResponses },
  }, async (c) => c.json(await uc.getSession(c.get('deps'), { id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'checkInOohLoneWorker', method: 'post', path: '/api/v1/ooh/lone-workers/{id}/check-ins', access: 'ooh.use', tags,
    summary: 'Record a check-in on the worker\'s behalf (after a call): on time it cancels the missed check-in; late, it is recorded late and stops the ladder where it is (audited)',
    request: { params, ...body(c8.OohOfficerCheckIn) }, responses: { 200: Detail, ...ended, ...commonResponses },
  }, async (c) => c.json(await uc.officerCheckIn(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, note: c.req.valid('json').note }), 200));

  route(api, {
    operationId: 'acknowledgeOohLoneWorkerStep', method: 'post', path: '/api/v1/ooh/lone-workers/{id}/steps/{stepId}/acknowledgement', access: 'ooh.use', tags,
    summary: 'Acknowledge a rung of the ladder with its outcome: "answered and safe" counts as a check-in and stops the ladder (audited)',
    request: { params: stepParams, ...body(c8.OohAcknowledgeStep) }, responses: { 200: Detail, ...ended, ...commonResponses },
  }, async (c) => {
    const { id, stepId } = c.req.valid('param');
    return c.json(await uc.acknowledgeStep(c.get('deps'), { actor: requestActor(c), id, stepId, input: c.req.valid('json') }), 200);
  });

  route(api, {
    operationId: 'endOohLoneWorker', method: 'post', path: '/api/v1/ooh/lone-workers/{id}/end', access: 'ooh.use', tags,
    summary: 'End a session as the officer (every pending timer cancelled; audited)',
    request: { params, ...body(c8.OohEndLoneWorking) }, responses: { 200: Detail, ...ended, ...commonResponses },
  }, async (c) => c.json(await uc.endSession(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, note: c.req.valid('json').note }), 200));

  route(api, {
    operationId: 'getOohLoneWorkingPolicy', method: 'get', path: '/api/v1/ooh/lone-working-policy', access: 'ooh.use', tags,
    summary: 'The escalation ladder in force (version 0: the built-in default from HSE-based local practice)',
    responses: { 200: json(c8.OohLoneWorkingPolicyVersion, 'The policy'), ...commonResponses },
  }, async (c) => c.json(await uc.currentPolicy(c.get('deps').db), 200));

  route(api, {
    operationId: 'saveOohLoneWorkingPolicy', method: 'put', path: '/api/v1/ooh/lone-working-policy', access: 'ooh.manage', tags,
    summary: 'Save a new version of the escalation ladder (sessions started after it use it; audited)',
    request: body(c8.OohLoneWorkingPolicy), responses: { 200: json(c8.OohLoneWorkingPolicyVersion, 'The new version'), ...commonResponses },
  }, async (c) => c.json(await uc.setPolicy(c.get('deps'), { actor: requestActor(c), policy: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'listOwnLoneWorking', method: 'get', path: '/api/v1/lone-working/sessions', access: 'lone_working.self', tags,
    summary: 'The caller\'s own lone-working sessions (open first) and the server\'s time, for the countdown',
    responses: { 200: json(c8.OohOwnLoneWorkingList, 'Your sessions'), ...commonResponses },
  }, async (c) => c.json(await uc.ownSessions(c.get('deps'), { actor: requestActor(c) }), 200));

  route(api, {
    operationId: 'startOwnLoneWorking', method: 'post', path: '/api/v1/lone-working/sessions', access: 'lone_working.self', tags,
    summary: 'Start your own lone-working session, with your duress word (stored hashed, never shown back; audited)',
    request: body(c8.OohStartOwnLoneWorking), responses: { 201: json(c8.OohOwnLoneWorking, 'Started'), ...commonResponses },
  }, async (c) => c.json(await uc.startOwnSession(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'checkInOwnLoneWorking', method: 'post', path: '/api/v1/lone-working/sessions/{id}/check-ins', access: 'lone_working.self', tags,
    summary: 'Check in on your own session; the next check-in is due one interval from now (audited)',
    request: { params, ...body(c8.OohOwnCheckIn) }, responses: { 200: json(c8.OohOwnCheckInReply, 'Recorded'), ...ended, ...commonResponses },
  }, async (c) => c.json(await uc.ownCheckIn(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, word: c.req.valid('json').word }), 200));

  route(api, {
    operationId: 'endOwnLoneWorking', method: 'post', path: '/api/v1/lone-working/sessions/{id}/end', access: 'lone_working.self', tags,
    summary: 'End your own session: you are safe (audited)',
    request: { params, ...body(c8.OohEndLoneWorking) }, responses: { 200: json(c8.OohOwnLoneWorking, 'Ended'), ...ended, ...commonResponses },
  }, async (c) => c.json(await uc.endOwnSession(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, note: c.req.valid('json').note }), 200));
}
