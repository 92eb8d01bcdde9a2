import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import { ABSENCE_REASONS, Absence, AbsenceList, AbsencesQuery, REPORTED_VIA, ReportAbsence } from '../../../../domain/ooh/contract';
import * as uc from './absence.usecases';

// Staff absence: HTTP only. Out-of-hours officers record reports; the control-room manager (also
// ooh.use) reads them next morning and marks each one seen.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });

export const ABSENCES_CSV_HEADER = ['organisation', 'person', 'reason', 'shift_start', 'shift_end', 'cover', 'no_cover', 'reported_by', 'reported_via', 'reported_at', 'recorded_by', 'seen_by', 'seen_at', 'corrects', 'notes'];

export function registerAbsenceRoutes(api: Api) {
  route(api, {
    operationId: 'listOohAbsences', method: 'get', path: '/api/v1/ooh/absences', access: 'ooh.use', tags,
    summary: 'Staff absence reported (from 18:00 yesterday, London time, unless a range is given), not yet seen first; corrected reports are left out',
    request: { query: AbsencesQuery }, responses: { 200: json(AbsenceList, 'The absences'), ...commonResponses },
  }, async (c) => c.json(await uc.listAbsences(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportOohAbsencesCsv', method: 'get', path: '/api/v1/ooh/absences.csv', access: 'ooh.use', tags,
    summary: 'The same filtered, sorted absences as CSV, every page (spreadsheet formulas neutralised; audited)',
    request: { query: AbsencesQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one absence a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.absences_exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `staff-absence-${londonDay(deps.clock.now())}.csv`, header: ABSENCES_CSV_HEADER, batches: uc.streamAbsences(deps, query),
      toRow: (a) => [
        a.organisation, a.personName, ABSENCE_REASONS[a.reason], formatDateTime(a.shiftStart), formatDateTime(a.shiftEnd), a.cover, a.noCover ? 'yes' : 'no',
        a.reportedBy, REPORTED_VIA[a.reportedVia], formatDateTime(a.reportedAt), a.recordedBy, a.seen?.by ?? '', a.seen ? formatDateTime(a.seen.at) : '', a.correctsId ?? '', a.notes,
      ],
    }) as never;
  });

  route(api, {
    operationId: 'reportOohAbsence', method: 'post', path: '/api/v1/ooh/absences', access: 'ooh.use', tags,
    summary: 'Record a report of staff absence: who, the shift affected, the reason (no medical detail) and the cover arranged (none: flagged); with correctsId, a correction of an earlier report (audited)',
    request: body(ReportAbsence), responses: { 201: json(Absence, 'Recorded'), ...commonResponses },
  }, async (c) => c.json(await uc.reportAbsence(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'markOohAbsenceSeen', method: 'post', path: '/api/v1/ooh/absences/{id}/seen', access: 'ooh.use', tags,
    summary: 'Mark an absence report seen by the control-room manager (once; audited)',
    request: { params }, responses: { 200: json(Absence, 'The report now'), ...commonResponses },
  }, async (c) => c.json(await uc.markSeen(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id }), 200));
}
