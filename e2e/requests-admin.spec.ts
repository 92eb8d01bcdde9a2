import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signedInPage, typeInto, useProduct } from './helpers';

// An administrator keeps the requests' calendar and letters: adds a council closure day (listed),
// removes it; imports a GOV.UK bank-holidays file with a day more than the built-in copy (a New
// Year's Day in 2031) and is told the years it replaced; edits the acknowledgement letter, refused
// for a placeholder it does not know, then saved, the preview showing the new wording. axe on both
// pages.

const ADMIN = { username: 'radmin', displayName: 'Rae Admin', roles: ['admin' as const], password: 'lantern quarry meadow' };
const env = useProduct({ users: [ADMIN] });

describe('the requests settings', () => {
  it('adds and removes a closure day, imports bank holidays and edits the acknowledgement letter', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await signedInPage(env.browser, url, ADMIN);

    await page.goto(`${url}/admin/request-calendar`);
    await page.getByRole('heading', { name: 'Request calendar and clocks', level: 1 }).waitFor();
    await page.getByText('No closure days.').waitFor();
    await expectAccessible(page, 'the request calendar');

    // A closure day: added and listed, then removed.
    const closures = page.locator('section[aria-labelledby="closures-title"]');
    await closures.getByLabel('Day', { exact: true }).fill('2026-12-29');
    await typeInto(page, closures.getByLabel('Why the offices are closed'), 'Offices closed between Christmas and New Year');
    await closures.getByRole('button', { name: 'Add the closure day' }).click();
    await page.getByText(/^Closure day 29\/12\/2026 added; 0 open requests with a new due date\.$/).waitFor();
    const row = closures.getByRole('row', { name: /29\/12\/2026/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Offices closed between Christmas and New Year');
    expect(await closures.getByRole('table').locator('caption').textContent()).toBe('1 closure day');
    await expectAccessible(page, 'the request calendar with a closure day');
    await row.getByRole('button', { name: 'Remove 29/12/2026' }).click();
    await page.getByText('Closure day 29/12/2026 removed.').waitFor();
    await closures.getByText('No closure days.').waitFor();
    expect(await closures.getByRole('row', { name: /29\/12\/2026/ }).count()).toBe(0);

    // A GOV.UK file with one day more than the built-in copy: the years it lists are replaced.
    const feed = JSON.parse(await readFile('src/domain/calendar/gov-uk-bank-holidays.json', 'utf8'));
    feed['england-and-wales'].events.push({ title: 'New Year’s Day', date: '2031-01-01', notes: '', bunting: true });
    const dir = await mkdtemp(join(tmpdir(), 'vigil-holidays-'));
    const file = join(dir, 'bank-holidays.json');
    await writeFile(file, JSON.stringify(feed));
    try {
      await page.getByLabel('GOV.UK bank-holidays file').setInputFiles(file);
      await page.getByRole('button', { name: 'Import the file' }).click();
      const days = feed['england-and-wales'].events.length + feed.scotland.events.length + feed['northern-ireland'].events.length;
      await page.getByText(new RegExp(`^${days} bank holidays imported; 0 open requests with a new due date\\.$`)).waitFor();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const years = page.getByRole('definition').filter({ hasText: '2031' });
    await years.waitFor();
    const replaced = await page.locator('dl[aria-label="Years replaced"]').textContent();
    expect(replaced).toMatch(/england-and-wales2018, 2019, .*2030, 2031/);
    expect(replaced).toMatch(/scotland2018, .*2030(?!, 2031)/);
    await expectAccessible(page, 'the request calendar after the import');

    // The acknowledgement letter: an unknown placeholder is refused, a good one saved and previewed.
    await page.goto(`${url}/admin/letter-templates`);
    await page.getByRole('heading', { name: 'Letter templates', level: 1 }).waitFor();
    await expectAccessible(page, 'the letter templates');
    const ack = page.locator('form', { has: page.getByRole('heading', { name: 'Acknowledgement', level: 2 }) });
    await typeInto(page, ack.getByLabel('Subject'), 'Your request {{reference}} for {{requestorName}}');
    await ack.getByRole('button', { name: 'Save a new version' }).click();
    await ack.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await ack.getByRole('link', { name: /^Unknown placeholder \{\{requestorName\}\}: use one of \{\{reference\}\}/ }).waitFor();
    expect(await ack.getByText('Template saved').count()).toBe(0);
    await expectAccessible(page, 'the letter templates with an error');

    await typeInto(page, ack.getByLabel('Subject'), 'We have your request {{reference}}, {{requesterName}}');
    await ack.getByRole('button', { name: 'Save a new version' }).click();
    await ack.getByText('Template saved').waitFor();
    await ack.getByText('We have your request REQ-2026-000123, Alex Example').waitFor();
    await ack.getByText(/^Version 1, saved by Rae Admin/).waitFor();
    expect(await ack.getByText('Template saved').count(), 'the confirmation stays once the new version loads').toBe(1);
    expect(await ack.getByLabel('Subject').inputValue()).toBe('We have your request {{reference}}, {{requesterName}}');
    await expectAccessible(page, 'the letter templates after a save');

    // Kept: a fresh load shows the saved wording.
    await page.reload();
    await page.getByRole('heading', { name: 'Letter templates', level: 1 }).waitFor();
    await expect.poll(() => ack.getByLabel('Subject').inputValue()).toBe('We have your request {{reference}}, {{requesterName}}');
  }, 120_000);
});
