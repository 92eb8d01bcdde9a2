import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import * as d from '../../../../domain/requests/disclosure';
import type { Actor } from '../register/register.usecases';
import * as uc from './disclosure.usecases';

// Disclosure: HTTP only. Reading takes requests.read; holding, linking, deciding, packaging and
// releasing take requests.manage.

const tags = ['Requests'];
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('Not now (requests.disclosure_refused: no time range, no decision to disclose, nothing linked, package not built; requests.already_closed)') };
const councilActor = (c: Context<AppEnv>): Actor => ({ ...requestActor(c), viewer: { party: 'council' } });

export function registerDisclosureRoutes(api: Api) {
  route(api, {
    operationId: 'getRequestDisclosure', method: 'get', path: '/api/v1/requests/{id}/footage', access: 'requests.read', tags,
    summary: 'The recordings a request may concern (its cameras, its time: exact where the recorder embedded a start time, "untimed" where it came in during or soon after), which are held, its linked exhibits, packages and decisions',
    request: { params }, responses: { 200: json(d.Disclosure, 'Its footage and disclosure'), ...commonResponses },
  }, async (c) => c.json(await uc.getDisclosure(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'holdRequestFootage', method: 'post', path: '/api/v1/requests/{id}/holds', access: 'requests.manage', tags,
    summary: 'Place a legal hold on each recording whose time overlaps the request\'s (or on the candidates named) not already held for it, reason "Request REQ-…: …"; calling again holds nothing twice (audited)',
    request: { params, ...body(d.PlaceHolds) }, responses: { 200: json(d.HoldsPlaced, 'What was held now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.placeHolds(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'linkRequestExhibits', method: 'post', path: '/api/v1/requests/{id}/exhibits', access: 'requests.manage', tags,
    summary: 'Link exhibits to the request (links are never removed; linking one again changes nothing; audited)',
    request: { params, ...body(d.LinkExhibits) }, responses: { 200: json(d.Disclosure, 'Its footage and disclosure now'), ...commonResponses },
  }, async (c) => c.json(await uc.linkExhibits(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'decideRequest', method: 'post', path: '/api/v1/requests/{id}/decision', access: 'requests.manage', tags,
    summary: 'Decide a footage request or SAR: disclose in full or in part (with the lawful basis; an agency\'s request needs its authority) or refuse (with reasons; closes it). A later decision is a new entry pointing at the one before (audited)',
    request: { params, ...body(d.RecordDecision) }, responses: { 200: json(d.Disclosure, 'Its footage and disclosure now'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.recordDecision(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'buildRequestPackage', method: 'post', path: '/api/v1/requests/{id}/package', access: 'requests.manage', tags,
    summary: 'Ask for an evidence package of the linked exhibits for the requester (built by a job: follow its progress on the footage page; audited)',
    request: { params }, responses: { 202: json(d.Disclosure, 'Asked for; its progress is in packages'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.buildDisclosurePackage(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id }), 202));

  route(api, {
    operationId: 'releaseRequestPackage', method: 'post', path: '/api/v1/requests/{id}/release', access: 'requests.manage', tags,
    summary: 'Release the built package with the decision\'s lawful basis, crime reference and officer (to the requester\'s organisation through Vigil where it has one) and close the request as disclosed, partly disclosed or responded (audited)',
    request: { params, ...body(d.ReleaseDisclosure) }, responses: { 200: json(d.Disclosure, 'Disclosed'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.releaseDisclosure(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
}
