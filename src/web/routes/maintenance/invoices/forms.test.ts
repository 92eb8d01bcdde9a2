import { describe, expect, it } from 'vitest';
import { actionsFor, emptyInvoice, invoiceBodyOf } from './forms';

const ID = '0b8f2c7e-4d1a-4f3b-9c2e-1a2b3c4d5e6f';
const draft = { ...emptyInvoice(), against: 'contract', contractId: ID, lineId: 'left over', supplierInvoiceNumber: 'INV-1', purchaseOrder: 'PO-9',
  amount: '1,234.56', vat: '246.91', invoiceDate: '3/12/2026', dueDate: '2/1/2027', heading: 'maintenance', description: 'Quarterly maintenance' };

describe('invoiceBodyOf', () => {
  it('sends pence and days, against the contract chosen only', () => {
    expect(invoiceBodyOf(draft).body).toEqual({
      contractId: ID, lineId: undefined, supplierInvoiceNumber: 'INV-1', purchaseOrder: 'PO-9', amountPence: 123456, vatPence: 24691,
      invoiceDate: '2026-12-03', dueDate: '2027-01-02', heading: 'maintenance', description: 'Quarterly maintenance',
    });
    expect(invoiceBodyOf({ ...draft, against: 'line', lineId: ID }).body).toMatchObject({ contractId: undefined, lineId: ID });
  });
  it('takes no VAT as none', () => {
    expect(invoiceBodyOf({ ...draft, vat: '' }).body?.vatPence).toBe(0);
  });
  it('says what to fix in each field', () => {
    const { problems, body } = invoiceBodyOf({ ...emptyInvoice(), amount: '10.005', vat: 'x', invoiceDate: '31/2/2026' });
    expect(body).toBeUndefined();
    expect(problems).toMatchObject({
      against: 'Choose whether the invoice is against a contract or a line',
      amount: 'Enter the amount in pounds and pence, with no more than 2 decimal places',
      vat: 'Enter the VAT in pounds as a number, like 1,234.56',
      invoiceDate: 'Enter the invoice date as a real date, like 3/12/2026',
      dueDate: 'Enter the due date',
      heading: 'Choose the cost heading',
    });
    expect(invoiceBodyOf({ ...draft, contractId: '' }).problems.contractId).toBe('Choose the contract');
    expect(invoiceBodyOf({ ...draft, dueDate: '2/12/2026' }).problems.dueDate).toBe('The due date cannot be before the invoice date');
  });
});

describe('actionsFor', () => {
  it('offers approval to a coordinator who did not raise it, and says why not to one who did', () => {
    expect(actionsFor({ state: 'received', canApprove: true, canHandle: true, raisedByViewer: false }).approve).toBe('yes');
    expect(actionsFor({ state: 'received', canApprove: true, canHandle: true, raisedByViewer: true }).approve).toBe('own');
    expect(actionsFor({ state: 'received', canApprove: false, canHandle: true, raisedByViewer: false }).approve).toBe('no');
    expect(actionsFor({ state: 'approved', canApprove: true, canHandle: true, raisedByViewer: false }).approve).toBe('no');
  });
  it('offers the steps the state allows', () => {
    expect(actionsFor({ state: 'received', canApprove: false, canHandle: true, raisedByViewer: true })).toEqual({ approve: 'no', pay: false, dispute: true, resolve: false });
    expect(actionsFor({ state: 'approved', canApprove: false, canHandle: true, raisedByViewer: true })).toEqual({ approve: 'no', pay: true, dispute: true, resolve: false });
    expect(actionsFor({ state: 'disputed', canApprove: true, canHandle: true, raisedByViewer: false })).toEqual({ approve: 'no', pay: false, dispute: false, resolve: true });
    expect(actionsFor({ state: 'paid', canApprove: true, canHandle: true, raisedByViewer: false })).toEqual({ approve: 'no', pay: false, dispute: false, resolve: false });
  });
});
