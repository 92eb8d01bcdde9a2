import { ShiftSections } from '../../components/ShiftSections';
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import {
  PRIORITIES, SHIFT_STARTS, assigneesQuery, completeAction, createHandover, handoverDraftQuery, handoversQuery, type HandoverSent, type HandoverSummary,
} from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { errorMessage, fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { useLiveOccurrences } from '../../lib/live';
import { formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from './Radios';
import { SupervisorPanel } from './SupervisorPanel';
import { ShiftWorkList } from './ShiftWorkList';
import { useAcknowledgeHandover } from './useAcknowledgeHandover';
import { parseUkDateTime } from './when';

interface NewAction { key: number; text: string; ownerId: string; dueAt: string }

export function HandoverPage({ session }: { session: Session }) {
  const [errors, setErrors] = useState<FormErrors>();
  const [sent, setSent] = useState<HandoverSent>();
  useTitle('Shift handover', { error: !!errors });
  useLiveOccurrences();
  const canWrite = can(session, 'occurrences.write');
  return (
    <>
      <Link className="govuk-back-link" to="/occurrences">Back to occurrences</Link>
      {sent && (
        <NotificationBanner success key={sent.id} heading={<>Handed over to {sent.to.kind === 'team' ? `the ${sent.to.name} team` : sent.to.name}</>}>
          <p className="govuk-body">
            {count(sent.occurrenceCount, 'occurrence')} and {count(sent.actionCount, 'action')} passed on.
            It waits for {sent.to.kind === 'team' ? 'one of the team' : sent.to.name} to acknowledge it.{' '}
            <Link className="govuk-notification-banner__link" to="/occurrences/handover/$id" params={{ id: sent.id }}>See what you handed over</Link>
          </p>
        </NotificationBanner>
      )}
      <h1 className="govuk-heading-l">Shift handover</h1>
      {can(session, 'occurrences.supervise') && <SupervisorPanel />}
      {canWrite && <HandoverForm onErrors={setErrors} onSent={setSent} />}
      <RecentHandovers />
    </>
  );
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const addressee = (to: HandoverSummary['to']) => (!to ? 'Anyone coming on' : to.kind === 'team' ? `${to.name} (team)` : to.name);

function RecentHandovers() {
  const handovers = useQuery(handoversQuery);
  const { acknowledge, busy, status } = useAcknowledgeHandover();

  return (
    <section aria-labelledby="recent-title">
      {status}
      {handovers.isPending && <p className="govuk-body">Loading handovers…</p>}
      {handovers.isError && <p className="govuk-body">Handovers could not be loaded. {handovers.error.message}</p>}
      {handovers.data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m" id="recent-title">Recent handovers</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Handed over</th>
              <th scope="col" className="govuk-table__header">By</th>
              <th scope="col" className="govuk-table__header">To</th>
              <th scope="col" className="govuk-table__header">Occurrences</th>
              <th scope="col" className="govuk-table__header">Actions</th>
              <th scope="col" className="govuk-table__header">Acknowledged</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {handovers.data.length === 0 && (
              <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={6}>No handovers yet.</td></tr>
            )}
            {handovers.data.map((h) => (
              <tr className="govuk-table__row" key={h.id}>
                <td className="govuk-table__cell vigil-nowrap">
                  <Link className="govuk-link" to="/occurrences/handover/$id" params={{ id: h.id }}>
                    {formatDateTime(h.createdAt)}<span className="govuk-visually-hidden">: handover from {h.from}</span>
                  </Link>
                </td>
                <td className="govuk-table__cell">{h.from}</td>
                <td className="govuk-table__cell">{addressee(h.to)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{h.occurrenceCount}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{h.actionCount}</td>
                <td className="govuk-table__cell">
                  {h.acknowledgedAt
                    ? `${formatDateTime(h.acknowledgedAt)} by ${h.acknowledgedBy}`
                    : h.canAcknowledge
                      ? (
                        <Button type="button" className="govuk-!-margin-bottom-0" onClick={() => void acknowledge(h)} disabled={busy === h.id}>
                          Acknowledge<span className="govuk-visually-hidden"> handover from {h.from} at {formatDateTime(h.createdAt)}</span>
                        </Button>
                      )
                      : <strong className="govuk-tag govuk-tag--orange">Waiting</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HandoverForm({ onErrors, onSent }: { onErrors: (errors: FormErrors | undefined) => void; onSent: (sent: HandoverSent) => void }) {
  const queryClient = useQueryClient();
  const draft = useQuery(handoverDraftQuery);
  const assignees = useQuery(assigneesQuery);
  const [included, setIncluded] = useState<string[]>();
  const [actions, setActions] = useState<NewAction[]>([]);
  const [equipmentFaults, setEquipmentFaults] = useState('');
  const [notes, setNotes] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrorsState] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const [doneMessage, setDoneMessage] = useState<string>();
  const markDone = async (id: string) => {
    const action = draft.data?.actions.find((a) => a.id === id);
    try {
      await completeAction(id);
      setDoneMessage(`Done: ${action?.text ?? 'action'}.`);
      await queryClient.invalidateQueries({ queryKey: ['handovers'] });
    } catch (err) {
      setDoneMessage(`Could not mark it done: ${errorMessage(err)}`);
    }
  };
  const setErrors = (e: FormErrors | undefined) => {
    setErrorsState(e);
    onErrors(e);
  };

  // The operator's own open occurrences (worked on this shift, or handed to them) start ticked.
  useEffect(() => {
    if (draft.data && included === undefined) setIncluded(draft.data.occurrences.filter((o) => o.yours).map((o) => o.id));
  }, [draft.data, included]);

  const nextKey = () => Math.max(0, ...actions.map((a) => a.key)) + 1;
  const update = (key: number, patch: Partial<NewAction>) => setActions((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = actions.map((a) => parseUkDateTime(a.dueAt));
    const invalid = fieldErrors([
      ['to', !to && 'Choose who you are handing over to'],
      ...actions.flatMap((a, i): Array<[string, string | false]> => [
        [`action-${a.key}-text`, !a.text.trim() && `Describe action ${i + 1}`],
        [`action-${a.key}-owner`, !a.ownerId && `Choose who owns action ${i + 1}`],
        [`action-${a.key}-due`, !parsed[i] && `Enter when action ${i + 1} is due, like 07:00 or 24/11/2026 07:00`],
      ]),
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const [kind, id] = to.split(':') as ['user' | 'team', string];
      const sent = await createHandover({
        to: { kind, id },
        shiftStartedAt: draft.data?.shiftStartedAt,
        occurrenceIds: included ?? [],
        actions: actions.map((a, i) => ({ text: a.text.trim(), ownerId: a.ownerId, dueAt: parsed[i]! })),
        equipmentFaults: equipmentFaults.trim(),
        notes: notes.trim(),
      });
      setErrors(undefined);
      setActions([]);
      setEquipmentFaults('');
      setNotes('');
      setTo('');
      setIncluded(undefined);
      onSent(sent);
      await queryClient.invalidateQueries({ queryKey: ['handovers'] });
      await queryClient.invalidateQueries({ queryKey: ['supervisor-overview'] });
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['to'], fallbackField: 'handover-notes' }));
    } finally {
      setBusy(false);
    }
  };

  const people = draft.data?.addressees.people ?? [];
  const toOptions = [
    { value: '', label: 'Choose who is coming on' },
    // Two people of the same name are told apart by their usernames.
    ...people.map((p) => ({ value: `user:${p.id}`, label: people.filter((q) => q.name === p.name).length > 1 ? `${p.name} (${p.username})` : p.name })),
    ...(draft.data?.addressees.teams ?? []).map((t) => ({ value: `team:${t.id}`, label: `${t.name} (team: any member may acknowledge)` })),
  ];
  const ownerOptions = [{ value: '', label: 'Choose who owns it' }, ...(assignees.data ?? []).map((p) => ({ value: p.id, label: p.name }))];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="handover-title">
      <h2 className="govuk-heading-l" id="handover-title">Hand over your shift</h2>
      <ErrorSummary errors={errors} />
      {draft.isPending && <p className="govuk-body">Loading your shift…</p>}
      {draft.isError && <p className="govuk-body">Your shift could not be loaded. {draft.error.message}</p>}
      {draft.data && (
        <>
          <SelectField id="to" label="Hand over to" hint="The operator coming on, or their team" value={to} onChange={setTo} options={toOptions} error={errors?.fields.to} />
          <h3 className="govuk-heading-m">Your shift</h3>
          <p className="govuk-body">Since {formatDateTime(draft.data.shiftStartedAt)} ({SHIFT_STARTS[draft.data.shiftStart]}).</p>
          <ShiftWorkList worked={draft.data.worked} empty="You have not written in any occurrence this shift." />
          {draft.data.occurrences.length === 0 ? (
            <p className="govuk-body">There are no open occurrences to hand over.</p>
          ) : (
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="handover-occurrences-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  <h3 className="govuk-fieldset__heading">Open occurrences</h3>
                </legend>
                <div className="govuk-hint" id="handover-occurrences-hint">Yours (worked on this shift, or handed to you) are ticked. Tick any other the next shift should follow.</div>
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {draft.data.occurrences.map((o) => (
                    <div className="govuk-checkboxes__item" key={o.id}>
                      <input className="govuk-checkboxes__input" id={`handover-occ-${o.id}`} type="checkbox" checked={included?.includes(o.id) ?? true}
                        onChange={(e) => setIncluded((list) => (e.target.checked ? [...(list ?? []), o.id] : (list ?? []).filter((x) => x !== o.id)))} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`handover-occ-${o.id}`}>
                        {o.reference} – {o.summary} ({o.category}, {PRIORITIES[o.priority]}, opened {formatDateTime(o.openedAt)})
                        {o.yours && <> <strong className="govuk-tag govuk-tag--blue">Yours</strong></>}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          )}

          <h3 className="govuk-heading-m">Your outstanding actions</h3>
          {draft.data.actions.length === 0 ? (
            <p className="govuk-body">No actions to pass on.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {draft.data.actions.map((a) => (
                <li key={a.id}>
                  {a.text} – {a.owner.name}, due {formatDateTime(a.dueAt)}
                  {a.overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}
                  {a.occurrence && <> (<Link className="govuk-link" to="/occurrences/$id" params={{ id: a.occurrence.id }}>{a.occurrence.reference}</Link>)</>}
                  {' '}
                  <Button type="button" variant="secondary" className="govuk-!-margin-bottom-0 govuk-!-margin-left-2" onClick={() => markDone(a.id)}>
                    Mark done<span className="govuk-visually-hidden">: {a.text}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {doneMessage && <p className="govuk-body" role="status">{doneMessage}</p>}
          {draft.data.duties.length > 0 && (
            <>
              <h3 className="govuk-heading-m">Other duties still open</h3>
              <p className="govuk-body">Handed over as they stand when you send this.</p>
              <ShiftSections sections={draft.data.duties} level={3} />
            </>
          )}
        </>
      )}

      {actions.map((a, i) => (
        <fieldset className="govuk-fieldset vigil-action" key={a.key}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">New action {i + 1}</legend>
          <TextField id={`action-${a.key}-text`} label="Action" value={a.text} onChange={(v) => update(a.key, { text: v })} error={errors?.fields[`action-${a.key}-text`]} autoComplete="off" />
          <SelectField id={`action-${a.key}-owner`} label="Owner" value={a.ownerId} onChange={(v) => update(a.key, { ownerId: v })} options={ownerOptions} error={errors?.fields[`action-${a.key}-owner`]} />
          <TextField id={`action-${a.key}-due`} label="Due" hint="For example, 07:00 (today) or 24/11/2026 07:00" value={a.dueAt} onChange={(v) => update(a.key, { dueAt: v })}
            error={errors?.fields[`action-${a.key}-due`]} width="10" autoComplete="off" spellCheck={false} />
          <Button type="button" variant="secondary" onClick={() => setActions((list) => list.filter((x) => x.key !== a.key))}>
            Remove<span className="govuk-visually-hidden"> action {i + 1}</span>
          </Button>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => {
        const key = nextKey();
        setActions((list) => [...list, { key, text: '', ownerId: '', dueAt: '' }]);
        setTimeout(() => document.getElementById(`action-${key}-text`)?.focus());
      }}>
        Add an action
      </Button>

      <TextareaField id="handover-faults" label="Equipment faults" hint="Optional. Cameras or kit that misbehaved" value={equipmentFaults} onChange={setEquipmentFaults} rows={3} />
      <TextareaField id="handover-notes" label="Notes for the next shift" hint="Optional" value={notes} onChange={setNotes} rows={4} error={errors?.fields['handover-notes']} />
      <Button disabled={busy}>Hand over</Button>
    </form>
  );
}
