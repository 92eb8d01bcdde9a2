import { useState } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import type { OohIncident } from '../../../../domain/ooh/incidents.contract';
import { ACTION_STATUSES, TIMELINE_SOURCES, type ActionStatus, type TimelineSource } from '../../../../domain/ooh/incidents';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { parseUkDateTime } from '../../occurrences/when';
import { addAction, addTimelineEntry, closeIncident, logDecision, refreshAfterWrite, updateAction } from './api';

// The log's forms on an open incident: information received, a decision, an action and its status,
// and standing the incident down. Each keeps what was typed when refused and says why by the field.

export type FormProps = { incident: OohIncident; done: (message: string) => void };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const TIME_HINT = 'Leave blank for now, or like 23/11/2026 14:05 (or just 14:05)';

export function useIncidentForm(i: OohIncident, prefix: string, fields: string[]) {
  return useWriteForm({ scope: `ooh-incident-${i.id}`, prefix, fields, fallbackField: fields[0]!, refresh: refreshAfterWrite(i.id) });
}

/** A time typed in the UK way: undefined (now) when blank, false when it is not a time. */
const typedTime = (text: string): string | undefined | false => {
  const iso = parseUkDateTime(text);
  return iso === '' ? undefined : iso ?? false;
};
const timeProblem = (text: string) => typedTime(text) === false && 'Enter the time like 23/11/2026 14:05, or leave it blank for now';

export function FormShell({ id, title, errors, children }: { id: string; title: string; errors: ReturnType<typeof useIncidentForm>['errors']; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id={`${id}-title`}>{title}</h3>
      <ErrorSummary errors={errors} />
      {children}
    </section>
  );
}

export function TimelineForm({ incident: i, done }: FormProps) {
  const [source, setSource] = useState('');
  const [sourceName, setSourceName] = useState('');
  const [content, setContent] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const [corrects, setCorrects] = useState('');
  const f = useIncidentForm(i, 'timeline', ['source', 'sourceName', 'content', 'receivedAt', 'correctsSeq']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['source', !source && 'Choose who the information came from'], ['content', content.trim().length < 2 && 'Enter what was received'], ['receivedAt', timeProblem(receivedAt)]]))) return;
    const body = { source: source as TimelineSource, sourceName, content, receivedAt: typedTime(receivedAt) || undefined, correctsSeq: corrects ? Number(corrects) : undefined };
    if (await f.run(() => addTimelineEntry(i.id, body), 'Recorded')) {
      done('Information recorded in the timeline.'); setContent(''); setSourceName(''); setReceivedAt(''); setCorrects('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="timeline-title">
      <FormShell id="timeline" title="Record information received" errors={f.errors}>
        <SelectField id={f.id('source')} label="From" value={source} onChange={setSource} error={f.field('source')} options={[{ value: '', label: 'Choose who it came from' }, ...options(TIMELINE_SOURCES)]} />
        <TextField id={f.id('sourceName')} label="Name or call sign (optional)" value={sourceName} onChange={setSourceName} error={f.field('sourceName')} autoComplete="off" />
        <TextareaField id={f.id('content')} label="Information received" value={content} onChange={setContent} error={f.field('content')} rows={3} />
        <TextField id={f.id('receivedAt')} label="Time received (optional)" hint={TIME_HINT} value={receivedAt} onChange={setReceivedAt} error={f.field('receivedAt')} width="20" autoComplete="off" />
        <SelectField id={f.id('correctsSeq')} label="Corrects an entry (optional)" value={corrects} onChange={setCorrects} error={f.field('correctsSeq')}
          options={[{ value: '', label: 'No: new information' }, ...i.timeline.map((t) => ({ value: String(t.seq), label: `#${t.seq} ${t.content.slice(0, 60)}` }))]} />
        <Button variant="secondary" disabled={f.busy}>Record the information</Button>
      </FormShell>
    </form>
  );
}

