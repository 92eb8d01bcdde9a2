import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import { Patrol, PatrolList, PatrolProgress, PatrolsQuery, StartPatrol } from '../../../../domain/ooh/contract';
import * as uc from './patrols.usecases';

// Night patrols of the council's buildings: HTTP only.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });
const completed = { 409: problemResponse('The patrol was completed already (ooh.patrol_completed)') };
export const PATROLS_CSV_HEADER = ['started_at', 'completed_at', 'building', 'officer', 'checks', 'problems', 'problem_notes', 'late_workers', 'notes'];

export function registerPatrolRoutes(api: Api) {
  route(api, {
    operationId: 'listOohPatrols', method: 'get', path: '/api/v1/ooh/patrols', access: 'ooh.use', tags,
    summary: 'Night patrols, filtered (building, started from/to, with problems) and sorted by when they started',
    request: { query: PatrolsQuery }, responses: { 200: json(PatrolList, 'The patrols'), ...commonResponses },
  }, async (c) => c.json(await uc.listPatrols(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportOohPatrolsCsv', method: 'get', path: '/api/v1/ooh/patrols.csv', access: 'ooh.use', tags,
    summary: 'The same filtered patrols as CSV, every page (audited)',
    request: { query: PatrolsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one patrol a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.patrols_exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `patrols-${londonDay(deps.clock.now())}.csv`, header: PATROLS_CSV_HEADER, batches: uc.streamPatrols(deps, query),
      toRow: (p) => [
        formatDateTime(p.startedAt), p.completedAt ? formatDateTime(p.completedAt) : '', p.building.name, p.startedBy, p.checks.length, p.problems,
        p.checks.filter((k) => k.outcome === 'problem').map((k) => `${k.item}: ${k.note}`).join('; '),
        p.lateWorkers.map((w) => [w.name, w.department, w.location, w.expectedLeaving && `leaving ${w.expectedLeaving}`].filter(Boolean).join(', ')).join('; '), p.notes,
      ],
    }) as never;
  });

  route(api, {
    operationId: 'startOohPatrol', method: 'post', path: '/api/v1/ooh/patrols', access: 'ooh.use', tags,
    summary: 'Start a night patrol of a building: its checklist as it stands now is the patrol’s (audited)',
    request: body(StartPatrol), responses: { 201: json(Patrol, 'Started'), ...commonResponses },
  }, async (c) => c.json(await uc.startPatrol(c.get('deps'), { actor: requestActor(c), buildingId: c.req.valid('json').buildingId }), 201));

  route(api, {
    operationId: 'getOohPatrol', method: 'get', path: '/api/v1/ooh/patrols/{id}', access: 'ooh.use', tags,
    summary: 'A patrol with its checks, problems and staff found working late',
    request: { params }, responses: { 200: json(Patrol, 'The patrol'), ...commonResponses },
  }, async (c) => c.json(await uc.getPatrol(c.get('deps').db, c.req.valid('param').id), 200));

  route(api, {
    operationId: 'saveOohPatrol', method: 'put', path: '/api/v1/ooh/patrols/{id}', access: 'ooh.use', tags,
    summary: 'Save a patrol’s progress: the checks ticked so far (each on the building’s checklist, a problem with a note) and staff found working late (audited)',
    request: { params, ...body(PatrolProgress) }, responses: { 200: json(Patrol, 'The patrol now'), ...commonResponses, ...completed },
  }, async (c) => c.json(await uc.savePatrol(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json'), complete: false }), 200));

  route(api, {
    operationId: 'completeOohPatrol', method: 'post', path: '/api/v1/ooh/patrols/{id}/completion', access: 'ooh.use', tags,
    summary: 'Complete a patrol: every check ticked or a problem recorded with a note; it never changes after (audited)',
    request: { params, ...body(PatrolProgress) }, responses: { 200: json(Patrol, 'Completed'), ...commonResponses, ...completed },
  }, async (c) => c.json(await uc.savePatrol(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json'), complete: true }), 200));
}
