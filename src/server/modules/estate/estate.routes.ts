import { requestActor, route, type Api } from '../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../platform/http/openapi';
import * as k from '../../../domain/estate/contract';
import * as estate from './estate.usecases';
import { registerRegisterViewRoutes } from './register/register.routes';

const tags = ['Cameras'];

export function registerEstateRoutes(api: Api) {
  // Before /cameras/{id}, which would otherwise take 'map' and 'pick' for an id.
  registerRegisterViewRoutes(api);

  route(api, {
    operationId: 'listCameras', method: 'get', path: '/api/v1/cameras', access: 'estate.read', tags,
    summary: 'The camera register, filtered and sorted, a page at a time; with asAt, as it stood at that moment',
    request: { query: k.CameraSearch },
    responses: { 200: json(k.CameraPage, 'A page of cameras (decommissioned ones only when asked for)'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    return c.json(await estate.listRegister(c.get('deps'), { filter, page, pageSize }), 200);
  });

  route(api, {
    operationId: 'registerCamera', method: 'post', path: '/api/v1/cameras', access: 'estate.manage', tags, summary: 'Add a camera to the register',
    request: body(k.RegisterCamera),
    responses: { 201: json(k.Camera, 'Registered (version 1)'), ...commonResponses, 409: problemResponse('That camera number is already in the register') },
  }, async (c) => c.json(await estate.registerCamera(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getCamera', method: 'get', path: '/api/v1/cameras/{id}', access: 'estate.read', tags, summary: 'A camera as it stands, or with asAt as it stood then',
    request: { params: k.CameraIdParam, query: k.CameraAsAt },
    responses: { 200: json(k.Camera, 'The camera'), ...commonResponses },
  }, async (c) => c.json(await estate.getCamera(c.get('deps'), { id: c.req.valid('param').id, asAt: c.req.valid('query').asAt }), 200));

  route(api, {
    operationId: 'updateCamera', method: 'patch', path: '/api/v1/cameras/{id}', access: 'estate.manage', tags,
    summary: 'Change a camera (re-point it, set its status, decommission it...), with the version you read and a reason; every version is kept',
    request: { params: k.CameraIdParam, ...body(k.UpdateCamera) },
    responses: { 200: json(k.Camera, 'Changed (its version one higher)'), ...commonResponses, 409: problemResponse('Changed by someone else since you read it (reload and try again), or the new number is taken') },
  }, async (c) => c.json(await estate.updateCamera(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'listCameraVersions', method: 'get', path: '/api/v1/cameras/{id}/versions', access: 'estate.read', tags,
    summary: 'A camera\'s history: every version, newest first, with who, when, why and what changed',
    request: { params: k.CameraIdParam },
    responses: { 200: json(k.CameraHistory, 'The versions'), ...commonResponses },
  }, async (c) => c.json(await estate.cameraHistory(c.get('deps'), { id: c.req.valid('param').id }), 200));
}

