import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { readCapped } from '../../../platform/http/upload';
import { pathId, sha256Hex } from '../../../../domain/primitives';
import * as k from '../../../../domain/requests/correspondence';
import type { Actor } from '../register/register.usecases';
import * as uc from './correspondence.usecases';
import * as letters from './letters.usecases';
import * as errors from './correspondence.errors';

// Correspondence and letters over HTTP: the council reads with requests.read and records or
// generates with requests.manage; administrators (settings.manage) keep the letters' wording.

/** Files are sent as the body itself, read with their own cap (ATTACHMENT_MAX_BYTES), past the app's general body limit. */
export const CORRESPONDENCE_FILES_PATH = '/api/v1/requests/correspondence-files';

const tags = ['Requests'];
const params = z.object({ id: pathId('id') });
const itemParams = z.object({ id: pathId('id'), itemId: pathId('itemId') });
const fileParams = itemParams.extend({ sha256: sha256Hex.meta({ param: { name: 'sha256', in: 'path' } }) });
const keyParams = z.object({ key: k.LetterKey.meta({ param: { name: 'key', in: 'path' } }) });
const binary = { schema: z.string().meta({ format: 'binary' }) };
const files = Object.fromEntries(Object.keys(k.ATTACHMENT_TYPES).map((t) => [t, binary]));
const pdf = { 'application/pdf': binary };
const actor = (c: Context<AppEnv>): Actor => ({ ...requestActor(c), viewer: { party: 'council' } });

const download = (c: Context<AppEnv>, { bytes, file }: { bytes: Buffer; file: k.Attachment }, disposition: 'inline' | 'attachment') =>
  c.body(new Uint8Array(bytes) as never, 200, {
    'content-type': file.type, 'content-disposition': `${disposition}; filename="${file.name.replace(/[^\w.\- ]/g, '_')}"`,
    'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', etag: `"${file.sha256}"`,
  }) as never;

export function registerCorrespondenceRoutes(api: Api) {
  route(api, {
    operationId: 'listLetterTemplates', method: 'get', path: '/api/v1/request-letter-templates', access: 'settings.manage', tags,
    summary: 'The letters to requesters (acknowledgement, clarification, extension, refusal, response), each as in use now, with the wording shipped and the placeholders a template may use',
    responses: { 200: json(k.LetterTemplateList, 'The templates'), ...commonResponses },
  }, async (c) => c.json({ items: await letters.listTemplates(c.get('deps')), placeholders: k.PLACEHOLDER_LIST }, 200));

  route(api, {
    operationId: 'saveLetterTemplate', method: 'post', path: '/api/v1/request-letter-templates/{key}', access: 'settings.manage', tags,
    summary: 'Save a new version of a letter\'s wording (the earlier versions are kept; letters use the latest). An unknown placeholder is refused (audited)',
    request: { params: keyParams, ...body(k.LetterTemplateInput) }, responses: { 201: json(k.LetterTemplateView, 'Saved'), ...commonResponses },
  }, async (c) => c.json(await letters.saveTemplate(c.get('deps'), { actor: actor(c), key: c.req.valid('param').key, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'uploadCorrespondenceFile', method: 'post', path: CORRESPONDENCE_FILES_PATH, access: 'requests.manage', tags,
    summary: 'Store a file to keep with correspondence (the file itself as the body: PDF, JPEG, PNG, text, Word .docx or e-mail .eml; 20 MB at most); recording the correspondence names it by the SHA-256 returned',
    request: { body: { content: files, required: true } },
    responses: { 201: json(k.StoredFile, 'Stored'), ...commonResponses, 413: problemResponse('Larger than 20 MB'), 415: problemResponse('Not a kind of file kept with correspondence') },
  }, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(type in k.ATTACHMENT_TYPES)) throw errors.fileTypeRefused();
    if (Number(c.req.header('content-length') ?? 0) > k.ATTACHMENT_MAX_BYTES) throw errors.fileTooLarge();
    const bytes = await readCapped(c.req.raw.body, k.ATTACHMENT_MAX_BYTES, errors.fileTooLarge);
    if (!bytes.byteLength) throw errors.emptyFile();
    return c.json(await uc.storeFile(c.get('deps'), { actor: actor(c), bytes, type }), 201);
  });

  route(api, {
    operationId: 'listRequestCorrespondence', method: 'get', path: '/api/v1/requests/{id}/correspondence', access: 'requests.read', tags,
    summary: 'The letters, e-mails and calls received and sent about the request, oldest first, with their files',
    request: { params }, responses: { 200: json(k.CorrespondenceList, 'The correspondence'), ...commonResponses },
  }, async (c) => c.json(await uc.listCorrespondence(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'recordRequestCorrespondence', method: 'post', path: '/api/v1/requests/{id}/correspondence', access: 'requests.manage', tags,
    summary: 'Record a letter, e-mail or call received or sent, with files uploaded first; it is added to the request\'s history (audited)',
    request: { params, ...body(k.RecordCorrespondence) }, responses: { 201: json(k.CorrespondenceItem, 'Recorded'), ...commonResponses },
  }, async (c) => c.json(await uc.recordCorrespondence(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getCorrespondenceAttachment', method: 'get', path: '/api/v1/requests/{id}/correspondence/{itemId}/attachments/{sha256}', access: 'requests.read', tags,
    summary: 'A file kept with the correspondence (checked against its SHA-256 as it is read)',
    request: { params: fileParams }, responses: { 200: { content: files, description: 'The file' }, ...commonResponses },
  }, async (c) => download(c, await uc.getAttachment(c.get('deps'), { actor: actor(c), ...c.req.valid('param') }), 'attachment'));

  route(api, {
    operationId: 'generateRequestLetter', method: 'post', path: '/api/v1/requests/{id}/letters', access: 'requests.manage', tags,
    summary: 'Write a letter from its template with the request\'s reference, dates and officer, keep it as a PDF, record it as sent, and e-mail it to the requester with the PDF attached if asked (audited)',
    request: { params, ...body(k.GenerateLetter) },
    responses: { 201: json(k.CorrespondenceItem, 'The letter, recorded (emailState: sent or failed when e-mailed)'), ...commonResponses, 409: problemResponse('Not now (requests.letter_refused): an extension letter for a request not extended, or e-mail for a requester with no address') },
  }, async (c) => c.json(await letters.generateLetter(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getRequestLetterPdf', method: 'get', path: '/api/v1/requests/{id}/letters/{itemId}/pdf', access: 'requests.read', tags,
    summary: 'A generated letter\'s PDF (checked against its SHA-256 as it is read)',
    request: { params: itemParams }, responses: { 200: { content: pdf, description: 'The letter' }, ...commonResponses },
  }, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const deps = c.get('deps');
    const item = (await uc.listCorrespondence(deps, { actor: actor(c), id })).items.find((i) => i.id === itemId && i.letter);
    const file = item?.attachments.find((a) => a.type === 'application/pdf');
    if (!file) throw errors.correspondenceNotFound();
    return download(c, await uc.getAttachment(deps, { actor: actor(c), id, itemId, sha256: file.sha256 }), 'inline');
  });
}
