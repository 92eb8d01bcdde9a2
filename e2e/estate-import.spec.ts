import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, focused, newPage, signIn, tabTo, useProduct } from './helpers';

// Importing a camera register in the browser, from the keyboard: a file with good and bad rows (a
// quoted name with a comma, CRLF line endings, a "Cam Ref" header the import does not know) is
// checked, its number column mapped by hand, and every bad row listed by its line while nothing is
// imported; the corrected file imports, its cameras are in the register, the same file again adds
// nothing, and a renumbered camera is imported only once the coordinator confirms it; a column without
// a header, and one of two with the same header, are mapped by position. axe on every state.

const env = useProduct({
  users: [{ username: 'rdhillon', displayName: 'Ravi Dhillon', roles: ['coordinator'], password: 'copper meadow lantern' }],
});

const HEADER = 'Cam Ref,Name,Lat,Long,Bearing';
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n');
const GOOD = ['LI-1,"Market Street, north",52.6811,-1.8268,90', 'LI-2,Bore Street,52.6820,-1.8270,40', 'LI-3,"Tamworth Street, east",52.6830,-1.8280,180', 'LI-4,Cathedral Close,52.6850,-1.8300,0'];
const WITH_ERRORS = [GOOD[0], 'LI-2,Bore Street,52.6820,-1.8270,400', GOOD[2], 'LI-4,Cathedral Close,12.5,-1.8300,0'];

async function cameras(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ reference: string }>(`select reference from cameras where reference like 'LI-%' order by reference`)).rows.map((r) => r.reference);
  } finally {
    await client.end();
  }
}

/** Presses Shift+Tab until focus is on something matching: back up the page. */
async function tabBackTo(page: Page, match: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab');
    if (match.test(await focused(page))) return;
  }
  throw new Error(`Shift+Tab never reached ${match}; focus is on ${await focused(page)}`);
}

