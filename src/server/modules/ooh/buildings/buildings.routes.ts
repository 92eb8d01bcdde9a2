import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import * as c from '../../../../domain/ooh/contract';
import * as uc from './buildings.usecases';

// Buildings, their access lists, and out-of-hours access requests: HTTP only. The officer (ooh.use)
// reads and logs; the control-room manager and administrators (ooh.manage) set buildings up.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });

export function registerBuildingRoutes(api: Api) {
  route(api, {
    operationId: 'listOohBuildings', method: 'get', path: '/api/v1/ooh/buildings', access: 'ooh.use', tags,
    summary: 'The council’s buildings, each with its patrol checklist, its access list, its alarms not reset and its last patrol',
    responses: { 200: json(c.BuildingList, 'The buildings'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.listBuildings(ctx.get('deps')), 200));

  route(api, {
    operationId: 'addOohBuilding', method: 'post', path: '/api/v1/ooh/buildings', access: 'ooh.manage', tags,
    summary: 'Add a building with its night-patrol checklist (audited)',
    request: body(c.SaveBuilding), responses: { 201: json(c.Building, 'Added'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.saveBuilding(ctx.get('deps'), { actor: requestActor(ctx), input: ctx.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOohBuilding', method: 'get', path: '/api/v1/ooh/buildings/{id}', access: 'ooh.use', tags,
    summary: 'A building with its checklist and access list',
    request: { params }, responses: { 200: json(c.Building, 'The building'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.getBuilding(ctx.get('deps').db, ctx.req.valid('param').id), 200));

  route(api, {
    operationId: 'changeOohBuilding', method: 'put', path: '/api/v1/ooh/buildings/{id}', access: 'ooh.manage', tags,
    summary: 'Change a building’s name, address or checklist: patrols already started keep the checklist they began with (audited)',
    request: { params, ...body(c.SaveBuilding) }, responses: { 200: json(c.Building, 'The building now'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.saveBuilding(ctx.get('deps'), { actor: requestActor(ctx), id: ctx.req.valid('param').id, input: ctx.req.valid('json') }), 200));

  route(api, {
    operationId: 'addOohAccessEntry', method: 'post', path: '/api/v1/ooh/buildings/{id}/access-list', access: 'ooh.manage', tags,
    summary: 'Add someone who may be let into the building out of hours, from a day to a day, with what to check (audited)',
    request: { params, ...body(c.SaveAccessEntry) }, responses: { 201: json(c.AccessEntry, 'Added'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.addAccessEntry(ctx.get('deps'), { actor: requestActor(ctx), buildingId: ctx.req.valid('param').id, input: ctx.req.valid('json') }), 201));

  route(api, {
    operationId: 'changeOohAccessEntry', method: 'put', path: '/api/v1/ooh/access-list/{id}', access: 'ooh.manage', tags,
    summary: 'Change an access-list entry (audited)',
    request: { params, ...body(c.SaveAccessEntry) }, responses: { 200: json(c.AccessEntry, 'The entry now'), ...commonResponses },
  }, async (ctx) => ctx.json((await uc.changeAccessEntry(ctx.get('deps'), { actor: requestActor(ctx), id: ctx.req.valid('param').id, input: ctx.req.valid('json') }))!, 200));

  route(api, {
    operationId: 'removeOohAccessEntry', method: 'delete', path: '/api/v1/ooh/access-list/{id}', access: 'ooh.manage', tags,
    summary: 'Take someone off the access list: requests already logged against the entry keep it (audited)',
    request: { params }, responses: { 204: { description: 'Removed' }, ...commonResponses },
  }, async (ctx) => {
    await uc.changeAccessEntry(ctx.get('deps'), { actor: requestActor(ctx), id: ctx.req.valid('param').id, input: null });
    return ctx.body(null, 204);
  });

  route(api, {
    operationId: 'checkOohAccess', method: 'get', path: '/api/v1/ooh/access-check', access: 'ooh.use', tags,
    summary: 'Whether a visitor’s name is on a building’s access list now (names compared without case, accents or punctuation)',
    request: { query: c.AccessCheckQuery }, responses: { 200: json(c.AccessCheck, 'The entry matched, if any'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.checkAccess(ctx.get('deps'), ctx.req.valid('query')), 200));

  route(api, {
    operationId: 'listOohAccessRequests', method: 'get', path: '/api/v1/ooh/access-requests', access: 'ooh.use', tags,
    summary: 'Out-of-hours access requests logged, newest first',
    request: { query: c.AccessRequestsQuery }, responses: { 200: json(c.AccessRequestList, 'The requests'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.listAccessRequests(ctx.get('deps'), ctx.req.valid('query')), 200));

  route(api, {
    operationId: 'recordOohAccess', method: 'post', path: '/api/v1/ooh/access-requests', access: 'ooh.use', tags,
    summary: 'Log a request to be let in: the visitor, the ID checked, and let in (on the list now, or authorised by a named manager) or refused with the reason (audited)',
    request: body(c.RecordAccess), responses: { 201: json(c.AccessRequest, 'Logged'), ...commonResponses },
  }, async (ctx) => ctx.json(await uc.recordAccess(ctx.get('deps'), { actor: requestActor(ctx), input: ctx.req.valid('json') }), 201));

  route(api, {
    operationId: 'recordOohAccessDeparture', method: 'post', path: '/api/v1/ooh/access-requests/{id}/departure', access: 'ooh.use', tags,
    summary: 'Record when a visitor let in left (once; audited)',
    request: { params, ...body(c.Departure) }, responses: { 200: json(c.AccessRequest, 'The request now'), ...commonResponses, 409: problemResponse('Refused, or already left (ooh.access_refused, ooh.access_left)') },
  }, async (ctx) => ctx.json(await uc.recordDeparture(ctx.get('deps'), { actor: requestActor(ctx), id: ctx.req.valid('param').id, input: ctx.req.valid('json') }), 200));
}
