import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { route, type Api, type AppEnv } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import * as k from '../../../../domain/occurrences/contract';
import { csvDownload, csvRows } from '../../../platform/http/csv';
import { recordAudit, actorFrom } from '../../../platform/audit/audit';
import { OUTCOMES, PRIORITIES, SOURCES, toldWithReferences } from '../occurrences.models';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { COUNT_CAP, TEXT_WINDOW, countOccurrences, searchOccurrences, streamOccurrences, type OccurrenceFilter } from './search';

const tags = ['Occurrences'];


const toFilter = ({ area, sort: _s, ...f }: z.output<typeof k.OccurrenceFilter>, c: Context<AppEnv>): OccurrenceFilter => ({
  ...f, bbox: area, organisationId: c.get('session')!.organisation.isExternal ? c.get('session')!.organisation.id : undefined,
});

type Row = Awaited<ReturnType<typeof searchOccurrences>>['rows'][number];
export const toItem = (r: Row) => ({
  id: r.id, reference: r.reference, openedAt: r.opened_at.toISOString(), summary: r.summary, source: r.source, sourceName: SOURCES[r.source],
  priority: r.priority, priorityName: PRIORITIES[r.priority], status: r.status, outcome: r.outcome, outcomeName: r.outcome ? OUTCOMES[r.outcome] : null,
  category: { key: r.category_key, name: r.category_name }, location: r.location_text, latitude: r.latitude, longitude: r.longitude,
  cameras: r.cameras, told: r.told, openedBy: r.opened_by_name, closedAt: r.closed_at?.toISOString() ?? null,
});


export const CSV_HEADER = ['Reference', 'Opened (UK time)', 'Status', 'Category', 'Source', 'Priority', 'Summary', 'Location', 'Cameras', 'Agencies told', 'Outcome', 'Opened by', 'Closed (UK time)'];
const ukTime = formatTimestamp;

/** A CSV row, in CSV_HEADER's order. */
type ExportRow = Row & { told_references: Parameters<typeof toldWithReferences>[0] };
export function csvRow(r: ExportRow) {
  const i = toItem(r);
  return [
    i.reference, ukTime(i.openedAt), i.status, i.category.name, i.sourceName, i.priorityName, i.summary, i.location, i.cameras.join(' '),
    toldWithReferences(r.told_references), i.outcomeName ?? '', i.openedBy, ukTime(i.closedAt),
  ];
}

const COUNT_LABELS: Record<string, Record<string, string>> = { source: SOURCES, outcome: { ...OUTCOMES, open: 'Still open' } };

async function counts(c: Context<AppEnv>, by: k.CountBy, filter: OccurrenceFilter) {
  const rows = await countOccurrences(c.get('deps').db, { filter, by });
  let items = rows.map((r) => ({ key: String(r.key), label: COUNT_LABELS[by]?.[String(r.key)] ?? String(r.label), count: Number(r.count) }));
  if (by === 'hour') {
    const byHour = new Map(items.map((i) => [i.key, i.count]));
    items = Array.from({ length: 24 }, (_, h) => { const key = String(h).padStart(2, '0'); return { key, label: `${key}:00–${key}:59`, count: byHour.get(key) ?? 0 }; });
  }
  return { by, total: items.reduce((a, i) => a + i.count, 0), items };
}


export function registerOccurrenceSearchRoutes(api: Api) {
  route(api, {
    operationId: 'listOccurrences', method: 'get', path: '/api/v1/occurrences', access: 'occurrences.read', tags, summary: 'Search occurrences (full text over occurrences and entries) with filters',
    request: { query: k.OccurrenceSearch },
    responses: { 200: json(k.OccurrencePage, `A page. totalIsCapped: the total is a lower bound (counting stops at ${COUNT_CAP}; a search for common words counts the newest ${TEXT_WINDOW} occurrences only)`), ...commonResponses },
  }, async (c) => {
    const { page: p, pageSize, ...query } = c.req.valid('query');
    const r = await searchOccurrences(c.get('deps').db, { filter: toFilter(query, c), sort: query.sort, offset: (p - 1) * pageSize, limit: pageSize });
    return c.json({ items: r.rows.map(toItem), total: r.total, totalIsCapped: r.totalIsCapped, page: p, pageSize }, 200);
  });

  route(api, {
    operationId: 'exportOccurrencesCsv', method: 'get', path: '/api/v1/occurrences.csv', access: 'occurrences.read', tags, summary: 'Export a search as CSV (spreadsheet formulas neutralised)',
    request: { query: k.OccurrenceFilter }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const filter = toFilter(query, c);
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'occurrences.exported', details: { filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `occurrences-${londonDay()}.csv`, header: CSV_HEADER, batches: streamOccurrences(deps.db, { filter, sort: query.sort }),
      toRow: csvRow,
    }) as never;
  });

  route(api, {
    operationId: 'countOccurrences', method: 'get', path: '/api/v1/occurrence-counts', access: 'occurrences.read', tags, summary: 'Counts by category, source, camera, outcome or hour of day (UK time) over a period',
    request: { query: k.CountQuery }, responses: { 200: json(k.Counts, 'Counts'), ...commonResponses },
  }, async (c) => {
    const { by, ...query } = c.req.valid('query');
    return c.json(await counts(c, by, toFilter(query, c)), 200);
  });

  route(api, {
    operationId: 'exportOccurrenceCountsCsv', method: 'get', path: '/api/v1/occurrence-counts.csv', access: 'occurrences.read', tags, summary: 'The same counts as CSV',
    request: { query: k.CountQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const { by, ...query } = c.req.valid('query');
    const r = await counts(c, by, toFilter(query, c));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="occurrence-counts-by-${by}.csv"`);
    return c.body(csvRows([[by, 'label', 'count'], ...r.items.map((i) => [i.key, i.label, i.count])]));
  });
}
