import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime, formatTime } from '../../../../domain/calendar/london';
import { LONE_WORKING_STATUSES, STEP_OUTCOMES, type OohLoneWorkerDetail } from '../../../../domain/ooh/contract';
import { OohNav } from '../OohNav';
import { acknowledgeStep, endSession, officerCheckIn, sessionQuery } from './api';
import { countdownLabel, useServerNow } from './clock';
import { TextArea } from './fields';

type Step = OohLoneWorkerDetail['steps'][number];
const OUTCOMES = [['no_answer', 'No answer'], ['answered_safe', 'Answered and safe'], ['note', 'Other (a note only)']] as const;

/** One lone-working session: who, where, important information, the countdown, the ladder's steps with their scripts and acknowledgements, the timeline. */
export function SessionPage({ id }: { id: string }) {
  const q = useQuery(sessionQuery(id));
  const now = useServerNow(q.data?.at, q.dataUpdatedAt);
  useTitle(q.data ? `Lone worker ${q.data.reference}` : 'Lone worker');
  if (q.isPending) return <p className="govuk-body">Loading the session…</p>;
  if (q.isError) return <p className="govuk-body">The session could not be loaded. {q.error.message}</p>;
  const s = q.data;
  const open = s.status === 'active' || s.status === 'escalating';
  const current = s.steps.filter((r) => r.escalation === Math.max(...s.steps.map((x) => x.escalation)));
  const unacknowledged = open && s.status === 'escalating' ? current.filter((r) => !r.acknowledgement) : [];
  return (
    <>
      <span className="govuk-caption-l">{s.workerName}{s.workerOrganisation && `, ${s.workerOrganisation}`}</span>
      <h1 className="govuk-heading-l">Lone worker {s.reference}</h1>
      <OohNav />
      {s.duress && <div className="govuk-warning-text" role="alert"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>DURESS: the worker gave their duress word. Call the police now; do not call the worker.</strong></div>}
      {s.status === 'escalating' && !s.duress && <div className="govuk-warning-text" role="alert"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>Missed check-in. Now: {s.currentStep?.label}.</strong></div>}
      {s.importantInfo && (
        <div className="govuk-inset-text" style={{ borderLeftColor: '#d4351c' }}>
          <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Important information for responders</h2>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0" style={{ whiteSpace: 'pre-wrap' }}>{s.importantInfo}</p>
        </div>
      )}
      {open && <p className="govuk-heading-m" aria-live="off">Next check-in: {countdownLabel(s.deadlineAt, now)}{s.nextDueAt && <span className="govuk-body"> (due {formatTime(s.nextDueAt)})</span>}</p>}
      <dl className="govuk-summary-list">
        <Row k="Status" v={<strong className={`govuk-tag ${s.overdue ? 'govuk-tag--red' : open ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>{LONE_WORKING_STATUSES[s.status]}</strong>} />
        <Row k="Worker" v={<>{s.workerName}{s.workerOrganisation && `, ${s.workerOrganisation}`}<br />{s.workerPhone}{s.workerEmail && <>, {s.workerEmail}</>}</>} />
        <Row k="Where" v={`${s.location}${s.latitude !== null && s.longitude !== null ? ` (${s.latitude}, ${s.longitude})` : ''}`} />
        <Row k="Task" v={s.task} />
        {s.vehicle && <Row k="Vehicle" v={s.vehicle} />}
        <Row k="Manager" v={s.managerName ? `${s.managerName}${s.managerPhone ? `, ${s.managerPhone}` : ''}` : 'Not given'} />
        <Row k="Started" v={`${formatDateTime(s.startedAt)} (${s.startedVia === 'self' ? 'by the worker' : 'by the officer'})`} />
        <Row k="Expected end" v={formatDateTime(s.expectedEndAt)} />
        <Row k="Check-ins" v={`Every ${s.intervalMinutes} minutes; last ${s.lastCheckInAt ? formatDateTime(s.lastCheckInAt) : 'none yet'}`} />
        <Row k="Duress word" v={s.hasDuressWord ? 'Set' : 'None'} />
        {s.endedAt && <Row k="Ended" v={`${formatDateTime(s.endedAt)}${s.endNote ? `: ${s.endNote}` : ''}`} />}
      </dl>
      {s.steps.length > 0 && (
        <section aria-labelledby="steps-heading">
          <h2 className="govuk-heading-m" id="steps-heading">Escalation steps</h2>
          {[...s.steps].reverse().map((step) => <StepCard key={step.id} session={s} step={step} canAck={unacknowledged.some((u) => u.id === step.id)} />)}
          {open && s.pendingSteps.length > 0 && (
            <p className="govuk-body">Still to come if they are not reached: {s.pendingSteps.map((p) => `${p.label} at ${formatTime(p.dueAt)}`).join('; ')}.</p>
          )}
        </section>
      )}
      {open && <CheckInForm session={s} />}
      {open && <EndForm session={s} />}
      <h2 className="govuk-heading-m">Timeline</h2>
      <ol className="govuk-list">
        {s.events.map((e, i) => <li key={i}><strong>{formatTime(e.at)}</strong> {eventText(e)}{e.by ? <span className="govuk-body-s"> ({e.by})</span> : <span className="govuk-body-s"> (automatic)</span>}</li>)}
      </ol>
    </>
  );
}

function eventText(e: OohLoneWorkerDetail['events'][number]): string {
  const d = e.details;
  const note = d.note ? `: ${String(d.note)}` : '';
  switch (e.kind) {
    case 'started': return `Session started (${d.via === 'self' ? 'by the worker' : 'by the officer'}), check-ins every ${String(d.intervalMinutes)} minutes`;
    case 'check_in': return `${d.late ? 'Late check-in' : 'Checked in'} (${d.via === 'self' ? 'by the worker' : d.via === 'step' ? 'answered a call' : 'by the officer'})${d.ladderStoppedAtStep !== undefined ? ', the ladder stopped' : ''}${note}`;
    case 'reminder': return `Reminder ${d.mailed ? 'e-mailed' : 'due'} for the check-in due ${typeof d.dueAt === 'string' ? formatTime(d.dueAt) : ''}`;
    case 'missed': return 'Check-in missed';
    case 'step': return `Step raised: ${String(d.label)}${d.duress ? ' (duress)' : ''}`;
    case 'acknowledged': return `${String(d.label)}: ${STEP_OUTCOMES[d.outcome as keyof typeof STEP_OUTCOMES] ?? String(d.outcome)}${note}`;
    case 'duress': return 'Check-in with the duress word';
    case 'ended': return `Session ended${d.status === 'ended_by_officer' ? ' by the officer' : ' by the worker: safe'}${note}`;
    default: return e.kind;
  }
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>;
}

function StepCard({ session: s, step, canAck }: { session: OohLoneWorkerDetail; step: Step; canAck: boolean }) {
  const form = useWriteForm({ scope: `ooh-lone-${s.id}`, prefix: `ack-${step.id.slice(0, 8)}`, fields: ['outcome', 'note'], fallbackField: 'note', refresh: [['ooh', 'lone-workers']] });
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const heading = `step-${step.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check(fieldErrors([['outcome', !outcome && 'Choose what happened']]))) return;
    void form.run(() => acknowledgeStep(s.id, step.id, { outcome, note }), 'Step acknowledged');
  };
  const ack = step.acknowledgement;
  return (
    <div className="govuk-summary-card" aria-labelledby={heading} role="region">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={heading}>{step.label}{step.duress && ' (duress)'} <span className="govuk-body-s">raised {formatTime(step.firedAt)}</span></h3>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}><strong>Script: </strong>{step.script}</p>
        {step.action === 'call_worker' && <p className="govuk-body">Worker’s phone: <strong>{s.workerPhone}</strong></p>}
        {step.action === 'call_manager' && <p className="govuk-body">Manager: <strong>{s.managerName || 'not given'}{s.managerPhone && `, ${s.managerPhone}`}</strong></p>}
        {ack && <p className="govuk-body">{STEP_OUTCOMES[ack.outcome]} at {formatTime(ack.at)} ({ack.by}){ack.note && `: ${ack.note}`}</p>}
        {canAck && (
          <form onSubmit={submit} noValidate aria-label={`Acknowledge ${step.label}`}>
            <ErrorSummary errors={form.errors} />
            <div className={`govuk-form-group${form.field('outcome') ? ' govuk-form-group--error' : ''}`}>
              <fieldset className="govuk-fieldset" aria-describedby={form.field('outcome') ? `${form.id('outcome')}-error` : undefined}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What happened</legend>
                {form.field('outcome') && <p id={`${form.id('outcome')}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {form.field('outcome')}</p>}
                <div className="govuk-radios govuk-radios--small" id={form.id('outcome')}>
                  {OUTCOMES.map(([value, label]) => (
                    <div className="govuk-radios__item" key={value}>
                      <input className="govuk-radios__input" id={`${form.id('outcome')}-${value}`} name={form.id('outcome')} type="radio" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                      <label className="govuk-label govuk-radios__label" htmlFor={`${form.id('outcome')}-${value}`}>{label}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <TextArea id={form.id('note')} label="Note (optional)" hint="What was said, a police reference" value={note} onChange={setNote} error={form.field('note')} rows={2} />
            <Button type="submit" disabled={form.busy}>Acknowledge {step.label.toLowerCase()}</Button>
          </form>
        )}
        {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      </div>
    </div>
  );
}

function CheckInForm({ session: s }: { session: OohLoneWorkerDetail }) {
  const form = useWriteForm({ scope: `ooh-lone-${s.id}`, prefix: 'checkin', fields: ['note'], fallbackField: 'note', refresh: [['ooh', 'lone-workers']] });
  const [note, setNote] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); void form.run(() => officerCheckIn(s.id, note), 'Check-in recorded').then((ok) => ok && setNote('')); }} noValidate aria-labelledby="checkin-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="checkin-heading">Check in on their behalf</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <TextArea id={form.id('note')} label="How you reached them (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button type="submit" variant="secondary" disabled={form.busy}>Record a check-in</Button>
    </form>
  );
}

function EndForm({ session: s }: { session: OohLoneWorkerDetail }) {
  const form = useWriteForm({ scope: `ooh-lone-${s.id}`, prefix: 'end', fields: ['note'], fallbackField: 'note', refresh: [['ooh', 'lone-workers']] });
  const [note, setNote] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); void form.run(() => endSession(s.id, note), 'Session ended'); }} noValidate aria-labelledby="end-heading">
      <h2 className="govuk-heading-m" id="end-heading">End the session</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <TextArea id={form.id('note')} label="Why (optional)" hint="They called to say they are home safe, or it was started in error" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button type="submit" variant="warning" disabled={form.busy}>End the session</Button>
    </form>
  );
}
