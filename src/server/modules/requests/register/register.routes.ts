import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as rc from '../../../../domain/requests/contract';
import { REQUEST_TYPE_SHORT, STATUSES } from '../../../../domain/requests/workflow';
import { CHANNELS } from '../../../../domain/requests/workflow';
import * as uc from './register.usecases';

// The register: HTTP only. The council reads with requests.read and acts with requests.manage; a
// partner agency's users (requests.submit) use /api/v1/partner/requests, where they see and act on
// their own organisation's requests only: any other answers 404, as if it did not exist.

const tags = ['Requests'];
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('The request does not allow it now (requests.status_refused, requests.already_closed, requests.pause_refused, requests.not_paused, requests.extension_refused, requests.not_a_complaint, requests.not_closed)') };

export const REQUESTS_CSV_HEADER = ['reference', 'type', 'status', 'received_on', 'channel', 'requester', 'requester_organisation', 'owner', 'due_on', 'clock', 'extended', 'closed_on', 'summary'];

const councilActor = (c: Context<AppEnv>): uc.Actor => ({ ...requestActor(c), viewer: { party: 'council' } });
const agencyActor = (c: Context<AppEnv>): uc.Actor => ({ ...requestActor(c), viewer: { party: 'agency', organisationId: c.get('session')!.organisation.id } });

