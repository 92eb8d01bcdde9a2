import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// When the nightly check (or `vigil evidence verify`) finds a stored file altered or a chain
// broken, coordinators and administrators see it on every page; other staff do not.

const env = useProduct({
  users: [
    { username: 'mokafor', displayName: 'Martin Okafor', roles: ['coordinator'], password: 'copper meadow lantern' },
    { username: 'pshah', displayName: 'Priya Shah', roles: ['operator'], password: 'saffron kettle bridge' },
  ],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into evidence_verifications (started_at, finished_at, objects_checked, problems, is_ok)
         values (now() - interval '5 minutes', now() - interval '4 minutes', 12, $1::jsonb, false)`,
        [JSON.stringify([{ kind: 'mismatch', what: 'recording CAM07_export.mp4 (exhibit KW/3)', sha256: 'ab'.repeat(32), reason: 'the stored bytes now hash to ' + 'cd'.repeat(32) }])],
      );
    } finally {
      await client.end();
    }
  },
});

describe('evidence integrity', () => {
  it('a failed check shows to the coordinator on every page, not to an operator', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const coordinator = await newPage(env.browser);
    await signIn(coordinator, { url: env.product.url, username: 'mokafor', password: 'copper meadow lantern' });
    await coordinator.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const banner = coordinator.getByRole('region', { name: 'Evidence integrity' });
    await banner.getByText(/found 1 problem/).waitFor();
    await expect(banner.getByText(/CAM07_export\.mp4 \(exhibit KW\/3\)/)).toBeTruthy();
    await expectAccessible(coordinator, 'home with the integrity banner');
    await coordinator.getByRole('link', { name: 'Cameras' }).first().click();
    await coordinator.getByRole('region', { name: 'Evidence integrity' }).waitFor();

    const operator = await newPage(env.browser);
    await signIn(operator, { url: env.product.url, username: 'pshah', password: 'saffron kettle bridge' });
    await operator.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(await operator.getByRole('region', { name: 'Evidence integrity' }).count()).toBe(0);
  }, 120_000);
});
