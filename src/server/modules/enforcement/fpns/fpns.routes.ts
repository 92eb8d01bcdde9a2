import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as fc from '../../../../domain/enforcement/fpns.contract';
import * as uc from './fpns.usecases';
import { caseFilePdf } from './fpns.pdf';

// Fixed penalty notices after issue and the officer's notebook: HTTP only. Everyone in
// enforcement reads (enforcement.read); processors record payments, withdraw and prosecute
// (enforcement.process); officers write their notebook (field.use).

const tags = ['Enforcement'];
const base = '/api/v1/enforcement/fpns';
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('The notice does not allow it now (enforcement.fpn_not_open, enforcement.fpn_within_period, enforcement.fpn_paid)') };

export const FPNS_CSV_HEADER = ['reference', 'issued', 'officer', 'offence', 'offender', 'place', 'status', 'payment', 'amount', 'paid', 'prosecution_from'];
const pounds = (p: number) => (p / 100).toFixed(2);

export function registerFpnRoutes(api: Api) {
  route(api, {
    operationId: 'getFpnReference', method: 'get', path: `${base}/reference`, access: 'enforcement.read', tags,
    summary: 'The offences in force today with their amounts and early-payment terms, and the council’s under-18 rules (the handheld caches it)',
    responses: { 200: json(fc.FpnReference, 'The reference data'), ...commonResponses },
  }, async (c) => c.json(await uc.reference(c.get('deps')), 200));

  route(api, {
    operationId: 'listFpns', method: 'get', path: base, access: 'enforcement.read', tags,
    summary: 'Fixed penalty notices, filtered (status, offence, officer, days issued, words), sorted and paged (audited: offenders’ names)',
    request: { query: fc.FpnsQuery }, responses: { 200: json(fc.FpnList, 'The notices'), ...commonResponses },
  }, async (c) => c.json(await uc.listFpns(c.get('deps'), requestActor(c), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportFpnsCsv', method: 'get', path: `${base}.csv`, access: 'enforcement.read', tags,
    summary: 'The same filtered, sorted notices as CSV, every page (audited)',
    request: { query: fc.FpnsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one notice a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const today = londonDay(deps.clock.now());
    await recordAudit(deps.db, requestActor(c).audit, { action: 'enforcement.fpns.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `fpns-${today}.csv`, header: FPNS_CSV_HEADER, batches: uc.streamFpns(deps, query),
      toRow: (row) => {
        const s = uc.toSummary(row, today);
        return [s.reference, formatTimestamp(s.issuedAt), s.issuedBy.name, `${s.offence.code} ${s.offence.name}`, s.offenderName, s.place, s.statusLabel, s.paymentStateLabel, pounds(s.amountPence), pounds(s.paidPence), s.prosecutionFrom];
      },
    }) as never;
  });

  route(api, {
    operationId: 'getFpn', method: 'get', path: `${base}/{id}`, access: 'enforcement.read', tags,
    summary: 'A notice with its offender, amounts, what is payable today, the day proceedings may start, photos, notebook entries and history (audited)',
    request: { params }, responses: { 200: json(fc.FpnDetail, 'The notice'), ...commonResponses },
  }, async (c) => c.json(await uc.getFpn(c.get('deps'), requestActor(c), c.req.valid('param').id), 200));

  route(api, {
    operationId: 'getFpnCaseFilePdf', method: 'get', path: `${base}/{id}/case-file.pdf`, access: 'enforcement.read', tags,
    summary: 'The prosecution case file as PDF: statement, notebook entries, photos with SHA-256 and their continuity (audited)',
    request: { params }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const fpn = await uc.caseFileData(deps, requestActor(c), c.req.valid('param').id);
    const pdf = await caseFilePdf({ fpn, councilName: deps.config.council.name, printedBy: c.get('session')!.displayName, printedAt: deps.clock.now() });
    c.header('content-type', 'application/pdf');
    c.header('cache-control', 'no-store');
    c.header('content-disposition', `inline; filename="${fpn.reference}-case-file.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });

  route(api, {
    operationId: 'recordFpnPayment', method: 'post', path: `${base}/{id}/payments`, access: 'enforcement.process', tags,
    summary: 'Record a payment: the lesser amount within its period settles it, the full amount after; less is part-paid (audited)',
    request: { params, ...body(fc.RecordFpnPayment) }, responses: { 200: json(fc.FpnDetail, 'The notice now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.recordPayment(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'withdrawFpn', method: 'post', path: `${base}/{id}/withdrawal`, access: 'enforcement.process', tags,
    summary: 'Withdraw the notice, with the reason (audited)',
    request: { params, ...body(fc.WithdrawFpn) }, responses: { 200: json(fc.FpnDetail, 'The notice now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.withdrawFpn(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));

  route(api, {
    operationId: 'prosecuteFpn', method: 'post', path: `${base}/{id}/prosecution`, access: 'enforcement.process', tags,
    summary: 'Pass an unpaid notice for prosecution once the 14 days following it have ended, with the officer’s statement: the case file is built (audited)',
    request: { params, ...body(fc.ProsecuteFpn) }, responses: { 200: json(fc.FpnDetail, 'The notice now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.prosecuteFpn(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, statement: c.req.valid('json').statement }), 200));

  route(api, {
    operationId: 'listNotebook', method: 'get', path: '/api/v1/enforcement/notebook', access: 'enforcement.read', tags,
    summary: 'An officer’s notebook, newest entry first, corrections pointing at what they correct: your own; processors and team leaders may read another’s (?officer=, audited)',
    request: { query: fc.NotebookQuery }, responses: { 200: json(fc.NotebookList, 'The entries'), ...commonResponses },
  }, async (c) => {
    const q = c.req.valid('query');
    const mayReadOthers = c.get('session')!.permissions.includes('enforcement.process');
    return c.json(await uc.listNotebook(c.get('deps'), { actor: requestActor(c), officerId: q.officer, mayReadOthers, page: q.page, pageSize: q.pageSize }), 200);
  });

  route(api, {
    operationId: 'addNotebookEntry', method: 'post', path: '/api/v1/enforcement/notebook', access: 'field.use', tags,
    summary: 'Add an entry to your own notebook (time-stamped, never changed: a correction is a new entry pointing at the old one; audited)',
    request: body(fc.AddNotebookEntry), responses: { 201: json(fc.NotebookEntry, 'Added (or the same entry again for an id already added)'), ...commonResponses, 409: problemResponse('The id is another record’s (enforcement.id_taken)') },
  }, async (c) => c.json((await uc.addNotebookEntry(c.get('deps'), { actor: requestActor(c), deviceId: null, input: c.req.valid('json') })).entry, 201));
}
