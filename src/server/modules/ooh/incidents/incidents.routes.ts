import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { recordAudit } from '../../../platform/audit/audit';
import { pathId } from '../../../../domain/primitives';
import * as k from '../../../../domain/ooh/incidents.contract';
import * as uc from './incidents.usecases';
import { incidentPdf } from './incidents.pdf';

// Major incidents: HTTP only. Out-of-hours officers and the control-room manager (ooh.use) declare,
// log, hand over and stand down; every write answers with the whole incident as it now is.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });
const seqParams = z.object({ id: pathId('id'), seq: z.coerce.number({ message: 'The number in the address is not a number' }).int().min(1).max(100_000).meta({ param: { name: 'seq', in: 'path' } }) });
const refused = { 409: problemResponse('The incident was stood down and is read-only (ooh.incident_closed), or a newer M/ETHANE message came in (ooh.methane_changed), or the handover is not yours to acknowledge (ooh.not_the_receiver, ooh.already_acknowledged)') };
const base = '/api/v1/ooh/incidents';

export function registerIncidentRoutes(api: Api) {
  route(api, {
    operationId: 'listOohIncidents', method: 'get', path: base, access: 'ooh.use', tags,
    summary: 'Major incidents (and exercises), the open ones first, each with its latest M/ETHANE message in a line',
    request: { query: z.object({ open: z.enum(['true', 'false']).optional().describe('Only open (true) or only closed (false) incidents') }) },
    responses: { 200: json(k.OohIncidentList, 'The incidents'), ...commonResponses },
  }, async (c) => {
    const open = c.req.valid('query').open;
    return c.json(await uc.listIncidents(c.get('deps'), { open: open === undefined ? undefined : open === 'true' }), 200);
  });

  route(api, {
    operationId: 'declareOohIncident', method: 'post', path: base, access: 'ooh.use', tags,
    summary: 'Declare an incident with its M/ETHANE message (ETHANE below the major-incident threshold): its reference MI-YYYY-NNN is the next of the year (audited)',
    request: body(k.OohDeclareIncident), responses: { 201: json(k.OohIncident, 'Declared'), ...commonResponses },
  }, async (c) => c.json(await uc.declareIncident(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listOohIncidentOfficers', method: 'get', path: '/api/v1/ooh/incident-officers', access: 'ooh.use', tags,
    summary: 'The officers an incident may be handed over to (out-of-hours officers and supervisors)',
    responses: { 200: json(k.OohIncidentOfficers, 'The officers'), ...commonResponses },
  }, async (c) => c.json(await uc.listOfficers(c.get('deps')), 200));

  route(api, {
    operationId: 'getOohIncident', method: 'get', path: `${base}/{id}`, access: 'ooh.use', tags,
    summary: 'A major incident: every M/ETHANE message with what changed, the timeline, decisions, actions and handovers',
    request: { params }, responses: { 200: json(k.OohIncident, 'The incident'), ...commonResponses },
  }, async (c) => c.json(await uc.getIncident(c.get('deps'), { id: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'getOohIncidentPdf', method: 'get', path: `${base}/{id}/pdf`, access: 'ooh.use', tags,
    summary: 'The whole incident as one PDF: cover, every M/ETHANE message, timeline, decision log, actions, handovers (audited)',
    request: { params }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const incident = await uc.getIncident(deps, { id: c.req.valid('param').id });
    const pdf = await incidentPdf({ incident, councilName: deps.config.council.name, printedBy: c.get('session')!.displayName, printedAt: deps.clock.now() });
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.incident.printed', recordType: 'ooh_incident', recordId: incident.id, details: { reference: incident.reference } });
    c.header('content-type', 'application/pdf');
    c.header('cache-control', 'no-store');
    c.header('content-disposition', `inline; filename="${incident.reference}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });

  const write = <S extends z.ZodType>({ operationId, path, schema, summary, run }: {
    operationId: string; path: string; schema: S; summary: string;
    run: (deps: Parameters<typeof uc.getIncident>[0], a: { actor: uc.Actor; id: string; input: z.output<S> }) => Promise<k.OohIncident>;
  }) => route(api, {
    operationId, method: 'post', path: `${base}/{id}/${path}`, access: 'ooh.use', tags, summary,
    request: { params, ...body(schema) }, responses: { 200: json(k.OohIncident, 'The incident now'), ...commonResponses, ...refused },
  }, async (c) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
    return c.json(await run(c.get('deps'), { actor: requestActor(c), id: req.valid('param').id, input: req.valid('json') }), 200);
  });

  write({ operationId: 'sendOohMethane', path: 'methane', schema: k.OohUpdateMethane, run: uc.updateMethane, summary: 'Send an updated M/ETHANE message: a new version, the earlier ones kept (audited)' });
  write({ operationId: 'addOohIncidentTimelineEntry', path: 'timeline', schema: k.OohAddTimelineEntry, run: uc.addTimelineEntry, summary: 'Record information received (from the public, the FIO, an agency, a council service), or correct an entry with a new one pointing at it (audited)' });
  write({ operationId: 'logOohIncidentDecision', path: 'decisions', schema: k.OohLogDecision, run: uc.logDecision, summary: 'Log a decision with its rationale, who made it and when; a revised decision points at the earlier one (audited)' });
  write({ operationId: 'addOohIncidentAction', path: 'actions', schema: k.OohAddAction, run: uc.addAction, summary: 'Add an action with its owner and when it is due (audited)' });
  write({ operationId: 'handOverOohIncident', path: 'handovers', schema: k.OohHandOverIncident, run: uc.handOver, summary: 'Hand the incident over to another officer, with the situation and what is outstanding (audited)' });
  write({ operationId: 'closeOohIncident', path: 'closure', schema: k.OohCloseIncident, run: uc.closeIncident, summary: 'Stand the incident down with the time and a closing note: it becomes read-only (audited)' });

  route(api, {
    operationId: 'updateOohIncidentAction', method: 'post', path: `${base}/{id}/actions/{seq}/updates`, access: 'ooh.use', tags,
    summary: 'Record where an action stands (open, done, cancelled) with a note: a new update, the earlier ones kept (audited)',
    request: { params: seqParams, ...body(k.OohUpdateAction) }, responses: { 200: json(k.OohIncident, 'The incident now'), ...commonResponses, ...refused },
  }, async (c) => {
    const { id, seq } = c.req.valid('param');
    return c.json(await uc.updateAction(c.get('deps'), { actor: requestActor(c), id, seq, input: c.req.valid('json') }), 200);
  });

  route(api, {
    operationId: 'acknowledgeOohIncidentHandover', method: 'post', path: `${base}/{id}/handovers/{seq}/acknowledgement`, access: 'ooh.use', tags,
    summary: 'The officer taking the incident over acknowledges the handover (audited)',
    request: { params: seqParams }, responses: { 200: json(k.OohIncident, 'The incident now'), ...commonResponses, ...refused },
  }, async (c) => {
    const { id, seq } = c.req.valid('param');
    return c.json(await uc.acknowledgeHandover(c.get('deps'), { actor: requestActor(c), id, seq }), 200);
  });
}
