import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, focused, newPage, signIn, tabTo, useProduct } from './helpers';

// The daily camera check in the browser, from the keyboard: the supervisor's home page shows this
// shift's check not done; an operator goes through the round one key per result, failing one item
// with a note; the camera is then faulty in the register's table and in the map's key, its fault is
// in the faults list, and the supervisor's panel shows the round complete. axe on every page.

const env = useProduct({
  users: [
    { username: 'asharma', displayName: 'Anita Sharma', roles: ['supervisor'], password: 'granite willow beacon' },
    { username: 'dpatel', displayName: 'Dev Patel', roles: ['operator'], password: 'harbour violet engine' },
  ],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      // Three fixed cameras to check (picture, focus, recording, clock each); a body-worn camera,
      // one out of service and one decommissioned that the round leaves out.
      await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status)
         values ('C41', 'Market Place', 'Market Place, Burton upon Trent', 52.8019, -1.6302, 'fixed', 'operational'),
                ('C42', 'Station Street', 'Station Street, Burton upon Trent', 52.8041, -1.6385, 'fixed', 'operational'),
                ('C43', 'High Street', 'High Street, Burton upon Trent', 52.8030, -1.6330, 'fixed', 'operational'),
                ('BW1', 'Body-worn 1', 'Control room', 52.8027, -1.6334, 'body_worn', 'operational'),
                ('C48', 'Bridge Street', 'Bridge Street, Burton upon Trent', 52.8050, -1.6280, 'fixed', 'out_of_service'),
                ('C49', 'Old Market', 'Old Market, Burton upon Trent', 52.8010, -1.6350, 'fixed', 'decommissioned')`,
      );
      await client.query(`insert into equipment (reference, name, kind, location) values ('RAD-1', 'Radio base station', 'radio', 'Control room desk 2')`);
    } finally {
      await client.end();
    }
  },
});

const camerasRow = (page: Page) => page.locator('section[aria-labelledby="checks-panel-title"] tr', { has: page.locator('th', { hasText: 'Cameras' }) });
const said = (page: Page) => page.getByRole('status').filter({ hasText: /saved|Next|complete/ }).first();

describe('daily checks', () => {
  it('an operator completes the camera round from the keyboard with one failure; the camera shows faulty and the supervisor sees the round complete', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const { url } = env.product;

    // The supervisor's home page: this shift's camera check not done.
    const supervisor = await newPage(env.browser);
    await signIn(supervisor, { url, username: 'asharma', password: 'granite willow beacon' });
    await supervisor.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await supervisor.getByRole('heading', { name: 'Daily equipment checks' }).waitFor();
    expect(await camerasRow(supervisor).innerText()).toMatch(/0 of 12 items[\s\S]*Nobody yet[\s\S]*(Not started|Overdue: not started)/);
    await expectAccessible(supervisor, 'the supervisor’s home page with the checks not done');

    // The operator's round: three cameras, the body-worn, out-of-service and decommissioned ones left out.
    const page = await newPage(env.browser);
    await signIn(page, { url, username: 'dpatel', password: 'harbour violet engine' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${url}/estate/checks`);
    await page.getByRole('heading', { name: 'C41 Market Place' }).waitFor();
    await page.getByText('Camera 1 of 3', { exact: true }).waitFor();
    await page.getByText('Market Place, Burton upon Trent').waitFor();
    await page.getByText('Is there a clear, live picture?').waitFor();
    await expectAccessible(page, 'the camera round');
    // The app's shortcuts list the round's keys.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Not applicable (on the daily checks)').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // Focus goes back from the dialog's checkbox (where keys are typing) a moment after it closes.
    await page.waitForFunction(() => !document.activeElement?.closest('dialog'));

    // One key per result; after the last item the camera is saved and the next comes up by itself.
    await page.keyboard.press('p');
    await expect.poll(() => said(page).innerText()).toContain('Picture: passed. Next: Focus.');
    for (let i = 0; i < 3; i++) await page.keyboard.press('p');
    await page.getByRole('heading', { name: 'C42 Station Street' }).waitFor();
    await page.getByText('Camera 2 of 3', { exact: true }).waitFor();
    await expect.poll(() => said(page).innerText()).toBe('C41 saved: 4 passed. Next: camera 2 of 3, C42 Station Street: Picture.');
    expect(page.url()).toMatch(/\/estate\/checks$/);

    // A failure: the note field comes up and takes the keys as text; a fail without a note is refused.
    await page.keyboard.press('p');
    await page.keyboard.press('f');
    await page.getByLabel('What is wrong with the focus?').waitFor();
    expect(await focused(page)).toMatch(/^input#note:/);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /a failed item needs a note/ }).waitFor();
    await expectAccessible(page, 'a failed item without its note');
    await tabTo(page, /a failed item needs a note/);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^input#note:/);
    await page.keyboard.type('Soft focus after the storm, pan fine');
    expect(await page.getByLabel(/What is wrong with the focus/).inputValue()).toBe('Soft focus after the storm, pan fine');
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page).innerText()).toBe('Focus: failed (Soft focus after the storm, pan fine). Next: Recording.');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await page.getByRole('heading', { name: 'C43 High Street' }).waitFor();
    await expect.poll(() => said(page).innerText()).toMatch(/^C42 saved: 3 passed, 1 failed\. Fault FLT-\d{4}-000001 raised\. Next: camera 3 of 3/);

    // N is "not applicable" here, not the app's "new occurrence".
    await page.keyboard.press('p');
    await page.keyboard.press('n');
    await expect.poll(() => said(page).innerText()).toBe('Focus: not applicable. Next: Recording.');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await page.getByRole('heading', { name: 'The cameras round is complete' }).waitFor();
    const summary = await page.locator('.govuk-panel').innerText();
    expect(summary).toContain('3 cameras checked: 10 passed, 1 failed, 1 not applicable.');
    expect(summary).toMatch(/1 failure raised or added to faults: FLT-\d{4}-000001/);
    expect(page.url()).toMatch(/\/estate\/checks$/);
    await expectAccessible(page, 'the camera round complete');

    // The fault in the faults list.
    await tabTo(page, /See the faults raised by the checks/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Faults raised by the checks' }).waitFor();
    const fault = page.getByRole('row', { name: /C42/ });
    await fault.waitFor();
    expect(await fault.innerText()).toMatch(/FLT-\d{4}-000001[\s\S]*Dev Patel[\s\S]*C42\s+Station Street[\s\S]*Focus[\s\S]*Focus failed on the daily check of C42: Soft focus after the storm, pan fine[\s\S]*Open/);
    expect(await page.getByRole('link', { name: 'CSV (spreadsheet)' }).getAttribute('href')).toBe('/api/v1/checks/faults.csv');
    await expectAccessible(page, 'the faults raised by the checks');

    // The camera faulty in the register's table and in the map's key (the map's colours in words).
    await tabTo(page, /^a:Register$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Camera register' }).waitFor();
    const row = page.getByRole('row', { name: /C42/ });
    await row.waitFor();
    expect(await row.locator('.govuk-tag').innerText()).toBe('Faulty');
    expect(await page.getByRole('row', { name: /C41/ }).locator('.govuk-tag').innerText()).toBe('Operational');
    await page.getByRole('heading', { name: 'Key to the map' }).waitFor();
    const key = page.locator('h3', { hasText: 'Key to the map' }).locator('xpath=following-sibling::ul[1]');
    await expect.poll(() => key.innerText()).toMatch(/Faulty: 1/);
    expect(await key.innerText()).toMatch(/Operational: 3/);
    await expectAccessible(page, 'the camera register after the check');

    // The supervisor's panel: the round complete, and who did it.
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: 'Daily equipment checks' }).waitFor();
    await expect.poll(() => camerasRow(supervisor).innerText()).toMatch(/12 of 12 items[\s\S]*Dev Patel[\s\S]*Complete/);
    await expectAccessible(supervisor, 'the supervisor’s home page with the check complete');
  }, 180_000);

  it('the control room’s equipment is checked the same way, chosen from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await newPage(env.browser);
    await signIn(page, { url: env.product.url, username: 'dpatel', password: 'harbour violet engine' });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.goto(`${env.product.url}/estate/checks`);
    await page.getByRole('heading', { name: 'Daily checks', level: 1 }).waitFor();
    await tabTo(page, /^a:Control-room equipment$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/kind=equipment/);
    await page.getByRole('heading', { name: 'RAD-1 Radio base station' }).waitFor();
    await page.getByText('Equipment 1 of 1', { exact: true }).waitFor();
    await page.getByText('Control room desk 2').waitFor();
    // Only the page shown is marked current, in the estate's links and in the choice of round.
    expect(await page.locator('nav [aria-current="page"]').allInnerTexts()).toEqual(expect.arrayContaining(['Daily checks', 'Control-room equipment']));
    expect(await page.locator('nav[aria-label="What to check"] [aria-current="page"]').allInnerTexts()).toEqual(['Control-room equipment']);
    expect(await page.locator('nav[aria-label="Camera estate"] [aria-current="page"]').allInnerTexts()).toEqual(['Daily checks']);
    await expectAccessible(page, 'the equipment round');
    // F then Escape: the failure is dropped; P then B: back to the item to answer it again.
    await page.keyboard.press('f');
    await page.getByLabel('What is wrong with the transmit and receive?').waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('What is wrong with the transmit and receive?').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Fail cancelled' }).innerText()).toBe('Fail cancelled. Back to Transmit and receive.');
    await page.keyboard.press('p');
    await expect.poll(() => said(page).innerText()).toBe('Transmit and receive: passed. Next: Battery.');
    await page.keyboard.press('b');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Back to' }).innerText()).toBe('Back to Transmit and receive.');
    await page.keyboard.press('p');
    await expect.poll(() => said(page).innerText()).toBe('Transmit and receive: passed. Next: Battery.');
    // The server fails the second of the two saves: the operator keeps their place, and trying again
    // sends only what was not saved.
    const posts: string[] = [];
    await page.route('**/api/v1/checks/rounds/*/results', async (route) => {
      posts.push(route.request().postDataJSON().item);
      if (posts.length === 2) await route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, detail: 'The server is busy: try again in a moment.' }) });
      else await route.continue();
    });
    await page.keyboard.press('p');
    await page.getByRole('link', { name: 'The server is busy: try again in a moment.' }).or(page.getByText('The server is busy: try again in a moment.').first()).first().waitFor();
    expect(await page.locator('ol li').allInnerTexts()).toEqual(['Transmit and receive: passed', 'Battery: passed']);
    await page.getByRole('heading', { name: 'RAD-1 Radio base station' }).waitFor();
    await expectAccessible(page, 'a save that failed');
    await tabTo(page, /Try saving RAD-1 again/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The control-room equipment round is complete' }).waitFor();
    expect(posts).toEqual(['transmit_receive', 'battery', 'battery']);
    expect(await page.locator('.govuk-panel').innerText()).toContain('1 piece of equipment checked: 2 passed.');
    await expectAccessible(page, 'the equipment round complete');
  }, 120_000);
});
