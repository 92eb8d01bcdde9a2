import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatDateTime, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import { ALARM_EVENT_KINDS, ALARM_KINDS, Alarm, AlarmList, AlarmStep, AlarmsQuery, RaiseAlarm } from '../../../../domain/ooh/contract';
import * as uc from './alarms.usecases';

// Building alarms and their response: HTTP only.

const tags = ['Out of hours'];
const params = z.object({ id: pathId('id') });
export const ALARMS_CSV_HEADER = ['raised_at', 'building', 'alarm', 'location', 'source', 'closed_at', 'false_alarm', 'response', 'recorded_by'];

export function registerAlarmRoutes(api: Api) {
  route(api, {
    operationId: 'listOohAlarms', method: 'get', path: '/api/v1/ooh/alarms', access: 'ooh.use', tags,
    summary: 'Building alarms, filtered (open, building, kind, raised from/to) and sorted, each with its response',
    request: { query: AlarmsQuery }, responses: { 200: json(AlarmList, 'The alarms'), ...commonResponses },
  }, async (c) => c.json(await uc.listAlarms(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportOohAlarmsCsv', method: 'get', path: '/api/v1/ooh/alarms.csv', access: 'ooh.use', tags,
    summary: 'The same filtered, sorted alarms as CSV, every page (audited)',
    request: { query: AlarmsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one alarm a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'ooh.alarms_exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `alarms-${londonDay(deps.clock.now())}.csv`, header: ALARMS_CSV_HEADER, batches: uc.streamAlarms(deps, query),
      toRow: (a) => [
        formatDateTime(a.raisedAt), a.building.name, ALARM_KINDS[a.kind], a.location, a.source, a.closedAt ? formatDateTime(a.closedAt) : '',
        a.falseAlarm === null ? '' : a.falseAlarm ? 'yes' : 'no',
        a.events.map((e) => `${formatDateTime(e.at)} ${ALARM_EVENT_KINDS[e.kind]}${e.who ? ` (${e.who})` : ''}${e.reference ? ` ${e.reference}` : ''}${e.note ? `: ${e.note}` : ''}`).join('; '),
        a.recordedBy,
      ],
    }) as never;
  });

  route(api, {
    operationId: 'raiseOohAlarm', method: 'post', path: '/api/v1/ooh/alarms', access: 'ooh.use', tags,
    summary: 'Log a building alarm (fire, intruder, lift, panic, other): open until reset or stood down (audited)',
    request: body(RaiseAlarm), responses: { 201: json(Alarm, 'Logged'), ...commonResponses },
  }, async (c) => c.json(await uc.raiseAlarm(c.get('deps'), { actor: requestActor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getOohAlarm', method: 'get', path: '/api/v1/ooh/alarms/{id}', access: 'ooh.use', tags,
    summary: 'An alarm with its response, step by step',
    request: { params }, responses: { 200: json(Alarm, 'The alarm'), ...commonResponses },
  }, async (c) => c.json(await uc.getAlarm(c.get('deps').db, c.req.valid('param').id), 200));

  route(api, {
    operationId: 'recordOohAlarmStep', method: 'post', path: '/api/v1/ooh/alarms/{id}/events', access: 'ooh.use', tags,
    summary: 'Record the next step of the response (keyholder called, attended, fire service or police called, cause, note, reset, stood down), in order; reset and stood down close it (audited)',
    request: { params, ...body(AlarmStep) }, responses: { 200: json(Alarm, 'The alarm now'), ...commonResponses, 409: problemResponse('The alarm is closed (ooh.alarm_closed)') },
  }, async (c) => c.json(await uc.recordAlarmStep(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
}
