import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { useSession } from '../../../lib/session';
import { can } from '../../../api/auth';
import { formatDateTime, formatUkDay, londonDay } from '../../../../domain/calendar/london';
import { FPN_PAYMENT_METHODS, type FpnDetail } from '../../../../domain/enforcement/fpns.contract';
import { caseFileHref, fpnQuery, fpnStep } from './api';
import { money } from './FpnsListPage';
import { EntryText } from './NotebookPage';

/** One notice: offender, amounts, what is payable today and when proceedings may start, photos, notebook, history; processors' forms. */
export function FpnPage({ id }: { id: string }) {
  const q = useQuery(fpnQuery(id));
  const session = useSession();
  useTitle(q.data ? `Notice ${q.data.reference}` : 'Fixed penalty notice');
  if (q.isPending) return <p className="govuk-body">Loading the notice…</p>;
  if (q.isError) return <p className="govuk-body">The notice could not be loaded. {q.error.message}</p>;
  const n = q.data;
  const processor = !!session && can(session, 'enforcement.process');
  return (
    <>
      <span className="govuk-caption-l">{n.offence.name}</span>
      <h1 className="govuk-heading-l">Fixed penalty notice {n.reference}</h1>
      <p className="govuk-body"><a className="govuk-link" href={caseFileHref(n.id)} target="_blank" rel="noreferrer">Case file (PDF)</a></p>
      <dl className="govuk-summary-list">
        <Row k="Status" v={<><strong className="govuk-tag govuk-tag--blue">{n.statusLabel}</strong> {n.paymentStateLabel}</>} />
        <Row k="Legislation" v={n.legislation} />
        <Row k="Issued" v={`${formatDateTime(n.issuedAt)} by ${n.issuedBy.name}`} />
        <Row k="Place" v={`${n.place} (${n.point.lat.toFixed(5)}, ${n.point.lon.toFixed(5)})`} />
        <Row k="Offender" v={`${n.offender.name}, ${n.offender.address} ${n.offender.postcode}`} />
        {n.offender.dateOfBirth && <Row k="Date of birth" v={`${formatUkDay(n.offender.dateOfBirth)} (${n.offender.ageAtOffence} on the day)`} />}
        {n.offender.guardian && <Row k="Parent or guardian" v={n.offender.guardian} />}
        {n.offender.description && <Row k="Description" v={n.offender.description} />}
        {n.offender.identification && <Row k="Identification" v={n.offender.identification} />}
        <Row k="Circumstances" v={n.circumstances} />
        <Row k="Body-worn video" v={n.bodyWornVideoRef || 'None'} />
        <Row k="Amount" v={`${money(n.amounts.amountPence)}${n.amounts.earlyAmountPence !== null ? `, or ${money(n.amounts.earlyAmountPence)} if paid by ${formatUkDay(n.periods.earlyPaymentBy ?? undefined)}` : ''}`} />
        <Row k="Paid" v={money(n.paidPence)} />
        <Row k="Payable today" v={money(n.payableNowPence)} />
        <Row k="Payment due by" v={formatUkDay(n.periods.paymentDueBy)} />
        <Row k="Proceedings may start from" v={formatUkDay(n.periods.prosecutionFrom)} />
        {n.withdrawnReason && <Row k="Withdrawn because" v={n.withdrawnReason} />}
        {n.escalatedAt && <Row k="Passed for prosecution" v={formatDateTime(n.escalatedAt)} />}
      </dl>
      {processor && n.allowed.payment && <PaymentForm fpn={n} />}
      {processor && n.allowed.prosecute && <ProsecuteForm fpn={n} />}
      {processor && n.allowed.withdraw && <WithdrawForm fpn={n} />}
      <h2 className="govuk-heading-m">Photos</h2>
      {n.photos.length ? <ul className="govuk-list">{n.photos.map((p) => <li key={p.id}>{p.contentType}, {p.bytes} bytes, taken by {p.takenBy.name}, received {formatDateTime(p.uploadedAt)}; SHA-256 <code>{p.sha256}</code></li>)}</ul> : <p className="govuk-body">No photos.</p>}
      <h2 className="govuk-heading-m">Notebook entries</h2>
      {n.notebook.length ? <ol className="govuk-list">{n.notebook.map((e) => <li key={e.id}><EntryText entry={e} /></li>)}</ol> : <p className="govuk-body">None linked to this notice.</p>}
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list">
        {n.events.map((e) => <li key={e.seq}><strong>{formatDateTime(e.at)}</strong> {e.kindLabel}{e.amountPence !== null && ` ${money(e.amountPence)}`}{e.paidOn && ` paid ${formatUkDay(e.paidOn)}`}{e.detail && `: ${e.detail}`}{e.by && <span className="govuk-body-s"> ({e.by.name})</span>}</li>)}
      </ol>
    </>
  );
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>;
}

