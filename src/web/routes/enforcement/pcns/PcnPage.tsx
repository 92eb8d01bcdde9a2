import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime, formatUkDay, londonDay, parseUkDate } from '../../../../domain/calendar/london';
import { formatPounds, type PcnDetail } from '../../../../domain/enforcement/pcns.contract';
import { EnforcementNav } from './EnforcementNav';
import { noticeHref, pcnQuery, pcnStep, photoHref, type PcnStepPath } from './api';

// One PCN: what it was issued with, what is payable today, its next step, its events, and for
// processors the lifecycle's step forms (each keeps what was typed; errors beside the fields).

interface StepSpec { path: PcnStepPath; title: string; button: string; amount?: boolean; outcomes?: [string, string][]; reoffer?: boolean; reason?: boolean }

/** The steps that fit the notice's status (the engine refuses the rest with its reason). */
function stepsFor(p: PcnDetail): StepSpec[] {
  const pay: StepSpec = { path: 'payments', title: 'Record a payment', button: 'Record the payment', amount: true };
  const close: StepSpec[] = [{ path: 'cancel', title: 'Cancel the notice', button: 'Cancel the notice', reason: true }, { path: 'write-off', title: 'Write the notice off', button: 'Write it off', reason: true }];
  const cc: StepSpec = { path: 'charge-certificate', title: 'Serve the charge certificate', button: 'Record the charge certificate' };
  const by: Record<string, StepSpec[]> = {
    issued: p.noticeKind === 'reg9'
      ? [{ path: 'informal-challenge', title: 'Record an informal challenge', button: 'Record the challenge' }, { path: 'notice-to-owner', title: 'Serve the notice to owner', button: 'Record the notice to owner' }]
      : [{ path: 'representations', title: 'Record representations received', button: 'Record the representations' }, cc],
    informal_challenge: [{ path: 'informal-challenge/decision', title: 'Decide the informal challenge', button: 'Record the decision', outcomes: [['accepted', 'Accepted: cancel the notice'], ['rejected', 'Rejected']], reoffer: true }],
    notice_to_owner: [{ path: 'representations', title: 'Record representations received', button: 'Record the representations' }, cc],
    representations: [{ path: 'decision', title: 'Decide the representations', button: 'Record the decision', outcomes: [['accepted', 'Accepted: cancel the notice'], ['rejected', 'Rejected: serve the notice of rejection']] }],
    rejected: [{ path: 'appeal', title: 'Record an appeal lodged', button: 'Record the appeal' }, cc],
    appeal: [{ path: 'appeal/decision', title: 'Record the adjudicator’s decision', button: 'Record the decision', outcomes: [['allowed', 'Allowed: cancel the notice'], ['dismissed', 'Dismissed']] }],
    appeal_dismissed: [cc],
    charge_certificate: [{ path: 'order-for-recovery', title: 'Register the debt (order for recovery)', button: 'Record the order for recovery' }],
    order_for_recovery: [{ path: 'warrant', title: 'Request a warrant of control', button: 'Record the warrant' }],
    warrant: [],
  };
  const steps = by[p.status];
  return steps === undefined ? [] : [pay, ...steps, ...close];
}

