import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Evidence retention (issue 9, point 7): an administrator sets the classes footage is kept by and
// the exhibit review period on the retention settings page, with errors beside the cells and what
// was typed kept.

const env = useProduct({
  users: [{ username: 'aadmin', displayName: 'Alex Admin', roles: ['admin'], password: 'violet harbour anchor' }],
});

describe('evidence retention', () => {
  it('an administrator adds a retention class and changes the review period: checked cell by cell, then saved', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'aadmin', password: 'violet harbour anchor' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Retention settings' }).click();
    await page.getByRole('heading', { name: 'Footage and exhibits', level: 2 }).waitFor();
    await expect.poll(() => page.getByLabel('Days kept, class 1').inputValue()).toBe('31');
    expect(await page.getByLabel('Exhibit review period, in months').inputValue()).toBe('6');
    await expectAccessible(page, 'retention settings with evidence classes');

    await page.getByRole('button', { name: 'Add a class' }).click();
    await page.getByLabel('Key, class 2').fill('Police Request');
    await page.getByLabel('Name, class 2').fill('Police request');
    await page.getByLabel('Days kept, class 2').fill('0');
    await page.getByLabel('Exhibit review period, in months').fill('12');
    await page.getByRole('button', { name: 'Save evidence retention' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'The retention period must be at least 1 day' }).waitFor();
    await summary.getByRole('link', { name: /^Enter a key of 2 to 40 lower-case letters/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-classes-1-key');
    expect(await page.getByLabel('Key, class 2').inputValue()).toBe('Police Request');
    await expectAccessible(page, 'evidence classes with errors');

    await page.getByLabel('Key, class 2').fill('police_request');
    await page.getByLabel('Days kept, class 2').fill('90');
    await page.getByRole('button', { name: 'Save evidence retention' }).click();
    await page.getByText('Evidence retention saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Footage and exhibits', level: 2 }).waitFor();
    await expect.poll(() => page.getByLabel('Days kept, class 2').inputValue()).toBe('90');
    expect(await page.getByText('police_request', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Exhibit review period, in months').inputValue()).toBe('12');
  });
});
