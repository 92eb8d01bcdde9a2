import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { PersonRef, instant } from '../../../../domain/primitives';
import { ClockPolicy, day } from '../../../../domain/requests/contract';
import * as uc from './policy.usecases';

// The clock policy: read by anyone signed in (administrators set it without reading requests; the
// web app shows the clocks it gives), set by administrators as a new dated version.

const tags = ['Requests'];
const PolicyVersion = z.object({
  id: z.uuid().nullable().describe('Null for the built-in default'),
  effectiveFrom: z.string().nullable().describe('YYYY-MM-DD; null for the built-in default'),
  policy: ClockPolicy,
  createdBy: PersonRef.nullable().describe('The administrator who set it'),
  createdAt: instant.nullable().describe('When it was set'),
}).meta({ id: 'ClockPolicyVersion' });
const PolicyView = z.object({
  today: z.string().describe('YYYY-MM-DD, London'),
  inForce: PolicyVersion.describe('The policy requests received today take'),
  upcoming: z.array(PolicyVersion).describe('Versions dated to start after today, soonest first'),
  history: z.array(PolicyVersion).describe('Every version set, newest first'),
}).meta({ id: 'ClockPolicyView' });
const SetPolicy = z.object({
  effectiveFrom: day('the day it starts').describe('Not before today: requests received from that day take it'),
  policy: ClockPolicy,
}).meta({ id: 'SetClockPolicy' });
const PolicySet = z.object({ id: z.uuid(), effectiveFrom: z.string().describe('YYYY-MM-DD'), policy: ClockPolicy }).meta({ id: 'ClockPolicySet' });

export function registerPolicyRoutes(api: Api) {
  route(api, {
    operationId: 'getClockPolicy', method: 'get', path: '/api/v1/requests/clock-policy', access: 'authenticated', tags,
    summary: 'The council\'s own clocks in force today (complaint stages, members\' enquiries, footage requests, viewings), those dated to come, and every earlier version',
    responses: { 200: json(PolicyView, 'The clock policy'), ...commonResponses },
  }, async (c) => c.json(await uc.getClockPolicy(c.get('deps')), 200));

  route(api, {
    operationId: 'setClockPolicy', method: 'post', path: '/api/v1/requests/clock-policy', access: 'settings.manage', tags,
    summary: 'Set the council\'s clocks from a day (today or later): requests received from that day take them; those already received keep theirs (audited)',
    request: body(SetPolicy), responses: { 201: json(PolicySet, 'Set'), ...commonResponses, 409: problemResponse('A version already starts that day (requests.policy_exists)') },
  }, async (c) => c.json(await uc.setClockPolicy(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));
}
