import { describe, expect, it } from 'vitest';
import { CreateInvoice, FinancialYear, financialYearOf, isOverdue, mayApprove, monthsOf, nextState, spendAgainstBudget, type SpendInvoice } from './invoices';

describe('approving', () => {
  it('refuses an approver their own invoice', () => {
    expect(mayApprove({ raisedBy: 'a', approver: 'a' })).toBe(false);
    expect(mayApprove({ raisedBy: 'a', approver: 'b' })).toBe(true);
  });
});

describe('state moves', () => {
  it('goes received → approved → paid, and disputed back to received', () => {
    expect(nextState('received', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(nextState('approved', 'pay')).toEqual({ ok: true, state: 'paid' });
    expect(nextState('received', 'dispute')).toEqual({ ok: true, state: 'disputed' });
    expect(nextState('approved', 'dispute')).toEqual({ ok: true, state: 'disputed' });
    expect(nextState('disputed', 'resolve')).toEqual({ ok: true, state: 'received' });
  });
  it('refuses the rest, saying why', () => {
    expect(nextState('received', 'pay')).toEqual({ ok: false, why: 'Only an approved invoice can be marked paid: this one is received' });
    expect(nextState('paid', 'dispute').ok).toBe(false);
    expect(nextState('disputed', 'approve').ok).toBe(false);
    expect(nextState('approved', 'approve').ok).toBe(false);
    expect(nextState('received', 'resolve').ok).toBe(false);
  });
});

describe('overdue in London days', () => {
  it('is overdue from the day after the due day, London time (BST: 23:30 UTC is the next day)', () => {
    expect(isOverdue({ state: 'received', dueDate: '2026-06-10', now: new Date('2026-06-10T22:59:00Z') })).toBe(false);
    expect(isOverdue({ state: 'received', dueDate: '2026-06-10', now: new Date('2026-06-10T23:30:00Z') })).toBe(true);
    expect(isOverdue({ state: 'approved', dueDate: '2026-12-01', now: new Date('2026-12-01T23:59:00Z') })).toBe(false);
    expect(isOverdue({ state: 'disputed', dueDate: '2026-12-01', now: new Date('2026-12-02T00:00:00Z') })).toBe(true);
    expect(isOverdue({ state: 'paid', dueDate: '2026-01-01', now: new Date('2026-12-02T00:00:00Z') })).toBe(false);
  });
});

describe('financial years', () => {
  it('runs April to March', () => {
    expect(financialYearOf('2027-03-31')).toBe('2026-27');
    expect(financialYearOf('2027-04-01')).toBe('2027-28');
    expect(financialYearOf('2099-12-31')).toBe('2099-00');
    expect(monthsOf('2026-27')).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(FinancialYear.safeParse('2026-27').success).toBe(true);
    expect(FinancialYear.safeParse('2026-28').success).toBe(false);
  });
});

describe('spend against budget per month', () => {
  it('matches a hand-worked year', () => {
    const inv = (over: Partial<SpendInvoice>): SpendInvoice => ({ heading: 'maintenance', state: 'paid', amountPence: 0, vatPence: 0, invoiceDate: '2026-05-01', paidOn: null, ...over });
    const invoices: SpendInvoice[] = [
      // Maintenance: £1,000 + £200 VAT invoiced in May, paid in June → June spent 120000.
      inv({ amountPence: 100_000, vatPence: 20_000, invoiceDate: '2026-05-20', paidOn: '2026-06-03' }),
      // Maintenance: £500 + £100 VAT paid 31 March 2027 → March spent 60000.
      inv({ amountPence: 50_000, vatPence: 10_000, invoiceDate: '2027-03-01', paidOn: '2027-03-31' }),
      // Maintenance: paid 1 April 2027 → next year: not counted.
      inv({ amountPence: 99_999, invoiceDate: '2027-03-15', paidOn: '2027-04-01' }),
      // Maintenance: approved, dated January → January committed 30000.
      inv({ state: 'approved', amountPence: 25_000, vatPence: 5_000, invoiceDate: '2027-01-09' }),
      // Lines: approved, dated in the previous year → outside this year's months.
      inv({ heading: 'lines', state: 'approved', amountPence: 7_000, invoiceDate: '2026-03-31' }),
      // Lines: paid in April → April spent 4500.
      inv({ heading: 'lines', amountPence: 4_500, invoiceDate: '2026-04-01', paidOn: '2026-04-30' }),
      // Parts: received and disputed → neither committed nor spent.
      inv({ heading: 'parts', state: 'received', amountPence: 1_000 }),
      inv({ heading: 'parts', state: 'disputed', amountPence: 2_000 }),
    ];
    const report = spendAgainstBudget({ year: '2026-27', budgets: { maintenance: 150_000, lines: 50_000 }, invoices });
    const by = Object.fromEntries(report.map((h) => [h.heading, h]));
    expect(report.map((h) => h.heading)).toEqual(['maintenance', 'lines', 'parts', 'projects']);
    expect(by.maintenance).toMatchObject({ budgetPence: 150_000, spentPence: 180_000, committedPence: 30_000, remainingPence: -60_000 });
    const nonZero = (h: (typeof report)[number]) => h.months.filter((m) => m.spentPence || m.committedPence);
    expect(nonZero(by.maintenance!)).toEqual([
      { month: '2026-06', committedPence: 0, spentPence: 120_000 },
      { month: '2027-01', committedPence: 30_000, spentPence: 0 },
      { month: '2027-03', committedPence: 0, spentPence: 60_000 },
    ]);
    expect(by.lines).toMatchObject({ budgetPence: 50_000, spentPence: 4_500, committedPence: 0, remainingPence: 45_500 });
    expect(nonZero(by.lines!)).toEqual([{ month: '2026-04', committedPence: 0, spentPence: 4_500 }]);
    expect(by.parts).toMatchObject({ budgetPence: 0, spentPence: 0, committedPence: 0, remainingPence: 0 });
    expect(by.projects!.months).toHaveLength(12);
  });
});

describe('the invoice input', () => {
  it('wants exactly one of contract and line, and a due date not before the invoice date', () => {
    const base = { supplierInvoiceNumber: 'INV-1', purchaseOrder: 'PO-1', amountPence: 100, invoiceDate: '2026-06-10', dueDate: '2026-06-09', heading: 'lines', description: 'Rental' };
    const both = CreateInvoice.safeParse({ ...base, contractId: crypto.randomUUID(), lineId: crypto.randomUUID() });
    expect(both.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['contractId', 'dueDate']);
    expect(CreateInvoice.safeParse({ ...base, dueDate: '2026-07-10' }).success).toBe(false);
    expect(CreateInvoice.safeParse({ ...base, dueDate: '2026-07-10', lineId: crypto.randomUUID() }).success).toBe(true);
  });
});
