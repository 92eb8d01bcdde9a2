import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Journey 4: the warning before an idle user is signed out (WCAG 2.2.1), on Playwright's clock with
// the product's usual 30-minute idle limit, and the warning before a sign-in's fixed end, where the
// user may enter their password again without losing what they typed.

const env = useProduct({ users: [{ username: 'rkhan', displayName: 'Riz Khan', roles: ['operator'], password: 'copper willow lantern' }] });

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const sessionRequest = (page: Page) => page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/auth/session');

/** Signs in on Playwright's clock, and waits for home's data, so that it is not fetched after the clock jumps. */
async function signInWithClock(page: Page) {
  await page.clock.install();
  await signIn(page, { url: env.product.url, username: 'rkhan', password: 'copper willow lantern' });
  await page.getByRole('heading', { name: 'Welcome, Riz Khan' }).waitFor();
  await page.getByText('Loading your modules…').waitFor({ state: 'detached' });
}

describe('session timeout', () => {
  it('warns before signing an idle user out, lets them stay signed in, and signs them out when time runs out', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signInWithClock(page);
    const dialog = page.getByRole('alertdialog', { name: 'You are about to be signed out' });
    const myAccount = page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'My account' });

    // A request of the user's own puts the warning off: 20 minutes on, going home fetches the (stale) list of modules.
    await page.clock.fastForward('20:00');
    await myAccount.click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    const modules = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/modules');
    await page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'Home' }).click();
    await modules;
    await page.getByRole('heading', { name: 'Welcome, Riz Khan' }).waitFor();
    await page.clock.fastForward('26:00');
    await page.waitForTimeout(300);
    expect(await dialog.count()).toBe(0);

    // 28 minutes without a request: the warning takes focus and keeps it.
    await myAccount.focus();
    await page.clock.fastForward('02:00');
    await dialog.waitFor();
    await dialog.getByText(/Vigil will sign you out in (\d+ minutes? )?\d+ seconds?/).first().waitFor();
    expect(await focusedText(page)).toBe('Stay signed in');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Sign out');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Stay signed in');
    await expectAccessible(page, 'idle sign-out warning', '[role="alertdialog"] h2');

    // Staying signed in is a request to the server; focus goes back where it was.
    let request = sessionRequest(page);
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await request;
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toBe('My account');

    // Escape stays signed in too.
    await page.clock.fastForward('28:00');
    await dialog.waitFor();
    request = sessionRequest(page);
    await page.keyboard.press('Escape');
    await request;
    await dialog.waitFor({ state: 'hidden' });

    // Doing nothing: signed out, and told so.
    await page.clock.fastForward('28:00');
    await dialog.waitFor();
    await page.clock.fastForward('02:00');
    await page.waitForURL(/\/sign-in\?/);
    await page.getByText('You have been signed out. Sign in again to carry on.').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status)).toBe(401);
    await page.context().close();
  });

  it('warns before the fixed end of a sign-in, which does not move without the password', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    // This sign-in ends in 10 minutes, not 12 hours.
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    await page.route(/\/api\/v1\/auth\/(sign-in|session)$/, async (route) => {
      const response = await route.fetch();
      if (!response.ok()) return route.fulfill({ response });
      return route.fulfill({ response, json: { ...(await response.json()), expiresAt: endsAt } });
    });
    await signInWithClock(page);

    await page.clock.fastForward('06:00');
    const dialog = page.getByRole('alertdialog', { name: 'Your sign-in is about to end' });
    await dialog.waitFor();
    await dialog.getByText(/Vigil will sign you out at \d\d:\d\d, in \d+ (minutes?|seconds?)/).first().waitFor();
    await dialog.getByLabel('Password', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Sign out' }).waitFor();
    await expectAccessible(page, 'fixed sign-in end warning', '[role="alertdialog"] h2');

    // It can be closed to finish off some work, but the end does not move.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The way back to the password stays in sight, and reopens the warning.
    const reminder = page.getByRole('complementary', { name: 'Your sign-in is ending' });
    await reminder.getByText(/Your sign-in ends at \d\d:\d\d\./).waitFor();
    await expectAccessible(page, 'fixed sign-in end reminder');
    await reminder.getByRole('button', { name: 'Enter your password to carry on' }).click();
    await dialog.getByLabel('Password', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.clock.fastForward('04:30');
    await page.waitForURL(/\/sign-in\?/);
    await page.getByText('You have been signed out. Sign in again to carry on.').waitFor();
    await page.context().close();
  });

  it('lets the user enter their password again before the fixed end, keeping the page and what they typed', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    // This sign-in ends in 10 minutes, until the password is entered again.
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    let renewed = false;
    await page.route(/\/api\/v1\/auth\/(sign-in|session|reauthenticate)$/, async (route) => {
      if (route.request().url().endsWith('/reauthenticate')) renewed = true;
      const response = await route.fetch();
      if (!response.ok() || renewed) return route.fulfill({ response });
      return route.fulfill({ response, json: { ...(await response.json()), expiresAt: endsAt } });
    });
    await signInWithClock(page);
    await page.goto(`${env.product.url}/occurrences/new`);
    const summary = page.getByLabel('What is happening');
    await summary.fill('Two males arguing outside the Red Lion');
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    await page.clock.fastForward('06:00');
    const dialog = page.getByRole('alertdialog', { name: 'Your sign-in is about to end' });
    await dialog.waitFor();
    const password = dialog.getByLabel('Password', { exact: true });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reauth-password');
    await expectAccessible(page, 'fixed sign-in end warning with its password', '[role="alertdialog"] h2');

    // A wrong password is said so in the dialog, which stays open.
    await password.fill('not the right one');
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await dialog.getByText('Your password is not right.').waitFor();
    await expectAccessible(page, 'fixed sign-in end warning with an error', '[role="alertdialog"] h2');

    await password.fill('copper willow lantern');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(renewed).toBe(true);
    expect(await summary.inputValue()).toBe('Two males arguing outside the Red Lion');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Past the first sign-in's end: still signed in, on the same page, with the same text.
    await page.clock.fastForward('05:00');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/occurrences/new');
    expect(await dialog.isVisible()).toBe(false);
    expect(await summary.inputValue()).toBe('Two males arguing outside the Red Lion');
    await page.context().close();
  });
});