export function DecisionForm({ incident: i, done }: FormProps) {
  const [decision, setDecision] = useState('');
  const [rationale, setRationale] = useState('');
  const [optionsConsidered, setOptions] = useState('');
  const [by, setBy] = useState('');
  const [role, setRole] = useState('');
  const [at, setAt] = useState('');
  const [revises, setRevises] = useState('');
  const f = useIncidentForm(i, 'decision', ['decision', 'rationale', 'options', 'decidedByName', 'decidedByRole', 'decidedAt', 'revisesSeq']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([
      ['decision', decision.trim().length < 3 && 'Enter the decision'], ['rationale', rationale.trim().length < 3 && 'Enter why it was decided (the rationale)'],
      ['decidedByName', by.trim().length < 2 && 'Enter who decided'], ['decidedAt', timeProblem(at)],
    ]))) return;
    const body = { decision, rationale, options: optionsConsidered, decidedByName: by, decidedByRole: role, decidedAt: typedTime(at) || undefined, revisesSeq: revises ? Number(revises) : undefined };
    if (await f.run(() => logDecision(i.id, body), 'Logged')) {
      done('Decision logged.'); setDecision(''); setRationale(''); setOptions(''); setAt(''); setRevises('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-title">
      <FormShell id="decision" title="Log a decision" errors={f.errors}>
        <TextareaField id={f.id('decision')} label="Decision" value={decision} onChange={setDecision} error={f.field('decision')} rows={2} />
        <TextareaField id={f.id('rationale')} label="Rationale" hint="Why: what was known, the risk, the aim" value={rationale} onChange={setRationale} error={f.field('rationale')} rows={3} />
        <TextareaField id={f.id('options')} label="Options considered (optional)" value={optionsConsidered} onChange={setOptions} error={f.field('options')} rows={2} />
        <TextField id={f.id('decidedByName')} label="Decided by" value={by} onChange={setBy} error={f.field('decidedByName')} autoComplete="off" />
        <TextField id={f.id('decidedByRole')} label="Their role (optional)" value={role} onChange={setRole} error={f.field('decidedByRole')} autoComplete="off" />
        <TextField id={f.id('decidedAt')} label="Time decided (optional)" hint={TIME_HINT} value={at} onChange={setAt} error={f.field('decidedAt')} width="20" autoComplete="off" />
        <SelectField id={f.id('revisesSeq')} label="Revises a decision (optional)" value={revises} onChange={setRevises} error={f.field('revisesSeq')}
          options={[{ value: '', label: 'No: a new decision' }, ...i.decisions.map((d) => ({ value: String(d.seq), label: `${d.seq}. ${d.decision.slice(0, 60)}` }))]} />
        <Button variant="secondary" disabled={f.busy}>Log the decision</Button>
      </FormShell>
    </form>
  );
}

export function ActionForm({ incident: i, done }: FormProps) {
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [due, setDue] = useState('');
  const f = useIncidentForm(i, 'action', ['action', 'ownerName', 'ownerOrganisation', 'dueAt']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const dueAt = due.trim() ? parseUkDateTime(due, new Date(Date.now() + 365 * 86_400_000)) : undefined;
    if (!f.check(fieldErrors([['action', action.trim().length < 3 && 'Enter the action'], ['ownerName', owner.trim().length < 2 && 'Enter who owns the action'], ['dueAt', due.trim() !== '' && !dueAt && 'Enter when it is due like 23/11/2026 14:05']]))) return;
    if (await f.run(() => addAction(i.id, { action, ownerName: owner, ownerOrganisation: organisation, dueAt: dueAt || undefined }), 'Added')) {
      done('Action added.'); setAction(''); setOwner(''); setOrganisation(''); setDue('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="action-title">
      <FormShell id="action" title="Add an action" errors={f.errors}>
        <TextareaField id={f.id('action')} label="Action" value={action} onChange={setAction} error={f.field('action')} rows={2} />
        <TextField id={f.id('ownerName')} label="Owner" value={owner} onChange={setOwner} error={f.field('ownerName')} autoComplete="off" />
        <TextField id={f.id('ownerOrganisation')} label="Owner’s organisation (optional)" value={organisation} onChange={setOrganisation} error={f.field('ownerOrganisation')} autoComplete="off" />
        <TextField id={f.id('dueAt')} label="Due (optional)" hint="Like 23/11/2026 14:05" value={due} onChange={setDue} error={f.field('dueAt')} width="20" autoComplete="off" />
        <Button variant="secondary" disabled={f.busy}>Add the action</Button>
      </FormShell>
    </form>
  );
}

export function ActionUpdateForm({ incident: i, seq, done }: FormProps & { seq: number }) {
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const f = useIncidentForm(i, `action-${seq}`, ['status', 'note']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['status', !status && 'Choose where the action stands']]))) return;
    if (await f.run(() => updateAction(i.id, seq, { status: status as ActionStatus, note }), 'Updated')) { done(`Action ${seq} updated.`); setStatus(''); setNote(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Update action ${seq}`}>
      <ErrorSummary errors={f.errors} />
      <RadiosField id={f.id('status')} legend={`Action ${seq} now`} value={status} onChange={setStatus} error={f.field('status')} options={options(ACTION_STATUSES)} inline />
      <TextField id={f.id('note')} label={`Note on action ${seq} (optional)`} value={note} onChange={setNote} error={f.field('note')} autoComplete="off" />
      <Button variant="secondary" disabled={f.busy}>Update action {seq}</Button>
    </form>
  );
}

export function CloseForm({ incident: i, done }: FormProps) {
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const f = useIncidentForm(i, 'close', ['note', 'closedAt']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['note', note.trim().length < 3 && 'Enter a closing note'], ['closedAt', timeProblem(at)]]))) return;
    if (await f.run(() => closeIncident(i.id, { note, closedAt: typedTime(at) || undefined }), 'Closed')) done(`${i.reference} stood down: it is now read-only.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="close-title">
      <FormShell id="close" title="Stand down and close" errors={f.errors}>
        <p className="govuk-body">Once closed, nothing more can be added to this incident.</p>
        <TextareaField id={f.id('note')} label="Closing note" value={note} onChange={setNote} error={f.field('note')} rows={3} />
        <TextField id={f.id('closedAt')} label="Time stood down (optional)" hint={TIME_HINT} value={at} onChange={setAt} error={f.field('closedAt')} width="20" autoComplete="off" />
        <Button variant="warning" disabled={f.busy}>Stand down and close</Button>
      </FormShell>
    </form>
  );
}
