import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import * as p from './procedures.usecases';
import * as k from '../../../../domain/occurrences/contract';

const tags = ['Procedures and categories'];
const actor = requestActor;

export function registerProcedureRoutes(api: Api) {
  route(api, {
    operationId: 'listProcedures', method: 'get', path: '/api/v1/procedures', access: 'settings.manage', tags, summary: 'Every category with its procedure, for administrators',
    responses: { 200: json(z.object({ items: z.array(k.CategoryWithSteps) }), 'Categories with their steps'), ...commonResponses },
  }, async (c) => c.json({ items: await p.listProcedures(c.get('deps')) }, 200));

  route(api, {
    operationId: 'getCategoryProcedure', method: 'get', path: '/api/v1/occurrence-categories/{id}/procedure', access: 'occurrences.read', tags, summary: 'A category’s standard operating procedure',
    request: { params: k.IdParam }, responses: { 200: json(k.CategoryProcedure, 'Steps in order'), ...commonResponses },
  }, async (c) => c.json(await p.getProcedure(c.get('deps'), c.req.valid('param').id), 200));

  route(api, {
    operationId: 'replaceCategoryProcedure', method: 'put', path: '/api/v1/occurrence-categories/{id}/procedure', access: 'settings.manage', tags, summary: 'Save a category’s procedure as its next version (audited; occurrences already open keep the version they started with)',
    request: { params: k.IdParam, ...body(k.ReplaceProcedure) }, responses: { 200: json(k.CategoryProcedure, 'The procedure in force, with its version'), ...commonResponses },
  }, async (c) => c.json(await p.replaceProcedure(c.get('deps'), { actor: actor(c), categoryId: c.req.valid('param').id, steps: c.req.valid('json').steps }), 200));

  route(api, {
    operationId: 'createOccurrenceCategory', method: 'post', path: '/api/v1/occurrence-categories', access: 'settings.manage', tags, summary: 'Add a category',
    request: body(k.AddCategory), responses: { 201: json(k.NewCategory, 'Added'), ...commonResponses },
  }, async (c) => c.json(await p.addCategory(c.get('deps'), { actor: actor(c), name: c.req.valid('json').name }), 201));

  route(api, {
    operationId: 'updateOccurrenceCategory', method: 'patch', path: '/api/v1/occurrence-categories/{id}', access: 'settings.manage', tags, summary: 'Rename, retire or restore a category',
    request: { params: k.IdParam, ...body(k.UpdateCategory) },
    responses: { 200: json(k.Category, 'Updated'), ...commonResponses },
  }, async (c) => c.json(await p.updateCategory(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
}
