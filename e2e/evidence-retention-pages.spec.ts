import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

const env = useProduct({
  users: [{ username: 'eofficer', displayName: 'Erin Officer', roles: ['enforcement_officer'], password: 'violet harbour anchor' }],
  setup: async (product) => {
    const c = new pg.Client({ connectionString: product.databaseUrl });
    await c.connect();
    try {
      for (const [ref, n, sha] of [['EO/1', 1, 'a'.repeat(64)], ['EO/2', 2, 'b'.repeat(64)]] as const) {
        await c.query(`insert into recordings (sha256, size_bytes, original_name, source, format, note, ingested_by, ingested_at)
          select $1, 10, $2, 'upload', 'unreadable', 'x', u.id, now() - interval '8 months' from users u where u.username = 'eofficer'`, [sha, `${ref}.avi`]);
        await c.query(`insert into exhibits (reference, producer_id, number, description, created_at, created_by)
          select $1, u.id, $2, 'Footage of the fight', now() - interval '8 months', u.id from users u where u.username = 'eofficer'`, [ref, n]);
        await c.query(`insert into exhibit_recordings (exhibit_id, recording_id, position) select e.id, r.id, 1 from exhibits e, recordings r where e.reference = $1 and r.sha256 = $2`, [ref, sha]);
      }
      await c.query(`insert into evidence_holds (exhibit_id, reason, placed_by) select e.id, 'Appeal lodged', u.id from exhibits e, users u where e.reference = 'EO/2' and u.username = 'eofficer'`);
    } finally { await c.end(); }
  },
});

describe('retention pages', () => {
  it('review and holds', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'eofficer', password: 'violet harbour anchor' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${env.product.url}/evidence/reviews`);
    await page.getByRole('heading', { name: 'EO/1' }).waitFor();
    await page.getByText('It is under a legal hold: Appeal lodged').waitFor();
    await expectAccessible(page, 'reviews due');
    const form2 = page.getByRole('form', { name: 'Review of EO/2' });
    await form2.getByLabel('Destroy it').check();
    await form2.getByLabel('Reason').fill('No longer needed');
    await form2.getByRole('button', { name: 'Record the decision' }).click();
    await form2.locator('.govuk-error-message').getByText(/EO\/2 cannot be destroyed\. It is under a legal hold: Appeal lodged/).waitFor();
    await expectAccessible(page, 'reviews due with a refusal');
    const form1 = page.getByRole('form', { name: 'Review of EO/1' });
    await form1.getByRole('button', { name: 'Record the decision' }).click();
    await form1.locator('.govuk-error-message').getByText('Choose whether to keep or destroy the exhibit').waitFor();
    await form1.getByLabel('Keep it until the next review').check();
    await form1.getByLabel('Reason').fill('Civil claim expected');
    await form1.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(/EO\/1 is kept\. It comes up for review again on/).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'EO/1' }).count()).toBe(0);

    await page.goto(`${env.product.url}/evidence/holds`);
    await page.getByRole('heading', { name: 'Legal holds', level: 1 }).waitFor();
    await expectAccessible(page, 'holds');
    await page.getByLabel('Why the hold on exhibit EO/2 can end').fill('Appeal dismissed');
    await page.getByRole('button', { name: 'Release the hold' }).click();
    await page.getByText('The hold on exhibit EO/2 is released').waitFor();
    await page.getByText('No hold is in force.').waitFor();
  });
});
