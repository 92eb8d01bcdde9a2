import { describe, expect, it } from 'vitest';
import { expectAccessible, focused, newPage, tabTo, useProduct } from './helpers';

// Journey 3: keyboard only, from signing in to the users list, with the skip link and shortcuts.

const env = useProduct({ users: [{ username: 'kwalsh', displayName: 'Kerry Walsh', roles: ['admin'], password: 'harbour violet ember' }] });

describe('keyboard only', () => {
  it('signs in and reaches the users list with Tab and Enter, and the skip link works', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await page.goto(`${env.product.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Skip to main content');
    expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^main#main-content:/);

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#username:Username');
    await page.keyboard.type('kwalsh');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#password:Password');
    await page.keyboard.type('harbour violet ember');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Welcome, Kerry Walsh' }).waitFor();
    await page.waitForTimeout(200); // focus returns to the top of the page after navigating
    await tabTo(page, /^a:Users$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.waitForTimeout(200);

    // After navigating, the next Tab is the skip link again; it skips the header and navigation.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Create user');
    await expectAccessible(page, 'users list reached by keyboard');
    await page.context().close();
  });

  it('has shortcuts that do not fire while typing', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await page.goto(`${env.product.url}/sign-in`);
    await page.getByLabel('Username').fill('kwalsh');
    await page.getByLabel('Password', { exact: true }).fill('harbour violet ember');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome, Kerry Walsh' }).waitFor();

    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await page.waitForURL(/\/admin\/users$/);

    // "/" focuses the search box; typing "g a" there types, it does not navigate.
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('input#q:Search');
    await page.keyboard.type('ga');
    expect(await page.getByLabel('Search').inputValue()).toBe('ga');
    expect(page.url()).toMatch(/\/admin\/users$/);

    await page.getByLabel('Search').evaluate((el: HTMLElement) => el.blur());
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectAccessible(page, 'keyboard shortcuts panel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.waitForURL(/\/audit$/);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.context().close();
  });
});
