import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { newPage, signIn, useProduct } from './helpers';

// Ctrl+Enter pressed twice quickly on the entry form sends the entry twice (the button is disabled
// while it runs; the keyboard is not). Both go with the same Idempotency-Key, and the log, which
// nothing can delete from, holds it once.

const env = useProduct({ users: [{ username: 'dpatel', displayName: 'Dev Patel', roles: ['operator'], password: 'harbour willow marble' }] });

describe('a double Ctrl+Enter', () => {
  it('records exactly one entry', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'dpatel', password: 'harbour willow marble' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${env.product.url}/occurrences/new`);
    await page.getByLabel('What is happening').fill('Car alarm sounding on Station Road');
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Open occurrence' }).click();
    await page.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);
    const occurrenceId = /\/occurrences\/([0-9a-f-]{36})/.exec(page.url())![1];

    // Each entry request is held back a little on its way out, as on a busy network, so the second
    // press surely comes while the first is still on its way (otherwise the form would already be
    // empty and refuse the second itself).
    const sent: string[] = [];
    await page.route('**/api/v1/occurrences/*/entries', async (route) => {
      sent.push(route.request().headers()['idempotency-key'] ?? '(none)');
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    const answered: number[] = [];
    page.on('response', (r) => { if (r.url().endsWith('/entries') && r.request().method() === 'POST') answered.push(r.status()); });
    const text = 'Owner arrived and silenced the alarm';
    await page.getByLabel('What happened').fill(text);
    await page.getByLabel('What happened').press('Control+Enter');
    await page.getByLabel('What happened').press('Control+Enter');
    await page.getByText('Entry added to the log.').waitFor();
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(2);
    expect(sent[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[1]).toBe(sent[0]);

    const client = new pg.Client({ connectionString: env.product.databaseUrl });
    await client.connect();
    const entries = async () => (await client.query('select count(*)::int as n from occurrence_entries where occurrence_id = $1 and body = $2', [occurrenceId, text])).rows[0].n as number;
    try {
      // Both requests answered (the second with the first's reply), and one entry in the log.
      await expect.poll(() => answered.length, { timeout: 20_000 }).toBe(2);
      expect(answered).toEqual([201, 201]);
      expect(await entries()).toBe(1);

      // The same words again, on purpose, after the first went through: a new attempt, a new entry.
      await page.unroute('**/api/v1/occurrences/*/entries');
      await expect.poll(() => page.getByLabel('What happened').inputValue(), { timeout: 10_000 }).toBe(''); // the form has cleared
      await expect.poll(() => page.getByRole('button', { name: 'Add entry' }).isEnabled(), { timeout: 10_000 }).toBe(true);
      await page.getByLabel('What happened').fill(text);
      await page.getByLabel('What happened').press('Control+Enter');
      await expect.poll(entries, { timeout: 20_000 }).toBe(2);
    } finally {
      await client.end();
    }
  });
});
