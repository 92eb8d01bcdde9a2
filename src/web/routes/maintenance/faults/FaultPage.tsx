import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  addFaultPhoto, decideFaultFix, FAULT_PHOTO_MAX_BYTES, FAULT_SOURCES, FAULT_STAGES, FAULT_TARGETS, faultPhotoHref, faultQuery, PRIORITIES, recordFaultStep,
  SLA_CLOCK_KINDS, SLA_STOP_REASONS, type FaultClock, type FaultDetail,
} from '../../../api/maintenanceFaults';
import { contractsQuery } from '../../../api/maintenanceContracts';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime } from '../../../../domain/calendar/london';
import { Row } from '../../evidence/SummaryRow';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { clearFlash, peekFlash } from '../../estate/deployments/flash';
import { MaintenanceNav } from '../MaintenanceNav';
import { NotLoaded } from '../NotLoaded';
import { useBanner } from '../banner';
import { durationWords, targetWords } from './clock';
import { FaultTimeline, SlaTag } from './tags';

type Done = (message: string) => void;
const refresh = (id: string) => [['maintenance-faults'], ['maintenance-faults', 'one', id], ['cameras'], ['equipment']];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** One fault: what and where, its two SLA clocks, its clock stops and parts, its history, and the steps the user may take now. */
export function FaultPage({ id, session }: { id: string; session: Session }) {
  const fault = useQuery(faultQuery(id));
  const { banner, done } = useBanner(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  useTitle(fault.data ? `Fault ${fault.data.reference}` : 'Fault');

  if (fault.isPending) return <p className="govuk-body">Loading the fault…</p>;
  if (fault.isError) return <NotLoaded title="Fault" what="The fault" error={fault.error} back="Back to the faults" backTo="/maintenance" />;
  const f = fault.data;
  const steps = new Set(can(session, 'maintenance.faults') ? f.nextSteps : []);
  const decide = can(session, 'maintenance.manage') && (f.nextSteps.includes('accepted') || f.nextSteps.includes('reopened'));
  return (
    <>
      <Link className="govuk-back-link" to="/maintenance">Faults</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Fault {f.reference}, {f.state === 'open' ? 'open' : 'closed'}</span>
      <h1 className="govuk-heading-l">{f.targetRef.reference} {f.targetRef.name}</h1>
      <MaintenanceNav />
      <dl className="govuk-summary-list">
        <Row label={FAULT_TARGETS[f.target]}>
          {f.target === 'camera'
            ? <Link className="govuk-link" to="/estate/cameras/$id" params={{ id: f.targetRef.id }}>{f.targetRef.reference} {f.targetRef.name}</Link>
            : `${f.targetRef.reference} ${f.targetRef.name}`}
        </Row>
        <Row label="What is wrong"><span className="vigil-prewrap">{f.description}</span></Row>
        <Row label="Priority">{f.priority ? PRIORITIES[f.priority] : 'Not prioritised'}</Row>
        <Row label="Contract">{f.contract ? <Link className="govuk-link" to="/maintenance/contracts/$id" params={{ id: f.contract.id }}>{f.contract.reference}</Link> : 'None'}</Row>
        <Row label="Stage">{FAULT_STAGES[f.stage]}{f.clockStopped ? ' (clock stopped)' : ''}</Row>
        <Row label="Raised from">{FAULT_SOURCES[f.source]}</Row>
        <Row label="Raised">{formatDateTime(f.raisedAt)}{f.raisedBy ? ` by ${f.raisedBy.name}` : ''}</Row>
      </dl>

      <h2 className="govuk-heading-m">SLA clocks</h2>
      {!f.response && !f.fix && <p className="govuk-body">No clock runs yet: the fault needs a priority on a contract with SLA terms in force for it.</p>}
      {(f.response || f.fix) && (
        <div className="govuk-grid-row">
          {f.response && <div className="govuk-grid-column-one-half"><ClockCard title="Response" clock={f.response} doneWord="Attended" /></div>}
          {f.fix && <div className="govuk-grid-column-one-half"><ClockCard title="Fix" clock={f.fix} doneWord="Fixed" /></div>}
        </div>
      )}

      <h2 className="govuk-heading-m">Clock stops</h2>
      {f.stops.length === 0 ? <p className="govuk-body">The clock has not been stopped.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {f.stops.map((s) => (
            <li key={s.from}>{SLA_STOP_REASONS[s.reason]}: from {formatDateTime(s.from)} {s.to ? `to ${formatDateTime(s.to)}` : '(still stopped)'}</li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Parts signed out</h2>
      {f.partsSignedOut.length === 0 ? <p className="govuk-body">No spare parts have been signed out against this fault.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {f.partsSignedOut.map((p) => (
            <li key={`${p.partId}-${p.at}`}>
              {p.quantity} × <Link className="govuk-link" to="/maintenance/parts/$id" params={{ id: p.partId }}>{p.partNumber}</Link> {p.description}, {formatDateTime(p.at)}
            </li>
          ))}
        </ul>
      )}
      {f.state === 'open' && can(session, 'maintenance.parts') && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/maintenance/parts">Sign a part out for this fault</Link>: choose the part, then give this fault’s id, <code>{f.id}</code>.
        </p>
      )}

      <h2 className="govuk-heading-m">History</h2>
      <FaultTimeline events={f.events} photoHref={(sha) => faultPhotoHref(f.id, sha)} />

      {decide && <DecisionForm fault={f} done={done} />}
      {steps.has('prioritised') && <PrioritiseForm fault={f} done={done} />}
      {steps.has('clock_stopped') && <StopClockForm fault={f} done={done} />}
      {steps.has('clock_restarted') && <RestartClockForm fault={f} done={done} />}
      {steps.has('note') && <NoteForm fault={f} done={done} />}
      {steps.has('note') && <PhotoForm fault={f} done={done} />}
    </>
  );
}

/** One SLA clock as the fault page shows it: its target, deadline, 75% warning, time used and outcome. */
export function ClockCard({ title, clock, doneWord }: { title: string; clock: FaultClock; doneWord: string }) {
  return (
    <section aria-labelledby={`clock-${title}`}>
      <h3 className="govuk-heading-s" id={`clock-${title}`}>{title} <SlaTag outcome={clock.outcome} /></h3>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <Row label="Target">{targetWords(clock.targetMinutes, clock.clock)} ({SLA_CLOCK_KINDS[clock.clock]})</Row>
        <Row label="Deadline">{clock.deadline ? formatDateTime(clock.deadline) : 'Held by a clock stop'}</Row>
        <Row label="At risk from">{clock.warningAt ? formatDateTime(clock.warningAt) : 'Held by a clock stop'}</Row>
        <Row label="Time used">{durationWords(clock.elapsedMinutes)}{clock.clock === 'working_hours' ? ' of working time' : ''}</Row>
        {clock.doneAt && <Row label={doneWord}>{formatDateTime(clock.doneAt)}</Row>}
      </dl>
    </section>
  );
}

function PrioritiseForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const contracts = useQuery(contractsQuery);
  const [priority, setPriority] = useState(f.priority ?? '');
  const [contractId, setContractId] = useState(f.contract?.id ?? '');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'prioritise', fields: ['priority', 'contractId', 'note'], fallbackField: 'priority', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['priority', !priority && 'Choose a priority from P1 to P4']]))) return;
    const body = { kind: 'prioritised' as const, priority: priority as keyof typeof PRIORITIES, contractId: contractId || undefined, note: note || undefined };
    if (await form.run(() => recordFaultStep(f.id, body), 'Prioritised')) {
      done(`Fault ${f.reference} prioritised ${priority}.`);
      setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="prioritise-title">
      <h2 className="govuk-heading-m" id="prioritise-title">{f.priority ? 'Change the priority' : 'Prioritise'}</h2>
      <ErrorSummary errors={form.errors} />
      <SelectField id={form.id('priority')} label="Priority" value={priority} onChange={setPriority} error={form.field('priority')}
        options={[{ value: '', label: 'Choose a priority' }, ...options(PRIORITIES)]} />
      <SelectField id={form.id('contractId')} label="Contract" hint={f.contract ? undefined : 'The contract in force today unless you choose one'} value={contractId} onChange={setContractId} error={form.field('contractId')}
        options={[{ value: '', label: f.contract ? `Keep ${f.contract.reference}` : 'The contract in force today' }, ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
      <TextareaField id={form.id('note')} label="Note (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button disabled={form.busy}>Save the priority</Button>
    </form>
  );
}

function StopClockForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'stop', fields: ['reason', 'note', 'at'], fallbackField: 'reason', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([
      ['reason', !reason && 'Choose why the clock stops'],
      ['note', note.trim().length < 3 && 'Enter why the clock stops (at least 3 characters)'],
    ]))) return;
    if (await form.run(() => recordFaultStep(f.id, { kind: 'clock_stopped', reason: reason as keyof typeof SLA_STOP_REASONS, note }), 'Stopped')) {
      done(`The clock on fault ${f.reference} is stopped.`);
      setReason(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="stop-title">
      <h2 className="govuk-heading-m" id="stop-title">Stop the clock</h2>
      <ErrorSummary errors={form.errors} />
      <RadiosField id={form.id('reason')} legend="Why the clock stops" value={reason} onChange={setReason} error={form.field('reason')} options={options(SLA_STOP_REASONS)} />
      <TextareaField id={form.id('note')} label="What is awaited" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Stop the clock</Button>
    </form>
  );
}

function RestartClockForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'restart', fields: ['note', 'at'], fallbackField: 'note', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(() => recordFaultStep(f.id, { kind: 'clock_restarted', note: note || undefined }), 'Restarted')) {
      done(`The clock on fault ${f.reference} is running again.`);
      setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="restart-title">
      <h2 className="govuk-heading-m" id="restart-title">Restart the clock</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('note')} label="Note (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Restart the clock</Button>
    </form>
  );
}

function NoteForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'note', fields: ['note'], fallbackField: 'note', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['note', note.trim().length < 3 && 'Enter the note (at least 3 characters)']]))) return;
    if (await form.run(() => recordFaultStep(f.id, { kind: 'note', note }), 'Noted')) {
      done(`Note added to fault ${f.reference}.`);
      setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="note-title">
      <h2 className="govuk-heading-m" id="note-title">Add a note</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField id={form.id('note')} label="Note" value={note} onChange={setNote} error={form.field('note')} rows={3} />
      <Button variant="secondary" disabled={form.busy}>Add the note</Button>
    </form>
  );
}

function PhotoForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'photo', fields: ['file', 'sha256', 'note'], fallbackField: 'file', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!form.check(fieldErrors([
      ['file', !file ? 'Choose a photo (JPEG or PNG)' : !/^image\/(jpeg|png)$/.test(file.type) ? 'The photo must be a JPEG or PNG' : file.size > FAULT_PHOTO_MAX_BYTES && 'The photo must be 10 MB or smaller'],
    ]))) return;
    if (await form.run(() => addFaultPhoto(f.id, file!, note.trim()), 'Added')) {
      done(`Photo added to fault ${f.reference}.`);
      setNote('');
      if (input.current) input.current.value = '';
    }
  };
  const error = form.field('file');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="photo-title">
      <h2 className="govuk-heading-m" id="photo-title">Add a photo</h2>
      <ErrorSummary errors={form.errors} />
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={form.id('file')}>Photo</label>
        <div className="govuk-hint" id={`${form.id('file')}-hint`}>A JPEG or PNG, 10 MB at most</div>
        {error && <p className="govuk-error-message" id={`${form.id('file')}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <input ref={input} className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id={form.id('file')} name={form.id('file')} type="file" accept="image/jpeg,image/png"
          aria-describedby={`${form.id('file')}-hint${error ? ` ${form.id('file')}-error` : ''}`} />
      </div>
      <TextareaField id={form.id('note')} label="What it shows (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button variant="secondary" disabled={form.busy}>Add the photo</Button>
    </form>
  );
}

function DecisionForm({ fault: f, done }: { fault: FaultDetail; done: Done }) {
  const [kind, setKind] = useState('');
  const [note, setNote] = useState('');
  const form = useWriteForm({ scope: `fault-${f.id}`, prefix: 'decision', fields: ['kind', 'note'], fallbackField: 'kind', refresh: refresh(f.id) });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([
      ['kind', !kind && 'Choose whether to accept the fix or reopen the fault'],
      ['note', kind === 'reopened' && note.trim().length < 3 && 'Enter why the fix is not accepted (at least 3 characters)'],
    ]))) return;
    const body = kind === 'accepted' ? { kind: 'accepted' as const, note: note || undefined } : { kind: 'reopened' as const, note };
    if (await form.run(() => decideFaultFix(f.id, body), 'Decided')) {
      done(kind === 'accepted' ? `Fix accepted: fault ${f.reference} is closed.` : `Fault ${f.reference} reopened.`);
      setKind(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-title">
      <h2 className="govuk-heading-m" id="decision-title">The contractor’s fix</h2>
      <ErrorSummary errors={form.errors} />
      <RadiosField id={form.id('kind')} legend="Is the fix accepted?" value={kind} onChange={setKind} error={form.field('kind')}
        options={[{ value: 'accepted', label: 'Accept the fix: the fault closes' }, { value: 'reopened', label: 'Reopen the fault: it is not fixed' }]} />
      <TextareaField id={form.id('note')} label={kind === 'reopened' ? 'Why the fix is not accepted' : 'Note (optional when accepting)'} value={note} onChange={setNote} error={form.field('note')} rows={3} />
      <Button disabled={form.busy}>Record the decision</Button>
    </form>
  );
}
