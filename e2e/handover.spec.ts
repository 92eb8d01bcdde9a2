import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Handing over the shift to a named operator, who is told on every page until they acknowledge it.

const env = useProduct({
  users: [
    { username: 'pshah', displayName: 'Priya Shah', roles: ['operator'], password: 'harbour violet kestrel' },
    { username: 'scarter', displayName: 'Sam Carter', roles: ['operator'], password: 'granite willow parade' },
    { username: 'scarter2', displayName: 'Sam Carter', roles: ['operator'], password: 'saffron beacon tundra' },
  ],
});

const banner = (page: Page) => page.getByRole('region', { name: 'Handover waiting' });

/** Opens Home and waits for the check for handovers waiting: after it, no banner means none waits. */
async function expectNoBannerOnHome(page: Page) {
  const checked = page.waitForResponse((r) => r.url().includes('/api/v1/handovers?status=waiting_for_me') && r.ok());
  await page.goto(`${env.product.url}/`);
  await checked;
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  expect(await banner(page).count()).toBe(0);
}

async function signedIn(username: string, password: string) {
  const page = await newPage(env.browser!);
  await signIn(page, { url: env.product.url, username, password });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  return page;
}

describe('shift handover', () => {
  it('Priya hands over her shift to Sam by name (the form before the history), and is told to whom it went and what', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const priya = await signedIn('pshah', 'harbour violet kestrel');

    // Her own occurrence this shift is hers to pass on, and ticked.
    await priya.goto(`${env.product.url}/occurrences/new`);
    await priya.getByLabel('What is happening').fill('Man sleeping in the Union Street doorway');
    await priya.getByLabel('Category').selectOption({ label: 'Concern for welfare' });
    await priya.getByRole('button', { name: 'Open occurrence' }).click();
    await priya.waitForURL(/\/occurrences\/[0-9a-f-]{36}/);

    await priya.goto(`${env.product.url}/occurrences/handover`);
    const form = priya.getByRole('form', { name: 'Hand over your shift' });
    await form.waitFor();
    await priya.getByRole('table', { name: 'Recent handovers' }).waitFor();
    // The form comes before the history of old handovers.
    const formFirst = await priya.evaluate(() => {
      const f = document.querySelector('form[aria-labelledby="handover-title"]')!;
      const history = document.getElementById('recent-title')!;
      return Boolean(f.compareDocumentPosition(history) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(formFirst).toBe(true);
    await form.getByText(/Man sleeping in the Union Street doorway: opened, 1 entry/).waitFor();
    expect(await form.getByRole('checkbox', { name: /Man sleeping in the Union Street doorway/ }).isChecked()).toBe(true);
    await expectAccessible(priya, 'handover form');

    // Without saying to whom, it is refused and nothing typed is lost.
    await form.getByLabel('Notes for the next shift').fill('Outreach team due at 06:00.');
    await form.getByRole('button', { name: 'Hand over' }).click();
    await priya.locator('.govuk-error-summary').getByText('Choose who you are handing over to').waitFor();
    expect(await form.getByLabel('Notes for the next shift').inputValue()).toBe('Outreach team due at 06:00.');

    // Two people called Sam Carter: the list tells them apart.
    await form.getByLabel('Hand over to').selectOption({ label: 'Sam Carter (scarter)' });
    await form.getByRole('button', { name: 'Hand over' }).click();
    const sent = priya.getByRole('alert');
    await sent.getByText('Handed over to Sam Carter').waitFor();
    await sent.getByText(/1 occurrence and 0 actions passed on\./).waitFor();
    await priya.getByRole('table', { name: 'Recent handovers' }).getByRole('row', { name: /Priya Shah/ }).getByText('Waiting').waitFor();
    await expectAccessible(priya, 'handover sent');
    // She is not told that a handover waits: it is not for her.
    await expectNoBannerOnHome(priya);
    await priya.context().close();
  });

  // After the test above (two tests only to keep each under the time limit on a busy machine).
  it('Sam is told on every page until he acknowledges it; the other Sam Carter is not', async (ctx) => {
    if (!env.browser) return ctx.skip();

    // The other Sam Carter is not told: it is not for him.
    const other = await signedIn('scarter2', 'saffron beacon tundra');
    await expectNoBannerOnHome(other);
    await other.context().close();

    // Home tells him, and so does any other page.
    const addressee = await signedIn('scarter', 'granite willow parade');
    await banner(addressee).getByText('Priya Shah has handed over to you').waitFor();
    await expectAccessible(addressee, 'home with a handover waiting');
    await addressee.goto(`${env.product.url}/occurrences`);
    await addressee.getByRole('heading', { level: 1 }).waitFor();
    await banner(addressee).getByText('Priya Shah has handed over to you').waitFor();

    // He follows it, reads it and acknowledges it; the banner goes.
    await banner(addressee).getByRole('link', { name: 'Read and acknowledge the handover' }).click();
    await addressee.getByRole('heading', { name: 'Handover from Priya Shah' }).waitFor();
    await addressee.getByText('Outreach team due at 06:00.').waitFor();
    await addressee.getByRole('link', { name: /OCC-\d{4}-\d{6}/ }).first().waitFor();
    await expectAccessible(addressee, 'handover in full');
    await addressee.getByRole('button', { name: 'Acknowledge handover' }).click();
    await addressee.getByText('Handover from Priya Shah acknowledged.').waitFor();
    await expect.poll(() => banner(addressee).count()).toBe(0);
    await expectNoBannerOnHome(addressee);
    await addressee.context().close();
  });
});
