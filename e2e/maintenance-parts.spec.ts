import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, typeInto, useProduct } from './helpers';

// Spare parts in the browser: a coordinator adds a store and a part with a reorder level, receives
// stock, and signs some out to the contractor's engineer with the engineer's signature drawn in the
// box (refused first without it, what was typed kept); the part is then flagged below its reorder
// level on its page and in the list, where the count says so in words. axe on every page.

const COORDINATOR = { username: 'pcoord', displayName: 'Pat Coordinator', roles: ['coordinator' as const], password: 'copper lantern meadow' };
const env = useProduct({ users: [COORDINATOR] });

describe('spare parts', () => {
  it('are set up, received and signed out with a drawn signature, then flagged below their reorder level', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: COORDINATOR.username, password: COORDINATOR.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/maintenance/parts`);
    await page.getByRole('heading', { name: 'Spare parts', level: 1 }).waitFor();
    await page.getByText('No stores have been added yet').waitFor();
    await expectAccessible(page, 'the spare parts (empty)');

    // A store, then a part in it with a reorder level of 3.
    await typeInto(page, page.getByLabel('Store name'), 'Control room store');
    await typeInto(page, page.getByLabel('Where it is (optional)'), 'Civic Centre, level 2');
    await page.getByRole('button', { name: 'Add the store' }).press('Enter');
    await page.getByText('Store Control room store added.').waitFor();
    await page.locator('#part-storeId').selectOption({ label: 'Control room store' });
    await typeInto(page, page.getByLabel('Part number', { exact: true }), 'PSU-12V');
    await typeInto(page, page.getByLabel('Description', { exact: true }), '12 V camera power supply');
    await typeInto(page, page.getByLabel('Unit cost, in pounds'), '24.50');
    await typeInto(page, page.getByLabel('Reorder level', { exact: true }), '3');
    await page.getByRole('button', { name: 'Add the part' }).press('Enter');
    await page.getByText('Part PSU-12V added to Control room store.').waitFor();
    const row = page.getByRole('row', { name: /PSU-12V/ });
    await expect.poll(() => row.textContent()).toContain('£24.50');
    // None on hand yet, under a level of 3: already below it.
    await page.getByText('1 part is below its reorder level.').waitFor();
    await expectAccessible(page, 'the spare parts');

    await row.getByRole('link', { name: 'PSU-12V' }).click();
    await page.getByRole('heading', { name: '12 V camera power supply', level: 1 }).waitFor();
    await expectAccessible(page, 'the part');

    // Five received: no longer below the level.
    await typeInto(page, page.getByLabel('How many were received'), '5');
    await page.getByRole('button', { name: 'Record the stock received' }).press('Enter');
    await page.getByText('5 of part PSU-12V received.').waitFor();
    await expect.poll(() => page.locator('.govuk-summary-list').textContent()).toMatch(/On hand5(?!\d)/);
    expect(await page.locator('.govuk-summary-list').getByText('Below reorder level').count()).toBe(0);

    // Signing three out without the engineer's signature is refused; what was typed is kept.
    const signOut = page.locator('form', { has: page.getByRole('heading', { name: 'Sign out to the contractor’s engineer' }) });
    await typeInto(page, signOut.getByLabel('How many', { exact: true }), '3');
    await typeInto(page, signOut.getByLabel('Why the part is needed', { exact: true }), 'Camera C12 has no power: the supply has failed');
    await typeInto(page, signOut.getByLabel('Engineer’s name', { exact: true }), 'Sam Engineer');
    await typeInto(page, signOut.getByLabel('Engineer’s organisation', { exact: true }), 'Acme CCTV Maintenance Ltd');
    await signOut.getByRole('button', { name: 'Sign the part out' }).press('Enter');
    await signOut.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await signOut.getByRole('link', { name: /Ask the engineer to sign in the box/ }).waitFor();
    expect(await signOut.getByLabel('Engineer’s name', { exact: true }).inputValue()).toBe('Sam Engineer');
    await expectAccessible(page, 'the sign-out refused');

    // The engineer signs with the mouse.
    const pad = signOut.getByRole('img', { name: /Signature box/ });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 40 + i * 25, box.y + box.height * (0.6 - (i % 2) * 0.2), { steps: 2 });
    await page.mouse.up();
    await signOut.getByRole('img', { name: 'Signature box, signed' }).waitFor();
    await signOut.getByRole('button', { name: 'Sign the part out' }).click();
    await page.getByText('3 of part PSU-12V signed out to Sam Engineer.').waitFor();

    // Two left under a level of 3: flagged, with the signed-out movement and its signature in the ledger.
    await page.locator('.govuk-summary-list').getByText('Below reorder level').waitFor();
    await page.getByText('2 on hand is below the reorder level of 3: order more.').waitFor();
    const ledger = page.getByRole('table', { name: /Every movement of the stock/ });
    await ledger.getByRole('row', { name: /Signed out/ }).getByText('To Sam Engineer, Acme CCTV Maintenance Ltd').waitFor();
    const signature = ledger.getByRole('img', { name: 'Signature of Sam Engineer' });
    await signature.waitFor();
    await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page, 'the part after signing out');

    // From the keyboard alone: the engineer's typed name signs the box (Enter in its field).
    await typeInto(page, signOut.getByLabel('How many', { exact: true }), '1');
    await typeInto(page, signOut.getByLabel('Why the part is needed', { exact: true }), 'Spare for camera C14, same supply');
    await typeInto(page, signOut.getByLabel('Engineer’s name', { exact: true }), 'Kim Keys');
    await typeInto(page, signOut.getByLabel('Engineer’s organisation', { exact: true }), 'Acme CCTV Maintenance Ltd');
    await typeInto(page, signOut.getByLabel('Or type the engineer’s name to sign'), 'Kim Keys');
    await page.keyboard.press('Enter');
    await signOut.getByRole('img', { name: 'Signature box, signed with the typed name Kim Keys' }).waitFor();
    await signOut.getByRole('button', { name: 'Sign the part out' }).press('Enter');
    await page.getByText('1 of part PSU-12V signed out to Kim Keys.').waitFor();
    await page.getByText('1 on hand is below the reorder level of 3: order more.').waitFor();
    await ledger.getByRole('img', { name: 'Signature of Kim Keys' }).waitFor();

    // The list flags it and counts it in words; the filter keeps only those below the level.
    await page.getByRole('link', { name: 'Spare parts' }).first().click();
    await page.getByRole('heading', { name: 'Spare parts', level: 1 }).waitFor();
    await page.getByText('1 part is below its reorder level.').waitFor();
    await page.getByRole('row', { name: /PSU-12V/ }).getByText('Below reorder level').waitFor();
    await page.getByLabel('Only below their reorder level').check();
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/below=true/);
    await page.getByText('1 part matching the filter').waitFor();
    await expectAccessible(page, 'the spare parts below their reorder level');
  });
});
