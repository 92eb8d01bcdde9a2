import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatUkDateTimeInput } from '../src/domain/calendar/london';
import { expectAccessible, newPage, signIn, useProduct, withDb } from './helpers';

// The council's buildings out of hours, from the keyboard alone. The officer logs an intruder alarm
// at the Civic Centre and works it to reset (the alarm closes), patrols the Civic Centre (every check
// done, someone found working late, completed), and records a staff absence with no cover. The
// supervisor marks the absence seen and, on the set-up page, adds someone to the Civic Centre's
// access list (refused first without what to check, what was typed kept), gives the entry a last
// day (refused first when it is not a date) and takes it off the list. axe on every page.

const OFFICER = { username: 'oohnights', displayName: 'Nia Nights', roles: ['ooh_officer' as const], password: 'harbour violet compass' };
const MANAGER = { username: 'oohmorning', displayName: 'Mo Morning', roles: ['supervisor' as const], password: 'copper meadow lantern' };
const CHECKS = ['All rooms vacated', 'Windows closed and locked', 'Intruder alarm set'];
const env = useProduct({
  users: [OFFICER, MANAGER],
  setup: (product) => withDb(product.databaseUrl, async (db) => {
    await db.query(`insert into ooh_buildings (name, address, checklist, created_at, updated_at) values ('Civic Centre', 'Market Square', $1, now(), now())`, [JSON.stringify(CHECKS)]);
  }),
});

