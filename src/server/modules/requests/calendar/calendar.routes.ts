import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { isValidDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import { CalendarData } from '../../../../domain/requests/contract';
import { line } from '../../../../domain/validation';
import * as uc from './calendar.usecases';

// The calendar the request clocks count on: read by anyone signed in (the web app works due dates
// out with it), changed by administrators.

const tags = ['Calendar'];
const ClosureDay = z.object({
  day: z.string({ message: 'Enter the day' }).refine(isValidDay, 'Enter the day as a real date, YYYY-MM-DD'),
  reason: line({ message: 'Enter why the offices are closed' }).trim().min(3, 'Enter why the offices are closed (at least 3 characters)').max(200, 'Keep the reason to 200 characters or fewer'),
}).meta({ id: 'ClosureDay' });
const dueDatesChanged = z.number().int().describe('How many open requests have a new due date');
const Changed = z.object({ id: z.uuid(), day: z.string().describe('YYYY-MM-DD'), reason: z.string(), dueDatesChanged }).meta({ id: 'ClosureDayChanged' });
const Imported = z.object({
  years: z.record(z.string(), z.array(z.string())).describe('The years replaced, by division'),
  days: z.number().int().describe('Bank holidays in the file'),
  dueDatesChanged,
}).meta({ id: 'BankHolidaysImported' });

export function registerCalendarRoutes(api: Api) {
  route(api, {
    operationId: 'getCalendar', method: 'get', path: '/api/v1/calendar', access: 'authenticated', tags,
    summary: 'Bank holidays imported beyond the copy in the release, and the council\'s closure days: what the web app needs to work a due date out as the server does',
    responses: { 200: json(CalendarData, 'The calendar'), ...commonResponses },
  }, async (c) => c.json(await uc.getCalendarData(c.get('deps')), 200));

  route(api, {
    operationId: 'importBankHolidays', method: 'post', path: '/api/v1/calendar/bank-holidays', access: 'settings.manage', tags,
    summary: 'Import GOV.UK\'s bank-holidays file (https://www.gov.uk/bank-holidays.json): each year it lists replaces that year; every open request\'s due date is worked out again (audited)',
    request: body(z.object({ text: z.string().min(2).max(2_000_000) }).meta({ id: 'BankHolidaysFile' })), responses: { 200: json(Imported, 'Imported'), ...commonResponses },
  }, async (c) => c.json(await uc.importBankHolidays(c.get('deps'), { actor: requestActor(c), text: c.req.valid('json').text }), 200));

  route(api, {
    operationId: 'addClosureDay', method: 'post', path: '/api/v1/calendar/closures', access: 'settings.manage', tags,
    summary: 'Add a day the council\'s offices are closed (beside bank holidays): the council\'s own clocks (complaints, enquiries, partner requests) skip it; statutory SAR and FOI clocks do not (audited)',
    request: body(ClosureDay), responses: { 201: json(Changed, 'Added'), ...commonResponses, 409: problemResponse('Already a closure day (calendar.closure_exists)') },
  }, async (c) => c.json(await uc.addClosureDay(c.get('deps'), { actor: requestActor(c), ...c.req.valid('json') }), 201));

  route(api, {
    operationId: 'removeClosureDay', method: 'post', path: '/api/v1/calendar/closures/{id}/removal', access: 'settings.manage', tags,
    summary: 'Remove a closure day (kept in the record as removed; audited)',
    request: { params: z.object({ id: pathId('id') }) }, responses: { 200: json(Changed, 'Removed'), ...commonResponses },
  }, async (c) => c.json(await uc.removeClosureDay(c.get('deps'), { actor: requestActor(c), id: c.req.valid('param').id }), 200));
}
