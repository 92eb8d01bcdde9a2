import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../../domain/calendar/london';
import {
  FAULT_STEPS, FAULT_TARGETS, PRIORITIES, SLA_STOP_REASONS, addContractorPhoto, contractorFaultQuery, contractorPhotoHref, recordContractorStep,
  type ContractorFault, type ContractorStepBody, type FaultClock, type FaultEvent,
} from '../../../api/contractorFaults';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { TextareaField } from '../../occurrences/Radios';
import { clearFlash, peekFlash } from '../../estate/deployments/flash';
import { useBanner } from '../banner';
import { NotLoaded } from '../NotLoaded';
import { londonInputsNow, stepBody, type StepFields } from './forms';
import { OutcomeTag, StageTag } from './tags';

type StepKind = ContractorStepBody['kind'];
const FORM_ORDER: StepKind[] = ['attended', 'diagnosed', 'part_used', 'awaiting_parts', 'fixed', 'clock_stopped', 'clock_restarted', 'note'];
const HEADINGS: Record<StepKind, { title: string; button: string; done: string }> = {
  attended: { title: 'Attended', button: 'Record attending', done: 'Attendance recorded.' },
  diagnosed: { title: 'Diagnosis', button: 'Record the diagnosis', done: 'Diagnosis recorded.' },
  part_used: { title: 'Part used', button: 'Record the part used', done: 'Part used recorded.' },
  awaiting_parts: { title: 'Awaiting parts', button: 'Record awaiting parts', done: 'Recorded as awaiting parts.' },
  fixed: { title: 'Fixed', button: 'Record the fix', done: 'Fix recorded: the council will accept it or reopen the fault.' },
  clock_stopped: { title: 'Stop the clock', button: 'Stop the clock', done: 'Clock stopped.' },
  clock_restarted: { title: 'Restart the clock', button: 'Restart the clock', done: 'Clock restarted.' },
  note: { title: 'Add a note', button: 'Add the note', done: 'Note added.' },
};

