import { useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { formatUkDay, londonDay, parseUkDate } from '../../../domain/calendar/london';

/** A day typed the UK way (3/12/2026), as the API takes it; undefined when it is not a real date. */
const isoDay = (text: string) => parseUkDate(text);
const dayProblem = (text: string, what: string) => (!text.trim() ? `Enter ${what}` : !isoDay(text) ? `Enter ${what} as a real date, like 3/12/2026` : false);
import { PAUSE_REASONS, STATUSES, type RequestDetail } from '../../../domain/requests/contract';
import { RadiosField, TextareaField } from '../occurrences/Radios';
import {
  assignOwner, changeStatus, escalateComplaint, extendClock, noteRequest, refreshAfterStep, reopenRequest, restartClock, stopClock,
} from './api';
import { useRequestHandlers } from './people';

// The steps a handler takes on a request, one form each. Each keeps what was typed when the server
// refuses, shows why beside the field and in the summary, and says what it did in the page's banner.

type Props = { request: RequestDetail; done: (message: string) => void };
const short = (text: string, min: number) => text.trim().length < min;

function useStep(r: RequestDetail, prefix: string, fields: string[]) {
  return useWriteForm({ scope: `request-${r.id}`, prefix, fields, fallbackField: fields[0]!, refresh: refreshAfterStep(r.id) });
}

function Shell({ id, title, errors, children, shortcut }: { id: string; title: string; errors: ReturnType<typeof useStep>['errors']; children: React.ReactNode; shortcut?: string }) {
  return (
    <>
      <h3 className="govuk-heading-s" id={`${id}-title`} tabIndex={-1}>{title}{shortcut && <span className="govuk-body-s"> (shortcut <kbd>{shortcut}</kbd>)</span>}</h3>
      <ErrorSummary errors={errors} />
      {children}
    </>
  );
}

export function StatusForm({ request: r, done }: Props) {
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const f = useStep(r, 'status', ['status', 'note']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['status', !status && 'Choose the status it moves to']]))) return;
    if (await f.run(() => changeStatus(r.id, { status: status as keyof typeof STATUSES, note }), 'Changed')) {
      done(`${r.reference} is now ${STATUSES[status as keyof typeof STATUSES].toLowerCase()}.`); setStatus(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="status-title">
      <Shell id="status" title="Change the status" errors={f.errors}>
        <SelectField id={f.id('status')} label="New status" value={status} onChange={setStatus} error={f.field('status')}
          options={[{ value: '', label: 'Choose a status' }, ...r.nextStatuses.map((s) => ({ value: s, label: STATUSES[s] }))]} />
        <TextareaField id={f.id('note')} label="Note (optional)" value={note} onChange={setNote} error={f.field('note')} rows={2} />
        <Button variant="secondary" disabled={f.busy}>Change the status</Button>
      </Shell>
    </form>
  );
}

export function StopClockForm({ request: r, done }: Props) {
  const [reason, setReason] = useState(r.canStopClock.length === 1 ? r.canStopClock[0]! : '');
  const [on, setOn] = useState(formatUkDay(londonDay()));
  const [note, setNote] = useState('');
  const f = useStep(r, 'stop', ['reason', 'on', 'note']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([
      ['reason', !reason && 'Choose what the clock waits for'],
      ['on', dayProblem(on, 'the day the clock stopped')],
      ['note', short(note, 3) && 'Enter what was asked for (at least 3 characters)'],
    ]))) return;
    if (await f.run(() => stopClock(r.id, { reason: reason as keyof typeof PAUSE_REASONS, on: isoDay(on)!, note }), 'Stopped')) {
      done(`The clock on ${r.reference} is stopped.`); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="stop-title">
      <Shell id="stop" title="Stop the clock" errors={f.errors} shortcut="s">
        <RadiosField id={f.id('reason')} legend="What the clock waits for" value={reason} onChange={setReason} error={f.field('reason')}
          options={r.canStopClock.map((p) => ({ value: p, label: PAUSE_REASONS[p] }))} />
        <TextField id={f.id('on')} label="Day the clock stopped" hint="The day you asked for it, like 3/12/2026" value={on} width="10" autoComplete="off" spellCheck={false} onChange={setOn} error={f.field('on')} />
        <TextareaField id={f.id('note')} label="What was asked for" value={note} onChange={setNote} error={f.field('note')} rows={2} />
        <Button variant="secondary" disabled={f.busy}>Stop the clock</Button>
      </Shell>
    </form>
  );
}

