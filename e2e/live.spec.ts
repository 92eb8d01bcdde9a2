import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Live pages never go stale silently: while the server has lost its database notifications the page
// says "Reconnecting…" (announced), and an entry added in the gap still appears once it is live again.

const env = useProduct({
  users: [
    { username: 'lwatson', displayName: 'Lee Watson', roles: ['operator'], password: 'saffron meadow anchor' },
    { username: 'tbrook', displayName: 'Tess Brook', roles: ['operator'], password: 'pewter harbour violet' },
  ],
});

/** Tess, writing through the API from another control-room PC. */
async function otherOperator() {
  const r = await fetch(`${env.product.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tbrook', password: 'pewter harbour violet' }) });
  const cookie = /vigil_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = await r.json();
  return async (path: string, body: unknown) => (await fetch(`${env.product.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
}

describe('live updates', () => {
  it('say "Reconnecting…" while the server is not live, and catch up with an entry added meanwhile', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const db = new pg.Client({ connectionString: env.product.databaseUrl });
    await db.connect();
    try {
      const write = await otherOperator();
      const category = await db.query("select id from occurrence_categories where key = 'asb'");
      const occurrence = await write('/api/v1/occurrences', { source: 'camera_patrol', categoryId: category.rows[0].id, summary: 'Youths climbing on the bus shelter' });

      const page = await newPage(env.browser);
      await signIn(page, { url: env.product.url, username: 'lwatson', password: 'saffron meadow anchor' });
      await page.getByRole('heading', { name: 'Welcome, Lee Watson' }).waitFor();
      await page.goto(`${env.product.url}/occurrences/${occurrence.id}`);
      await page.getByText('Youths climbing on the bus shelter').first().waitFor();
      await page.locator('html[data-live="open"]').waitFor();
      const status = page.getByRole('status').filter({ hasText: 'Reconnecting…' });
      expect(await status.count()).toBe(0);

      // The server's connection for database notifications is cut.
      await db.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like 'vigil-listen-%'");
      await status.waitFor();
      await expectAccessible(page, 'occurrence while reconnecting');
      await write(`/api/v1/occurrences/${occurrence.id}/entries`, { body: 'Youths have climbed down and left towards the park' });

      await page.locator('.vigil-timeline').getByText('Youths have climbed down and left towards the park').waitFor({ timeout: 5000 });
      await status.waitFor({ state: 'detached' });
      await page.getByRole('status').getByText('Live updates are back.', { exact: false }).waitFor();
      await page.context().close();
    } finally {
      await db.end();
    }
  });
});
