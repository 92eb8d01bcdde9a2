import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as kp from '../../../../domain/maintenance/parts';
import * as uc from './parts.usecases';

// Spare parts: HTTP only. Reading is maintenance.read; setting up stores and parts, receiving stock
// and counting it maintenance.manage (coordinators); signing parts out to the contractor's engineer
// and taking them back maintenance.parts (coordinators and out-of-hours officers).

const tags = ['Spare parts'];
const params = z.object({ id: pathId('id') });
const signatureParams = z.object({
  id: pathId('id'),
  seq: z.coerce.number({ message: 'The movement in the address is not a number' }).int().min(1).max(2_147_483_647).meta({ param: { name: 'seq', in: 'path' } }),
});
const refused = { 409: problemResponse('The stock does not allow it: signing out more than is on hand (parts.not_enough_stock), or more than a store holds of one part (parts.too_much_stock); nothing is recorded') };

export const PARTS_CSV_HEADER = ['part_number', 'description', 'store', 'unit_cost_gbp', 'reorder_level', 'quantity_on_hand', 'stock_value_gbp', 'below_reorder_level'];
const pounds = (pence: number) => (pence / 100).toFixed(2);

export function registerPartsRoutes(api: Api) {
  route(api, {
    operationId: 'listPartStores', method: 'get', path: '/api/v1/part-stores', access: 'maintenance.read', tags,
    summary: 'The stores spare parts are kept in (the control room, a depot), by name, each with its number of parts and how many are below their reorder level',
    responses: { 200: json(kp.PartStoreList, 'The stores'), ...commonResponses },
  }, async (c) => c.json(await uc.listStores(c.get('deps')), 200));

  route(api, {
    operationId: 'createPartStore', method: 'post', path: '/api/v1/part-stores', access: 'maintenance.manage', tags,
    summary: 'Add a store for spare parts, with its name (unique) and where it is (audited)',
    request: body(kp.CreateStore), responses: { 201: json(kp.PartStore, 'Added'), ...commonResponses, 409: problemResponse('A store of that name exists (parts.store_exists)') },
  }, async (c) => c.json(await uc.createStore(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listParts', method: 'get', path: '/api/v1/parts', access: 'maintenance.read', tags,
    summary: 'Council-owned spare parts with the quantity on hand in each store, flagged when below the reorder level; filter by store, below the reorder level or text, and sort',
    request: { query: kp.PartsQuery }, responses: { 200: json(kp.PartList, 'The parts'), ...commonResponses },
  }, async (c) => c.json(await uc.listParts(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportPartsCsv', method: 'get', path: '/api/v1/parts.csv', access: 'maintenance.read', tags,
    summary: 'The same filtered, sorted stock list as CSV (amounts in pounds; spreadsheet formulas neutralised)',
    request: { query: kp.PartsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one part a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const filter = c.req.valid('query');
    const { items } = await uc.listParts(deps, filter);
    await recordAudit(deps.db, actor(c).audit, { action: 'parts.exported', details: { format: 'csv', count: items.length, filter: JSON.parse(JSON.stringify(filter)) } });
    async function* batches() { yield items; }
    return csvDownload(c, {
      filename: `spare-parts-${londonDay()}.csv`, header: PARTS_CSV_HEADER, batches: batches(),
      toRow: (p) => [p.partNumber, p.description, p.store.name, pounds(p.unitCostPence), p.reorderLevel, p.quantityOnHand, pounds(p.stockValuePence), p.belowReorderLevel ? 'yes' : 'no'],
    }) as never;
  });

  route(api, {
    operationId: 'createPart', method: 'post', path: '/api/v1/parts', access: 'maintenance.manage', tags,
    summary: 'Add a part to a store: its part number (unique in the store), description, unit cost in pence and reorder level; none on hand until received or counted (audited)',
    request: body(kp.CreatePart), responses: { 201: json(kp.PartSummary, 'Added'), ...commonResponses, 409: problemResponse('The store already stocks that part number (parts.part_exists)') },
  }, async (c) => c.json(await uc.createPart(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getPart', method: 'get', path: '/api/v1/parts/{id}', access: 'maintenance.read', tags,
    summary: 'A part with its quantity on hand and every movement of its stock, oldest first: received, signed out (who, when, the fault, the justification, the engineer and their signature), returned, counted',
    request: { params }, responses: { 200: json(kp.Part, 'The part'), ...commonResponses },
  }, async (c) => c.json(await uc.getPart(c.get('deps'), { partId: c.req.valid('param').id }), 200));

  // The four movements: one ledger row each, under the part's lock, never taking the stock below zero.
  const movement = <K extends 'received' | 'signed_out' | 'returned' | 'counted'>({ kind, operationId, path, access, summary, schema, what }: {
    kind: K; operationId: string; path: string; access: 'maintenance.manage' | 'maintenance.parts'; summary: string; what: string;
    schema: K extends 'received' ? typeof kp.ReceiveParts : K extends 'signed_out' ? typeof kp.SignOutPart : K extends 'returned' ? typeof kp.ReturnParts : typeof kp.CountParts;
  }) => route(api, {
    operationId, method: 'post', path: `/api/v1/parts/{id}/${path}`, access, tags, summary,
    request: { params, ...body(schema) }, responses: { 201: json(kp.MovementRecorded, what), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.recordMovement(c.get('deps'), { actor: actor(c), partId: c.req.valid('param').id, movement: { kind, input: c.req.valid('json') } as never }), 201));

  movement({ kind: 'received', operationId: 'receiveParts', path: 'receipts', access: 'maintenance.manage', schema: kp.ReceiveParts, what: 'Received', summary: 'Record stock received into the store (audited)' });
  movement({
    kind: 'signed_out', operationId: 'signOutPart', path: 'sign-outs', access: 'maintenance.parts', schema: kp.SignOutPart, what: 'Signed out',
    summary: 'Sign parts out to the contractor\'s engineer: how many, for which fault (optional), the justification, the engineer\'s name and organisation and their signature drawn on screen (a PNG data URL, stored by SHA-256); never more than is on hand (audited)',
  });
  movement({
    kind: 'returned', operationId: 'returnParts', path: 'returns', access: 'maintenance.parts', schema: kp.ReturnParts, what: 'Returned',
    summary: 'Take parts back into the store from the engineer, with why (unused, wrong part) and optionally the fault (audited)',
  });
  movement({
    kind: 'counted', operationId: 'countParts', path: 'counts', access: 'maintenance.manage', schema: kp.CountParts, what: 'Counted',
    summary: 'Record a stock count: the number counted becomes the quantity on hand, the difference recorded as an adjustment with who counted (audited)',
  });

  route(api, {
    operationId: 'getPartSignature', method: 'get', path: '/api/v1/parts/{id}/movements/{seq}/signature', access: 'maintenance.read', tags,
    summary: 'The engineer\'s signature on a sign-out, as drawn (PNG, checked against its SHA-256 as it is read)',
    request: { params: signatureParams }, responses: { 200: { content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } }, description: 'The signature' }, ...commonResponses },
  }, async (c) => {
    const { id, seq } = c.req.valid('param');
    const s = await uc.getSignature(c.get('deps'), { partId: id, seq });
    return c.body(s.bytes as never, 200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=86400, immutable', etag: `"${s.sha256}"` }) as never;
  });
}