/** One of the contractor's faults: its SLA clocks, clock stops, parts signed out to them, its history, and the steps they may take now. */
export function ContractorFaultPage({ id }: { id: string }) {
  const fault = useQuery(contractorFaultQuery(id));
  const { banner, done } = useBanner(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  useTitle(fault.data ? `Fault ${fault.data.reference}` : 'Fault');
  if (fault.isPending) return <p className="govuk-body">Loading the fault…</p>;
  if (fault.isError) return <NotLoaded title="Fault not found" what="The fault" error={fault.error} back="Contract faults" backTo="/contractor/faults" />;
  const f = fault.data;
  const forms = FORM_ORDER.filter((k) => f.nextSteps.includes(k));

  return (
    <>
      <Link className="govuk-back-link" to="/contractor/faults">Contract faults</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">Fault {f.reference}</span>
      <h1 className="govuk-heading-l">{f.targetRef.reference} {f.targetRef.name}</h1>
      {f.stage === 'fixed' && (
        <div className="govuk-inset-text">Fixed, awaiting the council’s acceptance: the council will accept the fix or reopen the fault.</div>
      )}
      <dl className="govuk-summary-list">
        <Item name="Stage"><StageTag stage={f.stage} />{f.clockStopped && <> <strong className="govuk-tag govuk-tag--grey">Clock stopped</strong></>}</Item>
        <Item name={FAULT_TARGETS[f.target]}>{f.targetRef.reference} {f.targetRef.name}</Item>
        <Item name="What is wrong">{f.description}</Item>
        <Item name="Priority">{f.priority ? PRIORITIES[f.priority] : 'Not yet prioritised by the council'}</Item>
        <Item name="Contract">{f.contract?.reference ?? 'None yet'}</Item>
        <Item name="Raised">{formatDateTime(f.raisedAt)}{f.raisedBy ? ` by ${f.raisedBy.name}` : ''}</Item>
      </dl>

      <h2 className="govuk-heading-m">SLA clocks</h2>
      {!f.response && !f.fix ? <p className="govuk-body">The clocks start once the council sets the priority on a contract with SLA terms.</p> : (
        <div className="vigil-table-wrap" tabIndex={0} role="region" aria-label="The SLA clocks (scrolls sideways on a small screen)">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--s">Response and fix deadlines</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">{['Clock', 'Deadline', 'At risk from', 'Outcome'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr>
            </thead>
            <tbody className="govuk-table__body">
              <ClockRow name="Response (attend)" clock={f.response} />
              <ClockRow name="Fix" clock={f.fix} />
            </tbody>
          </table>
        </div>
      )}
      {f.stops.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Clock stops</h3>
          <ul className="govuk-list govuk-list--bullet">
            {f.stops.map((s) => <li key={s.from}>{SLA_STOP_REASONS[s.reason]}: {formatDateTime(s.from)} to {s.to ? formatDateTime(s.to) : 'now (still stopped)'}</li>)}
          </ul>
        </>
      )}

      <h2 className="govuk-heading-m">Parts signed out to you</h2>
      {f.partsSignedOut.length === 0 ? <p className="govuk-body">No council parts have been signed out against this fault.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {f.partsSignedOut.map((p) => <li key={`${p.partId}-${p.at}`}>{p.quantity} × {p.partNumber} {p.description}, {formatDateTime(p.at)}</li>)}
        </ul>
      )}

      {(forms.length > 0 || f.state === 'open') && <h2 className="govuk-heading-m">Record what you did</h2>}
      {forms.map((kind) => <StepForm key={kind} kind={kind} fault={f} done={done} />)}
      {f.state === 'open' && <PhotoForm fault={f} done={done} />}

      <h2 className="govuk-heading-m">History</h2>
      <Timeline fault={f} />
    </>
  );
}

function Item({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function ClockRow({ name, clock }: { name: string; clock: FaultClock | null }) {
  if (!clock) return null;
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">{name}</th>
      <td className="govuk-table__cell">{clock.deadline ? formatDateTime(clock.deadline) : 'Held by a clock stop'}</td>
      <td className="govuk-table__cell">{clock.warningAt ? formatDateTime(clock.warningAt) : '–'}</td>
      <td className="govuk-table__cell"><OutcomeTag clock={clock} />{clock.doneAt && <> {formatDateTime(clock.doneAt)}</>}</td>
    </tr>
  );
}

/** What an event says beyond its kind. */
export function eventWords(e: FaultEvent): string {
  const parts: string[] = [];
  if (e.priority) parts.push(PRIORITIES[e.priority]);
  if (e.stopReason) parts.push(SLA_STOP_REASONS[e.stopReason]);
  if (e.part) parts.push(`${e.part.quantity} × ${e.part.description}${e.part.partId ? ' (council stock)' : ''}`);
  if (e.note) parts.push(e.note);
  return parts.join(': ');
}

function Timeline({ fault: f }: { fault: ContractorFault }) {
  return (
    <ol className="govuk-list vigil-timeline">
      {[...f.events].reverse().map((e) => (
        <li key={e.seq} className="govuk-!-margin-bottom-4">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{FAULT_STEPS[e.kind]}</h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">{formatDateTime(e.at)}{e.by ? `, ${e.by.name} (${e.by.organisation})` : ''}</p>
          {eventWords(e) && <p className="govuk-body govuk-!-margin-bottom-1">{eventWords(e)}</p>}
          {e.photoSha256 && (
            <a className="govuk-link" href={contractorPhotoHref(f.id, e.photoSha256)} target="_blank" rel="noreferrer">
              <img src={contractorPhotoHref(f.id, e.photoSha256)} alt={`Photo added ${formatDateTime(e.at)}${e.note ? `: ${e.note}` : ''} (opens in a new tab)`}
                style={{ maxWidth: '12rem', maxHeight: '12rem', display: 'block' }} />
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}

const STEP_FIELDS = ['at', 'note', 'partId', 'description', 'quantity', 'stopClock', 'reason'];

function StepForm({ kind, fault, done }: { kind: StepKind; fault: ContractorFault; done: (text: string) => void }) {
  const now = londonInputsNow();
  const [fields, setFields] = useState<StepFields>({ date: now.date, time: now.time, shown: now, note: '', partId: '', description: '', quantity: '1', stopClock: true, reason: '' });
  const form = useWriteForm({ scope: `contractor-fault-${fault.id}`, prefix: kind.replace('_', '-'), fields: STEP_FIELDS, fallbackField: kind === 'part_used' ? 'description' : 'note', refresh: [['contractor-faults']] });
  const set = <K extends keyof StepFields>(key: K) => (value: StepFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const h = HEADINGS[kind];
  const timed = kind === 'attended' || kind === 'fixed';
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const made = stepBody(kind, fields, fault.partsSignedOut);
    if (!form.check(made.problems ? fieldErrors(made.problems) : undefined) || !made.body) return;
    if (await form.run(() => recordContractorStep(fault.id, made.body), 'Recorded')) {
      done(h.done);
      const again = londonInputsNow();
      setFields({ date: again.date, time: again.time, shown: again, note: '', partId: '', description: '', quantity: '1', stopClock: true, reason: '' });
    }
  };
  const titleId = `${form.id('title')}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={titleId}>{h.title}</h3>
      <ErrorSummary errors={form.errors} />
      {timed && (
        <fieldset className={`govuk-fieldset govuk-form-group${form.field('at') ? ' govuk-form-group--error' : ''}`}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{kind === 'attended' ? 'When the engineer arrived' : 'When it was fixed'}</legend>
          <div className="govuk-hint">London time; now unless you change it</div>
          {form.field('at') && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {form.field('at')}</p>}
          <div className="vigil-filter__row">
            <TextField id={form.id('at')} label="Date" type="date" value={fields.date ?? ''} onChange={set('date')} />
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={form.id('time')}>Time</label>
              <input className="govuk-input govuk-input--width-5" id={form.id('time')} type="time" value={fields.time ?? ''} onChange={(e) => set('time')(e.target.value)} />
            </div>
          </div>
        </fieldset>
      )}
      {kind === 'part_used' && (
        <>
          {fault.partsSignedOut.length > 0 && (
            <SelectField id={form.id('partId')} label="Council part signed out to you" value={fields.partId ?? ''} onChange={set('partId')} error={form.field('partId')}
              options={[{ value: '', label: 'None: a part of our own' }, ...fault.partsSignedOut.map((p) => ({ value: p.partId, label: `${p.partNumber} ${p.description}` }))]} />
          )}
          {!fields.partId && <TextField id={form.id('description')} label="Part used" hint="What it is, for example 12 V power supply" value={fields.description ?? ''} onChange={set('description')} error={form.field('description')} width="30" />}
          <TextField id={form.id('quantity')} label="How many" value={fields.quantity ?? ''} onChange={set('quantity')} error={form.field('quantity')} width="4" inputMode="numeric" />
        </>
      )}
      {kind === 'clock_stopped' && (
        <SelectField id={form.id('reason')} label="Why the clock stops" value={fields.reason ?? ''} onChange={(v) => set('reason')(v as StepFields['reason'])} error={form.field('reason')}
          options={[{ value: '', label: 'Choose a reason' }, ...Object.entries(SLA_STOP_REASONS).map(([value, label]) => ({ value, label }))]} />
      )}
      {kind !== 'part_used' && (
        <TextareaField id={form.id('note')} label={noteLabel(kind)} value={fields.note ?? ''} onChange={set('note')} error={form.field('note')} rows={3} />
      )}
      {kind === 'awaiting_parts' && (
        <CheckboxesField id={form.id('stopClock')} legend="The fix clock" values={fields.stopClock ? ['yes'] : []} onChange={(v) => set('stopClock')(v.includes('yes'))}
          options={[{ value: 'yes', label: 'Stop the fix clock while the part is awaited' }]} />
      )}
      <Button variant={kind === 'fixed' ? undefined : 'secondary'} disabled={form.busy}>{h.button}</Button>
    </form>
  );
}

function noteLabel(kind: StepKind): string {
  switch (kind) {
    case 'attended': return 'Note (optional)';
    case 'diagnosed': return 'What is wrong with it';
    case 'awaiting_parts': return 'The part awaited';
    case 'fixed': return 'What was done';
    case 'clock_stopped': return 'Why the clock stops';
    case 'clock_restarted': return 'Note (optional)';
    default: return 'Note';
  }
}

function PhotoForm({ fault, done }: { fault: ContractorFault; done: (text: string) => void }) {
  const [file, setFile] = useState<File>();
  const [note, setNote] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const form = useWriteForm({ scope: `contractor-fault-${fault.id}`, prefix: 'photo', fields: ['file', 'sha256', 'note'], fallbackField: 'file', refresh: [['contractor-faults']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['file', !file ? 'Choose a photo to add' : !/^image\/(jpeg|png)$/.test(file.type) && 'Choose a JPEG or PNG photo']])) || !file) return;
    if (await form.run(() => addContractorPhoto(fault.id, file, note.trim() || undefined), 'Added')) {
      done('Photo added.');
      setFile(undefined); setNote(''); setInputKey((k) => k + 1);
    }
  };
  const error = form.field('file');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="photo-title" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id="photo-title">Add a photo</h3>
      <ErrorSummary errors={form.errors} />
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={form.id('file')}>Photo</label>
        <div className="govuk-hint" id={`${form.id('file')}-hint`}>A JPEG or PNG, 10 MB at most; on a phone, take one with the camera</div>
        {error && <p className="govuk-error-message" id={`${form.id('file')}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <input key={inputKey} className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id={form.id('file')} type="file" accept="image/jpeg,image/png"
          aria-describedby={`${form.id('file')}-hint${error ? ` ${form.id('file')}-error` : ''}`} onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      <TextField id={form.id('note')} label="What it shows (optional)" value={note} onChange={setNote} error={form.field('note')} width="30" />
      <Button variant="secondary" disabled={form.busy}>Add the photo</Button>
    </form>
  );
}
