import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, focused, signIn, useProduct } from './helpers';

// The occurrence page on a control-room screen (1920 × 1080): the entry form and the newest entries
// in the first screenful however long the timeline grows, the other actions opened on demand.

const env = useProduct({ users: [{ username: 'djones', displayName: 'Dana Jones', roles: ['operator'], password: 'willow kestrel anchor' }] });

const ENTRIES = 40;

/** An occurrence with a long timeline, through the API as the signed-in operator. */
async function aBusyOccurrence(page: Page) {
  return page.evaluate(async (n) => {
    const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
    const post = async (url: string, body: unknown) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
      if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
      return r.json();
    };
    const categories: Array<{ id: string; key: string }> = (await (await fetch('/api/v1/occurrence-categories')).json()).items;
    const o = await post('/api/v1/occurrences', { source: 'camera_patrol', categoryId: categories.find((c) => c.key === 'asb')!.id, summary: 'Large group gathering in the Market Square' });
    for (let i = 1; i <= n; i++) {
      await post(`/api/v1/occurrences/${o.id}/entries`, { kind: 'observation', body: `Update ${i}: the group moves about the square, some drinking, one male in a yellow jacket shouting at passers-by near the fountain and the bus stops.` });
    }
    return o.id as string;
  }, ENTRIES);
}

const inFirstViewport = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

describe('the occurrence page on a wide screen', () => {
  it('shows the entry form and the newest entry in the first screenful, with the actions beside the timeline', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await signIn(page, { url: env.product.url, username: 'djones', password: 'willow kestrel anchor' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const id = await aBusyOccurrence(page);

    await page.goto(`${env.product.url}/occurrences/${id}`);
    const timeline = page.locator('.vigil-timeline');
    await timeline.getByText(`Update ${ENTRIES}:`).waitFor();
    await page.waitForTimeout(200); // focus returns to the top of the page after navigating

    // Newest first, and both it and the form to add the next one are on screen without scrolling.
    expect(await page.locator('.vigil-timeline__entry').first().textContent()).toContain(`Update ${ENTRIES}:`);
    expect(await inFirstViewport(page, '#entry-body')).toBe(true);
    expect(await inFirstViewport(page, '.vigil-timeline__entry')).toBe(true);
    // Side by side: the timeline starts level with the form, to its right.
    const form = (await page.locator('form[aria-labelledby="add-entry-title"]').boundingBox())!;
    const panel = (await page.locator('.vigil-occurrence__timeline').boundingBox())!;
    expect(panel.x).toBeGreaterThan(form.x + form.width - 1);
    expect(Math.abs(panel.y - form.y)).toBeLessThan(50);
    // The page no longer grows with the timeline: 9,695 px before (measured on the earlier layout with the same 41 entries).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    process.stdout.write(`occurrence page with ${ENTRIES + 1} entries at 1920 × 1080: ${height} px tall\n`);
    expect(height).toBeLessThan(2 * 1080);
    // The other actions wait closed, one line each.
    expect(await page.locator('details.vigil-disclosure[open]').count()).toBe(0);
    await expectAccessible(page, 'occurrence page on a wide screen');

    // "e" reaches the entry box; the new entry appears at the top of the timeline, on screen.
    await page.keyboard.press('e');
    expect(await focused(page)).toMatch(/^textarea#entry-body:/);
    await page.keyboard.type('Police arrive; the group disperses towards the station');
    await page.keyboard.press('Control+Enter');
    await timeline.getByText('Police arrive; the group disperses towards the station').waitFor();
    expect(await page.locator('.vigil-timeline__entry').first().textContent()).toContain('Police arrive; the group disperses');
    expect(await inFirstViewport(page, '.vigil-timeline__entry')).toBe(true);

    // The story in order, as the PDF prints it, on request.
    await page.getByRole('button', { name: 'Oldest first' }).click();
    expect(await page.locator('.vigil-timeline__entry').first().textContent()).toMatch(/^1\. Opened/);
    await expectAccessible(page, 'occurrence page, oldest first');

    // A narrow screen has one column: the actions, then the timeline.
    await page.setViewportSize({ width: 800, height: 1000 });
    const narrowForm = (await page.locator('form[aria-labelledby="add-entry-title"]').boundingBox())!;
    const narrowPanel = (await page.locator('.vigil-occurrence__timeline').boundingBox())!;
    expect(narrowPanel.y).toBeGreaterThan(narrowForm.y + narrowForm.height);
    await context.close();
  });
});