const useStep = (fpn: FpnDetail, prefix: string, fields: string[]) => useWriteForm({ scope: `fpn-${fpn.id}`, prefix, fields, fallbackField: fields[0]!, refresh: [['enforcement']] });

function StepForm({ title, id, children, onSubmit, form }: { title: string; id: string; children: ReactNode; onSubmit: (e: FormEvent) => void; form: ReturnType<typeof useStep> }) {
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={id}>{title}</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      {children}
    </form>
  );
}

function PaymentForm({ fpn }: { fpn: FpnDetail }) {
  const form = useStep(fpn, 'payment', ['amountPence', 'paidOn', 'method', 'receipt']);
  const [amount, setAmount] = useState((fpn.payableNowPence / 100).toFixed(2));
  const [paidOn, setPaidOn] = useState(londonDay());
  const [method, setMethod] = useState('card');
  const [receipt, setReceipt] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const pence = Math.round(Number(amount) * 100);
    void form.run(() => fpnStep(fpn.id, 'payments', { amountPence: Number.isFinite(pence) ? pence : 0, paidOn, method, receipt }), 'Payment recorded');
  };
  return (
    <StepForm title="Record a payment" id="payment-heading" form={form} onSubmit={submit}>
      <TextField id={form.id('amountPence')} label="Amount paid (£)" value={amount} onChange={setAmount} error={form.field('amountPence')} width="10" />
      <TextField id={form.id('paidOn')} label="Paid on" hint="YYYY-MM-DD" value={paidOn} onChange={setPaidOn} error={form.field('paidOn')} width="10" />
      <SelectField id={form.id('method')} label="How" value={method} onChange={setMethod} options={Object.entries(FPN_PAYMENT_METHODS).map(([value, label]) => ({ value, label }))} error={form.field('method')} />
      <TextField id={form.id('receipt')} label="Receipt (optional)" value={receipt} onChange={setReceipt} error={form.field('receipt')} />
      <Button type="submit" disabled={form.busy}>Record the payment</Button>
    </StepForm>
  );
}

function WithdrawForm({ fpn }: { fpn: FpnDetail }) {
  const form = useStep(fpn, 'withdraw', ['reason']);
  const [reason, setReason] = useState('');
  return (
    <StepForm title="Withdraw the notice" id="withdraw-heading" form={form} onSubmit={(e) => { e.preventDefault(); void form.run(() => fpnStep(fpn.id, 'withdrawal', { reason }), 'Withdrawn'); }}>
      <TextField id={form.id('reason')} label="Why it is withdrawn" value={reason} onChange={setReason} error={form.field('reason')} />
      <Button type="submit" variant="warning" disabled={form.busy}>Withdraw</Button>
    </StepForm>
  );
}

function ProsecuteForm({ fpn }: { fpn: FpnDetail }) {
  const form = useStep(fpn, 'prosecute', ['statement']);
  const [statement, setStatement] = useState('');
  return (
    <StepForm title="Pass for prosecution" id="prosecute-heading" form={form} onSubmit={(e) => { e.preventDefault(); void form.run(() => fpnStep(fpn.id, 'prosecution', { statement }), 'Passed for prosecution: the case file is ready'); }}>
      <p className="govuk-body">Unpaid after the 14 days following the notice. The case file holds the statement, the notebook entries, the photos with their SHA-256 and their continuity.</p>
      <TextField id={form.id('statement')} label={`Statement of ${fpn.issuedBy.name}`} value={statement} onChange={setStatement} error={form.field('statement')} />
      <Button type="submit" disabled={form.busy}>Pass for prosecution</Button>
    </StepForm>
  );
}
