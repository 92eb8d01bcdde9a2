import { expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { testDeps } from '../../../../../test/support/deps';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { aRequest, handlerActor } from '../register/register.walk';
import * as register from '../register/register.usecases';
import * as uc from './calendar.usecases';

// Changing the calendar moves the due dates of open requests in the same transaction: a day a
// proclamation adds moves a SAR off it; a council closure day moves the council's own clocks only.

const deps = testDeps({ clock: { now: () => new Date('2026-03-20T10:00:00Z') } });
const council = async () => (await deps.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirst())?.id ?? (await deps.db.insertInto('organisations').values({ name: 'Council', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow()).id;

it('moves open requests’ due dates when a newer GOV.UK file or a closure day changes the calendar, and only the clocks that count it', async () => {
  const councilOrgId = await council();
  const ctx = { deps, councilOrgId };
  const sar = await aRequest(ctx, { type: 'sar', receivedOn: '2026-03-02' });
  const enquiry = await aRequest(ctx, { type: 'enquiry', receivedOn: '2026-03-13', summary: 'Cllr asks about Elm Road' });
  expect([sar.clock.due, enquiry.clock.due]).toEqual(['2026-04-02', '2026-03-27']);

  // A proclamation makes Thu 2 Apr 2026 a bank holiday in England and Wales.
  const feed = JSON.parse(await readFile(new URL('../../../../domain/calendar/gov-uk-bank-holidays.json', import.meta.url), 'utf8'));
  feed['england-and-wales'].events.push({ title: 'Extra bank holiday', date: '2026-04-02', notes: '', bunting: true });
  const imported = await uc.importBankHolidays(deps, { actor: { audit: SYSTEM_ACTOR, userId: null }, text: JSON.stringify(feed) });
  expect(imported.years['england-and-wales']).toContain('2026');
  expect(imported.dueDatesChanged).toBeGreaterThanOrEqual(1);
  const viewer = await handlerActor(ctx);
  // 2 Apr now a holiday, 3 Apr Good Friday, weekend, 6 Apr Easter Monday: Tue 7 Apr.
  expect((await register.getRequest(deps, { actor: viewer, id: sar.id })).clock.due).toBe('2026-04-07');

  const admin = { audit: SYSTEM_ACTOR, userId: viewer.userId };
  const closure = await uc.addClosureDay(deps, { actor: admin, day: '2026-03-25', reason: 'Office move' });
  expect((await register.getRequest(deps, { actor: viewer, id: enquiry.id })).clock.due).toBe('2026-03-30');
  expect((await register.getRequest(deps, { actor: viewer, id: sar.id })).clock.due).toBe('2026-04-07');
  await expect(uc.addClosureDay(deps, { actor: admin, day: '2026-03-25', reason: 'Twice' })).rejects.toMatchObject({ code: 'calendar.closure_exists' });

  await uc.removeClosureDay(deps, { actor: admin, id: closure.id });
  expect((await register.getRequest(deps, { actor: viewer, id: enquiry.id })).clock.due).toBe('2026-03-27');
  expect((await uc.getCalendarData(deps)).closures).toEqual([]);
});

it('refuses a file that is not GOV.UK’s, changing nothing', async () => {
  await expect(uc.importBankHolidays(deps, { actor: { audit: SYSTEM_ACTOR, userId: null }, text: '{"england-and-wales": {}}' })).rejects.toMatchObject({ status: 400 });
  await expect(uc.importBankHolidays(deps, { actor: { audit: SYSTEM_ACTOR, userId: null }, text: 'not json' })).rejects.toMatchObject({ status: 400 });
});
