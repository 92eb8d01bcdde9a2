import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Governance of the occurrence log (issue 8): a police user finds what the council shared with them
// from the navigation and opens it; the council withdraws the share and the police user no longer
// finds it. A supervisor redacts a name typed into an entry. An administrator sets the retention ages.

const env = useProduct({
  users: [
    { username: 'opatel', displayName: 'Omar Patel', roles: ['operator'], password: 'saffron kettle bridge' },
    { username: 'sreid', displayName: 'Sam Reid', roles: ['supervisor'], password: 'harbour linen compass' },
    { username: 'pc4471', displayName: 'PC Jo Hale', roles: ['agency'], password: 'meadow copper lantern', external: true },
    { username: 'aadmin', displayName: 'Alex Admin', roles: ['admin'], password: 'violet harbour anchor' },
  ],
  // Two occurrences with a name typed into an entry; the first is shared with the police.
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into occurrences (reference, year, number, opened_at, opened_by, source, category_id, priority, summary, last_entry_seq)
         select r.reference, 2026, r.number, now() - interval '1 hour', u.id, 'camera_patrol', c.id, 'normal', r.summary, 2
           from users u, occurrence_categories c, (values ('OCC-2026-000201', 201, 'Fight outside the Leopard'), ('OCC-2026-000202', 202, 'Shoplifter at the market')) as r(reference, number, summary)
          where u.username = 'opatel' and c.key = 'violence'`,
      );
      await client.query(
        `insert into occurrence_entries (occurrence_id, seq, kind, body, recorded_at, author_id)
         select o.id, 1, 'opened', o.summary, o.opened_at, o.opened_by from occurrences o
         union all
         select o.id, 2, 'observation', 'Door staff name the man as Mary Quillfeather', o.opened_at + interval '5 minutes', o.opened_by from occurrences o`,
      );
      await client.query(
        `insert into occurrence_shares (occurrence_id, organisation_id, shared_by)
         select o.id, org.id, o.opened_by from occurrences o, organisations org where o.reference = 'OCC-2026-000201' and org.name = 'Test Police'`,
      );
    } finally {
      await client.end();
    }
  },
});

async function openOccurrence(page: Page, reference: string) {
  await page.getByRole('link', { name: 'Occurrences', exact: true }).first().click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { name: new RegExp(reference), level: 1 }).waitFor();
}

describe('governance', () => {
  it('the police user finds a shared occurrence from the navigation and opens it; the council withdraws it; the police user no longer finds it', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const police = await newPage(env.browser);
    await signIn(police, { url: env.product.url, username: 'pc4471', password: 'meadow copper lantern' });
    await police.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await police.getByRole('navigation').getByRole('link', { name: 'Shared with us' }).click();
    await police.getByRole('heading', { name: 'Shared with us', level: 1 }).waitFor();
    await police.getByRole('table', { name: '1 occurrence' }).waitFor();
    await expectAccessible(police, 'shared with us');
    await police.getByRole('link', { name: 'OCC-2026-000201' }).click();
    await police.getByRole('heading', { name: /OCC-2026-000201/, level: 1 }).waitFor();
    expect(await police.locator('main').textContent()).toMatch(/Fight outside the Leopard.*by CCTV operator/s);
    expect(await police.locator('main').textContent()).not.toMatch(/Omar Patel/);
    await expectAccessible(police, 'a shared occurrence');
    const sharedAddress = police.url();

    const council = await newPage(env.browser);
    await signIn(council, { url: env.product.url, username: 'sreid', password: 'harbour linen compass' });
    await council.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await openOccurrence(council, 'OCC-2026-000201');
    await council.locator('summary', { hasText: 'Share with a partner' }).click();
    await council.getByText('Withdraw the share with Test Police').click();
    const withdraw = council.getByRole('form', { name: 'Withdraw the share with Test Police' });
    await withdraw.getByRole('button', { name: 'Withdraw share' }).click();
    await council.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why the share is being withdrawn' }).waitFor();
    await expectAccessible(council, 'withdrawing a share, with an error');
    await withdraw.getByLabel('Why the share is being withdrawn').fill('Shared with the wrong force');
    await withdraw.getByRole('button', { name: 'Withdraw share' }).click();
    await council.getByRole('status').getByText('Share with Test Police withdrawn. They no longer see this occurrence.').waitFor();
    await council.getByText('Not shared with any partner.').waitFor();
    await expectAccessible(council, 'the occurrence after withdrawing its share');

    await police.goto(`${env.product.url}/shared`);
    await police.getByRole('table', { name: '0 occurrences' }).waitFor();
    await police.getByText('Nothing shared with your organisation matches these filters.').waitFor();
    await police.goto(sharedAddress);
    await police.getByRole('heading', { name: /not found/i, level: 1 }).waitFor();
  }, 240_000); // two people's journeys, each page checked by axe, on a machine others share

  it('a supervisor redacts a name typed into an entry: the entry shows [redacted] and says who redacted it, when', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'sreid', password: 'harbour linen compass' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await openOccurrence(page, 'OCC-2026-000202');
    await page.getByText('Redact personal data from entry 2').click();
    const form = page.getByRole('form', { name: 'Redact personal data from entry 2' });
    await form.getByLabel('Words to remove').fill('Jane Quillfeather');
    await form.getByLabel('Why they are being removed').fill('Name of a person not involved');
    await form.getByRole('button', { name: 'Redact' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Those words are not in this entry: type them as they appear in it' }).waitFor();
    expect(await form.getByLabel('Why they are being removed').inputValue()).toBe('Name of a person not involved');
    await expectAccessible(page, 'redacting an entry, with an error');
    await form.getByLabel('Words to remove').fill('mary quillfeather');
    await form.getByRole('button', { name: 'Redact' }).click();
    await page.locator('#entry-2').getByText('Door staff name the man as [redacted]').waitFor();
    await page.getByText(/Personal data redacted on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} by Sam Reid\. Reason: Name of a person not involved/).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Quillfeather');
    await expectAccessible(page, 'the occurrence after a redaction');
  });

  it('an administrator sets the retention ages on a page: validated with clear messages, then saved', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'aadmin', password: 'violet harbour anchor' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Retention settings' }).click();
    await page.getByRole('heading', { name: 'Retention settings', level: 1 }).waitFor();
    expect(await page.getByLabel('Review age, in days').inputValue()).toBe('31');
    expect(await page.getByLabel('Removal age, in days').inputValue()).toBe('365');
    await expectAccessible(page, 'retention settings');

    await page.getByLabel('Review age, in days').fill('60');
    await page.getByLabel('Removal age, in days').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'The removal age must be the same as the review age or longer' }).waitFor();
    expect(await page.getByLabel('Removal age, in days').inputValue()).toBe('30');
    await expectAccessible(page, 'retention settings with an error');

    await page.getByLabel('Removal age, in days').fill('400');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Retention settings saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Retention settings', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Removal age, in days').inputValue()).toBe('400');
    expect(await page.getByLabel('Review age, in days').inputValue()).toBe('60');
  });
});
