import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { actorFrom, recordAudit } from '../../../platform/audit/audit';
import { pathId } from '../../../../domain/primitives';
import { labelOf } from '../../../../domain/labels';
import { formatTimestamp, formatUkDay, londonDay } from '../../../../domain/calendar/london';
import * as k from '../../../../domain/maintenance/lines';
import * as uc from './lines.usecases';

// Connectivity lines over HTTP. Reading is maintenance.read (the control room, coordinators and
// out-of-hours officers); recording and changing lines, linking cameras, and raising or clearing a
// line's fault are maintenance.manage (coordinators). Raising a line fault changes the register's
// status of every camera the line serves, so it is the coordinator's, who manages the lines with
// their providers; the control room reports a dead camera as a fault of its own, as before.

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });
const cameraParams = z.object({ id: pathId('id'), cameraId: pathId('cameraId') });
const LINES_CSV_HEADER = ['reference', 'provider', 'type', 'circuit_id', 'monthly_cost_gbp', 'contract_ends_on', 'contract_end', 'days_left', 'cameras', 'open_fault_since_uk_time', 'notes'];

export function registerLinesRoutes(api: Api) {
  route(api, {
    operationId: 'listConnectivityLines', method: 'get', path: '/api/v1/connectivity-lines', access: 'maintenance.read', tags,
    summary: 'Connectivity lines, filtered (type, provider, contract ended or ending within 90 days, open fault) and sorted, each with its contract end flag, camera count and open fault',
    request: { query: k.LinesQuery }, responses: { 200: json(k.LineList, 'The lines'), ...commonResponses },
  }, async (c) => c.json({ items: await uc.listLines(c.get('deps'), c.req.valid('query')) }, 200));

  route(api, {
    operationId: 'exportConnectivityLinesCsv', method: 'get', path: '/api/v1/connectivity-lines.csv', access: 'maintenance.read', tags,
    summary: 'The same lines as CSV (UK dates, cost in pounds; spreadsheet formulas neutralised)',
    request: { query: k.LinesQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one line a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const items = await uc.listLines(deps, query);
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'lines.exported', details: { format: 'csv', count: items.length, filter: JSON.parse(JSON.stringify(query)) } });
    async function* batches() { if (items.length) yield items; }
    return csvDownload(c, {
      filename: `connectivity-lines-${londonDay(deps.clock.now())}.csv`, header: LINES_CSV_HEADER, batches: batches(),
      toRow: (l) => [l.reference, l.provider, labelOf(k.LINE_KINDS, l.kind), l.circuitId, (l.monthlyCostPence / 100).toFixed(2),
        l.contractEndsOn ? formatUkDay(l.contractEndsOn) : '', labelOf(k.CONTRACT_END_STATUSES, l.contractEnd.status), l.contractEnd.daysLeft ?? '', l.cameraCount,
        l.fault ? formatTimestamp(l.fault.raisedAt) : '', l.notes],
    }) as never;
  });

  route(api, {
    operationId: 'createConnectivityLine', method: 'post', path: '/api/v1/connectivity-lines', access: 'maintenance.manage', tags,
    summary: 'Record a line; the cameras in service whose register names it as their connectivity line (and no other line serves) are linked to it (audited)',
    request: body(k.CreateLine),
    responses: { 201: json(k.LineDetail, 'Recorded, with the cameras matched'), ...commonResponses, 409: problemResponse('That reference or circuit id is already recorded') },
  }, async (c) => c.json(await uc.createLine(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getConnectivityLine', method: 'get', path: '/api/v1/connectivity-lines/{id}', access: 'maintenance.read', tags,
    summary: 'A line with the cameras it serves and its faults, newest first',
    request: { params }, responses: { 200: json(k.LineDetail, 'The line'), ...commonResponses },
  }, async (c) => c.json(await uc.getLine(c.get('deps'), { id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'updateConnectivityLine', method: 'patch', path: '/api/v1/connectivity-lines/{id}', access: 'maintenance.manage', tags,
    summary: 'Change a line, with the version you read; a new reference is written to the register entry of every camera it serves (audited)',
    request: { params, ...body(k.UpdateLine) },
    responses: { 200: json(k.LineDetail, 'Changed (its version one higher)'), ...commonResponses, 409: problemResponse('Changed by someone else since you read it, or the reference or circuit id is taken') },
  }, async (c) => c.json(await uc.updateLine(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'linkConnectivityLineCamera', method: 'post', path: '/api/v1/connectivity-lines/{id}/cameras', access: 'maintenance.manage', tags,
    summary: 'Link a camera to the line: its register entry names the line from now on, and while the line\'s fault is open it is marked faulty too (audited)',
    request: { params, ...body(k.LinkCamera) },
    responses: { 200: json(k.LineDetail, 'Linked (or already linked)'), ...commonResponses, 409: problemResponse('Another line serves the camera: unlink it there first') },
  }, async (c) => c.json(await uc.linkCamera(c.get('deps'), { actor: actor(c), lineId: c.req.valid('param').id, cameraId: c.req.valid('json').cameraId }), 200));

  route(api, {
    operationId: 'unlinkConnectivityLineCamera', method: 'delete', path: '/api/v1/connectivity-lines/{id}/cameras/{cameraId}', access: 'maintenance.manage', tags,
    summary: 'Unlink a camera from the line: its register entry names no line; if the line\'s open fault had marked it, it returns to operational unless a fault of its own is open (audited)',
    request: { params: cameraParams }, responses: { 200: json(k.LineDetail, 'Unlinked'), ...commonResponses },
  }, async (c) => {
    const { id, cameraId } = c.req.valid('param');
    return c.json(await uc.unlinkCamera(c.get('deps'), { actor: actor(c), lineId: id, cameraId }), 200);
  });

  route(api, {
    operationId: 'raiseConnectivityLineFault', method: 'post', path: '/api/v1/connectivity-lines/{id}/fault', access: 'maintenance.manage', tags,
    summary: 'Record the line\'s fault: every operational or degraded camera it serves is marked faulty in the register ("line fault: <circuit>") (audited)',
    request: { params, ...body(k.RaiseLineFault) },
    responses: { 201: json(k.LineFaultOutcome, 'Raised: the cameras marked faulty and those left as they were'), ...commonResponses, 409: problemResponse('The line already has an open fault') },
  }, async (c) => c.json(await uc.raiseLineFault(c.get('deps'), { actor: actor(c), lineId: c.req.valid('param').id, note: c.req.valid('json').note }), 201));

  route(api, {
    operationId: 'clearConnectivityLineFault', method: 'post', path: '/api/v1/connectivity-lines/{id}/fault/clearance', access: 'maintenance.manage', tags,
    summary: 'Clear the line\'s fault: the cameras it marked return to operational, unless a fault of their own is still open (audited)',
    request: { params, ...body(k.ClearLineFault) },
    responses: { 200: json(k.LineFaultOutcome, 'Cleared: the cameras returned to operational and those left faulty, with why'), ...commonResponses, 409: problemResponse('The line has no open fault') },
  }, async (c) => c.json(await uc.clearLineFault(c.get('deps'), { actor: actor(c), lineId: c.req.valid('param').id, note: c.req.valid('json').note }), 200));
}
