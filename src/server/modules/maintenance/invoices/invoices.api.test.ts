import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { aContract } from '../contracts/contracts.walk';
import { invoiceInput } from './invoices.walk';
import { SPEND_CSV_HEADER } from './invoices.routes';

// Budget and invoices through the API, by role: an enforcement officer records an invoice, the
// coordinator who raised another cannot approve it, a coordinator approves, the officer pays and
// disputes; the lists, the CSV and spend against budget; operators read the budget but not
// invoices; contractors see nothing.

const deps = testDeps();
const { app } = testApp(deps);

it('takes invoices through approval, payment and dispute, and reports spend against budget, each by the roles allowed', async () => {
  const org = (await makeOrganisation(deps)).id;
  const { client: officer } = await signedInAs(deps, app, ['enforcement_officer'], org);
  const { client: coordinator } = await signedInAs(deps, app, ['coordinator'], org);
  const { client: operator } = await signedInAs(deps, app, ['operator'], org);
  const { client: contractor } = await signedInAs(deps, app, ['contractor'], (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id);
  const { contract } = await aContract(deps, org);

  const bad = await officer.post('/api/v1/invoices', { ...invoiceInput(contract.id), lineId: contract.id, amountPence: -1, dueDate: '2026-04-01' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['amountPence', 'contractId', 'dueDate']);
  expect((await operator.post('/api/v1/invoices', invoiceInput(contract.id))).status).toBe(403);

  const made = await officer.post('/api/v1/invoices', { ...invoiceInput(contract.id), heading: 'projects', invoiceDate: '2030-05-01', dueDate: '2030-05-31' });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ state: 'received', contract: { id: contract.id, reference: contract.reference }, line: null, events: [{ kind: 'received' }] });
  const id = made.body.id;

  expect((await officer.post(`/api/v1/invoices/${id}/approval`)).status).toBe(403); // not a coordinator
  const own = await coordinator.post('/api/v1/invoices', invoiceInput(contract.id)); // due 31 May 2026: overdue
  const refused = await coordinator.post(`/api/v1/invoices/${own.body.id}/approval`);
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ code: 'maintenance.invoice_own_approval', detail: expect.stringContaining('You raised this invoice') });

  expect((await coordinator.post(`/api/v1/invoices/${id}/approval`)).body).toMatchObject({ state: 'approved' });
  expect((await officer.post(`/api/v1/invoices/${id}/payment`, { paidOn: '2030-06-03' })).body).toMatchObject({ state: 'paid', paidOn: '2030-06-03' });
  const disputed = await officer.post(`/api/v1/invoices/${own.body.id}/dispute`, { reason: 'Charged twice for May.' });
  expect(disputed.body).toMatchObject({ state: 'disputed', disputeReason: 'Charged twice for May.', overdue: true });
  expect((await officer.post(`/api/v1/invoices/${id}/dispute`, { reason: 'Too late.' })).body).toMatchObject({ code: 'maintenance.invoice_wrong_state' });

  const list = await officer.get(`/api/v1/invoices?contractId=${contract.id}&overdue=true`);
  expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([own.body.id]);
  expect((await coordinator.get(`/api/v1/invoices?contractId=${contract.id}&sort=amount_desc`)).body.items).toHaveLength(2);
  expect((await operator.get('/api/v1/invoices')).status).toBe(403);
  expect((await contractor.get(`/api/v1/invoices/${id}`)).status).toBe(404);

  const csv = await officer.get(`/api/v1/invoices.csv?contractId=${contract.id}&disputed=true`);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(parse(csv.text, { columns: true })).toEqual([expect.objectContaining({ state: 'Disputed', overdue: 'yes', total_gbp: '1500.00', due_date: '31/5/2026', dispute_reason: 'Charged twice for May.' })]);

  expect((await operator.post('/api/v1/maintenance-budgets', { financialYear: '2030-31', heading: 'projects', amountPence: 1 })).status).toBe(403);
  expect((await coordinator.post('/api/v1/maintenance-budgets', { financialYear: '2030-31', heading: 'projects', amountPence: 10_000_000 })).status).toBe(201);
  expect((await operator.get('/api/v1/maintenance-budgets?year=2030-31')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ heading: 'projects', amountPence: 10_000_000 })]));
  expect((await contractor.get('/api/v1/maintenance-budgets?year=2030-31')).status).toBe(404);
  const spend = await officer.get('/api/v1/maintenance-spend?year=2030-31');
  const projects = spend.body.headings.find((h: { heading: string }) => h.heading === 'projects');
  expect(projects.budgetPence).toBe(10_000_000);
  expect(projects.months.find((m: { month: string }) => m.month === '2030-06').spentPence).toBeGreaterThanOrEqual(150_000);
  const spendCsv = await operator.get('/api/v1/maintenance-spend.csv?year=2030-31');
  const rows = parse(spendCsv.text, { columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0]!)).toEqual(SPEND_CSV_HEADER);
  expect(rows).toHaveLength(48);
  expect(rows).toContainEqual(expect.objectContaining({ heading: 'Projects', month: '2030-06', budget_gbp: '100000.00' }));
  expect((await operator.get('/api/v1/maintenance-spend?year=2030-32')).status).toBe(400);
});
