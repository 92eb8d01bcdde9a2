import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { TimelinessQuery, TimelinessReport } from '../../../../domain/requests/reports';
import { timelinessReport } from './reports.usecases';
import { timelinessPdf } from './reports.pdf';

// The requests' timeliness report over HTTP: JSON for the page, CSV for spreadsheets and returns,
// PDF for publication. All read with requests.read.

const tags = ['Requests'];

/** The CSV's columns: a row per month and kind, then a total row per month. */
export const TIMELINESS_CSV_HEADER = ['month', 'type', 'received', 'completed', 'completed_on_time', 'completed_late', 'open_overdue', 'on_time_percent'];

export function timelinessCsvRows(report: TimelinessReport): unknown[][] {
  const cells = (f: TimelinessReport['total']) => [f.received, f.completed, f.onTime, f.late, f.openOverdue, f.onTimePercent === null ? '' : f.onTimePercent.toFixed(1)];
  return report.months.flatMap((m) => [...m.types.map((t) => [m.month, t.type, ...cells(t.figures)]), [m.month, 'all', ...cells(m.total)]]);
}

export function registerRequestReportRoutes(api: Api) {
  route(api, {
    operationId: 'getRequestsTimeliness', method: 'get', path: '/api/v1/requests/reports/timeliness', access: 'requests.read', tags,
    summary: 'Requests received and completed on time, by month and kind (the figures published for FOI and subject access)',
    request: { query: TimelinessQuery }, responses: { 200: json(TimelinessReport, 'The report'), ...commonResponses },
  }, async (c) => c.json(await timelinessReport(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportRequestsTimelinessCsv', method: 'get', path: '/api/v1/requests/reports/timeliness.csv', access: 'requests.read', tags,
    summary: 'The same report as CSV: a row per month and kind, and a total row per month',
    request: { query: TimelinessQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const report = await timelinessReport(c.get('deps'), c.req.valid('query'));
    async function* batches() { yield timelinessCsvRows(report); }
    return csvDownload(c, { filename: `requests-timeliness-${report.from}-to-${report.to}.csv`, header: TIMELINESS_CSV_HEADER, batches: batches(), toRow: (r) => r }) as never;
  });

  route(api, {
    operationId: 'getRequestsTimelinessPdf', method: 'get', path: '/api/v1/requests/reports/timeliness.pdf', access: 'requests.read', tags,
    summary: 'The same report as a PDF for publication',
    request: { query: TimelinessQuery }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const report = await timelinessReport(deps, c.req.valid('query'));
    const pdf = await timelinessPdf({ report, councilName: deps.config.council.name, printedBy: c.get('session')!.displayName, generatedAt: deps.clock.now() });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `inline; filename="requests-timeliness-${report.from}-to-${report.to}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });
}
