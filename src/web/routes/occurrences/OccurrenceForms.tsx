import { useState } from 'react';
import { isApiError } from '../../api/client';
import { isCodeOf, labelOf } from '../../../domain/labels';
import { WRITTEN_KINDS } from '../../../domain/occurrences/contract';
import {
  AGENCIES, OUTCOMES, addEntry, amendEntry, closeOccurrence, markFootage, notifyAgency, recordPersonalData, reopenOccurrence, viewPersonalData,
  type Occurrence, type PersonalDataItem,
} from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatDateTime, formatUkDateTimeInput } from '../../../domain/calendar/london';
import { RadiosField, submitOnCtrlEnter, TextareaField } from './Radios';
import { useOccurrenceForm } from './useOccurrenceForm';
import { parseUkDateTime, understoodAs } from './when';

const TIME_HINT = 'For example, 14:05 (the latest 14:05, so after midnight 23:30 is last night) or 23/11/2026 14:05';
/** The field's hint, and once a time is typed, the full date it was understood as. */
const timeHint = (lead: string, typed: string) => [lead, TIME_HINT, understoodAs(typed)].filter(Boolean).join('. ');
const badTime = 'Enter a time like 14:05, or a date and time like 23/11/2026 14:05';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

function Done({ message }: { message?: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className="govuk-body govuk-!-font-weight-bold vigil-done">{message}</p>}
    </div>
  );
}

export function AddEntryForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'entry', ['kind', 'body', 'observedAt'], 'body');
  const [kind, setKind] = useState('observation');
  const [body, setBody] = useState('');
  const [observedAt, setObservedAt] = useState('');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const observed = parseUkDateTime(observedAt);
    if (!f.check(fieldErrors([['body', !body.trim() && 'Enter what happened'], ['observedAt', observed === undefined && badTime]]))) return;
    const ok = await f.run(() => addEntry(occurrence.id, { kind: isCodeOf(WRITTEN_KINDS, kind) ? kind : undefined, body: body.trim(), observedAt: observed || undefined }), 'Entry added to the log.');
    if (ok) {
      // The next entry starts afresh: a Communication logged now does not make the next one a Communication.
      setKind('observation');
      setBody('');
      setObservedAt('');
      document.getElementById('entry-body')?.focus();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-entry-title">
      <h2 className="govuk-heading-m" id="add-entry-title">Add an entry</h2>
      <ErrorSummary errors={f.errors} />
      <RadiosField id={f.id('kind')} legend="Kind of entry" value={kind} onChange={setKind} inline error={f.field('kind')}
        options={[{ value: 'observation', label: 'Observation (seen)' }, { value: 'action', label: 'Action (done)' }, { value: 'communication', label: 'Communication (said)' }]} />
      <TextareaField id={f.id('body')} label="What happened" hint="Describe people by clothing and direction, not by name. Press Ctrl+Enter to add." value={body} onChange={setBody}
        error={f.field('body')} onKeyDown={submitOnCtrlEnter} data-shortcut="e" aria-keyshortcuts="e" />
      <TextField id={f.id('observedAt')} label="Time seen" hint={timeHint('Optional, if not now', observedAt)} value={observedAt} onChange={setObservedAt} error={f.field('observedAt')} width="10" autoComplete="off" spellCheck={false} />
      <Button disabled={f.busy}>Add entry</Button>
      <Done message={f.done} />
    </form>
  );
}

