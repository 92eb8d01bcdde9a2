import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import { AddOohRotaEntry, OohRota, OohRotaEntry, OohRotaQuery, RemoveOohRotaEntry } from '../../../../domain/ooh/calls.contract';
import * as uc from './rota.usecases';

// The on-call rota: HTTP only. Officers read it (ooh.use); the control-room manager sets it (ooh.manage).

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });

export function registerRotaRoutes(api: Api) {
  route(api, {
    operationId: 'getOohRota', method: 'get', path: '/api/v1/ooh/rota', access: 'ooh.use', tags,
    summary: 'The on-call rota between two London days (yesterday and the next fortnight when left out), with who is on call now for each duty, lowest level first',
    request: { query: OohRotaQuery }, responses: { 200: json(OohRota, 'The rota'), ...commonResponses },
  }, async (c) => c.json(await uc.getRota(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'addOohRotaShift', method: 'post', path: '/api/v1/ooh/rota', access: 'ooh.manage', tags,
    summary: 'Put someone on call for a duty at a level, from (inclusive) to (exclusive) two instants: a council user or a named person outside the council with their number (audited)',
    request: body(AddOohRotaEntry), responses: { 201: json(OohRotaEntry, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addShift(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'removeOohRotaShift', method: 'post', path: '/api/v1/ooh/rota/{id}/removal', access: 'ooh.manage', tags,
    summary: 'Take a shift off the rota, with the reason (kept, marked removed; audited)',
    request: { params, ...body(RemoveOohRotaEntry) }, responses: { 200: json(OohRotaEntry, 'Removed'), ...commonResponses },
  }, async (c) => c.json(await uc.removeShift(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));
}