/** Chooses a file with the file input (reached from the keyboard), then checks it; focus lands on the results' heading. */
async function checkFile(page: Page, name: string, body: Buffer, { back = false } = {}) {
  await (back ? tabBackTo : tabTo)(page, /^input#import-file:/);
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
  await page.getByText(`${name}: 4 camera rows.`).waitFor();
  await tabTo(page, /^button:Check the file/);
  await page.keyboard.press('Enter');
  await page.locator('h2#import-results').waitFor();
  await expect.poll(() => focused(page)).toMatch(/^h2#import-results:/);
}

/** Maps the "Cam Ref" column to the camera number from the keyboard, and checks the file again. */
async function mapCamRef(page: Page) {
  await tabTo(page, /^select#import-column-0:Field for the column Cam Ref/);
  await page.locator('#import-column-0').selectOption('number');
  await page.getByText('You have changed the columns').waitFor();
  await tabTo(page, /^button:Check again with these columns/);
  await page.keyboard.press('Enter');
  await page.getByText('You have changed the columns').waitFor({ state: 'detached' });
}

/** A page signed in as the coordinator, at `path` once its heading shows. */
async function coordinatorAt(path: string, heading: string) {
  const page = await newPage(env.browser!);
  await signIn(page, { url: env.product.url, username: 'rdhillon', password: 'copper meadow lantern' });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await page.goto(`${env.product.url}${path}`);
  await page.getByRole('heading', { name: heading }).waitFor();
  return page;
}

describe('importing a camera register', () => {
  it('lists every bad row by its line, imports nothing until the file is clean, then imports it once', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await coordinatorAt('/estate', 'Camera register');
    await tabTo(page, /^a:Import a register$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import a camera register' }).waitFor();
    await expectAccessible(page, 'the import page');
    expect(await page.getByRole('navigation', { name: 'Camera estate' }).locator('[aria-current="page"]').allInnerTexts()).toEqual(['Import a register']);

    // Checking with nothing chosen says so.
    await tabTo(page, /^button:Check the file/);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Choose the camera register, saved as a CSV file' }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^div:There is a problem/);
    await expectAccessible(page, 'no file chosen');

    // A spreadsheet is not taken: it says how to save it as CSV.
    await tabTo(page, /^input#import-file:/);
    await page.locator('#import-file').setInputFiles({ name: 'register.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\u0003\u0004') });
    await tabTo(page, /^button:Check the file/);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /register.xlsx is a spreadsheet, not a CSV file: save it from the spreadsheet as “CSV UTF-8”/ }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^div:There is a problem/);
    await expectAccessible(page, 'a spreadsheet chosen');

    // "Cam Ref" is not a header the import knows: no camera number, nothing else checked.
    await checkFile(page, 'register.csv', csv(WITH_ERRORS));
    await page.getByRole('heading', { name: 'register.csv has errors: nothing can be imported yet' }).waitFor();
    await page.getByRole('link', { name: /No column gives the camera number/ }).waitFor();
    await expectAccessible(page, 'a file without a number column');
    expect(await page.locator('#import-column-0').inputValue()).toBe('ignore');

    // Map it by hand and check again.
    await mapCamRef(page);
    await page.getByRole('heading', { name: '2 rows with errors' }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^h2#import-results:register.csv has errors/);
    const errors = await page.getByRole('table', { name: '2 rows with errors' }).locator('tbody tr').allInnerTexts();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^3\s+LI-2\s+bearing "400" is not degrees/);
    expect(errors[1]).toMatch(/^5\s+LI-4\s+.*outside the United Kingdom/);
    await page.getByRole('cell', { name: 'Market Street, north' }).waitFor(); // the quoted comma kept in its field
    expect(await page.locator('tr:has(#import-column-0) td').last().innerText()).toBe('By hand');
    await page.getByRole('link', { name: /2 rows have errors/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectAccessible(page, 'a check with row errors');
    expect(await cameras(env.product.databaseUrl)).toEqual([]);

    // The corrected file keeps the hand mapping, checks clean and imports.
    await checkFile(page, 'register-corrected.csv', csv(GOOD), { back: true });
    await page.getByRole('heading', { name: 'register-corrected.csv can be imported' }).waitFor();
    await page.getByRole('heading', { name: '4 cameras to add' }).waitFor();
    expect(await page.locator('#import-column-0').inputValue()).toBe('number');
    await expectAccessible(page, 'a clean check');
    await tabTo(page, /^button:Import 4 cameras/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'register-corrected.csv imported' }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^h2#import-results:register-corrected.csv imported/);
    await page.getByText('4 added, 0 updated, 0 unchanged, 0 flagged, 0 refused').waitFor();
    await expectAccessible(page, 'the import done');
    expect(await cameras(env.product.databaseUrl)).toEqual(['LI-1', 'LI-2', 'LI-3', 'LI-4']);

    await tabTo(page, /^a:See the cameras in the register/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Camera register' }).waitFor();
    for (const n of ['LI-1', 'LI-2', 'LI-3', 'LI-4']) await page.getByRole('link', { name: n, exact: true }).waitFor();
    await page.getByText('Market Street, north').first().waitFor();
    await expectAccessible(page, 'the register with the imported cameras');

    // The same file again adds nothing.
    await tabTo(page, /^a:Import a register$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import a camera register' }).waitFor();
    await checkFile(page, 'register-corrected.csv', csv(GOOD));
    await mapCamRef(page); // a fresh page: the hand mapping is made again
    await page.getByText('0 to add, 0 to update, 4 unchanged').waitFor();
    await page.getByText('Nothing to import: every camera in the file is already in the register').waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectAccessible(page, 'the same file checked again');

    // LI-1 renumbered LI-9 where it stands: flagged, and imported only once confirmed.
    await checkFile(page, 'renumbered.csv', csv([GOOD[0].replace('LI-1', 'LI-9'), ...GOOD.slice(1)]), { back: true });
    await page.getByText(/Line 2: renumber LI-1 as LI-9/).waitFor();
    await expectAccessible(page, 'a renumbering to confirm');
    await tabTo(page, /^input#import-confirm:Line 2: renumber LI-1 as LI-9/);
    await page.keyboard.press('Space');
    await tabTo(page, /^button:Import 1 camera$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'renumbered.csv imported' }).waitFor();
    await page.getByText('0 added, 1 updated, 3 unchanged, 0 flagged, 0 refused').waitFor();
    await page.getByRole('cell', { name: 'LI-9 (was LI-1)' }).waitFor();
    await expectAccessible(page, 'a renumbering imported');
    expect(await cameras(env.product.databaseUrl)).toEqual(['LI-2', 'LI-3', 'LI-4', 'LI-9']);
  }, 180_000);

  it('maps a column without a header, and one of two with the same header, by position', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const page = await coordinatorAt('/estate/import', 'Import a camera register');
    const rows = ['LH-1,Abbey Street,52.6911,-1.8368,spare,By the abbey', 'LH-2,Beacon Street,52.6920,-1.8370,,By the beacon', 'LH-3,Dam Street,52.6930,-1.8380,,', 'LH-4,Gaia Lane,52.6950,-1.8400,,'];
    await checkFile(page, 'headerless.csv', Buffer.from([',Name,Lat,Long,Notes,Notes', ...rows].join('\r\n') + '\r\n'));
    await page.getByRole('heading', { name: 'headerless.csv has errors: nothing can be imported yet' }).waitFor();
    expect(await page.locator('tr:has(#import-column-5) th').innerText()).toBe('Notes (column 6)');

    await tabTo(page, /^select#import-column-0:Field for the column 1\b/);
    await page.locator('#import-column-0').selectOption('number');
    await tabTo(page, /^select#import-column-5:Field for the column Notes \(column 6\)/);
    await page.locator('#import-column-5').selectOption('location');
    await tabTo(page, /^button:Check again with these columns/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'headerless.csv can be imported' }).waitFor();
    await page.getByRole('heading', { name: '4 cameras to add' }).waitFor();
    expect(await page.locator('tr:has(#import-column-0) td').last().innerText()).toBe('By hand');
    expect(await page.locator('tr:has(#import-column-5) td').last().innerText()).toBe('By hand');
    expect(await page.locator('#import-column-4').inputValue()).toBe('ignore');
    await expectAccessible(page, 'columns mapped by position');
  });
});
