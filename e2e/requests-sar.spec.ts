import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// A subject access request from the keyboard alone: an enforcement officer records it (refused
// first without what is asked, what was typed kept), stops the clock to ask for identity, restarts
// it when the passport copy arrives, extends it, makes the response letter and closes it. The due
// date on the page is checked at each step against dates worked out by hand (received Mon 2 Nov
// 2026: one month on, Wed 2 Dec; stopped 10 to 20 Nov, ten days: Sat 12 Dec, so Mon 14 Dec; extended:
// three months on, 2 Feb 2027, plus ten: Fri 12 Feb 2027). axe on every page.

const OFFICER = { username: 'sarofficer', displayName: 'Sam Officer', roles: ['enforcement_officer' as const], password: 'harbour violet compass' };
const env = useProduct({ users: [OFFICER] });

/** Focuses a field and types into it, as a keyboard user does. */
async function keyIn(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}


const dueOnPage = (page: Page) => page.locator('section[aria-labelledby="clock-title"] .govuk-summary-list__row', { hasText: /^Due/ }).locator('dd').first().textContent();

describe('a subject access request', () => {
  it('is received, stopped for identity, restarted, extended and answered, from the keyboard, the due date right at each step', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: OFFICER.username, password: OFFICER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await page.goto(`${url}/requests`);
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    await expectAccessible(page, 'the requests dashboard');
    await page.getByRole('link', { name: 'Record a request' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record a request', level: 1 }).waitFor();
    await expectAccessible(page, 'the new request form');

    await page.getByLabel('Subject access request').focus();
    await page.keyboard.press('Space');
    await keyIn(page, 'Day it was received', '2/11/2026');
    await page.getByLabel('How it arrived').focus();
    await page.keyboard.type('E-mail');
    await keyIn(page, 'Name', 'Jordan Avery');
    await keyIn(page, 'E-mail address (optional)', 'jordan.avery@example.org');
    await keyIn(page, 'What they look like (optional)', 'Tall, short grey hair');
    // Sent without what is asked for: refused, and nothing typed is lost.
    await page.getByRole('button', { name: /Record the request/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /what is asked for/i }).first().waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Jordan Avery');
    await expectAccessible(page, 'the new request form with its errors');
    await keyIn(page, 'What is asked for', 'Footage of me at the bus station on Saturday 31 October, 14:00 to 15:00');
    await page.getByRole('button', { name: /Record the request/ }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: /^REQ-2026-\d{6}$/, level: 1 }).waitFor();
    await expect.poll(() => dueOnPage(page)).toMatch(/^2\/12\/2026/);
    await expectAccessible(page, 'the request');

    // Stop the clock for identity on 10 Nov (shortcut s takes focus to the form).
    await page.locator('body').focus();
    await page.keyboard.press('s');
    await page.getByLabel('Awaiting proof of identity').focus();
    await page.keyboard.press('Space');
    await keyIn(page, 'Day the clock stopped', '10/11/2026');
    await keyIn(page, 'What was asked for', 'A copy of photo ID and a recent photo');
    await page.getByRole('button', { name: 'Stop the clock' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dueOnPage(page)).toMatch(/Not counted while the clock is stopped/);
    await page.getByText(/Awaiting proof of identity since 10\/11\/2026/).waitFor();
    await expectAccessible(page, 'the request with its clock stopped');

    // The passport copy arrives on 20 Nov: ten days stopped.
    await page.locator('body').focus();
    await page.keyboard.press('r');
    await keyIn(page, 'Day what was asked for arrived', '20/11/2026');
    await page.getByRole('button', { name: 'Restart the clock' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dueOnPage(page)).toMatch(/^14\/12\/2026/);

    // Extended, the requester told on 20 Nov.
    await page.locator('body').focus();
    await page.keyboard.press('e');
    await keyIn(page, 'Why more time is needed', 'Footage from six cameras to search and others to redact');
    await keyIn(page, 'Day the requester was told', '20/11/2026');
    await page.getByRole('button', { name: 'Extend' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dueOnPage(page)).toMatch(/^12\/2\/2027/);
    await expectAccessible(page, 'the extended request');

    // The response letter, made from its template as a PDF, goes on the correspondence.
    await page.getByLabel('Letter', { exact: true }).focus();
    await page.keyboard.type('Response');
    await page.getByRole('button', { name: 'Generate letter' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Letter made').waitFor();
    const pdf = await page.getByRole('link', { name: 'Open the letter (PDF)' }).getAttribute('href');
    const fetched = await page.evaluate(async (href) => { const r = await fetch(href!); return { status: r.status, type: r.headers.get('content-type') }; }, pdf);
    expect(fetched).toEqual({ status: 200, type: 'application/pdf' });
    await expectAccessible(page, 'the request with its response letter');

    // Answered: the status moves to responded and the clock closes.
    await page.getByLabel('New status').focus();
    await page.keyboard.type('Responded');
    await page.getByRole('button', { name: 'Change the status' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/is now responded/).waitFor();
    await expect.poll(() => dueOnPage(page)).toMatch(/^12\/2\/2027/);
    await expectAccessible(page, 'the answered request');

    // The register shows it, with its due date.
    await page.goto(`${url}/requests/register?due=closed`);
    const row = page.getByRole('row', { name: /Jordan Avery/ });
    await expect.poll(() => row.textContent()).toContain('12/2/2027');
    await expectAccessible(page, 'the register');
  }, 180_000);
});
