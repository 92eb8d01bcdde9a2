import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { pathId } from '../../../../domain/primitives';
import { formatHours } from '../../../../domain/field/parishes';
import * as k from '../../../../domain/field/parishes.contract';
import * as uc from './parishes.usecases';

// Parish and town council contracts and the monthly billing report, HTTP only (field.lead).

const tags = ['Field'];
const params = z.object({ id: pathId('id') });
export const PARISH_REPORT_CSV_HEADER = ['month', 'contract', 'patrol_hours', 'contracted_hours', 'hours_difference', 'hours_percent', 'visits', 'contracted_visits', 'visits_difference', 'pcns', 'fpns', 'defects', 'asb_reports', 'inspections'];

export function registerParishesRoutes(api: Api) {
  route(api, {
    operationId: 'listFieldParishes', method: 'get', path: '/api/v1/field/parishes', access: 'field.lead', tags,
    summary: 'Parish and town councils with their contracts (hours and visits a month, dated)',
    responses: { 200: json(k.Parishes, 'The parishes'), ...commonResponses },
  }, async (c) => c.json(await uc.listParishes(c.get('deps')), 200));

  route(api, {
    operationId: 'addFieldParish', method: 'post', path: '/api/v1/field/parishes', access: 'field.lead', tags,
    summary: 'Add a parish or town council (audited)',
    request: body(k.AddParish), responses: { 201: json(k.Parish, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addParish(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'addFieldParishContract', method: 'post', path: '/api/v1/field/parish-contracts', access: 'field.lead', tags,
    summary: 'Add a contract: hours and visits a month, from a date, to a date or open (audited)',
    request: body(k.AddParishContract), responses: { 201: json(k.ParishContract, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addContract(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'saveFieldParishContract', method: 'put', path: '/api/v1/field/parish-contracts/{id}', access: 'field.lead', tags,
    summary: 'Change a contract (its dates, hours, visits, notes; audited with what it was before)',
    request: { params, ...body(k.SaveParishContract) }, responses: { 200: json(k.ParishContract, 'Saved'), ...commonResponses },
  }, async (c) => c.json(await uc.saveContract(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'getFieldParishReport', method: 'get', path: '/api/v1/field/parish-report', access: 'field.lead', tags,
    summary: 'The monthly billing report: for each contract in force in the London month, patrol time (clipped to the month), visits and notices against what it buys',
    request: { query: k.ParishReportQuery }, responses: { 200: json(k.ParishReport, 'The report'), ...commonResponses },
  }, async (c) => c.json(await uc.monthlyReport(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportFieldParishReportCsv', method: 'get', path: '/api/v1/field/parish-report.csv', access: 'field.lead', tags,
    summary: 'The same report as CSV, one contract a row, hours as h:mm (audited)',
    request: { query: k.ParishReportQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one contract a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const { month } = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'field.parish_report.exported', details: { format: 'csv', month } });
    const report = await uc.monthlyReport(deps, { month });
    return csvDownload(c, {
      filename: `parish-report-${month}.csv`, header: PARISH_REPORT_CSV_HEADER, batches: (async function* () { yield report.rows; })(),
      toRow: (r) => [month, r.contract.name, formatHours(r.patrolMinutes), formatHours(r.contractedMinutes), formatHours(r.minutesDifference), r.hoursPercent ?? '',
        r.visits, r.contractedVisits, r.visitsDifference, r.notices.pcn, r.notices.fpn, r.notices.defect, r.notices.asb, r.notices.inspection],
    }) as never;
  });
}
