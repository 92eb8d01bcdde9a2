import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../platform/http/openapi';
import { csvDownload } from '../../platform/http/csv';
import { recordAudit } from '../../platform/audit/audit';
import { formatTimestamp, londonDay } from '../../../domain/calendar/london';
import { labelOf } from '../../../domain/labels';
import * as k from '../../../domain/evidence/contract';
import { pathId, PersonRef, sha256Hex } from '../../../domain/primitives';
import * as ev from './evidence.usecases';
import { requestDerivatives } from './derivatives/derivatives.usecases';
import { findExhibitDetail, findExhibitFile, searchExhibits, streamExhibits, toRecording } from './evidence.views';
import { listContinuityEvents } from './continuity/continuity.repository';
import { renderContinuityRecord } from './packages/continuity.pdf';
import { parseRange, serveStoredFile } from '../../platform/http/download';
import type { ObjectStore } from '../../platform/storage/storage';
import { listHandlers, listRecordings } from './evidence.repository';
import * as errors from './evidence.errors';
import { latestVerification } from './verify/verify.usecases';
import { deleteAfterFor } from './retention/retention.usecases';

const tags = ['Evidence'];
const actor = requestActor;

export const EXHIBIT_CSV_HEADER = ['Reference', 'Description', 'Producer', 'Cameras', 'Recorded from (UK time)', 'Recorded to (UK time)', 'Made (UK time)', 'State', 'Held by', 'Masters', 'Occurrences'];
const csvRow = (e: z.output<typeof k.ExhibitListItem>) => [
  e.reference, e.description, e.producer.name, e.cameras.map((c) => `${c.reference} ${c.name}`).join('; '),
  e.recordedFrom ? formatTimestamp(new Date(e.recordedFrom)) : '', e.recordedTo ? formatTimestamp(new Date(e.recordedTo)) : '',
  formatTimestamp(new Date(e.createdAt)), labelOf(k.EXHIBIT_STATES, e.state), e.holder?.name ?? '', String(e.masters), e.occurrences.map((o) => o.reference).join('; '),
];

