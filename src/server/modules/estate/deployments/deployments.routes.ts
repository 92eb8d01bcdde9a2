import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { validationFailed } from '../../../platform/http/errors';
import { readCapped } from '../../../platform/http/upload';
import { pathId } from '../../../../domain/primitives';
import * as kd from '../../../../domain/estate/deployments';
import * as uc from './deployments.usecases';
import * as errors from './deployments.errors';

/** Signage photos are read with their own cap (SIGNAGE_PHOTO_MAX_BYTES), past the app's general body limit. */
export const SIGNAGE_PHOTOS_PATH = '/api/v1/mobile-deployments/signage-photos';

// Mobile camera deployments: HTTP only. Reading is estate.read; requesting, deploying, reviewing
// and removing estate.manage; deciding a request estate.approve (coordinators).

const tags = ['Cameras'];
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('Not possible in the deployment\'s state (for example deploying without an approved request), or the camera is deployed elsewhere') };
const Step = z.object({ id: z.uuid(), reference: z.string(), state: kd.DeploymentState, reviewDueOn: z.string().optional(), removalDue: z.boolean().optional().describe('The review found the camera no longer necessary or proportionate: it is to come down') }).meta({ id: 'DeploymentStep' });

export function registerDeploymentRoutes(api: Api) {
  route(api, {
    operationId: 'listMobileDeployments', method: 'get', path: '/api/v1/mobile-deployments', access: 'estate.read', tags,
    summary: 'Mobile camera deployments, newest request first, each with its state, camera and next review (optionally one state only)',
    request: { query: kd.DeploymentsQuery }, responses: { 200: json(kd.DeploymentList, 'The deployments'), ...commonResponses },
  }, async (c) => c.json({ items: await uc.listDeployments(c.get('deps'), { state: c.req.valid('query').state }) }, 200));

  route(api, {
    operationId: 'listMobileDeploymentReviewsDue', method: 'get', path: '/api/v1/mobile-deployments/reviews-due', access: 'estate.read', tags,
    summary: 'Deployed cameras whose review is overdue (the due day has passed in London) or due within 14 days, soonest first, with the counts: the coordinator\'s home page',
    responses: { 200: json(kd.ReviewsDue, 'Reviews due'), ...commonResponses },
  }, async (c) => c.json(await uc.listReviewsDue(c.get('deps')), 200));

  route(api, {
    operationId: 'getMobileCameraHistory', method: 'get', path: '/api/v1/mobile-cameras/history', access: 'estate.read', tags,
    summary: 'Where each mobile camera is and has been: its deployments over time (location, from, to), for the map and the timeline',
    responses: { 200: json(kd.MobileCameraHistory, 'Each mobile camera with its deployments'), ...commonResponses },
  }, async (c) => c.json(await uc.listMobileCameraHistory(c.get('deps')), 200));

  route(api, {
    operationId: 'countIncidentsNearPoint', method: 'get', path: '/api/v1/mobile-deployments/incident-counts', access: 'estate.manage', tags,
    summary: 'The evidence for a request: occurrences in the log within a radius of a point over a period of London days, counted by category',
    request: { query: kd.IncidentCountsQuery }, responses: { 200: json(kd.IncidentCounts, 'The counts'), ...commonResponses },
  }, async (c) => c.json(await uc.countIncidents(c.get('deps').db, c.req.valid('query')), 200));

  route(api, {
    operationId: 'requestMobileDeployment', method: 'post', path: '/api/v1/mobile-deployments', access: 'estate.manage', tags,
    summary: 'Request a mobile camera deployment: where, the problem, the proposed duration, alternatives considered, the DPIA; the incident counts around the point are recorded with it (audited)',
    request: body(kd.RequestDeployment), responses: { 201: json(Step, 'Requested'), ...commonResponses },
  }, async (c) => c.json(await uc.requestDeployment(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getMobileDeployment', method: 'get', path: '/api/v1/mobile-deployments/{id}', access: 'estate.read', tags,
    summary: 'A deployment: its request and evidence, and every step since (decision, deployment, reviews, removal), oldest first',
    request: { params }, responses: { 200: json(kd.Deployment, 'The deployment'), ...commonResponses },
  }, async (c) => c.json(await uc.getDeployment(c.get('deps'), { deploymentId: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'decideMobileDeployment', method: 'post', path: '/api/v1/mobile-deployments/{id}/decision', access: 'estate.approve', tags,
    summary: 'Approve or refuse a request, with the reasons (never one\'s own request): a decision is final and kept as it was made (audited)',
    request: { params, ...body(kd.DecideDeployment) }, responses: { 200: json(Step, 'Decided'), ...commonResponses, 409: problemResponse('Already decided or withdrawn, or the caller made the request (another coordinator decides it)') },
  }, async (c) => c.json(await uc.decideDeployment(c.get('deps'), { actor: actor(c), deploymentId: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'withdrawMobileDeployment', method: 'post', path: '/api/v1/mobile-deployments/{id}/withdrawal', access: 'estate.manage', tags,
    summary: 'Withdraw a request awaiting a decision, or approved and not yet deployed, with the reason (audited)',
    request: { params, ...body(kd.WithdrawDeployment) }, responses: { 200: json(Step, 'Withdrawn'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.withdrawDeployment(c.get('deps'), { actor: actor(c), deploymentId: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));

  route(api, {
    operationId: 'uploadSignagePhoto', method: 'post', path: SIGNAGE_PHOTOS_PATH, access: 'estate.manage', tags,
    summary: 'Store a photo of the signage (the image itself as the body, image/jpeg or image/png, 5 MB at most); deploying names it by the SHA-256 returned',
    request: { body: { content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) }, 'image/png': { schema: z.string().meta({ format: 'binary' }) } }, required: true } },
    responses: { 201: json(kd.SignagePhoto, 'Stored'), ...commonResponses, 413: problemResponse('Larger than 5 MB'), 415: problemResponse('Not a JPEG or PNG image') },
  }, async (c) => {
    if (!/^image\/(jpeg|png)\b/i.test(c.req.header('content-type') ?? '')) throw errors.notAnImage();
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > kd.SIGNAGE_PHOTO_MAX_BYTES) throw errors.photoTooLarge();
    const bytes = await readCapped(c.req.raw.body, kd.SIGNAGE_PHOTO_MAX_BYTES, errors.photoTooLarge);
    if (!bytes.byteLength) throw validationFailed([{ path: 'file', message: 'Choose the photo of the signage' }]);
    return c.json(await uc.storeSignagePhoto(c.get('deps'), { actor: actor(c), bytes }), 201);
  });

  route(api, {
    operationId: 'getSignagePhoto', method: 'get', path: '/api/v1/mobile-deployments/{id}/signage-photo', access: 'estate.read', tags,
    summary: 'The photo of the signage put up with the camera (checked against its SHA-256 as it is read)',
    request: { params }, responses: { 200: { content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) }, 'image/png': { schema: z.string().meta({ format: 'binary' }) } }, description: 'The photo' }, ...commonResponses },
  }, async (c) => {
    const photo = await uc.getSignagePhoto(c.get('deps'), { deploymentId: c.req.valid('param').id });
    return c.body(photo.bytes as never, 200, { 'content-type': photo.contentType, 'cache-control': 'private, max-age=86400, immutable', etag: `"${photo.sha256}"` }) as never;
  });

  route(api, {
    operationId: 'deployMobileCamera', method: 'post', path: '/api/v1/mobile-deployments/{id}/deployment', access: 'estate.manage', tags,
    summary: 'Record the camera put up on an approved request: the day, the mobile camera (not deployed elsewhere), the signage photo, the review period (default 90 days); moves the camera in the register (audited)',
    request: { params, ...body(kd.DeployCamera) }, responses: { 200: json(Step, 'Deployed'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.deployCamera(c.get('deps'), { actor: actor(c), deploymentId: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'reviewMobileDeployment', method: 'post', path: '/api/v1/mobile-deployments/{id}/reviews', access: 'estate.manage', tags,
    summary: 'Record a review: is the camera still necessary and proportionate, notes, and the next review (default: the review period from this one) (audited)',
    request: { params, ...body(kd.ReviewDeployment) }, responses: { 201: json(Step, 'Reviewed'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.reviewDeployment(c.get('deps'), { actor: actor(c), deploymentId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'removeMobileCamera', method: 'post', path: '/api/v1/mobile-deployments/{id}/removal', access: 'estate.manage', tags,
    summary: 'Record the camera taken down: the day and the reason; the camera goes back in store (out of service) in the register (audited)',
    request: { params, ...body(kd.RemoveCamera) }, responses: { 200: json(Step, 'Removed'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.removeCamera(c.get('deps'), { actor: actor(c), deploymentId: c.req.valid('param').id, input: c.req.valid('json') }), 200));
}
