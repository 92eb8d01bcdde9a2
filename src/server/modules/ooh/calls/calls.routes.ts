import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as cc from '../../../../domain/ooh/calls.contract';
import * as uc from './calls.usecases';

// The call log: HTTP only. Out-of-hours officers and supervisors (ooh.use) take calls and work them.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('The call does not allow it now (ooh.call_not_open, ooh.call_not_awaiting_ack, ooh.call_done, ooh.no_duty, ooh.nobody_on_call, ooh.not_a_fault)') };
const csv = (description: string) => ({ 200: { content: { 'text/csv': { schema: z.string() } }, description }, ...commonResponses });

export const OOH_CALLS_CSV_HEADER = ['reference', 'received', 'status', 'category', 'priority', 'response_by', 'caller', 'callback_number', 'address', 'referred_to', 'referred_at', 'acknowledged_at', 're_referrals', 'outcome', 'description'];
export const OOH_DOWNGRADED_CSV_HEADER = ['reference', 'received', 'category', 'priority', 'caller', 'callback_number', 'address', 'latitude', 'longitude', 'description', 'vulnerable', 'vulnerability', 'downgrade_reason', 'respond_by'];

export function registerCallRoutes(api: Api) {
  route(api, {
    operationId: 'listOohCalls', method: 'get', path: '/api/v1/ooh/calls', access: 'ooh.use', tags,
    summary: 'The call log, filtered (status, category, priority, London days received, words), sorted and paged, each with its response time and referral',
    request: { query: cc.OohCallsQuery }, responses: { 200: json(cc.OohCallList, 'The calls'), ...commonResponses },
  }, async (c) => c.json(await uc.listCalls(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportOohCallsCsv', method: 'get', path: '/api/v1/ooh/calls.csv', access: 'ooh.use', tags,
    summary: 'The same filtered, sorted call log as CSV, every page (spreadsheet formulas neutralised; audited)',
    request: { query: cc.OohCallsQuery }, responses: csv('CSV, one call a row'),
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.calls.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `ooh-calls-${londonDay()}.csv`, header: OOH_CALLS_CSV_HEADER, batches: uc.streamCalls(deps, query),
      toRow: ({ row, summary }) => [
        row.reference, formatTimestamp(row.received_at), summary.statusLabel, row.category_name, row.priority_name, formatTimestamp(row.response_by),
        row.caller_name, row.callback_number, row.address, row.referred_to_name, formatTimestamp(row.referred_at), formatTimestamp(row.acknowledged_at),
        String(row.re_referrals), row.outcome_note, row.description,
      ],
    }) as never;
  });

  route(api, {
    operationId: 'exportOohDowngradedCsv', method: 'get', path: '/api/v1/ooh/calls/downgraded.csv', access: 'ooh.use', tags,
    summary: 'Calls downgraded for the day service between two London days, with the customer\'s details, as CSV for the council\'s CRM (audited)',
    request: { query: cc.OohDowngradedQuery }, responses: csv('CSV, one downgraded call a row'),
  }, async (c) => {
    const deps = c.get('deps');
    const { from, to } = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.calls.downgraded_exported', details: { from, to } });
    return csvDownload(c, {
      filename: `ooh-downgraded-${from}-to-${to}.csv`, header: OOH_DOWNGRADED_CSV_HEADER,
      batches: uc.streamCalls(deps, { status: 'downgraded', from, to, sort: 'received_asc' }),
      toRow: ({ row }) => [
        row.reference, formatTimestamp(row.received_at), row.category_name, row.priority_name, row.caller_name, row.callback_number, row.address,
        row.lat === null ? '' : String(row.lat), row.lon === null ? '' : String(row.lon), row.description, row.vulnerable ? 'yes' : 'no', row.vulnerability,
        row.outcome_note, formatTimestamp(row.response_by),
      ],
    }) as never;
  });

  route(api, {
    operationId: 'takeOohCall', method: 'post', path: '/api/v1/ooh/calls', access: 'ooh.use', tags,
    summary: 'Log a call: caller, callback number, address or point, category and priority (its response-by time worked out), what is reported; its reference OOH-YYYY-NNNNNN is the next of the year (audited)',
    request: body(cc.TakeOohCall), responses: { 201: json(cc.OohCallDetail, 'Logged'), ...commonResponses },
  }, async (c) => c.json(await uc.takeCall(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOohCall', method: 'get', path: '/api/v1/ooh/calls/{id}', access: 'ooh.use', tags,
    summary: 'A call with its timeline, who is on call for it now and the steps it allows',
    request: { params }, responses: { 200: json(cc.OohCallDetail, 'The call'), ...commonResponses },
  }, async (c) => c.json(await uc.getCall(c.get('deps'), c.req.valid('param').id), 200));

  const stepRoute = <S extends z.ZodType>({ operationId, path, schema, summary, run }: {
    operationId: string; path: string; schema: S; summary: string;
    run: (deps: Parameters<typeof uc.getCall>[0], a: { actor: uc.Actor; id: string; input: z.output<S> }) => Promise<cc.OohCallDetail>;
  }) => route(api, {
    operationId, method: 'post', path: `/api/v1/ooh/calls/{id}/${path}`, access: 'ooh.use', tags, summary,
    request: { params, ...body(schema) }, responses: { 200: json(cc.OohCallDetail, 'The call now'), ...commonResponses, ...refused },
  }, async (c) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
    return c.json(await run(c.get('deps'), { actor: requestActor(c), id: req.valid('param').id, input: req.valid('json') }), 200);
  });

  stepRoute({ operationId: 'referOohCall', path: 'referral', schema: cc.ReferOohCall, summary: 'Refer the call to whoever is first on call now for its category\'s duty; if they do not acknowledge in time it goes up the rota by itself (audited)', run: (d, a) => uc.referCall(d, { ...a, note: a.input.note }) });
  stepRoute({ operationId: 'acknowledgeOohCall', path: 'acknowledgement', schema: cc.AcknowledgeOohCall, summary: 'Record that the on-call person acknowledged the referral, and when (now when left out): the re-referral is called off (audited)', run: (d, a) => uc.acknowledgeCall(d, { ...a, acknowledgedAt: a.input.acknowledgedAt, note: a.input.note }) });
  stepRoute({ operationId: 'downgradeOohCall', path: 'downgrade', schema: cc.DowngradeOohCall, summary: 'Downgrade the call with the reason: logged for the day service with the customer\'s details (audited)', run: (d, a) => uc.downgradeCall(d, { ...a, reason: a.input.reason }) });
  stepRoute({ operationId: 'closeOohCall', path: 'closure', schema: cc.CloseOohCall, summary: 'Close the call with the advice given (audited)', run: (d, a) => uc.closeCall(d, { ...a, advice: a.input.advice }) });
  stepRoute({ operationId: 'raiseOohCallFault', path: 'fault', schema: cc.RaiseOohCallFault, summary: 'Make an equipment-fault call a maintenance fault on the camera or equipment named, linked to the call (audited)', run: uc.raiseFaultFromCall });
}
