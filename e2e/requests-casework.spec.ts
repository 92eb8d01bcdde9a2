import { describe, expect, it } from 'vitest';
import { formatUkDay, londonDay } from '../src/domain/calendar/london';
import { apiPost, expectAccessible, signedInPage, useProduct } from './helpers';

// An FOI request worked through its casework: recorded through the API as received today, an
// enforcement officer applies s.40(2) on its page, answers it (responded), logs the answer for
// publication and finds it in the public disclosure log; the timeliness report counts it; a
// response letter is generated to download, listed in the correspondence with its PDF, which
// answers. axe on each page.

const OFFICER = { username: 'foiofficer', displayName: 'Fay Officer', roles: ['enforcement_officer' as const], password: 'meadow cobalt thimble' };
const env = useProduct({ users: [OFFICER] });

describe('an FOI request', () => {
  it('is given an exemption, answered, published in the disclosure log, counted in the report and sent a response letter', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const today = londonDay();
    const page = await signedInPage(env.browser, url, OFFICER);

    const summary = 'How many cameras cover the bus station, and the footage of the fight there on Friday night';
    const made = await apiPost(page, '/api/v1/requests', {
      type: 'foi', receivedOn: today, channel: 'email', summary,
      requester: { name: 'Morgan Reed', email: 'morgan.reed@example.org' },
    }) as { id: string; reference: string };
    expect(made.reference).toMatch(/^REQ-\d{4}-\d{6}$/);

    await page.goto(`${url}/requests/${made.id}`);
    await page.getByRole('heading', { name: made.reference, level: 1 }).waitFor();
    const foi = page.locator('section[aria-labelledby="casework-foi-title"]');
    await foi.getByText('No exemption applied.').waitFor();
    await foi.getByText('Log the answer once the request has been responded to.').waitFor();
    await expectAccessible(page, 'the FOI request');

    // s.40(2): personal data of others (absolute: no public-interest test asked for).
    const exemptions = page.locator('form[aria-labelledby="exemptions-title"]');
    await exemptions.getByLabel('s.40(2): personal data of others').check();
    expect(await exemptions.getByLabel('Public-interest test').count()).toBe(0);
    await exemptions.getByLabel('Note (optional)').fill('The footage shows the people in the fight; the camera count is released.');
    await exemptions.getByRole('button', { name: 'Record the exemptions' }).click();
    await foi.getByText('In force: s.40(2): personal data of others.').waitFor();
    await foi.getByRole('listitem').filter({ hasText: /s\.40\(2\)\. The footage shows the people in the fight/ }).waitFor();
    await expectAccessible(page, 'the FOI request with an exemption');

    // Answered.
    const status = page.locator('form[aria-labelledby="status-title"]');
    await status.getByLabel('New status').selectOption({ label: 'Responded' });
    await status.getByRole('button', { name: 'Change the status' }).click();
    await page.getByText(`${made.reference} is now responded.`).waitFor();
    await page.locator('.govuk-summary-list__row', { hasText: /^Status/ }).getByText('Responded').waitFor();

    // The answer logged for publication.
    const disclosure = page.locator('form[aria-labelledby="disclosure-log-title"]');
    await disclosure.getByRole('heading', { name: 'Log the answer released' }).waitFor();
    await disclosure.getByLabel('Title').fill('CCTV cameras at the bus station');
    await disclosure.getByLabel('Answer released').fill('Four council cameras cover the bus station. The footage asked for is withheld under s.40(2).');
    await disclosure.getByLabel('Yes').check();
    await disclosure.getByRole('button', { name: 'Save the entry' }).click();
    await foi.getByText('“CCTV cameras at the bus station”: published in the disclosure log.').waitFor();
    await expectAccessible(page, 'the FOI request answered and logged');

    await page.goto(`${url}/requests/disclosure-log`);
    await page.getByRole('heading', { name: 'FOI disclosure log', level: 1 }).waitFor();
    const entry = page.getByRole('row', { name: new RegExp(made.reference) });
    await entry.waitFor();
    const cells = await entry.getByRole('cell').allTextContents();
    expect(cells.slice(0, 4)).toEqual([made.reference, formatUkDay(today), formatUkDay(today), 'CCTV cameras at the bus station']);
    expect(cells[4]!.trim()).toBe('s.40(2)');
    expect(cells[5]).toContain('withheld under s.40(2)');
    await expectAccessible(page, 'the disclosure log');

    // The timeliness report: one FOI request received and completed this month, on time.
    await page.goto(`${url}/requests/reports`);
    await page.getByRole('heading', { name: 'Requests answered on time', level: 1 }).waitFor();
    const byKind = page.getByRole('table', { name: /by kind of request$/ });
    const foiRow = byKind.getByRole('row', { name: /^FOI/ });
    await foiRow.waitFor();
    const figures = await foiRow.getByRole('cell').allTextContents();
    expect(figures.slice(0, 5)).toEqual(['1', '1', '1', '0', '0']);
    expect(figures[5]).toMatch(/^100/);
    await expectAccessible(page, 'the requests report');

    // A response letter, kept to download: listed in the correspondence with a PDF that answers.
    await page.goto(`${url}/requests/${made.id}`);
    await page.getByRole('heading', { name: made.reference, level: 1 }).waitFor();
    const correspondence = page.locator('section[aria-labelledby="correspondence-heading"]');
    await correspondence.getByText('Nothing received or sent yet.').waitFor();
    const generate = correspondence.locator('form[aria-labelledby="generate-letter-heading"]');
    await generate.getByLabel('Letter', { exact: true }).selectOption({ label: 'Response' });
    await generate.getByLabel('Send it').selectOption({ label: 'Keep it to download and post' });
    await generate.getByRole('button', { name: 'Generate letter' }).click();
    await generate.getByText('Letter made').waitFor();
    await generate.getByRole('link', { name: 'Open the letter (PDF)' }).waitFor();
    const row = correspondence.getByRole('row').filter({ has: page.getByRole('link', { name: 'Letter (PDF)' }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sent');
    const href = await row.getByRole('link', { name: 'Letter (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href!, url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'the FOI request with its response letter');
  }, 120_000);
});
