import { z } from '@hono/zod-openapi';
import { route, type Api } from '../http/route';
import { commonResponses, json, page } from '../http/openapi';
import { csvDownload } from '../http/csv';
import { listAuditEvents, streamAuditEvents, verifyAuditChain, type AuditFilter } from './audit.repository';
import { recordAudit, actorFrom } from './audit';
import { AuditEvent, AuditFilter as Filter, ChainVerification } from '../../../domain/audit/contract';
import { dateTime, line } from '../../../domain/validation';
import { londonDay } from '../../../domain/calendar/london';

const tags = ['Audit'];



type Row = Awaited<ReturnType<typeof listAuditEvents>>['items'][number];
const toDto = (r: Row) => ({
  seq: String(r.seq), id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorUsername: r.actor_username, action: r.action,
  recordType: r.record_type, recordId: r.record_id, outcome: r.outcome, ip: r.ip, userAgent: r.user_agent, details: r.details, hash: r.hash,
});

const CSV_HEADER = ['seq', 'at', 'actor', 'action', 'record_type', 'record_id', 'outcome', 'ip', 'user_agent', 'details', 'hash'];

export function registerAuditRoutes(api: Api) {
  route(api, {
    operationId: 'listAuditEvents', method: 'get', path: '/api/v1/audit/events', access: 'audit.read', tags, summary: 'Search the audit trail',
    request: { query: Filter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }) },
    responses: { 200: json(page(AuditEvent), 'Newest first'), ...commonResponses },
  }, async (c) => {
    const { page: p, pageSize, ...filter } = c.req.valid('query');
    const r = await listAuditEvents(c.get('deps').db, filter as AuditFilter, { offset: (p - 1) * pageSize, limit: pageSize });
    return c.json({ items: r.items.map(toDto), total: r.total, page: p, pageSize }, 200);
  });

  route(api, {
    operationId: 'exportAuditEventsCsv', method: 'get', path: '/api/v1/audit/events.csv', access: 'audit.read', tags, summary: 'Export the filtered audit trail as CSV',
    request: { query: Filter }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, newest first' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const filter = c.req.valid('query') as AuditFilter;
    // Exporting the trail is itself a read worth recording.
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'audit.exported', details: { filter } });
    const stamp = londonDay();
    return csvDownload(c, {
      filename: `vigil-audit-${stamp}.csv`, header: CSV_HEADER, batches: streamAuditEvents(deps.db, filter),
      toRow: (r) => [r.seq, r.at, r.actor_username, r.action, r.record_type, r.record_id, r.outcome, r.ip, r.user_agent, r.details, r.hash],
    }) as never;
  });

  route(api, {
    operationId: 'verifyAuditChain', method: 'get', path: '/api/v1/audit/verify', access: 'audit.read', tags, summary: 'Walk the hash chain and name the first broken link',
    responses: { 200: json(ChainVerification, 'Result'), ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const result = await verifyAuditChain(deps.db);
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'audit.verified', outcome: result.ok ? 'success' : 'failure', details: { checked: result.checked, firstBroken: result.firstBroken } });
    return c.json(result, 200);
  });
}