export function RestartClockForm({ request: r, done }: Props) {
  const [on, setOn] = useState(formatUkDay(londonDay()));
  const [note, setNote] = useState('');
  const f = useStep(r, 'restart', ['on', 'note']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['on', dayProblem(on, 'the day it arrived')]]))) return;
    if (await f.run(() => restartClock(r.id, { on: isoDay(on)!, note }), 'Restarted')) { done(`The clock on ${r.reference} is running again.`); setNote(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="restart-title">
      <Shell id="restart" title="Restart the clock" errors={f.errors} shortcut="r">
        <TextField id={f.id('on')} label="Day what was asked for arrived" hint="The clock runs again from this day, like 3/12/2026" value={on} width="10" autoComplete="off" spellCheck={false} onChange={setOn} error={f.field('on')} />
        <TextareaField id={f.id('note')} label="Note (optional)" value={note} onChange={setNote} error={f.field('note')} rows={2} />
        <Button variant="secondary" disabled={f.busy}>Restart the clock</Button>
      </Shell>
    </form>
  );
}

export function ExtendForm({ request: r, done, noticeBy }: Props & { noticeBy?: string }) {
  const [reason, setReason] = useState('');
  const [notifiedOn, setNotifiedOn] = useState(formatUkDay(londonDay()));
  const f = useStep(r, 'extend', ['reason', 'notifiedOn']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([
      ['reason', short(reason, 10) && 'Enter why more time is needed (at least 10 characters)'],
      ['notifiedOn', dayProblem(notifiedOn, 'the day the requester was told')],
    ]))) return;
    if (await f.run(() => extendClock(r.id, { reason, notifiedOn: isoDay(notifiedOn)! }), 'Extended')) { done(`${r.reference} is extended.`); setReason(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="extend-title">
      <Shell id="extend" title="Extend the time" errors={f.errors} shortcut="e">
        <TextareaField id={f.id('reason')} label="Why more time is needed" value={reason} onChange={setReason} error={f.field('reason')} rows={3} />
        <TextField id={f.id('notifiedOn')} label="Day the requester was told" hint={noticeBy ? 'For a SAR, within the first month; like 3/12/2026' : 'Like 3/12/2026'} value={notifiedOn} width="10" autoComplete="off" spellCheck={false} onChange={setNotifiedOn} error={f.field('notifiedOn')} />
        <Button variant="secondary" disabled={f.busy}>Extend</Button>
      </Shell>
    </form>
  );
}

export function AssignForm({ request: r, done }: Props) {
  const handlers = useRequestHandlers();
  const [ownerId, setOwnerId] = useState('');
  const f = useStep(r, 'owner', ['ownerId']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['ownerId', !ownerId && 'Choose who deals with it']]))) return;
    const name = handlers.data?.find((p) => p.id === ownerId)?.name ?? 'the new owner';
    if (await f.run(() => assignOwner(r.id, { ownerId }), 'Assigned')) { done(`${r.reference} is now with ${name}.`); setOwnerId(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="owner-title">
      <Shell id="owner" title={r.owner ? 'Give it to someone else' : 'Give it an owner'} errors={f.errors}>
        {handlers.isError && <p className="govuk-body">The list of staff could not be loaded. {handlers.error.message}</p>}
        <SelectField id={f.id('ownerId')} label="Who deals with it" hint="Enforcement officers and coordinators" value={ownerId} onChange={setOwnerId} error={f.field('ownerId')}
          options={[{ value: '', label: 'Choose a person' }, ...(handlers.data ?? []).filter((p) => p.id !== r.owner?.id).map((p) => ({ value: p.id, label: p.name }))]} />
        <Button variant="secondary" disabled={f.busy}>Give it to them</Button>
      </Shell>
    </form>
  );
}