export function NotifyForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'notify', ['agency', 'agencyReference', 'notifiedAt', 'body'], 'agency');
  const [agency, setAgency] = useState('');
  const [reference, setReference] = useState('');
  const [notifiedAt, setNotifiedAt] = useState('');
  const [body, setBody] = useState('');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const when = parseUkDateTime(notifiedAt);
    if (!f.check(fieldErrors([['agency', !isCodeOf(AGENCIES, agency) && 'Choose who was told'], ['notifiedAt', when === undefined && badTime]])) || !isCodeOf(AGENCIES, agency)) return;
    const ok = await f.run(
      () => notifyAgency(occurrence.id, { agency, agencyReference: reference.trim() || undefined, notifiedAt: when || undefined, body: body.trim() || undefined }),
      `${labelOf(AGENCIES, agency)} recorded as told.`,
    );
    if (ok) {
      setAgency('');
      setReference('');
      setNotifiedAt('');
      setBody('');
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="notify-title">
      <h2 className="govuk-heading-m" id="notify-title">Record who was told</h2>
      <ErrorSummary errors={f.errors} />
      <RadiosField id={f.id('agency')} legend="Agency" value={agency} onChange={setAgency} options={opts(AGENCIES)} inline error={f.field('agency')} />
      <TextField id={f.id('agencyReference')} label="Their reference" hint="Optional. For example, a police CAD or incident number" value={reference} onChange={setReference}
        error={f.field('agencyReference')} width="20" autoComplete="off" spellCheck={false} />
      <TextField id={f.id('notifiedAt')} label="Time told" hint={timeHint('Optional, if not now', notifiedAt)} value={notifiedAt} onChange={setNotifiedAt} error={f.field('notifiedAt')} width="10" autoComplete="off" spellCheck={false} />
      <TextareaField id={f.id('body')} label="Note" hint="Optional. What was said" value={body} onChange={setBody} rows={2} error={f.field('body')} onKeyDown={submitOnCtrlEnter} />
      <Button disabled={f.busy}>Record who was told</Button>
      <Done message={f.done} />
    </form>
  );
}

