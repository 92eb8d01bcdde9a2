import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signIn, useProduct, apiPost } from './helpers';
import { londonDay } from '../src/domain/calendar/london';

// Invoices and budget in the browser: an enforcement officer records an invoice against a contract
// (amounts in pounds; too many decimal places refused, what was typed kept) and cannot approve it; a
// coordinator approves it and it is marked paid. The coordinator cannot approve one they recorded;
// it is disputed with the reason and shows under the disputed filter, overdue and disputed in words.
// The budget page shows the payment in its month, in the table and in the chart's table. axe on
// every page.

const OFFICER = { username: 'iofficer', displayName: 'Ida Officer', roles: ['enforcement_officer' as const], password: 'granite willow lantern' };
const COORDINATOR = { username: 'icoord', displayName: 'Ira Coordinator', roles: ['coordinator' as const], password: 'amber harbour thistle' };

let contractorId = '';
const env = useProduct({
  users: [OFFICER, COORDINATOR],
  setup: async (product) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`insert into organisations (name, kind, is_external) values ('Watchfield Systems Ltd', 'contractor', true) returning id`);
      contractorId = rows[0].id;
    } finally {
      await client.end();
    }
  },
});

const post = apiPost;

const daysFrom = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const uk = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}/${day.slice(0, 4)}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('maintenance invoices and budget', () => {
  it('records, approves, pays and disputes invoices, and shows the spend against budget', async (ctx) => {
    if (!env.browser) return ctx.skip();
    const url = env.product.url;
    const today = londonDay();

    const coordinator = await newPage(env.browser);
    await signIn(coordinator, { url, username: COORDINATOR.username, password: COORDINATOR.password });
    await coordinator.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const contract = await post(coordinator, '/api/v1/maintenance/contracts', {
      reference: 'CCTV/2026-01', name: 'CCTV maintenance', contractorOrganisationId: contractorId, startsOn: '2026-04-01',
    });

    // The officer records an invoice against the contract.
    const officer = await newPage(env.browser);
    await signIn(officer, { url, username: OFFICER.username, password: OFFICER.password });
    await officer.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await officer.goto(`${url}/maintenance/invoices`);
    await officer.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await officer.getByText('No invoices have been recorded yet.').waitFor();
    await expectAccessible(officer, 'the invoices list');
    await officer.getByRole('link', { name: 'Record an invoice' }).press('Enter');
    await officer.getByRole('heading', { name: 'Record an invoice' }).waitFor();
    await expectAccessible(officer, 'the invoice form');
    await officer.getByLabel('A maintenance contract').check();
    await officer.getByLabel('Contract', { exact: true }).selectOption({ label: 'CCTV/2026-01 CCTV maintenance (Watchfield Systems Ltd)' });
    await officer.getByLabel('Supplier’s invoice number').fill('WS-1001');
    await officer.getByLabel('Council’s purchase order').fill('PO-77120');
    await officer.getByLabel('Cost heading').selectOption({ label: 'Maintenance' });
    await officer.getByLabel('Amount before VAT').fill('1,234.565');
    await officer.getByLabel('VAT', { exact: true }).fill('246.91');
    await officer.getByLabel('Invoice date', { exact: true }).fill(uk(today));
    await officer.getByLabel('Due date', { exact: true }).fill(uk(daysFrom(today, 30)));
    await officer.getByLabel('What the invoice is for').fill('Quarterly preventive maintenance, 48 cameras');
    await officer.getByRole('button', { name: 'Record the invoice' }).press('Enter');
    await officer.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await officer.getByRole('link', { name: 'Enter the amount in pounds and pence, with no more than 2 decimal places' }).waitFor();
    expect(await officer.getByLabel('Supplier’s invoice number').inputValue()).toBe('WS-1001');
    await expectAccessible(officer, 'the invoice form with an error');
    await officer.getByLabel('Amount before VAT').fill('1,234.56');
    await officer.getByRole('button', { name: 'Record the invoice' }).press('Enter');
    await officer.getByRole('heading', { name: /^WS-1001/, level: 1 }).waitFor();
    await officer.getByText(/Invoice WS-1001 recorded/).waitFor();
    const details = await officer.locator('dl').first().innerText();
    expect(details).toMatch(/Amount before VAT\s+£1,234\.56/);
    expect(details).toMatch(/VAT\s+£246\.91/);
    expect(details).toMatch(/Total\s+£1,481\.47/);
    expect(details).toMatch(/Purchase order\s+PO-77120/);
    expect(details).toMatch(/Contract CCTV\/2026-01/);
    // Not a coordinator: told who approves it, and no button.
    await officer.getByText('A coordinator who did not record this invoice approves it.').waitFor();
    expect(await officer.getByRole('button', { name: 'Approve the invoice' }).count()).toBe(0);
    await expectAccessible(officer, 'a received invoice');
    const invoiceUrl = officer.url();

    // The coordinator approves it; it is marked paid today.
    await coordinator.goto(invoiceUrl);
    await coordinator.getByRole('heading', { name: 'Approve the invoice' }).waitFor();
    await expectAccessible(coordinator, 'an invoice to approve');
    await coordinator.getByRole('button', { name: 'Approve the invoice' }).press('Enter');
    await coordinator.getByText('Invoice WS-1001 approved.').waitFor();
    await coordinator.getByRole('heading', { name: 'Mark it paid' }).waitFor();
    expect(await coordinator.getByLabel('Day it was paid').inputValue()).toBe(uk(today));
    await expectAccessible(coordinator, 'an approved invoice');
    await coordinator.getByRole('button', { name: 'Mark paid' }).press('Enter');
    await coordinator.getByText(`Invoice WS-1001 marked paid on ${uk(today)}.`).waitFor();
    expect(await coordinator.locator('dl').first().innerText()).toMatch(/State\s+Paid/);
    const history = await coordinator.locator('ol.govuk-list').innerText();
    expect(history).toMatch(/Recorded as received[\s\S]*By Ida Officer[\s\S]*Approved[\s\S]*By Ira Coordinator[\s\S]*Marked paid/);
    await expectAccessible(coordinator, 'a paid invoice');

    // One the coordinator records, overdue: they cannot approve it; they dispute it.
    const own = await post(coordinator, '/api/v1/invoices', {
      contractId: contract.id, supplierInvoiceNumber: 'WS-0950', purchaseOrder: 'PO-77001', amountPence: 50_000, vatPence: 10_000,
      invoiceDate: daysFrom(today, -60), dueDate: daysFrom(today, -30), heading: 'parts', description: 'Spare domes',
    });
    await coordinator.goto(`${url}/maintenance/invoices/${own.id}`);
    await coordinator.getByText('You recorded this invoice, so you cannot approve it: another coordinator must.').waitFor();
    expect(await coordinator.getByRole('button', { name: 'Approve the invoice' }).count()).toBe(0);
    await coordinator.getByRole('heading', { name: /^WS-0950/, level: 1 }).getByText('Overdue').waitFor();
    await expectAccessible(coordinator, 'one’s own overdue invoice');
    await coordinator.getByLabel('Why is it disputed?').fill('Charged for 12 domes; 10 were delivered');
    await coordinator.getByRole('button', { name: 'Dispute the invoice' }).press('Enter');
    await coordinator.getByText('Invoice WS-0950 disputed.').waitFor();
    expect(await coordinator.locator('dl').first().innerText()).toMatch(/Why it is disputed\s+Charged for 12 domes; 10 were delivered/);
    await coordinator.getByRole('heading', { name: 'Resolve the dispute' }).waitFor();
    await expectAccessible(coordinator, 'a disputed invoice');

    // The list: both, flagged in words; the disputed filter shows the one.
    await coordinator.getByRole('link', { name: 'Invoices', exact: true }).first().press('Enter');
    await coordinator.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await coordinator.getByRole('table').getByText('2 invoices').waitFor();
    const rows = coordinator.getByRole('table').getByRole('row');
    expect(await rows.filter({ hasText: 'WS-0950' }).innerText()).toMatch(/Disputed\s+Overdue/);
    expect(await rows.filter({ hasText: 'WS-1001' }).innerText()).toMatch(/Paid[\s\S]*£1,481\.47/);
    await expectAccessible(coordinator, 'the invoices list with invoices');
    await coordinator.getByLabel('Disputed', { exact: true }).check();
    await coordinator.getByRole('button', { name: 'Filter' }).press('Enter');
    await coordinator.getByRole('table').getByText('1 invoice: disputed').waitFor();
    expect(coordinator.url()).toMatch(/disputed=true/);
    expect(await rows.filter({ hasText: 'WS-1001' }).count()).toBe(0);
    await rows.filter({ hasText: 'WS-0950' }).waitFor();
    await expectAccessible(coordinator, 'the disputed invoices');
    // Sorted by the amount, largest first.
    await coordinator.getByLabel('Disputed', { exact: true }).uncheck();
    await coordinator.getByRole('button', { name: 'Filter' }).press('Enter');
    await coordinator.getByRole('table').getByText('2 invoices').waitFor();
    await coordinator.getByRole('columnheader', { name: /^Total with VAT/ }).getByRole('link').press('Enter');
    await coordinator.locator('th[aria-sort="ascending"]', { hasText: 'Total with VAT' }).waitFor();
    expect(coordinator.url()).toMatch(/sort=amount_asc/);
    await coordinator.getByRole('columnheader', { name: /^Total with VAT/ }).getByRole('link').press('Enter');
    await coordinator.locator('th[aria-sort="descending"]', { hasText: 'Total with VAT' }).waitFor();
    // The order is the server's: the rows follow once the list comes back.
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/WS-1001/);
    expect(await rows.nth(2).innerText()).toMatch(/WS-0950/);

    // The budget: set for maintenance, the payment spent in this month.
    await coordinator.getByRole('link', { name: 'Budget and spend' }).press('Enter');
    await coordinator.getByRole('heading', { name: 'Budget and spend', level: 1 }).waitFor();
    await coordinator.getByRole('heading', { name: /^Set a budget for \d{4}-\d{2}$/ }).waitFor();
    const setForm = coordinator.locator('form[aria-labelledby="budget-title"]');
    await setForm.getByLabel('Cost heading').selectOption({ label: 'Maintenance' });
    await setForm.getByLabel('Budget for the year').fill('120,000');
    await setForm.getByRole('button', { name: 'Set the budget' }).press('Enter');
    await coordinator.getByText(/Maintenance budget for \d{4}-\d{2} set to £120,000\.00\./).waitFor();
    const perHeading = coordinator.getByRole('table', { name: /Budget, committed, spent and remaining per heading/ });
    await perHeading.getByText('£118,518.53').first().waitFor();
    expect(await perHeading.getByRole('row').filter({ hasText: 'Maintenance' }).innerText()).toMatch(/£120,000\.00\s+£0\.00\s+£1,481\.47\s+£118,518\.53/);
    expect(await perHeading.getByRole('row').filter({ hasText: 'Spare parts' }).innerText()).toMatch(/None set\s+£0\.00\s+£0\.00\s+£0\.00/);
    const month = `${MONTHS[Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}`;
    const chartTable = coordinator.getByRole('table', { name: /Spend against budget per month/ });
    expect(await chartTable.getByRole('row').filter({ hasText: month }).innerText()).toMatch(/£1,481\.47\s+£0\.00\s+£1,481\.47\s+£120,000\.00/);
    await coordinator.locator('.vigil-chart__canvas svg').waitFor();
    expect(await coordinator.getByRole('link', { name: 'CSV (spreadsheet)' }).getAttribute('href')).toMatch(/^\/api\/v1\/maintenance-spend\.csv\?year=\d{4}-\d{2}$/);
    await expectAccessible(coordinator, 'the budget and spend');

    // The officer reads the budget too, without the form to set it.
    await officer.goto(`${url}/maintenance/budget`);
    await officer.getByRole('table', { name: /Budget, committed, spent and remaining/ }).waitFor();
    expect(await officer.getByRole('heading', { name: /Set a budget/ }).count()).toBe(0);
    await expectAccessible(officer, 'the budget, read only');
  }, 180_000);
});
