import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import * as k from '../../../../domain/occurrences/contract';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { CSV_HEADER, csvRow, toItem } from '../search/search.routes';
import { recordAudit } from '../../../platform/audit/audit';
import { listSharedWithOrganisation, streamSharedWithOrganisation, withdrawShare } from './shares.usecases';

const partnerTags = ['Shared with partners'];

// Partners' rows carry no staff names: the council's CSV less its "Opened by" column, and when it was shared.
const OPENED_BY = CSV_HEADER.indexOf('Opened by');
const withoutOpenedBy = <T>(row: T[]) => row.filter((_, i) => i !== OPENED_BY);

export function registerShareRoutes(api: Api) {
  route(api, {
    operationId: 'listSharedOccurrences', method: 'get', path: '/api/v1/shared/occurrences', access: 'shared.read', tags: partnerTags,
    summary: 'Occurrences shared with your organisation (and not withdrawn), with filters, sorting and pages; each read is audited',
    request: { query: k.SharedOccurrenceSearch }, responses: { 200: json(k.SharedOccurrencePage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, sort, area, ...filter } = c.req.valid('query');
    const r = await listSharedWithOrganisation(c.get('deps'), {
      actor: requestActor(c), organisationId: c.get('session')!.organisation.id, filter: { ...filter, bbox: area }, sort, offset: (page - 1) * pageSize, limit: pageSize,
    });
    const items = r.rows.map((row) => {
      const { openedBy: _staff, ...item } = toItem(row);
      return { ...item, sharedAt: row.shared_at.toISOString() };
    });
    return c.json({ items, total: r.total, totalIsCapped: r.totalIsCapped, page, pageSize }, 200);
  });

  route(api, {
    operationId: 'exportSharedOccurrencesCsv', method: 'get', path: '/api/v1/shared/occurrences.csv', access: 'shared.read', tags: partnerTags,
    summary: 'The occurrences shared with your organisation that match, as CSV (audited; spreadsheet formulas neutralised)',
    request: { query: k.SharedOccurrenceFilter }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const { sort, area, ...filter } = c.req.valid('query');
    const organisationId = c.get('session')!.organisation.id;
    await recordAudit(deps.db, requestActor(c).audit, { action: 'occurrences.exported-by-partner', details: { organisationId, filter: JSON.parse(JSON.stringify(c.req.valid('query'))) } });
    return csvDownload(c, {
      filename: `shared-occurrences-${londonDay()}.csv`, header: [...withoutOpenedBy(CSV_HEADER), 'Shared (UK time)'],
      batches: streamSharedWithOrganisation(deps, { organisationId, filter: { ...filter, bbox: area }, sort }),
      toRow: (r) => [...withoutOpenedBy(csvRow(r)), formatTimestamp(r.shared_at)],
    }) as never;
  });

  route(api, {
    operationId: 'withdrawOccurrenceShare', method: 'post', path: '/api/v1/occurrences/{id}/shares/{organisationId}/withdraw', access: 'occurrences.write', tags: ['Occurrences'],
    summary: 'Withdraw a share, with a reason (audited): the partner no longer finds or opens the occurrence. The share stays on record',
    request: { params: k.ShareParams, ...body(k.WithdrawShare) },
    responses: { 200: json(k.ShareWithdrawn, 'Withdrawn'), ...commonResponses, 409: problemResponse('Not shared with that organisation (or already withdrawn)') },
  }, async (c) => {
    const { id, organisationId } = c.req.valid('param');
    return c.json(await withdrawShare(c.get('deps'), { actor: requestActor(c), occurrenceId: id, organisationId, reason: c.req.valid('json').reason }), 200);
  });
}
