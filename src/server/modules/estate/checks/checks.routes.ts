import { z } from '@hono/zod-openapi';
import * as k from '../../../../domain/estate/checks';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import { pathId } from '../../../../domain/primitives';
import { csvDownload } from '../../../platform/http/csv';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import * as repo from './checks.repository';
import * as checks from './checks.usecases';

// Daily checks over HTTP: the operator's keyboard screen (the current round, one result at a
// time), the supervisor's completion screen, the faults checks raised, and the equipment register.

const tags = ['Cameras'];
const RoundParam = z.object({ id: pathId('id') });
const FAULTS_CSV_HEADER = ['reference', 'raised_at', 'raised_by', 'target_type', 'target_reference', 'target_name', 'item', 'description', 'state', 'failures'];

export function registerCheckRoutes(api: Api) {
  route(api, {
    operationId: 'openCurrentCheckRound', method: 'get', path: '/api/v1/checks/current', access: 'occurrences.write', tags,
    summary: 'The current shift’s check round of cameras or equipment (opened on first use), with the items in order, what is recorded and the next item',
    request: { query: k.CurrentRoundQuery }, responses: { 200: json(k.CheckRound, 'The round'), ...commonResponses },
  }, async (c) => c.json(await checks.openCurrentRound(c.get('deps'), { actor: requestActor(c), kind: c.req.valid('query').kind }), 200));

  route(api, {
    operationId: 'getCheckRound', method: 'get', path: '/api/v1/checks/rounds/{id}', access: 'occurrences.write', tags, summary: 'A check round',
    request: { params: RoundParam }, responses: { 200: json(k.CheckRound, 'The round'), ...commonResponses },
  }, async (c) => c.json(await checks.getRound(c.get('deps'), { roundId: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'recordCheckResult', method: 'post', path: '/api/v1/checks/rounds/{id}/results', access: 'occurrences.write', tags,
    summary: 'Record one result (again for an item already checked: a correction that supersedes it); answers the next item to check',
    description: 'A failure needs a note (or, for the recorder clock, the offset in seconds) and raises a fault, or adds to the open one for the same item; the camera or equipment is marked faulty.',
    request: { params: RoundParam, ...body(k.RecordCheckResult) },
    responses: { 201: json(k.RecordedCheck, 'Recorded'), ...commonResponses, 409: problemResponse('The round’s shift has ended') },
  }, async (c) => c.json(await checks.recordResult(c.get('deps'), { actor: requestActor(c), roundId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getChecksOverview', method: 'get', path: '/api/v1/checks/overview', access: 'occurrences.supervise', tags,
    summary: 'Completion of the current and previous shifts’ checks, incomplete ones past their point flagged',
    responses: { 200: json(k.ChecksOverview, 'The rounds'), ...commonResponses },
  }, async (c) => c.json(await checks.checksOverview(c.get('deps')), 200));

  route(api, {
    operationId: 'listCheckFaults', method: 'get', path: '/api/v1/checks/faults', access: 'estate.read', tags, summary: 'Faults raised by daily checks, newest first',
    request: { query: k.FaultsQuery }, responses: { 200: json(k.CheckFaults, 'Faults'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    const rows = await repo.listFaults(c.get('deps').db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    return c.json({ items: rows.map(checks.toFaultDto), page, pageSize }, 200);
  });

  route(api, {
    operationId: 'exportCheckFaultsCsv', method: 'get', path: '/api/v1/checks/faults.csv', access: 'estate.read', tags, summary: 'The same faults as CSV (spreadsheet formulas neutralised)',
    request: { query: k.FaultsExportQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const db = c.get('deps').db;
    const filter = c.req.valid('query');
    async function* batches() {
      for (let offset = 0; ; offset += 500) {
        const rows = await repo.listFaults(db, { ...filter, limit: 500, offset });
        if (rows.length) yield rows;
        if (rows.length < 500) return;
      }
    }
    return csvDownload(c, {
      filename: `check-faults-${londonDay()}.csv`, header: FAULTS_CSV_HEADER, batches: batches(),
      toRow: (f) => [f.reference, formatTimestamp(f.raised_at), f.raised_by_name, f.camera_id ? 'camera' : 'equipment', f.target_reference, f.target_name,
        labelOf(k.CHECK_ITEMS, f.item), f.description, labelOf(k.FAULT_STATES, f.state), f.failures ?? 0],
    }) as never;
  });

  route(api, {
    operationId: 'listEquipment', method: 'get', path: '/api/v1/equipment', access: 'estate.read', tags, summary: 'The control room’s equipment register',
    responses: { 200: json(z.object({ items: z.array(k.Equipment) }), 'Equipment by kind and reference'), ...commonResponses },
  }, async (c) => c.json({
    items: (await repo.listEquipment(c.get('deps').db)).map((e) => ({ id: e.id, reference: e.reference, name: e.name, kind: e.kind, location: e.location, status: e.status, isInService: e.is_in_service })),
  }, 200));

  route(api, {
    operationId: 'registerEquipment', method: 'post', path: '/api/v1/equipment', access: 'estate.manage', tags, summary: 'Add equipment to the register',
    request: body(k.RegisterEquipment), responses: { 201: json(z.object({ id: z.uuid(), reference: z.string() }), 'Registered'), ...commonResponses },
  }, async (c) => c.json(await checks.registerEquipment(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getCheckSettings', method: 'get', path: '/api/v1/checks/settings', access: 'settings.manage', tags, summary: 'When the shifts start, the recorder clock tolerance and when an incomplete check is flagged',
    responses: { 200: json(k.CheckSettings, 'The settings'), ...commonResponses },
  }, async (c) => c.json(await repo.readCheckSettings(c.get('deps').db), 200));

  route(api, {
    operationId: 'updateCheckSettings', method: 'put', path: '/api/v1/checks/settings', access: 'settings.manage', tags, summary: 'Change the checks’ settings (audited); rounds already opened keep their shift',
    request: body(k.CheckSettings), responses: { 200: json(k.CheckSettings, 'The new settings'), ...commonResponses },
  }, async (c) => c.json(await checks.updateCheckSettings(c.get('deps'), { actor: requestActor(c), settings: c.req.valid('json') }), 200));
}