export function FootageForm({ occurrence, cameras }: { occurrence: Occurrence; cameras: Array<{ id: string; reference: string; name: string }> }) {
  const f = useOccurrenceForm(occurrence.id, 'footage', ['cameraId', 'from', 'to', 'body'], 'cameraId');
  const [cameraId, setCameraId] = useState(occurrence.cameras.length === 1 ? occurrence.cameras[0].id : '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [body, setBody] = useState('');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const start = parseUkDateTime(from);
    const end = parseUkDateTime(to);
    if (!f.check(fieldErrors([
      ['cameraId', !cameraId && 'Choose a camera'],
      ['from', !start && (start === '' ? 'Enter when the footage starts' : badTime)],
      ['to', !end && (end === '' ? 'Enter when the footage ends' : badTime)],
    ]))) return;
    const ok = await f.run(() => markFootage(occurrence.id, { cameraId, from: start!, to: end!, body: body.trim() || undefined }), 'Footage marked to keep.');
    if (ok) {
      setFrom('');
      setTo('');
      setBody('');
    }
  };

  const involved = new Set(occurrence.cameras.map((c) => c.id));
  const options = [
    { value: '', label: 'Choose a camera' },
    ...occurrence.cameras.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` })),
    ...cameras.filter((c) => !involved.has(c.id)).map((c) => ({ value: c.id, label: `${c.reference} ${c.name} (not yet involved)` })),
  ];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="footage-title">
      <h2 className="govuk-heading-m" id="footage-title">Mark footage to keep</h2>
      <ErrorSummary errors={f.errors} />
      <SelectField id={f.id('cameraId')} label="Camera" value={cameraId} onChange={setCameraId} options={options} error={f.field('cameraId')} />
      <TextField id={f.id('from')} label="From" hint={timeHint(`Now is ${formatUkDateTimeInput(new Date())}`, from)} value={from} onChange={setFrom} error={f.field('from')} width="10" autoComplete="off" spellCheck={false} />
      <TextField id={f.id('to')} label="To" hint={understoodAs(to)} value={to} onChange={setTo} error={f.field('to')} width="10" autoComplete="off" spellCheck={false} />
      <TextareaField id={f.id('body')} label="Why it matters" hint="Optional" value={body} onChange={setBody} rows={2} error={f.field('body')} onKeyDown={submitOnCtrlEnter} />
      <Button disabled={f.busy}>Mark footage</Button>
      <Done message={f.done} />
    </form>
  );
}

export function AmendForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'amend', ['entryId', 'body', 'reason'], 'entryId');
  const [entryId, setEntryId] = useState('');
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  const amendable = occurrence.entries.filter((e) => e.kind !== 'amendment');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([
      ['entryId', !entryId && 'Choose the entry to correct'],
      ['body', !body.trim() && 'Enter the correction'],
      ['reason', !reason.trim() && 'Enter the reason for the correction'],
    ]))) return;
    const ok = await f.run(() => amendEntry(occurrence.id, { entryId, body: body.trim(), reason: reason.trim() }), 'Correction added beside the entry. The original stays.');
    if (ok) {
      setEntryId('');
      setBody('');
      setReason('');
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="amend-title">
      <h2 className="govuk-heading-m" id="amend-title">Correct an entry</h2>
      <p className="govuk-body">Entries cannot be changed or deleted. A correction shows beside the original, with your reason.</p>
      <ErrorSummary errors={f.errors} />
      <SelectField id={f.id('entryId')} label="Entry to correct" value={entryId} onChange={setEntryId} error={f.field('entryId')}
        options={[{ value: '', label: 'Choose an entry' }, ...amendable.map((e) => ({ value: e.id, label: `${e.seq}. ${formatDateTime(e.recordedAt)} – ${e.body.slice(0, 60)}` }))]} />
      <TextareaField id={f.id('body')} label="Corrected text" value={body} onChange={setBody} rows={3} error={f.field('body')} onKeyDown={submitOnCtrlEnter} />
      <TextField id={f.id('reason')} label="Reason for the correction" value={reason} onChange={setReason} error={f.field('reason')} autoComplete="off" />
      <Button disabled={f.busy}>Add correction</Button>
      <Done message={f.done} />
    </form>
  );
}

export function CloseForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'close', ['outcome', 'body', 'skipReason'], 'outcome');
  const [outcome, setOutcome] = useState('');
  const [body, setBody] = useState('');
  const [skipReason, setSkipReason] = useState('');
  const [skipped, setSkipped] = useState<Array<{ id: string; text: string }>>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['outcome', !isCodeOf(OUTCOMES, outcome) && 'Choose an outcome'], ['skipReason', !!skipped && !skipReason.trim() && 'Give a reason for closing without the required steps']])) || !isCodeOf(OUTCOMES, outcome)) return;
    const ok = await f.run(
      async () => {
        try {
          return await closeOccurrence(occurrence.id, { outcome, body: body.trim() || undefined, skipReason: skipReason.trim() || undefined });
        } catch (err) {
          if (isApiError(err) && err.code === 'occurrences.required_steps_skipped') {
            setSkipped((err.problem as unknown as { steps?: Array<{ id: string; text: string }> }).steps ?? []);
          }
          throw err;
        }
      },
      'Occurrence closed.',
    );
    if (ok) setSkipped(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="close-title">
      <h2 className="govuk-heading-m" id="close-title">Close the occurrence</h2>
      <ErrorSummary errors={f.errors} />
      <RadiosField id={f.id('outcome')} legend="Outcome" value={outcome} onChange={setOutcome} options={opts(OUTCOMES)} error={f.field('outcome')} />
      <TextareaField id={f.id('body')} label="Closing note" hint="Optional" value={body} onChange={setBody} rows={2} error={f.field('body')} onKeyDown={submitOnCtrlEnter} />
      {skipped && (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Required steps are not done. Do them, or give a reason for closing without them: your supervisor will be told.
            </strong>
          </div>
          <ul className="govuk-list govuk-list--bullet">
            {skipped.map((s) => <li key={s.id}>{s.text}</li>)}
          </ul>
          <TextField id={f.id('skipReason')} label="Reason for closing without the required steps" value={skipReason} onChange={setSkipReason} error={f.field('skipReason')} autoComplete="off" />
        </>
      )}
      <Button disabled={f.busy}>Close occurrence</Button>
      <Done message={f.done} />
    </form>
  );
}

export function ReopenForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'reopen', ['reason'], 'reason');
  const [reason, setReason] = useState('');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['reason', !reason.trim() && 'Enter why it is being reopened']]))) return;
    if (await f.run(() => reopenOccurrence(occurrence.id, { reason: reason.trim() }), 'Occurrence reopened.')) setReason('');
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reopen-title">
      <h2 className="govuk-heading-m" id="reopen-title">Reopen the occurrence</h2>
      <p className="govuk-body">Closed: {occurrence.outcomeName}{occurrence.closedAt ? `, ${formatDateTime(occurrence.closedAt)}` : ''}{occurrence.closedBy ? ` by ${occurrence.closedBy}` : ''}.</p>
      <ErrorSummary errors={f.errors} />
      <TextField id={f.id('reason')} label="Why it is being reopened" value={reason} onChange={setReason} error={f.field('reason')} autoComplete="off" />
      <Button disabled={f.busy} variant="secondary">Reopen occurrence</Button>
      <Done message={f.done} />
    </form>
  );
}

export function PersonalDataSection({ occurrence, canWrite }: { occurrence: Occurrence; canWrite: boolean }) {
  const f = useOccurrenceForm(occurrence.id, 'person', ['name', 'details'], 'name');
  const [items, setItems] = useState<PersonalDataItem[]>();
  const [loadError, setLoadError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [name, setName] = useState('');
  const [details, setDetails] = useState('');
  const flagged = occurrence.personalDataFlagged;

  const show = async () => {
    setLoading(true);
    setLoadError(undefined);
    try {
      setItems(await viewPersonalData(occurrence.id));
    } catch (err) {
      setLoadError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['name', !name.trim() && !details.trim() && 'Enter a name or details']]))) return;
    const ok = await f.run(() => recordPersonalData(occurrence.id, { name: name.trim() || undefined, details: details.trim() || undefined }), 'Recorded as personal data.');
    if (ok) {
      setName('');
      setDetails('');
      if (items) await show();
    }
  };

  return (
    <section aria-labelledby="personal-title">
      <h2 className="govuk-heading-m" id="personal-title">Names and personal data</h2>
      <p className="govuk-body">
        {occurrence.personalDataCount === 1 ? '1 item is' : `${occurrence.personalDataCount} items are`} kept apart from the log. Showing them is recorded in the audit trail.
      </p>
      {flagged.count > 0 && (
        <p className="govuk-inset-text">
          {flagged.count === 1 ? '1 item was' : `${flagged.count} items were`} flagged for review
          {flagged.since && ` ${flagged.count === 1 ? 'on' : 'from'} ${formatDateTime(flagged.since)}`}: {flagged.count === 1 ? 'it is' : 'they are'} removed
          under the retention policy unless evidence or a request holds this occurrence, and a supervisor may remove {flagged.count === 1 ? 'it' : 'them'} sooner.
        </p>
      )}
      {!items && occurrence.personalDataCount > 0 && (
        <Button type="button" variant="secondary" onClick={() => void show()} disabled={loading}>Show names (recorded in the audit trail)</Button>
      )}
      {loadError && <p className="govuk-error-message">{loadError}</p>}
      {items && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Personal data</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Details</th>
              <th scope="col" className="govuk-table__header">Recorded</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">{p.removedAt ? <em>Removed</em> : p.name}</td>
                <td className="govuk-table__cell">{p.removedAt ? p.removalReason : p.details}</td>
                <td className="govuk-table__cell">
                  {formatDateTime(p.recordedAt)} by {p.recordedBy}
                  {p.flaggedForReviewAt && !p.removedAt && <><br /><span className="govuk-hint govuk-!-margin-bottom-0">Flagged for review {formatDateTime(p.flaggedForReviewAt)}</span></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form onSubmit={submit} noValidate aria-labelledby="person-form-title">
          <h3 className="govuk-heading-s" id="person-form-title">Record a name or identifying details</h3>
          <ErrorSummary errors={f.errors} />
          <TextField id={f.id('name')} label="Name" hint="Optional" value={name} onChange={setName} error={f.field('name')} autoComplete="off" spellCheck={false} />
          <TextareaField id={f.id('details')} label="Identifying details" hint="Optional. For example, date of birth or address" value={details} onChange={setDetails} rows={2} error={f.field('details')} />
          <Button disabled={f.busy} variant="secondary">Record personal data</Button>
          <Done message={f.done} />
        </form>
      )}
    </section>
  );
}