async function keyIn(page: Page, label: string, text: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
async function choose(page: Page, label: string, option: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(option);
}
async function press(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}

describe('buildings out of hours', () => {
  it('an alarm worked to reset, a night patrol and an absence, from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: OFFICER.username, password: OFFICER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    // An intruder alarm at the Civic Centre: keyholder called, attended, reset.
    await page.goto(`${url}/ooh/alarms`);
    await page.getByRole('heading', { name: 'Alarms', level: 1 }).waitFor();
    await page.getByRole('option', { name: 'Civic Centre' }).first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'the alarms');
    const raise = page.getByRole('form', { name: 'Log an alarm' });
    await choose(page, 'Building', 'Civic', raise);
    await choose(page, 'Alarm', 'Intruder', raise);
    await keyIn(page, 'Where in the building (optional)', 'Rear entrance', raise);
    await press(page, 'Log the alarm');
    await page.getByRole('heading', { name: 'Intruder alarm at Civic Centre', level: 1 }).waitFor();
    await expectAccessible(page, 'an alarm just logged');
    await keyIn(page, 'Keyholder called', 'Dana Okafor');
    await press(page, 'Record the step');
    await page.getByText('Keyholder called (Dana Okafor)').waitFor();
    await keyIn(page, 'Who attended', 'Dana Okafor');
    await press(page, 'Record the step');
    await page.getByText('Attended (Dana Okafor)').waitFor();
    expect(await page.getByLabel('Step', { exact: true }).inputValue()).toBe('reset');
    await press(page, 'Record the step');
    await page.getByText(/Closed \d/).waitFor();
    expect(await page.getByRole('button', { name: 'Record the step' }).count()).toBe(0);
    await expectAccessible(page, 'an alarm reset');

    // A night patrol of the Civic Centre: every check done, someone working late.
    await page.goto(`${url}/ooh/buildings`);
    await page.getByRole('heading', { name: 'Buildings', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start a patrol of Civic Centre' }).waitFor();
    await expectAccessible(page, 'the buildings');
    await press(page, 'Start a patrol of Civic Centre');
    await page.getByRole('heading', { name: 'Night patrol: Civic Centre', level: 1 }).waitFor();
    await expectAccessible(page, 'a patrol started');
    for (let i = 0; i < CHECKS.length; i++) {
      await page.locator(`#check-${i}-ok`).focus();
      await page.keyboard.press('Space');
    }
    await press(page, 'Add someone working late');
    await keyIn(page, 'Name', 'Hannah Patel');
    await keyIn(page, 'Department', 'Finance');
    await keyIn(page, 'Where', 'Second floor, east wing');
    await keyIn(page, 'Expected leaving time', '21:30');
    await press(page, 'Complete the patrol');
    await page.getByText(/; completed /).waitFor();
    await page.getByText('Hannah Patel, Finance, Second floor, east wing, leaving 21:30').waitFor();
    await expectAccessible(page, 'a patrol completed');

    // A staff absence for tonight's shift with no cover.
    const hour = 3_600_000;
    await page.goto(`${url}/ooh/absence`);
    await page.getByRole('heading', { name: 'Staff absence', level: 1 }).waitFor();
    await expectAccessible(page, 'staff absence');
    const report = page.getByRole('form', { name: 'Record an absence' });
    await keyIn(page, 'Name of the person absent', 'Lucy Evans', report);
    await keyIn(page, 'Organisation', 'Northfield District Council', report);
    await keyIn(page, 'Reported by', 'Lucy Evans', report);
    await keyIn(page, 'Shift starts', formatUkDateTimeInput(new Date(Date.now() + hour)), report);
    await keyIn(page, 'Shift ends', formatUkDateTimeInput(new Date(Date.now() + 9 * hour)), report);
    await page.getByLabel('No cover arranged').focus();
    await page.keyboard.press('Space');
    await press(page, 'Record the absence');
    await page.getByText('Absence of Lucy Evans recorded: no cover.').waitFor();
    await page.getByRole('cell', { name: /^Lucy Evans/ }).first().waitFor();
    await expectAccessible(page, 'an absence recorded');
  });

  it('the supervisor marks the absence seen and adds someone to the access list', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: MANAGER.username, password: MANAGER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await page.goto(`${url}/ooh/absence`);
    await page.getByRole('button', { name: /^Mark seen\W+Lucy Evans$/ }).waitFor();
    await expectAccessible(page, 'staff absence, unseen');
    await press(page, /^Mark seen\W+Lucy Evans$/);
    await page.getByRole('cell', { name: new RegExp(`^${MANAGER.displayName}, `) }).waitFor();
    await expectAccessible(page, 'staff absence, seen');

    await page.goto(`${url}/ooh/buildings`);
    await page.getByRole('link', { name: 'Set up the buildings, their checklists and access lists' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Buildings, patrol checklists and access', level: 1 }).waitFor();
    const civic = page.getByRole('form', { name: 'Add someone to the Civic Centre list' });
    await civic.waitFor();
    await expectAccessible(page, 'the buildings’ set-up');
    await keyIn(page, 'Name', 'Chris Walsh', civic);
    await keyIn(page, 'Organisation (optional)', 'Chief Executive’s office', civic);
    await press(page, 'Add to the list for Civic Centre');
    await page.getByRole('link', { name: /Enter what to check/ }).waitFor();
    expect(await civic.getByLabel('Name', { exact: true }).inputValue()).toBe('Chris Walsh');
    await expectAccessible(page, 'an access-list entry with its errors');
    await keyIn(page, 'What to check', 'Council ID card', civic);
    await press(page, 'Add to the list for Civic Centre');
    await page.getByText('Chris Walsh added to the list').waitFor();
    await page.getByRole('form', { name: 'Chris Walsh at Civic Centre' }).waitFor();
    expect(await civic.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page, 'the access list with its new entry');

    // Chris Walsh's entry: a last day that is not a date is refused (what was typed kept), then a real one; then removed.
    const entry = page.getByRole('form', { name: 'Chris Walsh at Civic Centre' });
    await entry.getByRole('textbox', { name: /^To/ }).focus();
    await page.keyboard.type('next week');
    await press(page, /^Save dates\W+for Chris Walsh$/);
    await page.getByRole('link', { name: /Enter the last day as a date/ }).waitFor();
    expect(await entry.getByRole('textbox', { name: /^To/ }).inputValue()).toBe('next week');
    await entry.getByRole('textbox', { name: /^To/ }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('31/12/2099');
    await press(page, /^Save dates\W+for Chris Walsh$/);
    await page.getByText('Chris Walsh: dates saved').waitFor();
    await press(page, /^Remove\W+Chris Walsh from the list$/);
    await page.getByText('Chris Walsh taken off the list').waitFor();
    expect(await page.getByRole('form', { name: 'Chris Walsh at Civic Centre' }).count()).toBe(0);
    await expectAccessible(page, 'the access list after a removal');
  });
});