export function registerEvidenceRoutes(api: Api) {
  route(api, {
    operationId: 'listRecordings', method: 'get', path: '/api/v1/recordings', access: 'evidence.read', tags,
    summary: 'Footage that came in, newest first: what ffprobe found, its SHA-256, and the exhibit it became',
    request: { query: k.RecordingFilter }, responses: { 200: json(k.RecordingPage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, unassigned, mine } = c.req.valid('query');
    const db = c.get('deps').db;
    const [r, deleteAfter] = await Promise.all([listRecordings(db, { unassigned, ingestedBy: mine ? actor(c).userId : undefined, offset: (page - 1) * pageSize, limit: pageSize }), deleteAfterFor(db)]);
    return c.json({ items: r.rows.map((x) => toRecording(x, deleteAfter(x))), total: r.total, page, pageSize }, 200);
  });

  route(api, {
    operationId: 'listExhibits', method: 'get', path: '/api/v1/exhibits', access: 'evidence.read', tags,
    summary: 'Exhibits, with filters (producer, camera, dates, occurrence, state), sorting and pages',
    request: { query: k.ExhibitSearch }, responses: { 200: json(k.ExhibitPage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, sort, ...filter } = c.req.valid('query');
    const r = await searchExhibits(c.get('deps').db, { filter, sort, offset: (page - 1) * pageSize, limit: pageSize });
    return c.json({ ...r, page, pageSize }, 200);
  });

  route(api, {
    operationId: 'exportExhibitsCsv', method: 'get', path: '/api/v1/exhibits.csv', access: 'evidence.read', tags,
    summary: 'The exhibits that match, as CSV (audited; spreadsheet formulas neutralised)',
    request: { query: k.ExhibitFilter }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const { sort, ...filter } = c.req.valid('query');
    await recordAudit(deps.db, actor(c).audit, { action: 'exhibits.exported', details: { filter: JSON.parse(JSON.stringify(c.req.valid('query'))) } });
    return csvDownload(c, { filename: `exhibits-${londonDay()}.csv`, header: EXHIBIT_CSV_HEADER, batches: streamExhibits(deps.db, { filter, sort }), toRow: csvRow }) as never;
  });

  route(api, {
    operationId: 'createExhibit', method: 'post', path: '/api/v1/exhibits', access: 'evidence.manage', tags,
    summary: "Make recordings an exhibit: its reference is the producer's initials and next number (AB/1), and its first continuity event is 'produced'",
    request: body(k.CreateExhibit), responses: { 201: json(k.ExhibitCreated, 'Made'), ...commonResponses },
  }, async (c) => c.json(await ev.createExhibit(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'createExhibitsFromFootage', method: 'post', path: '/api/v1/occurrences/{id}/exhibits', access: 'evidence.manage', tags,
    summary: "Make the footage marks an occurrence holds exhibits in one step: one per mark, with its camera, times and recording(s), linked to the occurrence",
    request: { params: z.object({ id: pathId('id') }), ...body(k.ExhibitsFromFootage) }, responses: { 201: json(k.ExhibitsCreated, 'Made'), ...commonResponses },
  }, async (c) => c.json(await ev.createExhibitsFromFootage(c.get('deps'), { actor: actor(c), occurrenceId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getExhibit', method: 'get', path: '/api/v1/exhibits/{id}', access: 'evidence.read', tags,
    summary: 'An exhibit whole: masters, working copies and stills, continuity (with its hash chain) and holds',
    request: { params: k.ExhibitParams }, responses: { 200: json(k.ExhibitDetail, 'The exhibit'), ...commonResponses },
  }, async (c) => {
    const detail = await findExhibitDetail(c.get('deps').db, c.req.valid('param').id);
    if (!detail) throw errors.exhibitNotFound();
    return c.json(detail, 200);
  });

  route(api, {
    operationId: 'recordExhibitHandling', method: 'post', path: '/api/v1/exhibits/{id}/continuity', access: 'evidence.manage', tags,
    summary: 'Record a handling: handed over, received or refused (the receiver, with a signature drawn on screen), returned, sealed (bag number) or viewed',
    request: { params: k.ExhibitParams, ...body(k.RecordHandling) },
    responses: { 201: json(z.object({ seq: z.number().int(), hash: z.string() }).meta({ id: 'ContinuityRecorded' }), 'Recorded'), ...commonResponses, 409: problemResponse('Not possible now (waiting for a receiver, destroyed, not handed to you)') },
  }, async (c) => c.json(await ev.recordHandling(c.get('deps'), { actor: actor(c), exhibitId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'requestExhibitCopies', method: 'post', path: '/api/v1/exhibits/{id}/derivatives', access: 'evidence.manage', tags,
    summary: 'Ask for a working copy (H.264/AAC MP4), a clip (stream copy or re-encoded) or stills (PNG) of a master, optionally captioned; made by a background job',
    request: { params: k.ExhibitParams, ...body(k.RequestDerivative) }, responses: { 202: json(k.DerivativesRequested, 'Queued'), ...commonResponses },
  }, async (c) => c.json(await requestDerivatives(c.get('deps'), { actor: actor(c), exhibitId: c.req.valid('param').id, input: c.req.valid('json') }), 202));

  route(api, {
    operationId: 'getExhibitFile', method: 'get', path: '/api/v1/exhibits/{id}/files/{sha256}', access: 'evidence.read', tags,
    summary: 'A master or copy of the exhibit, by its SHA-256: played (byte ranges) or downloaded; re-checked against its hash as it streams; each play or download is a "viewed" continuity event',
    request: { params: z.object({ id: pathId('id'), sha256: sha256Hex.meta({ param: { name: 'sha256', in: 'path' } }) }), query: z.object({ download: z.enum(['1', 'true']).optional() }) },
    responses: { 200: { content: { 'application/octet-stream': { schema: z.string() } }, description: 'The file' }, 206: { description: 'Part of the file' }, 416: problemResponse('Range not in the file'), ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const { id, sha256 } = c.req.valid('param');
    const file = await findExhibitFile(deps.db, { exhibitId: id, sha256 });
    if (!file) throw errors.exhibitNotFound();
    const download = !!c.req.valid('query').download;
    const range = download ? undefined : parseRange(c.req.header('range'), file.size);
    if (range && range !== 'unsatisfiable') await checkBeforeRanges(deps.storage, sha256);
    // A play starts with the first bytes; later ranges are the same viewing.
    if (!range || (range !== 'unsatisfiable' && range.start === 0)) {
      await ev.recordView(deps, { actor: actor(c), exhibitId: id, what: { reference: file.reference, sha256, download } });
    }
    return serveStoredFile(c, { store: deps.storage, file, download, range }) as never;
  });

  route(api, {
    operationId: 'getExhibitContinuityPdf', method: 'get', path: '/api/v1/exhibits/{id}/continuity.pdf', access: 'evidence.read', tags,
    summary: "The exhibit's continuity record as a PDF: every event, who, when, where, why, the item's hash and the chain (audited)",
    request: { params: k.ExhibitParams }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const ex = await findExhibitDetail(deps.db, c.req.valid('param').id);
    if (!ex) throw errors.exhibitNotFound();
    const pdf = await renderContinuityRecord({
      council: deps.config.council.name, generatedAt: deps.clock.now(),
      exhibits: [{ reference: ex.reference, description: ex.description, cameras: ex.cameras, masters: ex.recordings.map((r) => ({ name: r.originalName, sha256: r.sha256, size: r.sizeBytes })), events: await listContinuityEvents(deps.db, ex.id) }],
    });
    await recordAudit(deps.db, actor(c).audit, { action: 'exhibit.continuity-printed', recordType: 'exhibit', recordId: ex.id, details: { reference: ex.reference } });
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `inline; filename="continuity-${ex.reference.replace(/\//g, '_')}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });

  route(api, {
    operationId: 'listEvidenceHandlers', method: 'get', path: '/api/v1/evidence/handlers', access: 'evidence.read', tags,
    summary: 'Council staff an exhibit can be handed to (active, with an evidence role)',
    responses: { 200: json(z.object({ items: z.array(PersonRef) }).meta({ id: 'EvidenceHandlers' }), 'Staff'), ...commonResponses },
  }, async (c) => c.json({ items: await listHandlers(c.get('deps').db, { organisationId: c.get('session')!.organisation.id }) }, 200));
}

export function registerIntegrityRoutes(api: Api) {
  route(api, {
    operationId: 'getEvidenceIntegrity', method: 'get', path: '/api/v1/evidence/integrity', access: 'evidence.verify', tags,
    summary: 'The newest check of every stored evidence file and continuity chain (nightly, or `vigil evidence verify`), with what it found',
    responses: { 200: json(k.IntegrityStatus, 'The newest check'), ...commonResponses },
  }, async (c) => {
    const v = await latestVerification(c.get('deps'));
    return c.json({
      latest: v ? {
        id: v.id, startedAt: v.started_at.toISOString(), finishedAt: v.finished_at!.toISOString(), ok: !!v.is_ok, filesChecked: v.objects_checked,
        problems: (v.problems as NonNullable<z.output<typeof k.IntegrityStatus>['latest']>['problems']).slice(0, 50),
      } : null,
    }, 200);
  });
}

const checked = new Map<string, number>();
/**
 * A player's byte ranges cannot be checked one by one, so the whole object is checked before the
 * first and again after ten minutes (per process: an optimisation, not a state any other needs).
 */
async function checkBeforeRanges(store: ObjectStore, sha256: string) {
  const at = checked.get(sha256);
  if (at && Date.now() - at < 10 * 60_000) return;
  const r = await store.check(sha256);
  if (r.state !== 'ok') throw errors.hashMismatch({ sha256 });
  if (checked.size > 1000) checked.clear();
  checked.set(sha256, Date.now());
}
