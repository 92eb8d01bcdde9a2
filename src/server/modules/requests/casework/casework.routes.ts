import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { readCapped } from '../../../platform/http/upload';
import { pathId, sha256Hex } from '../../../../domain/primitives';
import { RequestDetail } from '../../../../domain/requests/contract';
import * as k from '../../../../domain/requests/casework';
import type { Actor } from '../register/register.usecases';
import * as uc from './casework.usecases';
import * as errors from './casework.errors';

// Casework on a request, HTTP only: a SAR's identity check, searches and stills; an FOI's
// exemptions and the answer for the public disclosure log.

const tags = ['Requests'];
const params = z.object({ id: pathId('id') });
const stillParams = z.object({ id: pathId('id'), searchId: pathId('searchId'), sha256: sha256Hex.meta({ param: { name: 'sha256', in: 'path' } }) });
const image = { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) }, 'image/png': { schema: z.string().meta({ format: 'binary' }) } };
const refused = (codes: string) => ({ 409: problemResponse(`Not for this kind of request, or not now (${codes})`) });

/** Stills are sent as the body itself, read with their own cap (STILL_MAX_BYTES), past the app's general body limit. */
export const REQUEST_STILLS_PATH = '/api/v1/request-stills';

const councilActor = (c: Context<AppEnv>): Actor => ({ ...requestActor(c), viewer: { party: 'council' } });

export function registerCaseworkRoutes(api: Api) {
  route(api, {
    operationId: 'recordRequestIdentity', method: 'post', path: '/api/v1/requests/{id}/identity', access: 'requests.manage', tags,
    summary: 'Record how a SAR requester\'s identity was verified, by whom and on which day (SAR only; audited). Restarting a clock stopped for identity is a separate step',
    request: { params, ...body(k.RecordIdentity) }, responses: { 200: json(RequestDetail, 'The request now'), ...commonResponses, ...refused('requests.sar_only, requests.already_closed') },
  }, async (c) => c.json(await uc.recordIdentity(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'uploadRequestStill', method: 'post', path: REQUEST_STILLS_PATH, access: 'requests.manage', tags,
    summary: 'Store a still from a SAR search (the image itself as the body, image/jpeg or image/png, 10 MB at most); a search names it by the SHA-256 returned',
    request: { body: { content: image, required: true } },
    responses: { 201: json(k.StillStored, 'Stored'), ...commonResponses, 413: problemResponse('Larger than 10 MB'), 415: problemResponse('Not a JPEG or PNG image') },
  }, async (c) => {
    if (!/^image\/(jpeg|png)\b/i.test(c.req.header('content-type') ?? '')) throw errors.notAnImage();
    if (Number(c.req.header('content-length') ?? 0) > k.STILL_MAX_BYTES) throw errors.stillTooLarge();
    const bytes = await readCapped(c.req.raw.body, k.STILL_MAX_BYTES, errors.stillTooLarge);
    if (!bytes.byteLength) throw errors.notAnImage();
    return c.json(await uc.storeStill(c.get('deps'), { actor: councilActor(c), bytes }), 201);
  });

  route(api, {
    operationId: 'recordRequestSearch', method: 'post', path: '/api/v1/requests/{id}/searches', access: 'requests.manage', tags,
    summary: 'Record a search of footage for a SAR requester\'s images: camera or place, the time searched, found or not, others visible (needs redaction), notes and stills (SAR only; append-only; audited)',
    request: { params, ...body(k.RecordSearch) }, responses: { 201: json(k.SearchList, 'The request\'s searches now'), ...commonResponses, ...refused('requests.sar_only, requests.already_closed') },
  }, async (c) => c.json(await uc.recordSearch(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listRequestSearches', method: 'get', path: '/api/v1/requests/{id}/searches', access: 'requests.read', tags,
    summary: 'The searches recorded for a request, and whether its images need redacting before release',
    request: { params }, responses: { 200: json(k.SearchList, 'The searches'), ...commonResponses },
  }, async (c) => c.json(await uc.listSearches(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'getRequestSearchStill', method: 'get', path: '/api/v1/requests/{id}/searches/{searchId}/stills/{sha256}', access: 'requests.read', tags,
    summary: 'A still a search recorded (checked against its SHA-256 as it is read)',
    request: { params: stillParams }, responses: { 200: { content: image, description: 'The still' }, ...commonResponses },
  }, async (c) => {
    const { id, searchId, sha256 } = c.req.valid('param');
    const still = await uc.getStill(c.get('deps'), { actor: councilActor(c), id, searchId, sha256 });
    return c.body(new Uint8Array(still.bytes) as never, 200, { 'content-type': still.contentType, 'cache-control': 'private, max-age=86400, immutable', etag: `"${still.sha256}"` }) as never;
  });

  route(api, {
    operationId: 'applyRequestExemptions', method: 'post', path: '/api/v1/requests/{id}/exemptions', access: 'requests.manage', tags,
    summary: 'Record the FOI Act sections applied, with the public-interest test for a qualified exemption; a correction is a new entry naming the one it replaces (FOI only; audited)',
    request: { params, ...body(k.ApplyExemptions) }, responses: { 200: json(RequestDetail, 'The request now'), ...commonResponses, ...refused('requests.foi_only') },
  }, async (c) => c.json(await uc.applyExemptions(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'recordRequestDisclosure', method: 'post', path: '/api/v1/requests/{id}/disclosure-log', access: 'requests.manage', tags,
    summary: 'Record the answer released to an FOI request that has been responded to, and whether to publish it in the disclosure log; a newer entry replaces an older (FOI only; audited)',
    request: { params, ...body(k.RecordDisclosure) }, responses: { 200: json(RequestDetail, 'The request now'), ...commonResponses, ...refused('requests.foi_only, requests.not_responded') },
  }, async (c) => c.json(await uc.recordDisclosure(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'getFoiDisclosureLog', method: 'get', path: '/api/v1/foi/disclosure-log', access: 'requests.read', tags,
    summary: 'The disclosure log: the FOI answers released and marked for publication, newest first',
    responses: { 200: json(k.DisclosureLog, 'The published answers'), ...commonResponses },
  }, async (c) => c.json({ entries: await uc.disclosureLog(c.get('deps')) }, 200));

  route(api, {
    operationId: 'exportFoiDisclosureLogCsv', method: 'get', path: '/api/v1/foi/disclosure-log.csv', access: 'requests.read', tags,
    summary: 'The disclosure log as CSV for publishing (spreadsheet formulas neutralised)',
    responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one published answer a row' }, ...commonResponses },
  }, async (c) => {
    const entries = await uc.disclosureLog(c.get('deps'));
    return csvDownload(c, {
      filename: 'foi-disclosure-log.csv', header: k.DISCLOSURE_LOG_CSV_HEADER, batches: (async function* () { yield entries; })(),
      toRow: (e) => [e.reference, e.receivedOn, e.respondedOn ?? '', e.title, e.exemptions.join('; '), e.answer],
    }) as never;
  });
}
