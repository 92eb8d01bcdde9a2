import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestActor as actor, route, type Api, type AppEnv } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { readCapped } from '../../../platform/http/upload';
import type { Permission } from '../../../platform/auth/permissions';
import { pathId, sha256Hex } from '../../../../domain/primitives';
import { labelOf } from '../../../../domain/labels';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { PRIORITIES } from '../../../../domain/maintenance/contract';
import * as k from '../../../../domain/maintenance/faultContract';
import * as uc from './faults.usecases';
import * as errors from './faults.errors';

// Faults over HTTP, twice: the council's routes under /api/v1/maintenance/faults (reading is
// maintenance.read; raising and triage maintenance.faults; accepting or reopening a fix
// maintenance.manage), and the contractor's portal under /api/v1/contractor (maintenance.contract_work,
// every read and write scoped to the faults of the caller's organisation's contracts: another's is 404).

/** Photos are sent as the body itself, read with their own cap (FAULT_PHOTO_MAX_BYTES), past the app's general body limit. */
export const FAULT_PHOTO_PATHS = ['/api/v1/maintenance/fault-photos', '/api/v1/contractor/fault-photos'] as const;

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });
const photoParams = z.object({ id: pathId('id'), sha256: sha256Hex.meta({ param: { name: 'sha256', in: 'path' } }) });
const refused = { 409: problemResponse('Not open to the caller at the fault\'s stage (the reason says why)') };
const image = { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) }, 'image/png': { schema: z.string().meta({ format: 'binary' }) } };
export const FAULTS_CSV_HEADER = [
  'reference', 'raised_at', 'source', 'target', 'target_reference', 'target_name', 'priority', 'contract', 'stage', 'description',
  'response_due', 'response_at', 'response_sla', 'fix_due', 'fixed_at', 'fix_sla',
];
const when = (iso: string | null | undefined) => (iso ? formatTimestamp(new Date(iso)) : '');

type Side = 'council' | 'contractor';
const partyOf = (c: Context<AppEnv>, side: Side): uc.Party => {
  const s = c.get('session')!;
  return side === 'contractor' ? { party: 'contractor', organisationId: s.organisation.id } : { party: 'council', canDecide: s.permissions.includes('maintenance.manage') };
};