function StepForm({ pcn, spec }: { pcn: PcnDetail; spec: StepSpec }) {
  const key = spec.path.replace(/\W/g, '-');
  const form = useWriteForm({ scope: `pcn-${pcn.id}`, prefix: key, fields: ['day', 'amountPence', 'outcome', 'note'], fallbackField: 'day', refresh: [['enforcement']] });
  const [day, setDay] = useState(formatUkDay(londonDay()));
  const [amount, setAmount] = useState(spec.amount ? (pcn.outstandingPence / 100).toFixed(2) : '');
  const [method, setMethod] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reoffer, setReoffer] = useState('no');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = parseUkDate(day);
    const pence = Math.round(Number(amount.replace(/[£,\s]/g, '')) * 100);
    if (!form.check(fieldErrors([
      ['day', iso === undefined && 'Enter the day like 15/01/2026'],
      ['amountPence', spec.amount === true && !(pence > 0) && 'Enter the amount paid in pounds, like 35.00'],
      ['outcome', spec.outcomes !== undefined && !outcome && 'Choose the outcome'],
      ['note', spec.reason === true && note.trim().length < 3 && 'Enter the reason'],
    ]))) return;
    const body = { day: iso, note, ...(spec.amount ? { amountPence: pence, method } : {}), ...(spec.outcomes ? { outcome } : {}), ...(spec.reoffer ? { reofferDiscount: reoffer === 'yes' } : {}) };
    void form.run(() => pcnStep(pcn.id, spec.path, body), `${spec.title}: recorded`);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${key}-heading`} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={`${key}-heading`}>{spec.title}</h3>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <TextField id={form.id('day')} label="Day" hint="The day it was served, received, paid or decided, like 15/01/2026" value={day} onChange={setDay} error={form.field('day')} width="10" />
      {spec.amount && <TextField id={form.id('amountPence')} label="Amount paid (£)" value={amount} onChange={setAmount} error={form.field('amountPence')} width="10" />}
      {spec.amount && <TextField id={`${key}-method`} label="How it was paid (optional)" value={method} onChange={setMethod} />}
      {spec.outcomes && <SelectField id={form.id('outcome')} label="Outcome" value={outcome} onChange={setOutcome} error={form.field('outcome')} options={[{ value: '', label: 'Choose' }, ...spec.outcomes.map(([value, label]) => ({ value, label }))]} />}
      {spec.reoffer && <SelectField id={`${key}-reoffer`} label="If rejected, offer the discount again for 14 days?" value={reoffer} onChange={setReoffer} options={[{ value: 'no', label: 'No' }, { value: 'yes', label: 'Yes (council policy)' }]} />}
      <TextField id={form.id('note')} label={spec.reason ? 'Reason' : 'Note (optional)'} value={note} onChange={setNote} error={form.field('note')} />
      <Button type="submit" variant={spec.reason ? 'warning' : undefined} disabled={form.busy}>{spec.button}</Button>
    </form>
  );
}

export function PcnPage({ id, canProcess }: { id: string; canProcess: boolean }) {
  const q = useQuery(pcnQuery(id));
  const p = q.data;
  useTitle(p ? `PCN ${p.number}` : 'Penalty charge notice');
  if (q.isError) return <p className="govuk-body">The PCN could not be loaded. {q.error.message}</p>;
  if (!p) return <p className="govuk-body">Loading…</p>;
  const rows: [string, string][] = [
    ['Status', p.statusLabel], ['Vehicle', [p.vrm, p.vehicle.make, p.vehicle.model, p.vehicle.colour].filter(Boolean).join(', ')],
    ['Contravention', `${p.code} (${p.level} level): ${p.codeDescription}`], ['Place', [p.street, p.locationDetail].filter(Boolean).join(', ')],
    ['Observed', `${formatDateTime(p.observedFrom)} to ${formatDateTime(p.observedTo)}`], ['Issued', `${formatDateTime(p.issuedAt)} by ${p.issuedBy.name}`],
    ['Notice', p.noticeKindLabel], ['Area', p.area.name], ['Permit or ticket seen', p.vehicle.permitSeen || 'None'],
    ['Charge', `${formatPounds(p.amountPence)} (discount ${formatPounds(p.discountedPence)}; charge certificate +${p.surchargePercent}%)`],
    ['Discount until', p.periods.discountLastDay ? formatUkDay(p.periods.discountLastDay) : 'No longer offered'],
    ['Pay in full by', formatUkDay(p.periods.paymentLastDay)],
    ...(p.periods.ntoFirstDay ? [['Notice to owner', `from ${formatUkDay(p.periods.ntoFirstDay)}, not later than ${formatUkDay(p.periods.ntoLastDay!)}`] as [string, string]] : []),
  ];
  return (
    <>
      <Link className="govuk-back-link" to={'/enforcement' as never}>All penalty charge notices</Link>
      <h1 className="govuk-heading-l">PCN {p.number}</h1>
      <EnforcementNav />
      <div className="govuk-inset-text" role="status">
        Payable today: <strong>{formatPounds(p.payableNow.outstandingPence)}</strong>
        {p.payableNow.paidPence > 0 && <> ({formatPounds(p.payableNow.paidPence)} paid)</>}
        {p.payableNow.outstandingPence > 0 && <> ({p.payableNow.as === 'discount' ? 'at the discount' : p.payableNow.as === 'charge_certificate' ? 'charge certificate' : 'in full'})</>}.
        {p.refundDuePence > 0 && <><br /><strong>Refund due: {formatPounds(p.refundDuePence)}</strong> (the representations were deemed accepted).</>}
        {p.nextStep && <><br />Next step: {p.nextStep.label}{p.nextStep.fromDay && <> from {formatUkDay(p.nextStep.fromDay)}</>}{p.nextStep.byDay && <>, by {formatUkDay(p.nextStep.byDay)}</>}{p.nextStep.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}</>}
      </div>
      <p className="govuk-body"><a className="govuk-link" href={noticeHref(p.id)} target="_blank" rel="noreferrer">The notice (PDF)</a></p>
      <dl className="govuk-summary-list">
        {rows.map(([k, v]) => <div className="govuk-summary-list__row" key={k}><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>)}
      </dl>
      <h2 className="govuk-heading-m">Photos</h2>
      {p.photoIds.length === 0 ? <p className="govuk-body">The officer took no photos.</p> : (
        <ul className="govuk-list" aria-label="Photos taken by the officer">
          {p.photoIds.map((photoId, i) => (
            <li key={photoId} style={{ display: 'inline-block', marginRight: 8 }}>
              <a className="govuk-link" href={photoHref(photoId)} target="_blank" rel="noreferrer">
                <img src={photoHref(photoId)} alt={`Photo ${i + 1} of ${p.photoIds.length} (opens in a new tab)`} width={160} height={120} style={{ objectFit: 'cover', display: 'block' }} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">What has happened</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Events</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">{['Day', 'Step', 'Details', 'Recorded'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr></thead>
        <tbody className="govuk-table__body">
          {p.events.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell">{formatUkDay(e.day)}</td>
              <td className="govuk-table__cell">{e.label}</td>
              <td className="govuk-table__cell">{[e.amountPence !== null ? formatPounds(e.amountPence) : '', e.outcome ?? '', e.reofferDiscount ? 'discount offered again' : '', e.method, e.note].filter(Boolean).join('; ')}</td>
              <td className="govuk-table__cell">{formatDateTime(e.at)}{e.by ? <> by {e.by.name}</> : e.kind === 'deemed_accepted' && <> automatically</>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canProcess && stepsFor(p).length > 0 && (
        <section aria-labelledby="steps-heading">
          <h2 className="govuk-heading-m" id="steps-heading">Record a step</h2>
          {stepsFor(p).map((s) => <StepForm key={`${p.status}-${s.path}`} pcn={p} spec={s} />)}
        </section>
      )}
    </>
  );
}