export function registerRequestRoutes(api: Api) {
  route(api, {
    operationId: 'listRequests', method: 'get', path: '/api/v1/requests', access: 'requests.read', tags,
    summary: 'The register of requests, filtered (type, status, owner, due: overdue, this week, clock stopped, open, closed; due before; words) and sorted, each with its clock',
    request: { query: rc.RequestsQuery }, responses: { 200: json(rc.RequestList, 'The requests'), ...commonResponses },
  }, async (c) => c.json(await uc.listRequests(c.get('deps'), { actor: councilActor(c), query: c.req.valid('query') }), 200));

  route(api, {
    operationId: 'exportRequestsCsv', method: 'get', path: '/api/v1/requests.csv', access: 'requests.read', tags,
    summary: 'The same filtered, sorted register as CSV, every page (spreadsheet formulas neutralised; audited)',
    request: { query: rc.RequestsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one request a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const actor = councilActor(c);
    await recordAudit(deps.db, actor.audit, { action: 'requests.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `requests-${londonDay()}.csv`, header: REQUESTS_CSV_HEADER, batches: uc.streamRequests(deps, { actor, query }),
      toRow: ({ row, summary }) => [
        row.reference, REQUEST_TYPE_SHORT[summary.type], STATUSES[summary.status], row.received_on, CHANNELS[row.channel as keyof typeof CHANNELS] ?? row.channel,
        row.requester_name, row.requester_organisation, row.owner_name ?? '', row.due_on ?? '', summary.clock.label, row.extended ? 'yes' : 'no',
        row.closed_at ? londonDay(row.closed_at) : '', row.summary,
      ],
    }) as never;
  });

  route(api, {
    operationId: 'receiveRequest', method: 'post', path: '/api/v1/requests', access: 'requests.manage', tags,
    summary: 'Record a request received (any kind): its reference REQ-YYYY-NNNNNN is the next of the year it was received in, its clock starts from the day it was received (audited)',
    request: body(rc.ReceiveRequest), responses: { 201: json(rc.RequestDetail, 'Recorded'), ...commonResponses },
  }, async (c) => c.json(await uc.receiveRequest(c.get('deps'), { actor: councilActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getRequestsDashboard', method: 'get', path: '/api/v1/requests/dashboard', access: 'requests.read', tags,
    summary: 'Requests overdue, due in the next seven days and with the clock stopped, and open and overdue counts by kind',
    responses: { 200: json(rc.RequestsDashboard, 'The dashboard'), ...commonResponses },
  }, async (c) => c.json(await uc.dashboard(c.get('deps'), { actor: councilActor(c) }), 200));

  route(api, {
    operationId: 'getRequest', method: 'get', path: '/api/v1/requests/{id}', access: 'requests.read', tags,
    summary: 'A request with its clock and the working behind it, its pauses, the statuses it may move to and its history',
    request: { params }, responses: { 200: json(rc.RequestDetail, 'The request'), ...commonResponses },
  }, async (c) => c.json(await uc.getRequest(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id }), 200));

  const stepRoute = <S extends z.ZodType>({ operationId, path, schema, summary, run }: {
    operationId: string; path: string; schema: S; summary: string;
    run: (deps: Parameters<typeof uc.changeStatus>[0], a: { actor: uc.Actor; id: string; input: z.output<S> }) => Promise<rc.RequestDetail>;
  }) => route(api, {
    operationId, method: 'post', path: `/api/v1/requests/{id}/${path}`, access: 'requests.manage', tags, summary,
    request: { params, ...body(schema) }, responses: { 200: json(rc.RequestDetail, 'The request now'), ...commonResponses, ...refused },
  }, async (c) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
    return c.json(await run(c.get('deps'), { actor: councilActor(c), id: req.valid('param').id, input: req.valid('json') }), 200);
  });

  stepRoute({ operationId: 'changeRequestStatus', path: 'status', schema: rc.ChangeStatus, run: uc.changeStatus, summary: 'Move the request to another status its kind allows; a closing status (responded, disclosed, refused…) closes it and stops its clock (audited)' });
  stepRoute({ operationId: 'stopRequestClock', path: 'clock-stops', schema: rc.StopClock, run: uc.stopClock, summary: 'Stop the clock while waiting for identity, clarification or a fee, from a day (today when left out): the due date is no longer counted down until it restarts (audited)' });
  stepRoute({ operationId: 'restartRequestClock', path: 'clock-restarts', schema: rc.RestartClock, run: uc.restartClock, summary: 'Restart the clock on the day what was asked for arrived (today when left out): the days stopped are added to the due date (audited)' });
  stepRoute({ operationId: 'extendRequestClock', path: 'extension', schema: rc.ExtendClock, run: uc.extendClock, summary: 'Extend a SAR by two months (the requester told within the first month) or an FOI request for the public-interest test, with the reason (audited)' });
  stepRoute({ operationId: 'assignRequest', path: 'owner', schema: rc.AssignRequest, run: uc.assignOwner, summary: 'Give the request to an enforcement officer or coordinator (audited)' });
  stepRoute({ operationId: 'escalateComplaint', path: 'escalation', schema: rc.EscalateComplaint, run: uc.escalateComplaint, summary: 'Take a complaint to its next stage from the day the complainant asked: the stage\'s own clock starts (audited)' });
  stepRoute({ operationId: 'noteRequest', path: 'notes', schema: rc.RequestNote, run: uc.addNote, summary: 'Add a note to the history, or correct an earlier entry with a new one pointing at it (nothing is changed; audited)' });
  stepRoute({ operationId: 'reopenRequest', path: 'reopening', schema: rc.ReopenRequest, run: uc.reopenRequest, summary: 'Reopen a closed request with the reason; its clock runs again from where it was (audited)' });

  // ---- Partner agencies: their own organisation's requests only ----

  route(api, {
    operationId: 'listPartnerRequests', method: 'get', path: '/api/v1/partner/requests', access: 'requests.submit', tags,
    summary: 'The footage requests the caller\'s organisation made, with where each stands',
    request: { query: rc.RequestsQuery }, responses: { 200: json(rc.RequestList, 'Your organisation\'s requests'), ...commonResponses },
  }, async (c) => c.json(await uc.listRequests(c.get('deps'), { actor: agencyActor(c), query: c.req.valid('query') }), 200));

  route(api, {
    operationId: 'submitFootageRequest', method: 'post', path: '/api/v1/partner/requests', access: 'requests.submit', tags,
    summary: 'Ask the council for footage, with your authority: the crime reference, the exemption relied on and the officer\'s name, rank and number (audited)',
    request: body(rc.SubmitFootageRequest), responses: { 201: json(rc.RequestDetail, 'Received'), ...commonResponses },
  }, async (c) => {
    const s = c.get('session')!;
    return c.json(await uc.submitFootageRequest(c.get('deps'), {
      actor: agencyActor(c), input: c.req.valid('json'),
      user: { name: s.displayName, organisationId: s.organisation.id, organisationName: s.organisation.name },
    }), 201);
  });

  route(api, {
    operationId: 'getPartnerRequest', method: 'get', path: '/api/v1/partner/requests/{id}', access: 'requests.submit', tags,
    summary: 'One of your organisation\'s requests (404 for any other)',
    request: { params }, responses: { 200: json(rc.RequestDetail, 'The request'), ...commonResponses },
  }, async (c) => c.json(await uc.getRequest(c.get('deps'), { actor: agencyActor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'notePartnerRequest', method: 'post', path: '/api/v1/partner/requests/{id}/notes', access: 'requests.submit', tags,
    summary: 'Add a note to one of your organisation\'s requests: the clarification asked for, a change (audited)',
    request: { params, ...body(rc.RequestNote) }, responses: { 200: json(rc.RequestDetail, 'The request now'), ...commonResponses },
  }, async (c) => c.json(await uc.addNote(c.get('deps'), { actor: agencyActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'withdrawPartnerRequest', method: 'post', path: '/api/v1/partner/requests/{id}/withdrawal', access: 'requests.submit', tags,
    summary: 'Withdraw one of your organisation\'s requests that is still open (audited)',
    request: { params, ...body(z.object({ note: rc.words('why it is withdrawn') })) }, responses: { 200: json(rc.RequestDetail, 'The request now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.changeStatus(c.get('deps'), { actor: agencyActor(c), id: c.req.valid('param').id, input: { status: 'withdrawn', note: c.req.valid('json').note } }), 200));
}
