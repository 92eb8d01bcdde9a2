import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { AppError } from '../../../platform/http/errors';
import { serveStoredFile } from '../../../platform/http/download';
import { pathId } from '../../../../domain/primitives';
import { SyncReply, SyncRequest } from '../../../../domain/field/sync';
import * as k from '../../../../domain/field/handheld.contract';
import * as uc from './handheld.usecases';

// The handheld's routes under /api/v1/field (field.use): devices (an officer's own; a team leader
// with field.lead lists the team's), PCN number blocks, the data key, heartbeats, photos by id (up
// and back down) and the sync; the team leader (field.lead) withdraws a team device. Another
// officer's device answers 404.

const tags = ['Field'];
const params = z.object({ id: pathId('id') });
const image = Object.fromEntries(k.PHOTO_TYPES.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }]));

const photoTooLarge = () => new AppError({ code: 'field.photo_too_large', status: 413, message: 'The photo is larger than 15 MB: send a smaller one.' });
const notAnImage = () => new AppError({ code: 'field.not_an_image', status: 415, message: 'Send the photo as image/jpeg, image/png or image/webp.' });

export function registerHandheldRoutes(api: Api) {
  route(api, {
    operationId: 'registerFieldDevice', secretReply: true, method: 'post', path: '/api/v1/field/devices', access: 'field.use', tags,
    summary: 'Register this handheld (its id is made on the device): its first block of PCN serials and its data key. The same officer and id again gets the same answer; another officer\'s id is refused (audited)',
    request: body(k.RegisterDevice),
    responses: { 200: json(k.DeviceRegistered, 'Registered (or registered already)'), ...commonResponses, 409: problemResponse('That id is another officer\'s device (field.device_taken) or the device was withdrawn (field.device_revoked)') },
  }, async (c) => c.json(await uc.registerDevice(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'listFieldDevices', method: 'get', path: '/api/v1/field/devices', access: 'field.use', tags,
    summary: 'Your handhelds (a team leader: the team\'s) with when each was last seen and synced, how many records wait on it, and its PCN serials left',
    responses: { 200: json(k.DeviceList, 'The devices'), ...commonResponses },
  }, async (c) => c.json(await uc.listDevices(c.get('deps'), { actor: requestActor(c), lead: c.get('session')!.permissions.includes('field.lead') }), 200));

  route(api, {
    operationId: 'allocateFieldDeviceBlock', method: 'post', path: '/api/v1/field/devices/{id}/blocks', access: 'field.use', tags,
    summary: 'A further block of PCN serials for your device, when it runs low (audited)',
    request: { params }, responses: { 201: json(k.PcnBlock, 'The new block'), ...commonResponses, 409: problemResponse('The device was withdrawn') },
  }, async (c) => c.json(await uc.allocateBlock(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id }), 201));

  route(api, {
    operationId: 'getFieldDeviceKey', method: 'get', path: '/api/v1/field/devices/{id}/key', access: 'field.use', tags,
    summary: 'Your device\'s data key, to open what it keeps encrypted after signing in again (your own device only; audited)',
    request: { params }, responses: { 200: json(k.DeviceKey, 'The key'), ...commonResponses, 409: problemResponse('The device was withdrawn') },
  }, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await uc.deviceKey(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id }), 200);
  });

  route(api, {
    operationId: 'withdrawFieldDevice', method: 'post', path: '/api/v1/field/devices/{id}/withdrawal', access: 'field.lead', tags,
    summary: 'Withdraw a handheld of your team that is lost, stolen or retired, saying why: its PCN number blocks close (their unused numbers are never issued), its data key is never handed out again and a sync from it is refused; what it synced before stays (audited)',
    request: { params, ...body(k.WithdrawDevice) },
    responses: { 200: json(k.DeviceSummary, 'The device, withdrawn'), ...commonResponses, 409: problemResponse('Withdrawn already (field.device_already_withdrawn)') },
  }, async (c) => c.json(await uc.withdrawDevice(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'reportFieldDeviceStatus', method: 'post', path: '/api/v1/field/devices/{id}/status', access: 'field.use', tags,
    summary: 'A heartbeat from your device with how many records wait on it (when it has nothing to send)',
    request: { params, ...body(k.DeviceStatus) }, responses: { 204: { description: 'Noted' }, ...commonResponses, 409: problemResponse('The device was withdrawn') },
  }, async (c) => {
    await uc.deviceStatus(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, queued: c.req.valid('json').queued });
    return c.body(null, 204);
  });

  route(api, {
    operationId: 'uploadFieldPhoto', method: 'put', path: '/api/v1/field/photos/{id}', access: 'field.use', tags,
    summary: 'Upload a photo taken on your device under the id the device made (the image itself as the body: JPEG, PNG or WebP, 15 MB at most). The same id again answers 200 with the same SHA-256',
    request: { params, query: k.PhotoQuery, body: { content: image, required: true } },
    responses: {
      201: json(k.PhotoStored, 'Stored'), 200: json(k.PhotoStored, 'Stored already'), ...commonResponses,
      409: problemResponse('The device was withdrawn'), 413: problemResponse('Larger than 15 MB'), 415: problemResponse('Not a JPEG, PNG or WebP image'),
    },
  }, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(k.PHOTO_TYPES as readonly string[]).includes(type)) throw notAnImage();
    if (Number(c.req.header('content-length') ?? 0) > k.PHOTO_MAX_BYTES) throw photoTooLarge();
    const raw = c.req.raw.body;
    const stored = await uc.storePhoto(c.get('deps'), {
      actor: requestActor(c), id: c.req.valid('param').id, deviceId: c.req.valid('query').deviceId, contentType: type as k.PhotoType,
      body: (raw ?? (async function* () { /* empty */ })()) as AsyncIterable<Uint8Array>, maxBytes: k.PHOTO_MAX_BYTES, tooLarge: photoTooLarge,
    });
    return c.json({ id: stored.id, sha256: stored.sha256 }, stored.created ? 201 : 200);
  });

  // Every field user holds enforcement.read too; the use case narrows it to the photo's officer,
  // their team leader, and (for a photo on a notice) whoever reads notices.
  route(api, {
    operationId: 'getFieldPhoto', method: 'get', path: '/api/v1/field/photos/{id}', access: 'enforcement.read', tags,
    summary: 'A photo taken on a handheld, as it was uploaded (its hash re-checked as it streams): to the officer who took it, their team leader, and for a photo on a PCN or FPN whoever reads notices; to anyone else it does not exist',
    request: { params },
    responses: { 200: { content: image, description: 'The photo, with its own content type' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const file = await uc.findPhotoFile(deps, { actor: requestActor(c), id: c.req.valid('param').id, lead: c.get('session')!.permissions.includes('field.lead') });
    return serveStoredFile(c, { store: deps.storage, file, download: false, range: undefined }) as never;
  });

  route(api, {
    operationId: 'syncFieldRecords', method: 'post', path: '/api/v1/field/sync', access: 'field.use', tags,
    summary: 'Send records made on your device: each id is accepted once (a retry answers as the first time, replayed), each record on its own (one rejected with what to fix does not stop the others)',
    request: body(SyncRequest), responses: { 200: json(SyncReply, 'One result per record, in order'), ...commonResponses, 409: problemResponse('The device was withdrawn') },
  }, async (c) => {
    const { deviceId, records, queued } = c.req.valid('json');
    return c.json(await uc.sync(c.get('deps'), { actor: requestActor(c), deviceId, records, queued }), 200);
  });
}
