import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  COST_HEADINGS, approveInvoice, disputeInvoice, invoiceQuery, payInvoice, resolveInvoice, type InvoiceDetail, type InvoiceEvent,
} from '../../../api/maintenanceInvoices';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime, formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { Row } from '../../evidence/SummaryRow';
import { TextareaField } from '../../occurrences/Radios';
import { clearFlash, peekFlash } from '../../estate/deployments/flash';
import { dayField } from '../../estate/deployments/forms';
import { useBanner } from '../banner';
import { MaintenanceNav } from '../MaintenanceNav';
import { NotLoaded } from '../NotLoaded';
import { actionsFor } from './forms';
import { formatPence } from '../../../lib/money';
import { againstWords, InvoiceTags } from './tags';

type Done = (message: string) => void;
const REFRESH = [['maintenance-invoices'], ['maintenance-spend']];
const EVENT_WORDS: Record<InvoiceEvent['kind'], string> = { received: 'Recorded as received', approved: 'Approved', paid: 'Marked paid', disputed: 'Disputed', resolved: 'Dispute resolved' };

/** One invoice: what it is for and its amounts, its state, every step so far, and the steps its state allows this user. */
export function InvoicePage({ id, session }: { id: string; session: Session }) {
  const invoice = useQuery(invoiceQuery(id));
  const { banner, done } = useBanner(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  useTitle(invoice.data ? `Invoice ${invoice.data.supplierInvoiceNumber}` : 'Invoice');

  if (invoice.isPending) return <p className="govuk-body">Loading the invoice…</p>;
  if (invoice.isError) return <NotLoaded title="Invoice" what="The invoice" error={invoice.error} back="Back to the invoices" backTo="/maintenance/invoices" />;
  const i = invoice.data;
  const actions = actionsFor({ state: i.state, canApprove: can(session, 'maintenance.manage'), canHandle: can(session, 'maintenance.invoices'), raisedByViewer: i.raisedBy.id === session.user.id });
  return (
    <>
      <Link className="govuk-back-link" to="/maintenance/invoices">Invoices</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Invoice, {againstWords(i).toLowerCase()}</span>
      <h1 className="govuk-heading-l">{i.supplierInvoiceNumber} <InvoiceTags invoice={i} /></h1>
      <MaintenanceNav />

      <dl className="govuk-summary-list">
        <Row label="State"><InvoiceTags invoice={i} /></Row>
        {i.state === 'disputed' && i.disputeReason && <Row label="Why it is disputed"><span className="vigil-prewrap">{i.disputeReason}</span></Row>}
        <Row label="Against">{againstWords(i)}</Row>
        <Row label="Supplier’s invoice number">{i.supplierInvoiceNumber}</Row>
        <Row label="Purchase order">{i.purchaseOrder}</Row>
        <Row label="Cost heading">{COST_HEADINGS[i.heading]}</Row>
        <Row label="What it is for"><span className="vigil-prewrap">{i.description}</span></Row>
        <Row label="Amount before VAT">{formatPence(i.amountPence)}</Row>
        <Row label="VAT">{formatPence(i.vatPence)}</Row>
        <Row label="Total">{formatPence(i.amountPence + i.vatPence)}</Row>
        <Row label="Invoice date">{formatUkDay(i.invoiceDate)}</Row>
        <Row label="Due">{formatUkDay(i.dueDate)}{i.overdue ? ' (overdue)' : ''}</Row>
        {i.approvedBy && i.approvedAt && <Row label="Approved">{formatDateTime(i.approvedAt)} by {i.approvedBy.name}</Row>}
        {i.paidOn && <Row label="Paid on">{formatUkDay(i.paidOn)}</Row>}
        <Row label="Recorded">{formatDateTime(i.raisedAt)} by {i.raisedBy.name}</Row>
      </dl>

      {actions.approve === 'own' && <p className="govuk-inset-text">You recorded this invoice, so you cannot approve it: another coordinator must.</p>}
      {actions.approve === 'no' && i.state === 'received' && <p className="govuk-inset-text">A coordinator who did not record this invoice approves it.</p>}
      {actions.approve === 'yes' && <ApproveForm invoice={i} done={done} />}
      {actions.pay && <PayForm invoice={i} done={done} />}
      {actions.resolve && <ResolveForm invoice={i} done={done} />}
      {actions.dispute && <DisputeForm invoice={i} done={done} />}

      <h2 className="govuk-heading-m">What has happened</h2>
      <p className="govuk-body-s">Each step is kept as it was recorded; nothing here is changed or removed.</p>
      <ol className="govuk-list">
        {i.events.map((e, n) => (
          <li key={n} className="govuk-!-margin-bottom-4" style={{ borderLeft: '4px solid #b1b4b6', paddingLeft: '0.75em' }}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{EVENT_WORDS[e.kind]}: {formatDateTime(e.at)}</h3>
            <p className="govuk-body-s govuk-!-margin-bottom-1">By {e.by.name}{e.paidOn ? `, paid on ${formatUkDay(e.paidOn)}` : ''}.</p>
            {e.reason && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">{e.kind === 'disputed' ? 'Reason' : 'Note'}: {e.reason}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function ApproveForm({ invoice: i, done }: { invoice: InvoiceDetail; done: Done }) {
  const form = useWriteForm({ scope: `invoice-${i.id}`, prefix: 'approve', fields: [], fallbackField: 'approve-button', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(() => approveInvoice(i.id), 'Approved')) done(`Invoice ${i.supplierInvoiceNumber} approved.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="approve-title">
      <h2 className="govuk-heading-m" id="approve-title">Approve the invoice</h2>
      <ErrorSummary errors={form.errors} />
      <p className="govuk-body">Approve it once the work or service is confirmed and the amounts match the purchase order ({i.purchaseOrder}).</p>
      <Button id="approve-approve-button" disabled={form.busy}>Approve the invoice</Button>
    </form>
  );
}

function PayForm({ invoice: i, done }: { invoice: InvoiceDetail; done: Done }) {
  const [paidOn, setPaidOn] = useState(() => formatUkDay(londonDay()));
  const form = useWriteForm({ scope: `invoice-${i.id}`, prefix: 'pay', fields: ['paidOn'], fallbackField: 'paidOn', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const on = dayField(paidOn, 'the day it was paid');
    if (!form.check(fieldErrors([['paidOn', on.problem]]))) return;
    if (await form.run(() => payInvoice(i.id, on.day!), 'Paid')) done(`Invoice ${i.supplierInvoiceNumber} marked paid on ${formatUkDay(on.day)}.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pay-title">
      <h2 className="govuk-heading-m" id="pay-title">Mark it paid</h2>
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('paidOn')} label="Day it was paid" hint="For example, 3/12/2026" value={paidOn} onChange={setPaidOn} error={form.field('paidOn')} width="10" autoComplete="off" spellCheck={false} />
      <Button disabled={form.busy}>Mark paid</Button>
    </form>
  );
}

function DisputeForm({ invoice: i, done }: { invoice: InvoiceDetail; done: Done }) {
  const [reason, setReason] = useState('');
  const form = useWriteForm({ scope: `invoice-${i.id}`, prefix: 'dispute', fields: ['reason'], fallbackField: 'reason', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['reason', !reason.trim() && 'Say why the invoice is disputed']]))) return;
    if (await form.run(() => disputeInvoice(i.id, reason), 'Disputed')) { done(`Invoice ${i.supplierInvoiceNumber} disputed.`); setReason(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="dispute-title">
      <h2 className="govuk-heading-m" id="dispute-title">Dispute the invoice</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('reason')} label="Why is it disputed?" hint="What is wrong with it, for the supplier and whoever resolves it" value={reason} onChange={setReason} error={form.field('reason')} rows={3} />
      <Button variant="warning" disabled={form.busy}>Dispute the invoice</Button>
    </form>
  );
}

function ResolveForm({ invoice: i, done }: { invoice: InvoiceDetail; done: Done }) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `invoice-${i.id}`, prefix: 'resolve', fields: ['note'], fallbackField: 'note', refresh: REFRESH });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(() => resolveInvoice(i.id, note), 'Resolved')) { done(`Dispute on ${i.supplierInvoiceNumber} resolved: it is received again, to be approved afresh.`); setNote(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="resolve-title">
      <h2 className="govuk-heading-m" id="resolve-title">Resolve the dispute</h2>
      <ErrorSummary errors={form.errors} />
      <p className="govuk-body">The invoice returns to received, to be approved afresh.</p>
      <TextareaField id={form.id('note')} label="How was it resolved? (optional)" value={note} onChange={setNote} error={form.field('note')} rows={3} />
      <Button disabled={form.busy}>Resolve the dispute</Button>
    </form>
  );
}
