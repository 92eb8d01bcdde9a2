import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as k from '../../../../domain/field/reports.contract';
import * as uc from './reports.usecases';

// Reports, HTTP only: the handheld's reference data (field.use); the office's lists, CSVs, the
// machines' register, categories and a defect's progress (field.lead).

const tags = ['Field'];
const params = z.object({ id: pathId('id') });
const csv = (what: string) => ({ 200: { content: { 'text/csv': { schema: z.string() } }, description: `CSV, one ${what} a row` }, ...commonResponses });
const Created = z.object({ id: z.uuid() }).meta({ id: 'FieldCreated' });

export const INSPECTIONS_CSV_HEADER = ['reference', 'at', 'machine', 'machine_name', 'car_park', 'working', 'cash', 'card', 'paper', 'display', 'failed', 'fault', 'officer', 'note'];
export const DEFECTS_CSV_HEADER = ['reference', 'at', 'category', 'team', 'status', 'status_at', 'place', 'lat', 'lon', 'officer', 'description'];
export const ASB_CSV_HEADER = ['reference', 'at', 'category', 'passed_to', 'occurrence', 'place', 'lat', 'lon', 'officer', 'description'];
const yn = (b: boolean) => (b ? 'yes' : 'no');

export function registerReportsRoutes(api: Api) {
  route(api, {
    operationId: 'getFieldReportsReference', method: 'get', path: '/api/v1/field/reports/reference', access: 'field.use', tags,
    summary: 'What the handheld caches to work offline: car-park machines, defect and ASB categories in force today, parish contracts in force today',
    responses: { 200: json(k.FieldReportsReference, 'The reference data'), ...commonResponses },
  }, async (c) => c.json(await uc.reference(c.get('deps')), 200));

  route(api, {
    operationId: 'listFieldCarparkMachines', method: 'get', path: '/api/v1/field/machines', access: 'field.lead', tags,
    summary: 'The car-park machines with their equipment status and last inspection',
    responses: { 200: json(k.CarparkMachines, 'The machines'), ...commonResponses },
  }, async (c) => c.json(await uc.listMachines(c.get('deps')), 200));

  route(api, {
    operationId: 'registerFieldCarparkMachine', method: 'post', path: '/api/v1/field/machines', access: 'field.lead', tags,
    summary: 'Register a car-park machine (also as maintenance equipment, so that a failed inspection raises a fault on it; audited)',
    request: body(k.RegisterCarparkMachine), responses: { 201: json(k.CarparkMachine, 'Registered'), ...commonResponses },
  }, async (c) => c.json(await uc.registerMachine(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listFieldInspections', method: 'get', path: '/api/v1/field/inspections', access: 'field.lead', tags,
    summary: 'Car-park machine inspections (filtered by London dates, machine, failed or not), with the fault a failure raised',
    request: { query: k.InspectionsQuery }, responses: { 200: json(k.CarparkInspections, 'The inspections'), ...commonResponses },
  }, async (c) => c.json(await uc.listInspections(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportFieldInspectionsCsv', method: 'get', path: '/api/v1/field/inspections.csv', access: 'field.lead', tags,
    summary: 'The same list as CSV (formulas neutralised; audited)', request: { query: k.InspectionsQuery }, responses: csv('inspection'),
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'field.inspections.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    const { items } = await uc.listInspections(deps, query);
    return csvDownload(c, {
      filename: `inspections-${londonDay()}.csv`, header: INSPECTIONS_CSV_HEADER, batches: (async function* () { yield items; })(),
      toRow: (i) => [i.reference, formatDateTime(i.at), i.machine.reference, i.machine.name, i.machine.carPark, yn(i.checks.working), yn(i.checks.cash), yn(i.checks.card), yn(i.checks.paper), yn(i.checks.display),
        i.failed.join('; '), i.fault?.reference ?? '', i.officer.name, i.note],
    }) as never;
  });

  route(api, {
    operationId: 'listFieldDefects', method: 'get', path: '/api/v1/field/defects', access: 'field.lead', tags,
    summary: 'Defects on council land (filtered by London dates, status, category, team), with the team each was passed to',
    request: { query: k.DefectsQuery }, responses: { 200: json(k.FieldDefects, 'The defects'), ...commonResponses },
  }, async (c) => c.json(await uc.listDefects(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportFieldDefectsCsv', method: 'get', path: '/api/v1/field/defects.csv', access: 'field.lead', tags,
    summary: 'The same list as CSV (formulas neutralised; audited)', request: { query: k.DefectsQuery }, responses: csv('defect'),
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'field.defects.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    const { items } = await uc.listDefects(deps, query);
    return csvDownload(c, {
      filename: `defects-${londonDay()}.csv`, header: DEFECTS_CSV_HEADER, batches: (async function* () { yield items; })(),
      toRow: (d) => [d.reference, formatDateTime(d.at), d.category.label, d.team, d.statusLabel, formatDateTime(d.statusAt), d.place, d.point.lat, d.point.lon, d.officer.name, d.description],
    }) as never;
  });

  route(api, {
    operationId: 'setFieldDefectStatus', method: 'post', path: '/api/v1/field/defects/{id}/status', access: 'field.lead', tags,
    summary: 'Record that the owning team acknowledged or resolved a defect (only forward; audited)',
    request: { params, ...body(k.SetDefectStatus) },
    responses: { 200: json(k.FieldDefect, 'The defect'), 409: problemResponse('The defect is already at that status or beyond (field.defect_status)'), ...commonResponses },
  }, async (c) => c.json(await uc.setDefectStatus(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'listFieldAsbReports', method: 'get', path: '/api/v1/field/asb-reports', access: 'field.lead', tags,
    summary: 'ASB reports (filtered by London dates, where passed, category), with the occurrence opened for the control room',
    request: { query: k.AsbReportsQuery }, responses: { 200: json(k.FieldAsbReports, 'The reports'), ...commonResponses },
  }, async (c) => c.json(await uc.listAsbReports(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportFieldAsbReportsCsv', method: 'get', path: '/api/v1/field/asb-reports.csv', access: 'field.lead', tags,
    summary: 'The same list as CSV (formulas neutralised; audited)', request: { query: k.AsbReportsQuery }, responses: csv('report'),
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'field.asb_reports.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    const { items } = await uc.listAsbReports(deps, query);
    return csvDownload(c, {
      filename: `asb-reports-${londonDay()}.csv`, header: ASB_CSV_HEADER, batches: (async function* () { yield items; })(),
      toRow: (a) => [a.reference, formatDateTime(a.at), a.category.label, a.passToLabel, a.occurrence?.reference ?? '', a.place, a.point.lat, a.point.lon, a.officer.name, a.description],
    }) as never;
  });

  route(api, {
    operationId: 'listFieldReportCategories', method: 'get', path: '/api/v1/field/report-categories', access: 'field.lead', tags,
    summary: 'Defect categories (every dated version, with the owning team) and ASB categories',
    responses: { 200: json(k.ReportCategories, 'The categories'), ...commonResponses },
  }, async (c) => c.json(await uc.categories(c.get('deps')), 200));

  route(api, {
    operationId: 'addFieldDefectCategory', method: 'post', path: '/api/v1/field/defect-categories', access: 'field.lead', tags,
    summary: 'Add a defect category, or a new version of one from a date (the version before ends the day before; audited)',
    request: body(k.AddDefectCategory), responses: { 201: json(Created, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addDefectCategory(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'addFieldAsbCategory', method: 'post', path: '/api/v1/field/asb-categories', access: 'field.lead', tags,
    summary: 'Add an ASB category (audited)',
    request: body(k.AddAsbCategory), responses: { 201: json(Created, 'Added'), ...commonResponses },
  }, async (c) => c.json(await uc.addAsbCategory(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));
}
