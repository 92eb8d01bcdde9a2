import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, typeInto, useProduct, apiPost } from './helpers';

// The contractor's portal in the browser: a contractor's engineer sees only the faults on their
// organisation's contract (another contractor's fault is neither listed nor reachable by its
// address), records attending with a time, a diagnosis, a part used, a photo and the fix, and is told
// the council will accept or reopen it. They cannot reach occurrences, evidence or the estate. axe
// on every page.

const CONTRACTOR = { username: 'eengineer', displayName: 'Eve Engineer', roles: ['contractor' as const], password: 'copper kestrel orchard', external: true };
const OPERATOR = { username: 'coperator', displayName: 'Cal Operator', roles: ['operator' as const], password: 'granite meadow lantern' };
const COORDINATOR = { username: 'ccoord', displayName: 'Cat Coordinator', roles: ['coordinator' as const], password: 'amber thistle harbour' };
const ADMIN = { username: 'cadmin', displayName: 'Cid Admin', roles: ['admin' as const], password: 'willow granite beacon' };

const ids = { ours: '', theirs: '', cameraA: '', cameraB: '' };
const env = useProduct({
  users: [CONTRACTOR, OPERATOR, COORDINATOR, ADMIN],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const org = async (name: string) => (await client.query(`insert into organisations (name, kind, is_external) values ($1, 'contractor', true) returning id`, [name])).rows[0].id as string;
      ids.ours = await org('Watchfield Systems Ltd');
      ids.theirs = await org('Other CCTV Ltd');
      await client.query(`update users set organisation_id = $1 where username = $2`, [ids.ours, CONTRACTOR.username]);
      const camera = async (reference: string, name: string) => (await client.query(
        `insert into cameras (reference, name, location_text, latitude, longitude, kind, status) values ($1, $2, 'Market Place', 52.8, -1.63, 'fixed', 'operational') returning id`,
        [reference, name])).rows[0].id as string;
      ids.cameraA = await camera('C101', 'Market Place north');
      ids.cameraB = await camera('C202', 'Bus station');
    } finally {
      await client.end();
    }
  },
});

const post = apiPost;

