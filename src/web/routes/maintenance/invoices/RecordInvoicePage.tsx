import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { COST_HEADINGS, invoiceTargetsQuery, recordInvoice } from '../../../api/maintenanceInvoices';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { renameFields } from '../../estate/deployments/forms';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { MaintenanceNav } from '../MaintenanceNav';
import { emptyInvoice, INVOICE_FIELD_NAMES, invoiceBodyOf, type InvoiceDraft, type Problems } from './forms';
import { setFlash } from '../../estate/deployments/flash';
import { MoneyField } from './tags';

const FIELDS = ['against', 'contractId', 'lineId', 'supplierInvoiceNumber', 'purchaseOrder', 'amount', 'vat', 'invoiceDate', 'dueDate', 'heading', 'description'];
const problemsOf = (p: Problems) => fieldErrors(FIELDS.map((f) => [f, p[f]]));

/** Record an invoice raised or received against a contract or a line: it starts received, for a coordinator to approve. */
export function RecordInvoicePage() {
  const [draft, setDraft] = useState<InvoiceDraft>(emptyInvoice);
  const form = useWriteForm({ scope: 'invoice-record', prefix: 'invoice', fields: FIELDS, fallbackField: 'supplierInvoiceNumber', refresh: [['maintenance-invoices'], ['maintenance-spend']] });
  useTitle('Record an invoice', { error: !!form.errors });
  const navigate = useNavigate();
  const targets = useQuery(invoiceTargetsQuery);
  const set = (key: keyof InvoiceDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = invoiceBodyOf(draft);
    if (!form.check(problemsOf(problems)) || !body) return;
    let made: Awaited<ReturnType<typeof recordInvoice>> | undefined;
    const ok = await form.run(async () => {
      try { made = await recordInvoice(body); } catch (err) { throw renameFields(err, INVOICE_FIELD_NAMES); }
    }, 'Recorded');
    if (ok && made) {
      setFlash(made.id, `Invoice ${made.supplierInvoiceNumber} recorded: a coordinator who did not raise it approves it.`);
      void navigate({ to: '/maintenance/invoices/$id', params: { id: made.id } });
    }
  };

  const text = (f: keyof InvoiceDraft, label: string, hint?: string, width: '20' | '10' | 'full' = '20') => (
    <TextField id={form.id(f)} label={label} hint={hint} value={draft[f]} onChange={set(f)} error={form.field(f)} width={width} autoComplete="off" spellCheck={false} />
  );
  const contracts = targets.data?.contracts ?? [];
  const lines = targets.data?.lines ?? [];

  return (
    <>
      <Link className="govuk-back-link" to="/maintenance/invoices">Invoices</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Record an invoice</h1>
      <MaintenanceNav />
      <p className="govuk-body">The invoice is recorded as received. A coordinator approves it; whoever records it cannot approve it.</p>
      {targets.isError && <p className="govuk-body">The contracts and lines could not be loaded. {targets.error.message}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadiosField id={form.id('against')} legend="What is the invoice against?" value={draft.against} onChange={set('against')} error={form.field('against')} inline
          options={[{ value: 'contract', label: 'A maintenance contract' }, { value: 'line', label: 'A connectivity line' }]} />
        {draft.against === 'contract' && (
          <SelectField id={form.id('contractId')} label="Contract" value={draft.contractId} onChange={set('contractId')} error={form.field('contractId')}
            options={[{ value: '', label: contracts.length ? 'Choose a contract' : 'No contracts are set up' }, ...contracts.map((c) => ({ value: c.id, label: c.label }))]} />
        )}
        {draft.against === 'line' && (
          <SelectField id={form.id('lineId')} label="Connectivity line" value={draft.lineId} onChange={set('lineId')} error={form.field('lineId')}
            options={[{ value: '', label: lines.length ? 'Choose a line' : 'No lines are recorded' }, ...lines.map((l) => ({ value: l.id, label: l.label }))]} />
        )}
        {text('supplierInvoiceNumber', 'Supplier’s invoice number')}
        {text('purchaseOrder', 'Council’s purchase order', 'The purchase order number the invoice quotes')}
        <SelectField id={form.id('heading')} label="Cost heading" hint="The budget the invoice is charged to" value={draft.heading} onChange={set('heading')} error={form.field('heading')}
          options={[{ value: '', label: 'Choose a heading' }, ...Object.entries(COST_HEADINGS).map(([value, label]) => ({ value, label }))]} />
        <MoneyField id={form.id('amount')} label="Amount before VAT" hint="In pounds and pence, for example 1,234.56" value={draft.amount} onChange={set('amount')} error={form.field('amount')} />
        <MoneyField id={form.id('vat')} label="VAT" hint="In pounds and pence; leave empty for none" value={draft.vat} onChange={set('vat')} error={form.field('vat')} />
        {text('invoiceDate', 'Invoice date', 'For example, 3/12/2026', '10')}
        {text('dueDate', 'Due date', 'When payment is due, for example 2/1/2027', '10')}
        <TextareaField id={form.id('description')} label="What the invoice is for" value={draft.description} onChange={set('description')} error={form.field('description')} rows={3} />
        <Button disabled={form.busy}>Record the invoice</Button>
      </form>
    </>
  );
}
