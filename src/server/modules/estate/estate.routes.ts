import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../platform/http/route';
import { commonResponses, json } from '../../platform/http/openapi';
import { listCameras } from './estate.repository';
import { toCameraDto } from './estate.models';

export const CameraDto = z.object({
  id: z.string().uuid(), reference: z.string(), name: z.string(), location: z.string(), latitude: z.number(), longitude: z.number(), kind: z.string(), status: z.string(),
}).openapi('Camera');

export function registerEstateRoutes(api: Api) {
  route(api, {
    operationId: 'listCameras', method: 'get', path: '/api/v1/cameras', access: 'estate.read', tags: ['Cameras'], summary: 'The camera register (in service)',
    responses: { 200: json(z.object({ items: z.array(CameraDto) }), 'Cameras by reference'), ...commonResponses },
  }, async (c) => c.json({ items: (await listCameras(c.get('deps').db)).map(toCameraDto) }, 200));
}