const signedIn = async (user: { username: string; password: string }) => {
  const page = await newPage(env.browser!);
  await signIn(page, { url: env.product.url, username: user.username, password: user.password });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  return page;
};

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('the contractor portal', () => {
  it('shows the contractor only their contract\'s faults, and takes a fault from attended to fixed', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;

    const coordinator = await signedIn(COORDINATOR);
    const ours = await post(coordinator, '/api/v1/maintenance/contracts', { reference: 'CCTV/2026-01', name: 'CCTV maintenance', contractorOrganisationId: ids.ours, startsOn: '2026-04-01' });
    const theirs = await post(coordinator, '/api/v1/maintenance/contracts', { reference: 'CCTV/2026-02', name: 'Other maintenance', contractorOrganisationId: ids.theirs, startsOn: '2026-04-01' });
    const admin = await signedIn(ADMIN);
    await post(admin, `/api/v1/maintenance/contracts/${ours.id}/sla-terms`, {
      effectiveFrom: new Date().toISOString(), reason: 'Terms as signed.', terms: [{ priority: 'P2', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }],
    });
    const operator = await signedIn(OPERATOR);
    const fault = await post(operator, '/api/v1/maintenance/faults', { target: 'camera', cameraId: ids.cameraA, description: 'Picture frozen since the storm.', priority: 'P2', contractId: ours.id });
    const other = await post(operator, '/api/v1/maintenance/faults', { target: 'camera', cameraId: ids.cameraB, description: 'No picture at night.', priority: 'P3', contractId: theirs.id });
    // Raised an hour ago (the terms in force then), so that the engineer can say they arrived minutes ago.
    const db = new pg.Client({ connectionString: env.product.databaseUrl });
    await db.connect();
    try {
      await db.query(`set session_replication_role = replica`); // the history is append-only: its triggers stand aside for this set-up
      await db.query(`update faults set raised_at = raised_at - interval '1 hour' where id = $1`, [fault.id]);
      await db.query(`update fault_events set at = at - interval '1 hour', recorded_at = recorded_at - interval '1 hour' where fault_id = $1`, [fault.id]);
      await db.query(`update maintenance_sla_terms set effective_from = effective_from - interval '2 hours' where contract_id = $1`, [ours.id]);
    } finally {
      await db.end();
    }

    const page = await signedIn(CONTRACTOR);
    await page.getByRole('heading', { name: 'Your contract’s faults' }).waitFor();
    await page.getByRole('link', { name: '1 open fault' }).waitFor();
    await expectAccessible(page, 'the contractor\'s home page');

    await page.getByRole('link', { name: '1 open fault' }).click();
    await page.getByRole('heading', { name: 'Contract faults', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(fault.reference) });
    await row.waitFor();
    expect(await page.getByText(other.reference).count()).toBe(0);
    expect(await row.textContent()).toContain('C101');
    expect(await row.textContent()).toContain('Within time');
    await expectAccessible(page, 'the contract faults');

    // Another contractor's fault cannot be opened by its address.
    await page.goto(`${url}/contractor/faults/${other.id}`);
    await page.getByRole('heading', { name: 'Fault not found' }).waitFor();
    await expectAccessible(page, 'another contractor\'s fault');

    await page.goto(`${url}/contractor/faults`);
    await page.getByRole('link', { name: fault.reference }).click();
    await page.getByRole('heading', { name: 'C101 Market Place north', level: 1 }).waitFor();
    await page.getByRole('table', { name: /Response and fix deadlines/ }).waitFor();
    await expectAccessible(page, 'the fault');

    // On a phone-sized screen, as engineers use it on site. Attended at a time typed in.
    await page.setViewportSize({ width: 375, height: 800 });
    const attended = page.locator('form', { has: page.getByRole('heading', { name: 'Attended' }) });
    const now = new Date(Date.now() - 5 * 60_000);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    await attended.getByLabel('Time').fill(time);
    await attended.getByRole('button', { name: 'Record attending' }).click();
    await page.getByText('Attendance recorded.').waitFor();
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Attended' }) }).getByText(new RegExp(`${time}, Eve Engineer`)).waitFor();
    await expect.poll(() => page.locator('.govuk-summary-list').textContent()).toContain('Attended');
    await expectAccessible(page, 'the fault attended');

    const diagnosed = page.locator('form', { has: page.getByRole('heading', { name: 'Diagnosis' }) });
    await typeInto(page, diagnosed.getByLabel('What is wrong with it'), 'Power supply failed after the lightning strike.');
    await diagnosed.getByRole('button', { name: 'Record the diagnosis' }).click();
    await page.getByText('Diagnosis recorded.').waitFor();

    const partUsed = page.locator('form', { has: page.getByRole('heading', { name: 'Part used' }) });
    await typeInto(page, partUsed.getByLabel('Part used'), '12 V power supply');
    await partUsed.getByLabel('How many').fill('1');
    await partUsed.getByRole('button', { name: 'Record the part used' }).click();
    await page.getByText('Part used recorded.').waitFor();
    await page.getByText('1 × 12 V power supply').waitFor();

    const photo = page.locator('form', { has: page.getByRole('heading', { name: 'Add a photo' }) });
    await photo.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'psu.png', mimeType: 'image/png', buffer: PNG });
    await typeInto(page, photo.getByLabel('What it shows (optional)'), 'The burnt-out supply');
    await photo.getByRole('button', { name: 'Add the photo' }).click();
    await page.getByText('Photo added.').waitFor();
    await page.getByRole('img', { name: /Photo added .*The burnt-out supply/ }).waitFor();
    await expectAccessible(page, 'the fault with a photo');

    const fixed = page.locator('form', { has: page.getByRole('heading', { name: 'Fixed' }) });
    await typeInto(page, fixed.getByLabel('What was done'), 'Replaced the power supply; picture restored.');
    await fixed.getByRole('button', { name: 'Record the fix' }).click();
    await page.getByText('Fix recorded: the council will accept it or reopen the fault.').waitFor();
    await page.getByText('Fixed, awaiting the council’s acceptance: the council will accept the fix or reopen the fault.').waitFor();
    expect(await page.getByRole('button', { name: 'Record the fix' }).count()).toBe(0);
    await expectAccessible(page, 'the fault fixed');

    // Reporting a fault of their own: refused without the camera, what was typed kept; then reported.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/contractor/faults`);
    await page.getByRole('link', { name: 'Report a fault' }).click();
    await page.getByRole('heading', { name: 'Report a fault', level: 1 }).waitFor();
    await page.getByLabel('Camera', { exact: true }).first().check();
    await typeInto(page, page.getByLabel('What is wrong'), 'Housing cracked, water inside the dome.');
    await page.getByRole('button', { name: 'Report the fault' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Choose the camera' }).waitFor();
    expect(await page.getByLabel('What is wrong').inputValue()).toBe('Housing cracked, water inside the dome.');
    await expectAccessible(page, 'the report refused');
    await typeInto(page, page.getByLabel('Find the camera'), 'market');
    await page.getByLabel('Camera', { exact: true }).last().selectOption({ label: 'C101 Market Place north, Market Place (faulty)' });
    await page.getByRole('button', { name: 'Report the fault' }).click();
    await page.getByText(/^Fault .* reported\.$/).waitFor();
    await page.getByRole('heading', { name: 'C101 Market Place north', level: 1 }).waitFor();
    await expectAccessible(page, 'the fault reported');

    // Nothing else of the council's system.
    for (const path of ['/occurrences', '/evidence', '/estate']) {
      await page.goto(`${url}${path}`);
      await page.getByRole('heading', { name: /You do not have access to this page|Page not found/ }).waitFor();
      await expectAccessible(page, `${path} refused`);
    }
  });
});