function registerSide(api: Api, side: Side) {
  const council = side === 'council';
  const base = council ? '/api/v1/maintenance/faults' : '/api/v1/contractor/faults';
  const read: Permission = council ? 'maintenance.read' : 'maintenance.contract_work';
  const write: Permission = council ? 'maintenance.faults' : 'maintenance.contract_work';
  const op = (name: string) => (council ? name : `${name}AsContractor`);
  const whose = council ? '' : ' (the caller\'s organisation\'s contracts only)';

  route(api, {
    operationId: op('listMaintenanceFaults'), method: 'get', path: base, access: read, tags,
    summary: `Faults${whose}, filtered (state, stage, priority, target, source, contract, camera, SLA at risk or breached, words, raised between) and sorted, each with its response and fix clocks`,
    request: { query: k.FaultsQuery }, responses: { 200: json(k.FaultList, 'A page of faults'), ...commonResponses },
  }, async (c) => c.json(await uc.listFaults(c.get('deps'), { query: c.req.valid('query'), viewer: partyOf(c, side) }), 200));

  route(api, {
    operationId: op('exportMaintenanceFaultsCsv'), method: 'get', path: `${base}.csv`, access: read, tags,
    summary: `The same faults as CSV${whose} (spreadsheet formulas neutralised)`,
    request: { query: k.FaultsQuery.omit({ page: true, pageSize: true }) },
    responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => csvDownload(c, {
    filename: `faults-${londonDay()}.csv`, header: FAULTS_CSV_HEADER,
    batches: uc.faultBatches(c.get('deps'), { query: c.req.valid('query'), viewer: partyOf(c, side) }),
    toRow: (f) => [
      f.reference, when(f.raisedAt), labelOf(k.FAULT_SOURCES, f.source), labelOf(k.FAULT_TARGETS, f.target), f.targetRef.reference, f.targetRef.name,
      f.priority ? labelOf(PRIORITIES, f.priority) : '', f.contract?.reference ?? '', labelOf(k.FAULT_STAGES, f.stage), f.description,
      when(f.response?.deadline), when(f.response?.doneAt), f.response ? labelOf(k.SLA_OUTCOMES, f.response.outcome) : '',
      when(f.fix?.deadline), when(f.fix?.doneAt), f.fix ? labelOf(k.SLA_OUTCOMES, f.fix.outcome) : '',
    ],
  }) as never);

  route(api, {
    operationId: op('raiseMaintenanceFault'), method: 'post', path: base, access: write, tags,
    summary: `Raise a fault on a camera or control-room equipment${council ? ' (on the contract in force today unless one is chosen)' : ' on the caller\'s own contract'}; the camera or equipment is marked faulty (audited)`,
    request: body(k.RaiseFault), responses: { 201: json(k.FaultStepRecorded, 'Raised'), ...commonResponses },
  }, async (c) => {
    const s = c.get('session')!;
    const source = council ? (s.roles.includes('ooh_officer') && !s.roles.some((r) => r === 'operator' || r === 'supervisor') ? 'ooh' : 'operator') : 'contractor';
    return c.json(await uc.raiseFault(c.get('deps'), { actor: actor(c), input: c.req.valid('json'), party: partyOf(c, side), source }), 201);
  });

  route(api, {
    operationId: op('getMaintenanceFault'), method: 'get', path: `${base}/{id}`, access: read, tags,
    summary: `A fault${whose}: its clocks, every step in order, its clock stops, the parts signed out against it, and the steps the caller may take now`,
    request: { params }, responses: { 200: json(k.FaultDetail, 'The fault'), ...commonResponses },
  }, async (c) => c.json(await uc.getFault(c.get('deps'), { id: c.req.valid('param').id, party: partyOf(c, side) }), 200));

  route(api, {
    operationId: op('recordMaintenanceFaultStep'), method: 'post', path: `${base}/{id}/steps`, access: write, tags,
    summary: council
      ? 'Record the council\'s step: prioritise (and put on a contract), stop or restart the clock with the reason, or a note (audited)'
      : 'Record the contractor\'s step: attended (with the time), diagnosis, a part used, awaiting parts (stops the clock), fixed, a clock stop or restart, or a note (audited)',
    request: { params, ...body(council ? k.CouncilStep : k.ContractorStep) },
    responses: { 200: json(k.FaultStepRecorded, 'Recorded'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.recordStep(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: c.req.valid('json'), party: partyOf(c, side) }), 200));

  route(api, {
    operationId: op('attachMaintenanceFaultPhoto'), method: 'post', path: `${base}/{id}/photos`, access: write, tags,
    summary: 'Add a stored photo (by the SHA-256 the upload returned) to the fault\'s history (audited)',
    request: { params, ...body(k.AttachFaultPhoto) }, responses: { 200: json(k.FaultStepRecorded, 'Added'), ...commonResponses, ...refused },
  }, async (c) => {
    const { sha256, note } = c.req.valid('json');
    return c.json(await uc.attachPhoto(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, sha256, note, party: partyOf(c, side) }), 200);
  });

  route(api, {
    operationId: op('getMaintenanceFaultPhoto'), method: 'get', path: `${base}/{id}/photos/{sha256}`, access: read, tags,
    summary: 'A photo in the fault\'s history (checked against its SHA-256 as it is read)',
    request: { params: photoParams }, responses: { 200: { content: image, description: 'The photo' }, ...commonResponses },
  }, async (c) => {
    const { id, sha256 } = c.req.valid('param');
    const photo = await uc.getFaultPhoto(c.get('deps'), { id, sha256, party: partyOf(c, side) });
    return c.body(photo.bytes as never, 200, { 'content-type': photo.contentType, 'cache-control': 'private, max-age=86400, immutable', etag: `"${photo.sha256}"` }) as never;
  });

  route(api, {
    operationId: op('uploadMaintenanceFaultPhoto'), method: 'post', path: FAULT_PHOTO_PATHS[council ? 0 : 1], access: write, tags,
    summary: 'Store a photo for a fault (the image itself as the body, image/jpeg or image/png, 10 MB at most); attaching names it by the SHA-256 returned',
    request: { body: { content: image, required: true } },
    responses: { 201: json(k.FaultPhoto, 'Stored'), ...commonResponses, 413: problemResponse('Larger than 10 MB'), 415: problemResponse('Not a JPEG or PNG image') },
  }, async (c) => {
    if (!/^image\/(jpeg|png)\b/i.test(c.req.header('content-type') ?? '')) throw errors.notAnImage();
    if (Number(c.req.header('content-length') ?? 0) > k.FAULT_PHOTO_MAX_BYTES) throw errors.photoTooLarge();
    const bytes = await readCapped(c.req.raw.body, k.FAULT_PHOTO_MAX_BYTES, errors.photoTooLarge);
    if (!bytes.byteLength) throw errors.notAnImage();
    return c.json(await uc.storeFaultPhoto(c.get('deps'), { actor: actor(c), bytes }), 201);
  });
}

export function registerFaultsRoutes(api: Api) {
  // Before /faults/{id}, which would take 'at-risk' for an id.
  route(api, {
    operationId: 'listMaintenanceFaultsAtRisk', method: 'get', path: '/api/v1/maintenance/faults/at-risk', access: 'maintenance.read', tags,
    summary: 'Open faults whose response or fix clock is at risk (75% used) or breached, and how many fixes await acceptance: the coordinator\'s home page',
    responses: { 200: json(k.FaultsAtRisk, 'Faults at risk'), ...commonResponses },
  }, async (c) => c.json(await uc.faultsAtRisk(c.get('deps')), 200));

  registerSide(api, 'council');
  registerSide(api, 'contractor');

  route(api, {
    operationId: 'decideMaintenanceFaultFix', method: 'post', path: '/api/v1/maintenance/faults/{id}/decision', access: 'maintenance.manage', tags,
    summary: 'Accept the contractor\'s fix (the fault closes; its camera returns to operation unless another fault or its line holds it) or reopen the fault with the reason (audited)',
    request: { params, ...body(k.FixDecision) }, responses: { 200: json(k.FaultStepRecorded, 'Decided'), ...commonResponses, ...refused },
  }, async (c) => c.json(await uc.recordStep(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: c.req.valid('json'), party: partyOf(c, 'council') }), 200));

  route(api, {
    operationId: 'listContractorFaultTargets', method: 'get', path: '/api/v1/contractor/fault-targets', access: 'maintenance.contract_work', tags,
    summary: 'The cameras and control-room equipment a contractor may raise a fault on: reference, name, where, status (nothing else of the register)',
    responses: { 200: json(k.FaultTargets, 'Cameras and equipment'), ...commonResponses },
  }, async (c) => c.json(await uc.faultTargets(c.get('deps')), 200));
}
