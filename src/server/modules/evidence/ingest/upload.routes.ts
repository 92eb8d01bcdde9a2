import { z } from '@hono/zod-openapi';
import type { ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { Server, MemoryLocker, type Upload } from '@tus/server';
import { NodeRequest } from 'srvx/node';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { commonResponses } from '../../../platform/http/openapi';
import { problem, toProblem } from '../../../platform/http/problem';
import type { Deps } from '../../../platform/deps';
import { uploadStore } from './upload.jobs';
import { ingestRecording } from './ingest.usecases';
import { toRecording } from '../evidence.views';
import { deleteAfterFor } from '../retention/retention.usecases';
import type { Actor } from '../evidence.usecases';

// Uploads from the browser, resumable after a dropped connection (the tus protocol, which
// tus-js-client speaks): the bytes go to VIGIL_DATA_DIR/uploads, hashed as they arrive, and the
// finished upload is ingested (probed, refused or moved into the object store) before the last
// request is answered, with the recording in its body. An upload belongs to the user who began it.

export const UPLOADS_PATH = '/api/v1/uploads';
const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

interface Caller { actor: Actor; deps: Deps }

function uploadServer(deps: Deps) {
  const store = uploadStore(deps.config);
  const callers = new WeakMap<Request, Caller>();
  const server = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    locker: new MemoryLocker(),
    maxSize: MAX_UPLOAD_BYTES,
    respectForwardedHeaders: false,
    generateUrl: (_req, { path: p, id }) => `${p}/${id}`,
    async onUploadCreate(req, upload) {
      const caller = callers.get(req)!;
      return { metadata: { ...upload.metadata, vigilUserId: caller.actor.userId } };
    },
    async onIncomingRequest(req, id) {
      const caller = callers.get(req)!;
      const upload = await store.getUpload(id).catch(() => undefined);
      // Someone else's upload looks exactly like no upload.
      if (upload && upload.metadata?.vigilUserId !== caller.actor.userId) throw { status_code: 404, body: 'Not found\n' };
    },
    async onUploadFinish(req, upload: Upload) {
      const caller = callers.get(req)!;
      try {
        const sha256 = await store.finishedSha256(upload.id, upload.size ?? upload.offset);
        const { recording, duplicate } = await ingestRecording(caller.deps, {
          actor: caller.actor,
          input: { file: store.pathOf(upload.id), originalName: upload.metadata?.filename ?? 'recording', source: 'upload', cameraId: cameraIdOf(upload), sha256 },
        });
        const deleteAfter = await deleteAfterFor(caller.deps.db);
        return { status_code: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recording: toRecording(recording, deleteAfter(recording)), duplicate }) };
      } catch (err) {
        const { problem } = toProblem(err);
        return { status_code: problem.status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(problem) };
      } finally {
        await store.remove(upload.id).catch(() => undefined);
      }
    },
  });
  return { server, callers };
}

/** The tus server's own refusals (plain text) as problem+json, as every other refusal is. */
async function asProblem(res: Response) {
  const detail = (await res.text()).trim() || res.statusText || 'The upload was refused.';
  const p = problem({ status: res.status, code: 'evidence.upload_refused', detail });
  const headers = new Headers(res.headers);
  headers.set('content-type', 'application/problem+json');
  headers.delete('content-length');
  return new Response(res.status === 204 ? null : JSON.stringify(p), { status: res.status, headers });
}

/**
 * Served by Node, tus reads the bytes straight from Node's request (srvx's wrapper, as tus's own Node
 * entry point does): the request Hono made of it passes every chunk through a web stream, which
 * halved the rate an upload arrives at.
 */
function nodeRequestOf(c: { env: unknown }): Request | undefined {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming && env.outgoing ? new NodeRequest({ req: env.incoming, res: env.outgoing as ServerResponse }) : undefined;
}

const cameraIdOf = (upload: Upload) => {
  const id = upload.metadata?.cameraId;
  return id && z.uuid().safeParse(id).success ? id : null;
};

export function registerUploadRoutes(api: Api) {
  let tus: ReturnType<typeof uploadServer> | undefined;
  const handle = async (c: Parameters<Parameters<typeof route>[2]>[0]) => {
    const deps = c.get('deps');
    tus ??= uploadServer(deps);
    const req = nodeRequestOf(c) ?? c.req.raw;
    tus.callers.set(req, { actor: requestActor(c as never), deps });
    const res = await tus.server.handleWeb(req);
    return res.status < 400 || res.headers.get('content-type')?.includes('problem+json') ? res : asProblem(res);
  };
  const tags = ['Evidence'];
  const tusResponses = { 204: { description: 'Done (tus)' }, ...commonResponses };
  route(api, {
    operationId: 'beginUpload', method: 'post', path: UPLOADS_PATH, access: 'evidence.manage', tags,
    summary: 'Begin a resumable upload of footage (tus 1.0 creation: Upload-Length, Upload-Metadata filename and cameraId)',
    responses: { 201: { description: 'Created: Location is the upload' }, ...commonResponses },
  }, handle as never);
  // HEAD is answered by the GET route (Hono serves HEAD from GET, keeping the request's method for tus).
  for (const method of ['get', 'patch', 'delete'] as const) {
    route(api, {
      operationId: { get: 'getUploadOffset', patch: 'continueUpload', delete: 'abandonUpload' }[method], method, path: `${UPLOADS_PATH}/{id}`, access: 'evidence.manage', tags,
      summary: {
        get: 'HEAD: how much of an upload has arrived (tus Upload-Offset), to resume it',
        patch: 'Send the next bytes of an upload from Upload-Offset; the last answers with the recording made of it (or why it was refused)',
        delete: 'Abandon an upload, keeping nothing',
      }[method],
      request: { params: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'The upload in the address is not an upload id').meta({ param: { name: 'id', in: 'path' } }) }) },
      responses: method === 'patch' ? { 200: { description: 'The last bytes: the recording' }, ...tusResponses } : tusResponses,
    }, handle as never);
  }
}
