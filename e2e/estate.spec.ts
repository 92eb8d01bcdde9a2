import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// The camera register in the browser: the coordinator finds a camera by its status, opens it,
// re-points it from the keyboard with a reason, and sees the change in its history; the register
// as it stood before still shows the old bearing, on the camera's page and in the register as at a
// date. axe on every page.

const env = useProduct({
  users: [{ username: 'mokafor', displayName: 'Martin Okafor', roles: ['coordinator'], password: 'copper meadow lantern' }],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status, bearing_deg, field_of_view_deg, range_m, purpose, ward, changed_at)
         values ('C31', 'Station Street east', 'Station Street, Burton upon Trent', 52.8041, -1.6385, 'ptz', 'faulty', 90, 60, 150, 'Night-time economy and the taxi rank', 'Burton', now() - interval '30 days'),
                ('C32', 'Market Place', 'Market Place, Burton upon Trent', 52.8019, -1.6302, 'fixed', 'operational', 180, 45, 80, 'Town centre', 'Burton', now() - interval '30 days')`,
      );
    } finally {
      await client.end();
    }
  },
});

describe('the camera register', () => {
  it('finds a faulty camera, re-points it from the keyboard, and keeps the old bearing in its history', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'mokafor', password: 'copper meadow lantern' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${env.product.url}/estate`);
    await page.getByRole('heading', { name: 'Camera register' }).waitFor();
    await page.getByRole('link', { name: 'C32' }).waitFor();
    await expectAccessible(page, 'the camera register');

    // Filter by status, from the keyboard.
    await page.locator('select#status').focus();
    await page.locator('select#status').selectOption('faulty');
    await page.getByRole('button', { name: 'Filter' }).press('Enter');
    await page.waitForURL(/status=faulty/);
    await page.getByRole('link', { name: 'C32' }).waitFor({ state: 'detached' });
    // The new count is said, politely, to a screen reader (the table changed without a page load).
    await page.getByRole('status').filter({ hasText: /^1 camera\. Page 1 of 1, sorted by number, ascending\.$/ }).waitFor();
    await page.getByRole('link', { name: 'C31' }).press('Enter');
    await page.getByRole('heading', { name: /Station Street east/ }).waitFor();
    await expectAccessible(page, 'a camera');

    await page.getByRole('link', { name: 'Change this camera' }).press('Enter');
    await page.getByRole('heading', { name: 'Change the camera' }).waitFor();
    await expectAccessible(page, 'changing a camera');
    await page.getByLabel('Bearing').fill('135');
    await page.getByLabel(/Why are you making this change/).fill('Re-pointed at the taxi rank');
    await page.getByRole('button', { name: 'Save the change' }).press('Enter');
    await page.getByRole('heading', { name: /Station Street east/ }).waitFor();
    await page.getByText('Re-pointed at the taxi rank').first().waitFor();
    expect(await page.getByText('Martin Okafor').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a camera with its history');

    // As it stood a week ago: the old bearing.
    const weekAgo = new Date(Date.now() - 7 * 86400_000).toISOString();
    const id = /cameras\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.goto(`${env.product.url}/estate/cameras/${id}?asAt=${encodeURIComponent(weekAgo)}`);
    await page.getByRole('heading', { name: /Station Street east/ }).waitFor();
    // The register entry (the first summary list; the history below lists both bearings).
    const entry = await page.locator('main dl').first().innerText();
    expect(entry).toMatch(/90\s*°/);
    expect(entry).not.toMatch(/135\s*°/);

    // The register as at a week ago, from its "As at (date)" field: said to be so, with the way back to today.
    await page.goto(`${env.product.url}/estate`);
    await page.getByRole('link', { name: 'C32' }).waitFor();
    await page.getByLabel('As at (date)').fill('31/2/2026');
    await page.getByRole('button', { name: 'Filter' }).press('Enter');
    await page.getByRole('link', { name: /Enter a date that has passed/ }).waitFor();
    expect(await page.getByLabel('As at (date)').inputValue()).toBe('31/2/2026');
    await expectAccessible(page, 'the register with a wrong date');
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(weekAgo));
    const typed = day.split('/').map((p) => String(Number(p))).join('/');
    await page.getByLabel('As at (date)').fill(typed);
    await page.getByRole('button', { name: 'Filter' }).press('Enter');
    await page.waitForURL(/asAt=/);
    await page.getByRole('heading', { name: /^Camera register as at / }).waitFor();
    await page.getByText(/This is the register as it stood at/).waitFor();
    await page.getByText(/The map shows the cameras as they stand today/).waitFor();
    await page.getByRole('status').filter({ hasText: /^2 cameras in the register as at / }).waitFor();
    expect(await page.getByLabel('As at (date)').inputValue()).toBe(typed);
    await expectAccessible(page, 'the register as at a date');
    // A camera opened from it opens as it stood: the old bearing.
    await page.getByRole('link', { name: 'C31' }).press('Enter');
    await page.getByText(/As it stood at/).waitFor();
    expect(await page.locator('main dl').first().innerText()).toMatch(/90\s*°/);
    await page.goBack();
    await page.getByRole('link', { name: 'See the register as it stands today' }).press('Enter');
    await page.getByRole('heading', { name: 'Camera register', exact: true }).waitFor();
    expect(page.url()).not.toMatch(/asAt=/);
  }, 120_000);
});
