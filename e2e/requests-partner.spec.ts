import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/calendar/days';
import { formatUkDay, londonDay } from '../src/domain/calendar/london';
import { deadlineFor } from '../src/domain/deadlines/clocks';
import { expectAccessible, signedInPage, typeInto, useProduct, withDb } from './helpers';

// A police force asks the council for footage in the app: refused first without where it
// happened (what was typed kept, an error summary), then sent; the force sees it in its list and on
// its page, due 5 working days after today on the council's calendar (worked out here with the
// same rules the server uses: the hand-worked checks of that code are in src/domain/deadlines),
// and adds a note. An agency user of another organisation opening its address is told it is not
// found; a coordinator sees it in the council's register. axe on every page.

const OFFICER = { username: 'pcwright', displayName: 'PC Dana Wright', roles: ['agency' as const], password: 'heather signal copper', external: true };
const OTHER = { username: 'bxagent', displayName: 'Ola Border', roles: ['agency' as const], password: 'juniper quartz tunnel', external: true };
const COORDINATOR = { username: 'rcoord', displayName: 'Rio Coordinator', roles: ['coordinator' as const], password: 'walnut ember prairie' };

const env = useProduct({
  users: [OFFICER, OTHER, COORDINATOR],
  // Both agency users start in the same external organisation: the second moves to another one.
  setup: (product) => withDb(product.databaseUrl, async (db) => {
    const org = (await db.query(`insert into organisations (name, kind, is_external) values ('Border Force South', 'police', true) returning id`)).rows[0].id as string;
    await db.query(`update users set organisation_id = $1 where username = $2`, [org, OTHER.username]);
  }),
});

describe('a footage request from a police force', () => {
  it('is sent (after a refusal that keeps what was typed), followed, noted, hidden from another organisation and seen by the council', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const today = londonDay();
    const yesterday = addDays(today, -1);
    const due = formatUkDay(deadlineFor('agency_footage', { received: today }).due);

    const page = await signedInPage(env.browser, url, OFFICER);
    await page.goto(`${url}/partner/requests`);
    await page.getByRole('heading', { name: 'Footage requests', level: 1 }).waitFor();
    await page.getByText('There are no open requests.').waitFor();
    await expectAccessible(page, 'the partner requests list, empty');
    await page.getByRole('link', { name: 'Ask for footage' }).click();
    await page.getByRole('heading', { name: 'Ask for footage', level: 1 }).waitFor();
    await expectAccessible(page, 'the footage request form');

    const summary = 'Assault outside the Crown public house; footage of the car park and the street';
    await typeInto(page, page.getByLabel('What happened and what footage you need'), summary);
    await page.locator('#req-timeFrom').fill(yesterday);
    await page.locator('#req-timeFrom-time').fill('23:10');
    await page.locator('#req-timeTo').fill(today);
    await page.locator('#req-timeTo-time').fill('00:20');
    await typeInto(page, page.getByLabel('Crime or incident reference'), 'CR/2026/004512');
    await typeInto(page, page.getByLabel('Officer’s name'), 'Dana Wright');
    await typeInto(page, page.getByLabel('Officer’s rank'), 'Police Constable');
    await typeInto(page, page.getByLabel('Collar or warrant number'), '4471');
    // Sent without where it happened: refused, and nothing typed is lost.
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter where it happened' }).waitFor();
    expect(await page.getByLabel('What happened and what footage you need').inputValue()).toBe(summary);
    expect(await page.getByLabel('Crime or incident reference').inputValue()).toBe('CR/2026/004512');
    expect(await page.locator('#req-timeFrom-time').inputValue()).toBe('23:10');
    await expectAccessible(page, 'the footage request form refused');

    await typeInto(page, page.getByLabel('Where it happened'), 'High Street at the junction with Crown Yard');
    await page.getByRole('button', { name: 'Send the request' }).click();
    const sent = page.getByText(/^Request (REQ-\d{4}-\d{6}) sent to the council\.$/);
    await sent.waitFor();
    const reference = /REQ-\d{4}-\d{6}/.exec((await sent.textContent())!)![0];
    const address = page.url();
    expect(address).toMatch(/\/partner\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: summary, level: 1 }).waitFor();
    const clock = page.locator('.govuk-summary-list__row', { hasText: /^Clock/ }).locator('dd');
    await expect.poll(() => clock.textContent()).toContain(`Due ${due}`);
    expect(await page.locator('.govuk-summary-list__row', { hasText: /^Received/ }).locator('dd').textContent()).toBe(formatUkDay(today));
    expect(await page.locator('.govuk-summary-list__row', { hasText: /^Authority/ }).locator('dd').textContent())
      .toBe('CR/2026/004512; DPA 2018 Sch 2 Pt 1 para 2 (prevention or detection of crime); Police Constable Dana Wright (4471)');
    await expectAccessible(page, 'the request sent');

    // A note, shown in the history.
    await typeInto(page, page.getByLabel('Note', { exact: true }), 'The victim now says the assault began at 23:05.');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('Note added.').waitFor();
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Note' }) }).getByText('The victim now says the assault began at 23:05.').waitFor();
    await expectAccessible(page, 'the request with a note');

    // In the organisation's list, with its due date.
    await page.getByRole('link', { name: 'Footage requests' }).first().click();
    await page.getByRole('heading', { name: 'Footage requests', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.textContent()).toContain(summary);
    expect(await row.textContent()).toContain(due);
    expect(await page.locator('caption', { hasText: /request/ }).textContent()).toBe('1 open request');
    await expectAccessible(page, 'the partner requests list');

    // Another organisation's agency user: not found, and not in their list.
    const other = await signedInPage(env.browser, url, OTHER);
    await other.goto(address);
    await other.getByRole('heading', { name: 'Request not found', level: 1 }).waitFor();
    expect(await other.getByText(summary).count()).toBe(0);
    await expectAccessible(other, 'another organisation\'s request');
    await other.goto(`${url}/partner/requests`);
    await other.getByText('There are no open requests.').waitFor();

    // The council's register.
    const coordinator = await signedInPage(env.browser, url, COORDINATOR);
    await coordinator.goto(`${url}/requests/register`);
    await coordinator.getByRole('heading', { name: 'Requests register', level: 1 }).waitFor();
    const councilRow = coordinator.getByRole('row', { name: new RegExp(reference) });
    await councilRow.waitFor();
    expect(await councilRow.textContent()).toContain(due);
    await expectAccessible(coordinator, 'the council\'s register');
  }, 120_000);
});
