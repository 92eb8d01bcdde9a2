import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { pathId } from '../../../../domain/primitives';
import { PerformanceQuery, PerformanceReport } from '../../../../domain/maintenance/performance';
import { performanceReport } from './performance.usecases';
import { performancePdf } from './performance.pdf';

// A contract's monthly performance report over HTTP: JSON for the page, CSV for spreadsheets, PDF
// for the contract meeting. All read with maintenance.read.

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });

/** The CSV's columns: a row per priority, a total row, then a row per camera (its availability). */
export const PERFORMANCE_CSV_HEADER = [
  'row', 'priority', 'camera_reference', 'camera_name', 'raised',
  'response_met', 'response_breached', 'response_pending', 'response_met_percent',
  'fix_met', 'fix_breached', 'fix_pending', 'fix_met_percent',
  'mean_minutes_to_respond', 'mean_minutes_to_repair', 'repeats', 'service_credit_gbp',
  'in_service_hours', 'down_hours', 'availability_percent',
];

const num = (n: number | null, places = 1) => (n === null ? '' : n.toFixed(places));
const gbp = (pence: number | undefined) => (pence === undefined ? '' : (pence / 100).toFixed(2));
type Figures = PerformanceReport['total'];
const figureCells = (f: Figures) => [
  f.raised, f.response.met, f.response.breached, f.response.pending, num(f.response.metPercent),
  f.fix.met, f.fix.breached, f.fix.pending, num(f.fix.metPercent), num(f.meanMinutesToRespond), num(f.meanMinutesToRepair), f.repeats,
];

export function performanceCsvRows(report: PerformanceReport): unknown[][] {
  const credit = new Map(report.serviceCredits?.lines.map((l) => [l.priority, l.responsePence + l.fixPence]) ?? []);
  return [
    ...report.byPriority.map((p) => ['priority', p.priority, '', '', ...figureCells(p), gbp(credit.get(p.priority)), '', '', '']),
    ['total', '', '', '', ...figureCells(report.total), gbp(report.serviceCredits?.creditPence), '', '', num(report.availability.overallPercent, 2)],
    ...report.availability.cameras.map((c) => ['camera', '', c.reference, c.name, ...Array(13).fill(''), num(c.inServiceHours, 2), num(c.downHours, 2), num(c.percent, 2)]),
  ];
}

export function registerPerformanceRoutes(api: Api) {
  route(api, {
    operationId: 'getMaintenancePerformance', method: 'get', path: '/api/v1/maintenance/contracts/{id}/performance', access: 'maintenance.read', tags,
    summary: 'A contract\'s monthly performance: faults by priority, SLAs met, mean times, repeats, service credits and each camera\'s availability',
    request: { params, query: PerformanceQuery }, responses: { 200: json(PerformanceReport, 'The report'), ...commonResponses },
  }, async (c) => c.json(await performanceReport(c.get('deps'), { contractId: c.req.valid('param').id, month: c.req.valid('query').month }), 200));

  route(api, {
    operationId: 'exportMaintenancePerformanceCsv', method: 'get', path: '/api/v1/maintenance/contracts/{id}/performance.csv', access: 'maintenance.read', tags,
    summary: 'The same report as CSV: a row per priority, the total, then a row per camera with its availability (spreadsheet formulas neutralised)',
    request: { params, query: PerformanceQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const report = await performanceReport(c.get('deps'), { contractId: c.req.valid('param').id, month: c.req.valid('query').month });
    async function* batches() { yield performanceCsvRows(report); }
    return csvDownload(c, {
      filename: `performance-${report.contract.reference.replace(/\//g, '-')}-${report.month}.csv`, header: PERFORMANCE_CSV_HEADER, batches: batches(), toRow: (r) => r,
    }) as never;
  });

  route(api, {
    operationId: 'getMaintenancePerformancePdf', method: 'get', path: '/api/v1/maintenance/contracts/{id}/performance.pdf', access: 'maintenance.read', tags,
    summary: 'The same report as a PDF for the contract meeting',
    request: { params, query: PerformanceQuery }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const report = await performanceReport(deps, { contractId: c.req.valid('param').id, month: c.req.valid('query').month });
    const pdf = await performancePdf({ report, councilName: deps.config.council.name, printedBy: c.get('session')!.displayName });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `inline; filename="performance-${report.contract.reference.replace(/\//g, '-')}-${report.month}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });
}
