import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import * as d from '../../../../domain/requests/disclosure';
import type { Actor } from '../register/register.usecases';
import * as uc from './viewings.usecases';

// The viewing diary: HTTP only, requests.viewings (the control room and the officers).

const tags = ['Requests'];
const councilActor = (c: Context<AppEnv>): Actor => ({ ...requestActor(c), viewer: { party: 'council' } });

export function registerViewingRoutes(api: Api) {
  route(api, {
    operationId: 'bookViewing', method: 'post', path: '/api/v1/requests/{id}/viewings', access: 'requests.viewings', tags,
    summary: 'Book a viewing of footage for a request: when, the room, the viewer and their authority; a room is never booked twice at once (a viewing request moves to booked; audited)',
    request: { params: z.object({ id: pathId('id') }), ...body(d.BookViewing) },
    responses: { 201: json(d.Viewing, 'Booked'), ...commonResponses, 409: problemResponse('The room is booked then (requests.room_booked), or the request is closed (requests.already_closed)') },
  }, async (c) => c.json(await uc.bookViewing(c.get('deps'), { actor: councilActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listViewings', method: 'get', path: '/api/v1/viewings', access: 'requests.viewings', tags,
    summary: 'The viewing diary: viewings from `from` (now) to `to` (14 days on), at most 92 days, soonest first',
    request: { query: d.ViewingsQuery }, responses: { 200: json(d.ViewingList, 'The diary'), ...commonResponses },
  }, async (c) => c.json(await uc.listViewings(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'recordViewing', method: 'post', path: '/api/v1/viewings/{viewingId}/record', access: 'requests.viewings', tags,
    summary: 'Record how a viewing went: viewed (what was viewed and copied, and the exhibit: a continuity event of it), cancelled or not attended (a viewing request moves to viewed; audited)',
    request: { params: z.object({ viewingId: pathId('viewingId') }), ...body(d.RecordViewing) },
    responses: { 200: json(d.Viewing, 'Recorded'), ...commonResponses, 409: problemResponse('Already recorded (requests.viewing_recorded)') },
  }, async (c) => c.json(await uc.recordViewing(c.get('deps'), { actor: councilActor(c), viewingId: c.req.valid('param').viewingId, input: c.req.valid('json') }), 200));
}
