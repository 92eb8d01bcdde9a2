import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { expectAccessible, focused, newPage, signIn, tabTo, useProduct } from './helpers';

// A supervisor reviews personal data that retention has flagged: by keyboard from the navigation to
// removing one item with a reason (refused without one), a held item left alone, names never shown.

const env = useProduct({
  users: [
    { username: 'opatel', displayName: 'Omar Patel', roles: ['operator'], password: 'saffron kettle bridge' },
    { username: 'sreid', displayName: 'Sam Reid', roles: ['supervisor'], password: 'harbour linen compass' },
  ],
  // Two occurrences recorded 40 days ago, each with a name flagged for review; the second is held by evidence.
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into occurrences (reference, year, number, opened_at, opened_by, source, category_id, priority, summary)
         select r.reference, 2026, r.number, now() - interval '40 days', u.id, 'radio_scheme', c.id, 'normal', r.summary
           from users u, occurrence_categories c, (values ('OCC-2026-000101', 101, 'Shoplifter detained by store staff'), ('OCC-2026-000102', 102, 'Assault outside the Leopard')) as r(reference, number, summary)
          where u.username = 'opatel' and c.key = 'theft'`,
      );
      await client.query(
        `insert into occurrence_personal_data (occurrence_id, name, details, recorded_at, recorded_by, flagged_for_review_at)
         select o.id, p.name, 'Date of birth given to police', now() - interval '40 days', o.opened_by, now() - interval '9 days'
           from occurrences o join (values ('OCC-2026-000101', 'Jane Example'), ('OCC-2026-000102', 'John Example')) as p(reference, name) on p.reference = o.reference`,
      );
      await client.query(`insert into occurrence_holds (occurrence_id, held_by, reference) select id, 'evidence', 'EXH-7' from occurrences where reference = 'OCC-2026-000102'`);
    } finally {
      await client.end();
    }
  },
});

describe('personal data review', () => {
  it('keyboard only: a supervisor finds the flagged items, is refused without a reason, removes one, and the held one stays', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'sreid', password: 'harbour linen compass' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await tabTo(page, /^a:Personal data review$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Personal data review', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /2 items flagged for review/ });
    await table.waitFor();
    await expectAccessible(page, 'personal data review');
    const held = table.getByRole('row', { name: /OCC-2026-000102/ });
    await expect.poll(() => held.textContent()).toMatch(/Held/);
    expect(await held.getByRole('button').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/Jane|John|Date of birth/);

    // Remove now, with no reason: refused, the summary links to the field.
    await tabTo(page, /^button#remove-.*:Remove now: OCC-2026-000101/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^h2#remove-title:Remove personal data from OCC-2026-000101 now$/);
    await tabTo(page, /^button:Remove personal data$/);
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter why it is being removed' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: Personal data review/);
    await expectAccessible(page, 'personal data review with an error');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Enter why it is being removed');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('textarea#reason:Why it is being removed');
    await page.keyboard.type('Reviewed: the matter is closed');
    await tabTo(page, /^button:Remove personal data$/);
    await page.keyboard.press('Enter');

    await page.getByRole('alert').getByText(/removed from OCC-2026-000101\./).waitFor();
    await page.getByRole('table', { name: /1 item flagged for review/ }).waitFor();
    expect(await page.getByRole('row', { name: /OCC-2026-000101/ }).count()).toBe(0);
    await expectAccessible(page, 'personal data review after removing');

    // The held occurrence says its personal data is flagged; the other's log records the removal.
    await tabTo(page, /^a:OCC-2026-000102$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /OCC-2026-000102/, level: 1 }).waitFor();
    await page.getByText(/1 item was flagged for review on/).waitFor();
    await expectAccessible(page, 'occurrence with personal data flagged');
    const client = new pg.Client({ connectionString: env.product.databaseUrl });
    await client.connect();
    const { rows: [removedEntry] } = await client.query(
      `select e.kind, u.display_name as author, p.name from occurrence_entries e join occurrences o on o.id = e.occurrence_id
         join users u on u.id = e.author_id join occurrence_personal_data p on p.occurrence_id = o.id
        where o.reference = 'OCC-2026-000101' order by e.seq desc limit 1`,
    );
    await client.end();
    expect(removedEntry).toEqual({ kind: 'personal_data_removed', author: 'Sam Reid', name: null });
    await page.context().close();
  });
});
