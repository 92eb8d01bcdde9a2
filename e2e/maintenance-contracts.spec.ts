import { describe, it } from 'vitest';
import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct } from './helpers';

// Maintenance contracts in the browser: a coordinator sets a contract up with a contractor, adds a
// closure day and records a missed visit; an administrator dates new SLA terms and sees them as
// upcoming. axe on every page visited.

const COORDINATOR = { username: 'mcoord', displayName: 'Maya Coordinator', roles: ['coordinator' as const], password: 'amber harbour thistle' };
const ADMIN = { username: 'madmin', displayName: 'Max Admin', roles: ['admin' as const], password: 'granite willow lantern' };

const env = useProduct({
  users: [COORDINATOR, ADMIN],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(`insert into organisations (name, is_external, kind) values ('Northgate Security Systems Ltd', true, 'contractor')`);
    } finally {
      await client.end();
    }
  },
});

async function fill(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('maintenance contracts', () => {
  it('is set up by a coordinator with a closure day and a note, and given SLA terms by an administrator', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const coord = await newPage(env.browser);
    await signIn(coord, { url, username: COORDINATOR.username, password: COORDINATOR.password });
    await coord.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await coord.goto(`${url}/maintenance/contracts`);
    await coord.getByRole('heading', { name: 'Maintenance contracts', level: 1 }).waitFor();
    await coord.getByText('There are no maintenance contracts yet.').waitFor();
    await expectAccessible(coord, 'the contracts');

    // A mistake first: the form keeps what was typed and says what to fix.
    await fill(coord, coord.getByLabel('Contract reference'), 'CCTV/2026-01');
    await fill(coord, coord.getByLabel('Name', { exact: true }), 'CCTV maintenance 2026 to 2029');
    await coord.getByLabel('Contractor').selectOption({ label: 'Northgate Security Systems Ltd' });
    await fill(coord, coord.getByLabel('Starts on'), '31/2/2026');
    await fill(coord, coord.getByLabel('Monthly charge, in £'), '12,500.00');
    await coord.getByRole('button', { name: 'Set up the contract' }).click();
    await coord.getByRole('alert').getByRole('link', { name: /Enter the day the contract starts as a real date/ }).waitFor();
    await expectAccessible(coord, 'the contract form with an error');
    await fill(coord, coord.getByLabel('Starts on'), '1/4/2026');
    await coord.getByRole('button', { name: 'Set up the contract' }).click();

    await coord.getByRole('heading', { name: 'CCTV maintenance 2026 to 2029', level: 1 }).waitFor();
    await coord.getByText('£12,500.00').waitFor();
    await coord.getByRole('link', { name: 'Monthly performance' }).waitFor();
    await expectAccessible(coord, 'the contract');

    await fill(coord, coord.getByLabel('Day', { exact: true }), '24/12/2030');
    await fill(coord, coord.getByLabel('Why the council is closed'), 'Council closed for Christmas');
    await coord.getByRole('button', { name: 'Add the closure day' }).click();
    await coord.getByRole('cell', { name: 'Council closed for Christmas' }).waitFor();

    await coord.locator('#note-kind').selectOption({ label: 'Missed visit' });
    await fill(coord, coord.getByLabel('Happened on'), '2/11/2026');
    await fill(coord, coord.getByLabel('What happened'), 'No engineer came to the planned monthly visit');
    await coord.getByRole('button', { name: 'Record the note' }).click();
    await coord.getByRole('cell', { name: /No engineer came to the planned monthly visit/ }).waitFor();
    await coord.locator('#note-filter-kind').selectOption({ label: 'Staffing' });
    await coord.getByRole('button', { name: 'Filter' }).click();
    await coord.getByText('No notes match the filter.').waitFor();
    await expectAccessible(coord, 'the contract with its closure day and notes');
    const contractUrl = coord.url().split('?')[0]!;

    // An administrator dates new SLA terms.
    const admin = await newPage(env.browser);
    await signIn(admin, { url, username: ADMIN.username, password: ADMIN.password });
    await admin.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await admin.goto(contractUrl);
    await admin.getByRole('heading', { name: 'SLA terms', exact: true }).waitFor();
    await admin.getByText('No SLA terms are in force yet.').waitFor();
    await fill(admin, admin.getByLabel('Take effect from'), '1/4/2030 00:00');
    await admin.locator('#sla-terms').selectOption({ label: '24/7' });
    await fill(admin, admin.getByLabel('P1: response, hours'), '4');
    await fill(admin, admin.getByLabel('P1: fix, hours'), '24:30');
    await fill(admin, admin.getByLabel('Reason', { exact: true }), 'Contract schedule 3');
    await admin.getByRole('button', { name: 'Set the SLA terms' }).click();
    const upcoming = admin.getByRole('table', { name: 'Upcoming' });
    await upcoming.getByRole('cell', { name: '24 hours 30 minutes' }).waitFor();
    await upcoming.getByRole('cell', { name: '4 hours', exact: true }).waitFor();
    await expectAccessible(admin, 'the contract with upcoming SLA terms');
  });
});
