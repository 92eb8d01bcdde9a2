import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// The daily checks' settings, from the keyboard: an administrator finds them among the
// administration pages, is told what to fix with what was typed kept, and saves them. axe on each state.

const env = useProduct({ users: [{ username: 'aadmin', displayName: 'Alex Admin', roles: ['admin'], password: 'violet harbour anchor' }] });

describe('the daily check settings', () => {
  it('are found under administration, refuse a night shift before the day shift, and save', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'aadmin', password: 'violet harbour anchor' });
    await page.getByRole('link', { name: 'Daily check settings' }).first().press('Enter');
    await page.getByRole('heading', { name: 'Daily check settings', level: 1 }).waitFor();
    expect(await page.getByLabel('Day shift starts at').inputValue()).toBe('07:00');
    await expectAccessible(page, 'the daily check settings');

    await page.getByLabel('Night shift starts at').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('06:00');
    await page.getByLabel('Recorder clock tolerance, in seconds').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'The night shift must start after the day shift' }).waitFor();
    expect(await page.getByLabel('Recorder clock tolerance, in seconds').inputValue()).toBe('15');
    await expectAccessible(page, 'the settings with an error');

    await page.getByLabel('Night shift starts at').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('19:30');
    await page.getByRole('button', { name: 'Save settings' }).press('Enter');
    await page.getByText('Daily check settings saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Daily check settings', level: 1 }).waitFor();
    expect(await page.getByLabel('Night shift starts at').inputValue()).toBe('19:30');
    expect(await page.getByLabel('Recorder clock tolerance, in seconds').inputValue()).toBe('15');
    await expectAccessible(page, 'the settings saved');
  });
});
