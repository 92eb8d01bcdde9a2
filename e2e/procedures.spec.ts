import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// An administrator writes the procedure for a category: steps added, ordered, one required; an
// empty step refused with nothing lost.

const env = useProduct({ users: [{ username: 'hprice', displayName: 'Helen Price', roles: ['admin'], password: 'teapot meadow quartz' }] });

/** Adds a step and types into it once the page has moved the focus there (typing sooner loses keys). */
async function addStep(page: Page, text: string) {
  const steps = await page.getByLabel('What to do').count();
  await page.getByRole('button', { name: 'Add a step' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(await page.getByLabel('What to do').nth(steps).getAttribute('id'));
  await page.keyboard.type(text);
}

describe('procedures', () => {
  it('an administrator adds, orders and saves the steps for a category', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'hprice', password: 'teapot meadow quartz' });
    await page.getByRole('link', { name: 'Procedures' }).first().click();
    await page.getByRole('heading', { name: 'Procedures' }).waitFor();
    await page.getByLabel('Category').selectOption({ label: 'Anti-social behaviour' });
    await page.getByRole('heading', { name: 'Steps for Anti-social behaviour' }).waitFor();
    await expectAccessible(page, 'procedures');

    // Two steps, the second one first, one of them required. By keyboard once the first step exists.
    await addStep(page, 'Start recording on the nearest camera');
    await addStep(page, 'Notify police');
    await page.getByLabel('Required').nth(1).check();
    await page.getByRole('button', { name: 'Move up step 2' }).click();

    // An empty step is refused, with nothing lost.
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByRole('button', { name: 'Save procedure' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Describe step 3' }).waitFor();
    await expectAccessible(page, 'procedures with an error');
    await page.getByRole('button', { name: 'Remove step 3' }).click();

    await page.getByRole('button', { name: 'Save procedure' }).click();
    await page.getByRole('status').getByText('Procedure for Anti-social behaviour saved as version 1.').waitFor();
    // Every save that changes something is a version of its own, with who made it and when.
    const versions = page.getByRole('table', { name: 'Versions of the procedure for Anti-social behaviour' });
    await versions.getByRole('row', { name: /^1 In use .* Helen Price 2 \(1 required\)$/ }).waitFor();
    await page.getByText(/^Version 1, saved .* by Helen Price\. Saving a change makes version 2/).waitFor();
    await expectAccessible(page, 'procedures with a version saved');

    // The page shows what was saved, and so does the API.
    // (the input's value, not its value attribute, which React need not keep in step)
    await expect.poll(() => page.getByLabel('What to do').first().inputValue(), { timeout: 10_000 }).toBe('Notify police');
    const items = await page.evaluate(async () => (await (await fetch('/api/v1/procedures')).json()).items as Array<{ key: string; steps: Array<{ text: string; isRequired: boolean }> }>);
    const saved = items.find((c) => c.key === 'asb')!.steps;
    expect(saved.map((s: { text: string; isRequired: boolean }) => [s.text, s.isRequired])).toEqual([['Notify police', true], ['Start recording on the nearest camera', false]]);

    // A change is version 2; version 1 stays in the history (occurrences opened under it keep it).
    await page.getByLabel('What to do').first().fill('Notify police (999 if anyone is hurt)');
    await page.getByRole('button', { name: 'Save procedure' }).click();
    await page.getByRole('status').getByText('Procedure for Anti-social behaviour saved as version 2.').waitFor();
    await versions.getByRole('row', { name: /^2 In use / }).waitFor();
    expect(await versions.getByRole('row', { name: /^1 / }).textContent()).not.toContain('In use');
    await page.context().close();
  });
});
