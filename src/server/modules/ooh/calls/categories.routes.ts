import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import { AddOohCategory, OohCallSettings, OohCategory, SaveOohCategory } from '../../../../domain/ooh/calls.contract';
import * as uc from './categories.usecases';

// Call categories: officers read them to take a call (ooh.use); the control-room manager and
// administrators set them (ooh.manage).

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });

export function registerCategoryRoutes(api: Api) {
  route(api, {
    operationId: 'listOohCallCategories', method: 'get', path: '/api/v1/ooh/call-categories', access: 'ooh.use', tags,
    summary: 'The call categories with their priorities and responses, and the rota duties, to take a call',
    responses: { 200: json(OohCallSettings, 'The categories'), ...commonResponses },
  }, async (c) => c.json(await uc.callSettings(c.get('deps')), 200));

  route(api, {
    operationId: 'getOohCallSettings', method: 'get', path: '/api/v1/ooh/call-settings', access: 'ooh.manage', tags,
    summary: 'The call categories as the set-up page edits them, with the rota duties',
    responses: { 200: json(OohCallSettings, 'The categories'), ...commonResponses },
  }, async (c) => c.json(await uc.callSettings(c.get('deps')), 200));

  route(api, {
    operationId: 'addOohCallCategory', method: 'post', path: '/api/v1/ooh/call-settings', access: 'ooh.manage', tags,
    summary: 'Add a call category with its priorities, rota duty and acknowledgement time (audited)',
    request: body(AddOohCategory), responses: { 201: json(OohCategory, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addCategory(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'saveOohCallCategory', method: 'put', path: '/api/v1/ooh/call-settings/{id}', access: 'ooh.manage', tags,
    summary: 'Change a call category: a new version, the old one kept; calls already taken keep the response they were triaged with (audited)',
    request: { params, ...body(SaveOohCategory) }, responses: { 200: json(OohCategory, 'Saved'), ...commonResponses },
  }, async (c) => c.json(await uc.saveCategory(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
}
