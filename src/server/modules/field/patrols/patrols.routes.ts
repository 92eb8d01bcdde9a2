import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as k from '../../../../domain/field/patrols.contract';
import * as uc from './patrols.usecases';

// Patrols in the office app (field.use): your own; a team leader (field.lead) sees the team's.
// Patrols are made by the handheld's sync (patrol.start … patrol.end records), not here.

const tags = ['Field'];
const lead = (c: Parameters<typeof requestActor>[0]) => c.get('session')!.permissions.includes('field.lead');

export function registerPatrolsRoutes(api: Api) {
  route(api, {
    operationId: 'listFieldPatrols', method: 'get', path: '/api/v1/field/patrols', access: 'field.use', tags,
    summary: 'Your patrols (a team leader: the team\'s), newest first, filtered by state, beat or task, officer and dates',
    request: { query: k.PatrolsQuery }, responses: { 200: json(k.PatrolList, 'The patrols'), ...commonResponses },
  }, async (c) => c.json(await uc.listPatrols(c.get('deps'), { actor: requestActor(c), lead: lead(c), query: c.req.valid('query') }), 200));

  route(api, {
    operationId: 'exportFieldPatrolsCsv', method: 'get', path: '/api/v1/field/patrols.csv', access: 'field.use', tags,
    summary: 'The same list as CSV (formulas neutralised; audited)',
    request: { query: k.PatrolsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one patrol a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const actor = requestActor(c);
    await recordAudit(deps.db, actor.audit, { action: 'field.patrols.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    const { items } = await uc.listPatrols(deps, { actor, lead: lead(c), query: { ...query, limit: 500 } });
    return csvDownload(c, {
      filename: `patrols-${londonDay()}.csv`, header: k.PATROLS_CSV_HEADER, batches: (async function* () { yield items; })(),
      toRow: (p) => [p.officer.name, p.beat, p.task, p.parishContractId ?? '', formatDateTime(p.startedAt), formatDateTime(p.expectedEndAt), p.endedAt ? formatDateTime(p.endedAt) : '', p.minutes, p.notices],
    }) as never;
  });

  route(api, {
    operationId: 'getFieldPatrol', method: 'get', path: '/api/v1/field/patrols/{id}', access: 'field.use', tags,
    summary: 'A patrol: its GPS trail, notes with their photos, and the notices and reports made on it',
    request: { params: z.object({ id: pathId('id') }) }, responses: { 200: json(k.PatrolDetail, 'The patrol'), ...commonResponses },
  }, async (c) => c.json(await uc.getPatrol(c.get('deps'), { actor: requestActor(c), lead: lead(c), id: c.req.valid('param').id }), 200));
}
