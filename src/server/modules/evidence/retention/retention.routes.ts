import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import * as kr from '../../../../domain/evidence/retention';
import * as rt from './retention.usecases';

const tags = ['Evidence'];
const actor = requestActor;
const params = z.object({ id: pathId('id') });
const conflict = { 409: problemResponse('Not possible now (destroyed, already released, or kept by a hold, a package or an open link)') };

export function registerRetentionRoutes(api: Api) {
  route(api, {
    operationId: 'getEvidenceRetention', method: 'get', path: '/api/v1/evidence/retention', access: 'evidence.read', tags,
    summary: 'How long evidence is kept: the retention classes of recordings (days) and how often exhibits are reviewed (months)',
    responses: { 200: json(kr.EvidenceRetentionSettings, 'The settings'), ...commonResponses },
  }, async (c) => c.json(await rt.getEvidenceRetention(c.get('deps').db), 200));

  route(api, {
    operationId: 'getEvidenceRetentionSettings', method: 'get', path: '/api/v1/settings/evidence-retention', access: 'settings.manage', tags: ['Settings'],
    summary: 'Evidence retention as administrators set it: classes of recordings and the exhibit review period',
    responses: { 200: json(kr.EvidenceRetentionSettings, 'The settings'), ...commonResponses },
  }, async (c) => c.json(await rt.getEvidenceRetention(c.get('deps').db), 200));

  route(api, {
    operationId: 'updateEvidenceRetentionSettings', method: 'put', path: '/api/v1/settings/evidence-retention', access: 'settings.manage', tags: ['Settings'],
    summary: 'Change the retention classes and the exhibit review period (audited with the old and new values; a class recordings are in cannot be removed, nor the routine class)',
    request: body(kr.EvidenceRetentionSettings), responses: { 200: json(kr.EvidenceRetentionSettings, 'The new settings'), ...commonResponses },
  }, async (c) => c.json(await rt.updateEvidenceRetention(c.get('deps'), { actor: actor(c).audit, settings: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'placeExhibitHold', method: 'post', path: '/api/v1/exhibits/{id}/holds', access: 'evidence.manage', tags,
    summary: 'Place a legal hold on an exhibit: nothing of it (masters, copies) is destroyed until the hold is released (audited)',
    request: { params, ...body(kr.PlaceHold) }, responses: { 201: json(kr.HoldPlaced, 'Placed'), ...commonResponses, ...conflict },
  }, async (c) => c.json(await rt.placeHold(c.get('deps'), { actor: actor(c), subject: { exhibitId: c.req.valid('param').id }, reason: c.req.valid('json').reason }), 201));

  route(api, {
    operationId: 'placeRecordingHold', method: 'post', path: '/api/v1/recordings/{id}/holds', access: 'evidence.manage', tags,
    summary: 'Place a legal hold on a recording: it is not destroyed when its retention period ends, until the hold is released (audited)',
    request: { params, ...body(kr.PlaceHold) }, responses: { 201: json(kr.HoldPlaced, 'Placed'), ...commonResponses, ...conflict },
  }, async (c) => c.json(await rt.placeHold(c.get('deps'), { actor: actor(c), subject: { recordingId: c.req.valid('param').id }, reason: c.req.valid('json').reason }), 201));

  route(api, {
    operationId: 'releaseEvidenceHold', method: 'post', path: '/api/v1/evidence-holds/{id}/release', access: 'evidence.manage', tags,
    summary: 'Release a legal hold, with the reason (audited); retention applies again from the next nightly run',
    request: { params, ...body(kr.ReleaseHold) }, responses: { 200: json(kr.HoldReleased, 'Released'), ...commonResponses, ...conflict },
  }, async (c) => c.json(await rt.releaseHold(c.get('deps'), { actor: actor(c), holdId: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));

  route(api, {
    operationId: 'listEvidenceHolds', method: 'get', path: '/api/v1/evidence-holds', access: 'evidence.read', tags,
    summary: 'Legal holds in force, newest first, with what each holds', responses: { 200: json(kr.EvidenceHolds, 'The holds'), ...commonResponses },
  }, async (c) => c.json({ items: await rt.listHolds(c.get('deps')) }, 200));

  route(api, {
    operationId: 'listExhibitReviewsDue', method: 'get', path: '/api/v1/evidence/reviews-due', access: 'evidence.manage', tags,
    summary: 'Exhibits due for review (nothing linked to them open, the review period passed), soonest first, with what would stop their destruction',
    request: { query: kr.ReviewsDueQuery }, responses: { 200: json(kr.ReviewDuePage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize } = c.req.valid('query');
    return c.json({ ...(await rt.listReviewsDue(c.get('deps'), { offset: (page - 1) * pageSize, limit: pageSize })), page, pageSize }, 200);
  });

  route(api, {
    operationId: 'recordExhibitReview', method: 'post', path: '/api/v1/exhibits/{id}/reviews', access: 'evidence.manage', tags,
    summary: 'Record a review decision: keep (until the next review, the review period from now) or destroy (done by the nightly retention run; refused while held, in a package or linked to anything open)',
    request: { params, ...body(kr.RecordReview) }, responses: { 201: json(kr.ReviewRecorded, 'Recorded'), ...commonResponses, ...conflict },
  }, async (c) => c.json(await rt.recordReview(c.get('deps'), { actor: actor(c), exhibitId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'setRecordingRetentionClass', method: 'put', path: '/api/v1/recordings/{id}/retention-class', access: 'evidence.manage', tags,
    summary: 'Put a recording in another retention class (audited): it is destroyed that class’s days after it came in, unless it is made an exhibit or held',
    request: { params, ...body(kr.SetRetentionClass) }, responses: { 200: json(kr.RetentionClassSet, 'Changed'), ...commonResponses, ...conflict },
  }, async (c) => c.json(await rt.setRecordingRetentionClass(c.get('deps'), { actor: actor(c), recordingId: c.req.valid('param').id, retentionClass: c.req.valid('json').retentionClass }), 200));

  route(api, {
    operationId: 'listEvidenceDestructions', method: 'get', path: '/api/v1/evidence/destructions', access: 'evidence.read', tags,
    summary: 'The destruction register, newest first: each file destroyed, its SHA-256 and size, the rule and reason, when, and whether its bytes are gone from the store',
    request: { query: kr.DestructionsQuery }, responses: { 200: json(kr.DestructionPage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize } = c.req.valid('query');
    return c.json({ ...(await rt.listDestructionRegister(c.get('deps'), { offset: (page - 1) * pageSize, limit: pageSize })), page, pageSize }, 200);
  });
}
