import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Patrol } from '../../../../domain/ooh/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { useWriteForm } from '../../../lib/useWriteForm';
import { OohNav } from '../OohNav';
import { patrolQuery, savePatrol } from './api';

/** A night patrol: each check ticked or a problem noted, staff found working late, then completed (and fixed from then on). */
export function PatrolPage({ id }: { id: string }) {
  const patrol = useQuery(patrolQuery(id));
  const title = patrol.data ? `Night patrol: ${patrol.data.building.name}` : 'Night patrol';
  useTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <OohNav />
      {patrol.isError && <p className="govuk-body">The patrol could not be loaded. {patrol.error.message}</p>}
      {patrol.data && (patrol.data.completedAt ? <Done p={patrol.data} /> : <PatrolForm p={patrol.data} />)}
      <p className="govuk-body"><Link className="govuk-link" to={'/ooh/buildings' as never}>Buildings and patrols</Link></p>
    </>
  );
}

function Done({ p }: { p: Patrol }) {
  return (
    <>
      <p className="govuk-body">Started {formatDateTime(p.startedAt)} by {p.startedBy}; completed {formatDateTime(p.completedAt)}.</p>
      <ul className="govuk-list govuk-list--bullet">
        {p.checks.map((c) => <li key={c.item}>{c.item}: {c.outcome === 'ok' ? 'done' : <><strong className="govuk-tag govuk-tag--orange">Problem</strong> {c.note}</>}</li>)}
      </ul>
      <h2 className="govuk-heading-s">Staff found working late</h2>
      {p.lateWorkers.length === 0 ? <p className="govuk-body">None.</p> : (
        <ul className="govuk-list">{p.lateWorkers.map((w, i) => <li key={i}>{[w.name, w.department, w.location, w.expectedLeaving && `leaving ${w.expectedLeaving}`].filter(Boolean).join(', ')}</li>)}</ul>
      )}
      {p.notes && <p className="govuk-body">{p.notes}</p>}
    </>
  );
}

type Check = { outcome: '' | 'ok' | 'problem'; note: string };
const emptyWorker = { name: '', department: '', location: '', expectedLeaving: '' };

function PatrolForm({ p }: { p: Patrol }) {
  const [checks, setChecks] = useState<Record<string, Check>>(() => Object.fromEntries(p.checklist.map((item) => {
    const c = p.checks.find((k) => k.item === item);
    return [item, { outcome: c?.outcome ?? '', note: c?.note ?? '' }];
  })));
  const [workers, setWorkers] = useState(p.lateWorkers.map((w) => ({ ...emptyWorker, ...w })));
  const [notes, setNotes] = useState(p.notes);
  const form = useWriteForm({ scope: `patrol-${p.id}`, prefix: 'patrol', fields: ['checks', 'notes', ...p.checklist.flatMap((_, i) => [`checks.${i}.item`, `checks.${i}.note`])], fallbackField: 'checks', refresh: [['ooh']] });
  const body = () => {
    const ticked = p.checklist.filter((item) => checks[item]!.outcome);
    return { checks: ticked.map((item) => ({ item, outcome: checks[item]!.outcome as 'ok', note: checks[item]!.note })), lateWorkers: workers.filter((w) => w.name.trim()), notes };
  };
  const save = (complete: boolean) => form.run(() => savePatrol(p.id, body(), complete), complete ? 'Patrol completed' : 'Progress saved');
  const set = (item: string, c: Partial<Check>) => setChecks({ ...checks, [item]: { ...checks[item]!, ...c } });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(true); }} noValidate aria-labelledby="checks-title">
      <p className="govuk-body">Started {formatDateTime(p.startedAt)} by {p.startedBy}.</p>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <h2 className="govuk-heading-m" id="checks-title">Checks</h2>
      {p.checklist.map((item, i) => (
        <fieldset key={item} className="govuk-fieldset govuk-!-margin-bottom-4">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{item}</legend>
          <div className="govuk-radios govuk-radios--small govuk-radios--inline">
            {(['ok', 'problem'] as const).map((o) => (
              <div className="govuk-radios__item" key={o}>
                <input className="govuk-radios__input" type="radio" id={`check-${i}-${o}`} name={`check-${i}`} checked={checks[item]!.outcome === o} onChange={() => set(item, { outcome: o })} />
                <label className="govuk-label govuk-radios__label" htmlFor={`check-${i}-${o}`}>{o === 'ok' ? 'Done' : 'Problem'}</label>
              </div>
            ))}
          </div>
          {checks[item]!.outcome === 'problem' && <TextField id={form.id(`checks.${i}.note`)} label="What was wrong, and what you did" value={checks[item]!.note} onChange={(note) => set(item, { note })} error={form.field(`checks.${i}.note`)} width="30" />}
        </fieldset>
      ))}
      <h2 className="govuk-heading-m">Staff found working late</h2>
      {workers.map((w, i) => (
        <fieldset key={i} className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Person {i + 1}</legend>
          {(['name', 'department', 'location', 'expectedLeaving'] as const).map((k) => (
            <TextField key={k} id={`worker-${i}-${k}`} label={{ name: 'Name', department: 'Department', location: 'Where', expectedLeaving: 'Expected leaving time' }[k]} value={w[k]} width="20"
              onChange={(value) => setWorkers(workers.map((x, j) => (j === i ? { ...x, [k]: value } : x)))} />
          ))}
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => setWorkers([...workers, { ...emptyWorker }])}>Add someone working late</Button>
      <TextField id={form.id('notes')} label="Notes (optional)" value={notes} onChange={setNotes} error={form.field('notes')} width="30" />
      <div className="govuk-button-group">
        <Button disabled={form.busy}>Complete the patrol</Button>
        <Button type="button" variant="secondary" disabled={form.busy} onClick={() => void save(false)}>Save progress</Button>
      </div>
    </form>
  );
}
