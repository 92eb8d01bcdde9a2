import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import { CreateInvoice } from '../../../../domain/maintenance/invoices';
import { aContract } from '../contracts/contracts.walk';
import * as uc from './invoices.usecases';

// Budget and invoices against a real PostgreSQL: the own-invoice refusal, the append-only events and
// budgets, the overdue and disputed lists (London days) and spend against budget. The clock is set.

const clock = testClock(new Date('2026-06-10T22:30:00Z')); // 23:30 in London: still 10 June
const deps: Deps = testDeps({ clock });
const actorOf = (u: { id: string; username: string }): uc.Actor => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
let coordinator: uc.Actor;
let other: uc.Actor;
let contractId: string;

beforeAll(async () => {
  const org = (await makeOrganisation(deps)).id;
  coordinator = actorOf(await makeUser(deps, { roles: ['coordinator'], organisationId: org }));
  other = actorOf(await makeUser(deps, { roles: ['coordinator'], organisationId: org }));
  contractId = (await aContract(deps, org)).contract.id;
});

const input = (over: Record<string, unknown> = {}) => CreateInvoice.parse({
  contractId, supplierInvoiceNumber: `INV-${Math.floor(Math.random() * 1e9)}`, purchaseOrder: 'PO-1', amountPence: 10_000, vatPence: 2_000,
  invoiceDate: '2026-05-01', dueDate: '2026-06-10', heading: 'maintenance', description: 'May maintenance', ...over,
});

describe('approving', () => {
  it('refuses a coordinator their own invoice, clearly, and lets another approve it', async () => {
    const inv = await uc.createInvoice(deps, { actor: coordinator, input: input() });
    await expect(uc.step(deps, { actor: coordinator, id: inv.id, step: 'approve' })).rejects.toMatchObject({ code: 'maintenance.invoice_own_approval', status: 403 });
    expect((await uc.getInvoice(deps, { id: inv.id })).state).toBe('received');
    const approved = await uc.step(deps, { actor: other, id: inv.id, step: 'approve' });
    expect(approved).toMatchObject({ state: 'approved', approvedBy: { id: other.userId } });
    await expect(uc.step(deps, { actor: other, id: inv.id, step: 'approve' })).rejects.toMatchObject({ code: 'maintenance.invoice_wrong_state', status: 409 });
    await expect(uc.step(deps, { actor: other, id: inv.id, step: 'pay', paidOn: '2026-04-30' })).rejects.toMatchObject({ code: 'validation.failed' });
    const paid = await uc.step(deps, { actor: coordinator, id: inv.id, step: 'pay', paidOn: '2026-06-05' });
    expect(paid).toMatchObject({ state: 'paid', paidOn: '2026-06-05', overdue: false });
    expect(paid.events.map((e) => e.kind)).toEqual(['received', 'approved', 'paid']);
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', inv.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['invoice.received', 'invoice.approved', 'invoice.paid']);
  });

  it('has the database refuse an approval by the invoice’s raiser even past the use case', async () => {
    const inv = await uc.createInvoice(deps, { actor: coordinator, input: input() });
    await expect(deps.db.updateTable('maintenance_invoices').set({ state: 'approved', approved_by: coordinator.userId }).where('id', '=', inv.id).execute()).rejects.toThrow(/check constraint/);
  });
});

describe('append-only', () => {
  it('refuses changing or deleting an invoice event or a budget setting', async () => {
    const inv = await uc.createInvoice(deps, { actor: coordinator, input: input() });
    await expect(deps.db.updateTable('maintenance_invoice_events').set({ reason: 'x' }).where('invoice_id', '=', inv.id).execute()).rejects.toThrow(/append-only/);
    await expect(deps.db.deleteFrom('maintenance_invoice_events').where('invoice_id', '=', inv.id).execute()).rejects.toThrow(/append-only/);
    await uc.setBudget(deps, { actor: coordinator, input: { financialYear: '2040-41', heading: 'lines', amountPence: 100 } });
    await expect(deps.db.deleteFrom('maintenance_budgets').where('financial_year', '=', '2040-41').execute()).rejects.toThrow(/append-only/);
  });

  it('keeps every budget setting, the newest standing', async () => {
    const t0 = clock.now();
    clock.set(new Date()); // later than any earlier run's settings
    await uc.setBudget(deps, { actor: coordinator, input: { financialYear: '2041-42', heading: 'parts', amountPence: 100_000 } });
    clock.advance(1000);
    const after = await uc.setBudget(deps, { actor: other, input: { financialYear: '2041-42', heading: 'parts', amountPence: 120_000, note: 'Cabinet approved more' } });
    expect(after.items).toEqual([expect.objectContaining({ heading: 'parts', amountPence: 120_000, setBy: expect.objectContaining({ id: other.userId }) })]);
    expect(after.history.filter((b) => [coordinator.userId, other.userId].includes(b.setBy.id)).map((b) => b.amountPence)).toEqual([120_000, 100_000]);
    clock.set(t0);
  });
});

