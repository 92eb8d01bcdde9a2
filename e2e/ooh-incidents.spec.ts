import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// A major incident from the keyboard alone, as the out-of-hours officer: declare it with its M/ETHANE
// message (refused first without the rendezvous point, what was typed kept), record what the Forward
// Incident Officer reports, log a decision with its rationale, send an updated M/ETHANE message with
// more casualties (the page says what changed), and fetch the PDF from the page's link. axe on every page.

const OFFICER = { username: 'oohmajor', displayName: 'Lisa Major', roles: ['ooh_officer' as const], password: 'harbour violet compass' };
const env = useProduct({ users: [OFFICER] });

async function keyIn(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
async function choose(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Space');
}
async function press(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}

describe('a major incident', () => {
  it('is declared with its M/ETHANE message, logged, updated and printed, from the keyboard', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const page = await newPage(env.browser);
    await signIn(page, { url, username: OFFICER.username, password: OFFICER.password });
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    await page.goto(`${url}/ooh/incidents`);
    await page.getByRole('heading', { name: 'Major incidents', level: 1 }).waitFor();
    await expectAccessible(page, 'the incidents list');
    await page.getByRole('button', { name: 'Declare an incident' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Declare an incident', level: 1 }).waitFor();
    await expectAccessible(page, 'the declare form');

    await keyIn(page, 'Title', 'Shop front collapse, Market Street');
    await choose(page, 'Major incident declared');
    await keyIn(page, 'Street and building number', '14 Market Street');
    await keyIn(page, 'Postcode (optional)', 'DC1 2AB');
    await choose(page, 'Building collapse');
    await keyIn(page, 'Hazards present', 'Falling masonry');
    await keyIn(page, 'Hazards potential', 'Further collapse of the front wall');
    await keyIn(page, 'Route in', 'Station Road');
    await keyIn(page, 'Route out', 'Bridge Street north');
    await keyIn(page, 'Areas to avoid', 'Market Street east of Bridge Street');
    await keyIn(page, 'Number of casualties', '3');
    await keyIn(page, 'Type and severity of casualties', '3 walking wounded, minor');
    await keyIn(page, 'Fire and rescue present', '2');
    await press(page, 'Declare the incident');
    // Refused without the rendezvous point: said beside the field, nothing typed lost.
    await page.getByRole('link', { name: /rendezvous point/i }).first().waitFor();
    expect(await page.getByLabel('Route in', { exact: true }).inputValue()).toBe('Station Road');
    await expectAccessible(page, 'the declare form with its errors');
    await keyIn(page, 'Rendezvous point (RVP)', 'Civic Centre car park');
    await press(page, 'Declare the incident');

    await page.getByRole('heading', { name: /^MI-\d{4}-\d{3}$/, level: 1 }).waitFor();
    await page.getByText(/declared\.$/).first().waitFor();
    await expectAccessible(page, 'the incident');

    await page.getByLabel('From', { exact: true }).focus();
    await page.keyboard.type('Forward');
    await keyIn(page, 'Name or call sign (optional)', 'FIO Okafor');
    await keyIn(page, 'Information received', 'Cordon 50 m in place; six flats evacuated');
    await press(page, 'Record the information');
    await page.getByRole('cell', { name: 'Cordon 50 m in place; six flats evacuated' }).waitFor();

    await keyIn(page, 'Decision', 'Open the Civic Centre rest centre');
    await keyIn(page, 'Rationale', 'Six flats evacuated on a cold night');
    await keyIn(page, 'Decided by', 'Lisa Major');
    await press(page, 'Log the decision');
    await page.getByText('Rationale: Six flats evacuated on a cold night').waitFor();
    await expectAccessible(page, 'the incident with its log');

    await keyIn(page, 'Number of casualties', '5');
    await keyIn(page, 'Type and severity of casualties', '5 walking wounded, one elderly resident assessed');
    await press(page, 'Send the M/ETHANE message');
    await page.getByRole('heading', { name: 'M/ETHANE: version 2 of 2' }).waitFor();
    await page.getByText(/Number of casualties: was “3”, now “5”/).waitFor();
    await expectAccessible(page, 'the incident after the update');

    const href = await page.getByRole('link', { name: /Download the whole incident as a PDF/ }).getAttribute('href');
    const pdf = await page.request.get(`${url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