export function EscalateForm({ request: r, done, nextStage }: Props & { nextStage: string }) {
  const [on, setOn] = useState(formatUkDay(londonDay()));
  const [note, setNote] = useState('');
  const f = useStep(r, 'escalate', ['on', 'note']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['on', dayProblem(on, 'the day the next stage was asked for')], ['note', short(note, 3) && 'Enter why the complainant is not satisfied (at least 3 characters)']]))) return;
    if (await f.run(() => escalateComplaint(r.id, { on: isoDay(on)!, note }), 'Escalated')) { done(`${r.reference} is at ${nextStage}.`); setNote(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="escalate-title">
      <Shell id="escalate" title={`Escalate to ${nextStage}`} errors={f.errors}>
        <TextField id={f.id('on')} label="Day the complainant asked" hint="The stage’s own clock starts from this day, like 3/12/2026" value={on} width="10" autoComplete="off" spellCheck={false} onChange={setOn} error={f.field('on')} />
        <TextareaField id={f.id('note')} label="Why the complainant is not satisfied" value={note} onChange={setNote} error={f.field('note')} rows={3} />
        <Button variant="secondary" disabled={f.busy}>Escalate</Button>
      </Shell>
    </form>
  );
}

export function NoteForm({ request: r, done }: Props) {
  const [note, setNote] = useState('');
  const [correctsSeq, setCorrectsSeq] = useState('');
  const f = useStep(r, 'note', ['note', 'correctsSeq']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['note', short(note, 3) && 'Enter the note (at least 3 characters)']]))) return;
    if (await f.run(() => noteRequest(r.id, { note, correctsSeq: correctsSeq ? Number(correctsSeq) : undefined }), 'Noted')) {
      done(correctsSeq ? `Correction to entry ${correctsSeq} added.` : 'Note added.'); setNote(''); setCorrectsSeq('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="note-title">
      <Shell id="note" title="Add a note or correct an entry" errors={f.errors} shortcut="n">
        <TextareaField id={f.id('note')} label="Note" value={note} onChange={setNote} error={f.field('note')} rows={3} />
        <SelectField id={f.id('correctsSeq')} label="It corrects (optional)" hint="Nothing is changed: the correction is added to the history, pointing at the entry" value={correctsSeq} onChange={setCorrectsSeq} error={f.field('correctsSeq')}
          options={[{ value: '', label: 'Nothing: it is a note' }, ...r.events.map((ev) => ({ value: String(ev.seq), label: `Entry ${ev.seq}: ${ev.kind.replace(/-/g, ' ')}` }))]} />
        <Button variant="secondary" disabled={f.busy}>Add it</Button>
      </Shell>
    </form>
  );
}

export function ReopenForm({ request: r, done }: Props) {
  const [reason, setReason] = useState('');
  const f = useStep(r, 'reopen', ['reason']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['reason', short(reason, 10) && 'Enter why it is reopened (at least 10 characters)']]))) return;
    if (await f.run(() => reopenRequest(r.id, { reason }), 'Reopened')) { done(`${r.reference} is reopened.`); setReason(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reopen-title">
      <Shell id="reopen" title="Reopen" errors={f.errors}>
        <TextareaField id={f.id('reason')} label="Why it is reopened" value={reason} onChange={setReason} error={f.field('reason')} rows={3} />
        <Button variant="secondary" disabled={f.busy}>Reopen</Button>
      </Shell>
    </form>
  );
}