describe('the overdue and disputed lists', () => {
  it('lists as overdue only unpaid invoices due before today in London, and the disputed with their reason', async () => {
    const { id: line } = await deps.db.insertInto('connectivity_lines').values({ reference: `LN-${Math.random()}`.slice(0, 20), provider: 'BT', kind: 'fibre', circuit_id: `C-${Math.random()}`.slice(0, 20) }).returning('id').executeTakeFirstOrThrow();
    const dueToday = await uc.createInvoice(deps, { actor: coordinator, input: input({ contractId: undefined, lineId: line, dueDate: '2026-06-10' }) });
    const late = await uc.createInvoice(deps, { actor: coordinator, input: input({ contractId: undefined, lineId: line, dueDate: '2026-06-09' }) });
    const disputed = await uc.createInvoice(deps, { actor: coordinator, input: input({ contractId: undefined, lineId: line, dueDate: '2026-06-01' }) });
    await uc.step(deps, { actor: other, id: disputed.id, step: 'dispute', reason: 'Wrong circuit billed.' });

    const overdue = await uc.listInvoices(deps, { lineId: line, overdue: true, sort: 'due_date_asc' });
    expect(overdue.map((i) => i.id)).toEqual([disputed.id, late.id]);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    expect((await uc.getInvoice(deps, { id: dueToday.id })).overdue).toBe(false);

    const list = await uc.listInvoices(deps, { lineId: line, disputed: true, sort: 'due_date_asc' });
    expect(list).toEqual([expect.objectContaining({ id: disputed.id, state: 'disputed', disputeReason: 'Wrong circuit billed.' })]);
    const resolved = await uc.step(deps, { actor: other, id: disputed.id, step: 'resolve' });
    expect(resolved).toMatchObject({ state: 'received', disputeReason: null });
    expect(resolved.events.map((e) => e.kind)).toEqual(['received', 'disputed', 'resolved']);
    expect(await uc.listInvoices(deps, { lineId: line, disputed: true, sort: 'due_date_asc' })).toEqual([]);
  });
});

describe('spend against budget', () => {
  it('feeds paid and approved invoices of the year to the monthly aggregation', async () => {
    const heading = 'projects';
    const before = await uc.spendReport(deps, { year: '2035-36' });
    const base = before.headings.find((h) => h.heading === heading)!;
    await uc.setBudget(deps, { actor: coordinator, input: { financialYear: '2035-36', heading, amountPence: 1_000_000 } });
    const paid = await uc.createInvoice(deps, { actor: coordinator, input: input({ heading, invoiceDate: '2035-05-01', dueDate: '2035-06-01', amountPence: 50_000, vatPence: 10_000 }) });
    await uc.step(deps, { actor: other, id: paid.id, step: 'approve' });
    await uc.step(deps, { actor: other, id: paid.id, step: 'pay', paidOn: '2035-07-15' });
    const committed = await uc.createInvoice(deps, { actor: coordinator, input: input({ heading, invoiceDate: '2036-02-01', dueDate: '2036-03-01', amountPence: 20_000, vatPence: 0 }) });
    await uc.step(deps, { actor: other, id: committed.id, step: 'approve' });
    await uc.createInvoice(deps, { actor: coordinator, input: input({ heading, invoiceDate: '2035-05-01', dueDate: '2035-06-01', amountPence: 99_000 }) }); // received: neither

    const report = await uc.spendReport(deps, { year: '2035-36' });
    const h = report.headings.find((x) => x.heading === heading)!;
    expect(h).toMatchObject({ budgetPence: 1_000_000, spentPence: base.spentPence + 60_000, committedPence: base.committedPence + 20_000 });
    expect(h.months.find((m) => m.month === '2035-07')!.spentPence - base.months.find((m) => m.month === '2035-07')!.spentPence).toBe(60_000);
    expect(h.months.find((m) => m.month === '2036-02')!.committedPence - base.months.find((m) => m.month === '2036-02')!.committedPence).toBe(20_000);
  });
});
