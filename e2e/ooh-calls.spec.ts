import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct, withDb } from './helpers';

// An out-of-hours call from the keyboard alone: the officer opens the call log, presses n to take
// a call, is refused without an address (what was typed kept), logs a noise call as urgent, refers
// it to the noise officer on call and records the acknowledgement. The supervisor reads the rota
// and the categories' set-up. axe on every page.

const OFFICER = { username: 'oohofficer', displayName: 'Olu Officer', roles: ['ooh_officer' as const], password: 'harbour violet compass' };
const MANAGER = { username: 'oohmanager', displayName: 'Mia Manager', roles: ['supervisor' as const], password: 'copper meadow lantern' };
const env = useProduct({
  users: [OFFICER, MANAGER],
  setup: (product) => withDb(product.databaseUrl, async (db) => {
    await db.query(`insert into ooh_rota_entries (duty_id, level, person_name, phone, starts_at, ends_at)
      select id, 1, 'Jas Patel', '07700 900171', now() - interval '6 hours', now() + interval '12 hours' from ooh_duties where key = 'noise'`);
  }),
});

async function keyIn(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
async function press(page: Page, button: RegExp) {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}

describe('an out-of-hours call', () => {
  it('is taken, triaged, referred and acknowledged from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: OFFICER.username, password: OFFICER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await page.goto(`${url}/ooh/calls`);
    await page.getByRole('heading', { name: 'Out-of-hours calls', level: 1 }).waitFor();
    await expectAccessible(page, 'the call log');
    await page.locator('body').focus();
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'Take a call', level: 1 }).waitFor();
    await expectAccessible(page, 'the take-a-call form');

    await keyIn(page, 'Caller’s name', 'Mrs Ellis');
    await keyIn(page, 'Callback number', '07700 900555');
    await page.getByLabel('Category').focus();
    await page.keyboard.type('Noise');
    await page.getByLabel('Priority').focus();
    await page.keyboard.type('Urgent');
    await keyIn(page, 'What the caller reports', 'Loud party music next door since 22:00');
    await press(page, /Log the call/);
    await page.getByRole('link', { name: /address or place/i }).first().waitFor();
    expect(await page.getByLabel('Caller’s name').inputValue()).toBe('Mrs Ellis');
    await expectAccessible(page, 'the take-a-call form with its errors');
    await keyIn(page, 'Address or place', '14 Station Road');
    await press(page, /Log the call/);

    await page.getByRole('heading', { name: /^Call OOH-\d{4}-\d{6}$/, level: 1 }).waitFor();
    await page.getByText('Within 1 hour: by').waitFor();
    await expectAccessible(page, 'a call just taken');
    await press(page, /Record the referral/);
    await page.getByRole('heading', { name: 'Record Jas Patel acknowledgement' }).waitFor();
    await expect.poll(() => page.getByText(/Referred to Jas Patel \(First on call, 07700 900171\)/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a call awaiting acknowledgement');
    await keyIn(page, 'Note (optional)', 'On his way');
    await press(page, /Record the acknowledgement/);
    await page.getByText('Referred and acknowledged').first().waitFor();
    await expect.poll(() => page.getByText(/Jas Patel acknowledged at \d\d:\d\d\. On his way/).count()).toBe(1);
    await expectAccessible(page, 'a call acknowledged');
  });

  it('the rota and the categories’ set-up pass axe for the supervisor', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: MANAGER.username, password: MANAGER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/ooh/rota`);
    await page.getByText(/First on call: Jas Patel/).waitFor();
    await expectAccessible(page, 'the rota');
    await page.goto(`${url}/ooh/calls/settings`);
    await page.getByRole('heading', { name: /^Noise/ }).waitFor();
    await expectAccessible(page, 'the call categories');
  });
});
