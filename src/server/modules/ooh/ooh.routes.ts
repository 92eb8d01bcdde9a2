import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../platform/http/route';
import { commonResponses, json } from '../../platform/http/openapi';
import { OohShift } from '../../../domain/ooh/contract';
import { oohShift } from './ooh.areas';

// The out-of-hours officer's overview: what is open now, area by area (the same sections the shift
// handover carries): calls not closed, lone workers out, alarms not reset, a major incident open.

export function registerShiftRoutes(api: Api) {
  route(api, {
    operationId: 'getOohShift', method: 'get', path: '/api/v1/ooh/shift', access: 'ooh.use', tags: ['Out of hours'],
    summary: 'What is open now in the out-of-hours service, area by area (what the shift handover carries)',
    responses: { 200: json(OohShift, 'The open work, by area'), ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const now = deps.clock.now();
    return c.json({ at: now.toISOString(), sections: await oohShift(deps.db, now) } satisfies z.input<typeof OohShift>, 200);
  });
}
