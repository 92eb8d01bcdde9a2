import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { formatUkDay, londonDay, parseUkDate } from '../../../../domain/calendar/london';
import type { AccessEntry, Building } from '../../../../domain/ooh/contract';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, ErrorMessage, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { addAccessEntry, buildingsQuery, changeAccessEntry, removeAccessEntry, saveBuilding } from './api';

// The control-room manager's set-up of the council's buildings (ooh.manage): each building's name,
// address and night-patrol checklist, and who may be let in out of hours, from a day to a day.

const REFRESH = [['ooh', 'buildings']];

/** Buildings, their patrol checklists and their out-of-hours access lists. */
export function BuildingSettingsPage() {
  useTitle('Buildings, patrol checklists and access');
  const q = useQuery(buildingsQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Buildings, patrol checklists and access</h1>
      <p className="govuk-body"><Link className="govuk-link" to={'/admin/ooh' as never}>Out-of-hours set-up</Link></p>
      {q.isError && <p className="govuk-body">The buildings could not be loaded. {q.error.message}</p>}
      {q.data && q.data.length > 0 && (
        <nav aria-label="Buildings on this page">
          <ul className="govuk-list">{q.data.map((b) => <li key={b.id}><a className="govuk-link" href={`#building-${b.id}`}>{b.name}</a></li>)}</ul>
        </nav>
      )}
      {q.data?.map((b) => (
        <section key={b.id} id={`building-${b.id}`} aria-labelledby={`h-${b.id}`} className="govuk-!-margin-bottom-9">
          <h2 className="govuk-heading-m" id={`h-${b.id}`}>{b.name}</h2>
          <BuildingForm building={b} />
          <AccessList building={b} />
        </section>
      ))}
      <section aria-labelledby="h-new-building">
        <h2 className="govuk-heading-m" id="h-new-building">Add a building</h2>
        <BuildingForm />
      </section>
    </>
  );
}

const BUILDING_FIELDS = ['name', 'address', 'checklist'];

/** A building's name, address and checklist (a new building when none is given); what was typed stays on error. */
function BuildingForm({ building: b }: { building?: Building }) {
  const prefix = b ? `b-${b.id}` : 'b-new';
  const form = useWriteForm({ scope: 'ooh-buildings', prefix, fields: BUILDING_FIELDS, fallbackField: 'name', refresh: REFRESH });
  const empty = { name: '', address: '', checklist: [''] };
  const [v, setV] = useState(b ? { name: b.name, address: b.address, checklist: b.checklist } : empty);
  const [focusItem, setFocusItem] = useState<number>();
  const items = useRef<Array<HTMLInputElement | null>>([]);
  useEffect(() => {
    if (focusItem !== undefined) { items.current[Math.min(focusItem, v.checklist.length - 1)]?.focus(); setFocusItem(undefined); }
  }, [focusItem, v.checklist.length]);
  const itemId = (i: number) => (i === 0 ? form.id('checklist') : `${form.id('checklist')}-${i}`);
  const setItem = (i: number, text: string) => setV((o) => ({ ...o, checklist: o.checklist.map((c, j) => (j === i ? text : c)) }));
  const addItem = () => { setV((o) => ({ ...o, checklist: [...o.checklist, ''] })); setFocusItem(v.checklist.length); };
  const removeItem = (i: number) => { setV((o) => ({ ...o, checklist: o.checklist.filter((_, j) => j !== i) })); setFocusItem(Math.max(0, i - 1)); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checklist = v.checklist.map((c) => c.trim()).filter(Boolean);
    if (!form.check(fieldErrors([
      ['name', !v.name.trim() && 'Enter the building’s name'],
      ['checklist', !checklist.length && 'Add at least one check for the night patrol'],
    ]))) return;
    const ok = await form.run(() => saveBuilding(b?.id, { name: v.name, address: v.address, checklist }), b ? 'Building saved' : `${v.name.trim()} added`);
    if (ok && !b) setV(empty);
    else if (ok) setV((o) => ({ ...o, checklist }));
  };
  const checklistError = form.field('checklist');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={b ? `${b.name}: name, address and checklist` : 'Add a building'}>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('name')} label="Name" value={v.name} onChange={(x) => setV((o) => ({ ...o, name: x }))} error={form.field('name')} width="30" />
      <TextField id={form.id('address')} label="Address (optional)" value={v.address} onChange={(x) => setV((o) => ({ ...o, address: x }))} error={form.field('address')} width="30" />
      <div className={`govuk-form-group${checklistError ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={checklistError ? `${form.id('checklist')}-error` : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Night-patrol checklist</legend>
          <ErrorMessage id={form.id('checklist')} message={checklistError} />
          {v.checklist.map((c, i) => (
            <div key={i} className="govuk-form-group govuk-!-margin-bottom-2">
              <label className="govuk-label" htmlFor={itemId(i)}>Check {i + 1}</label>
              <input ref={(el) => { items.current[i] = el; }} className={`govuk-input govuk-!-width-two-thirds${checklistError ? ' govuk-input--error' : ''}`} id={itemId(i)} value={c} onChange={(e) => setItem(i, e.target.value)} />
              {' '}
              <Button type="button" variant="secondary" className="govuk-!-margin-bottom-0" onClick={() => removeItem(i)} disabled={v.checklist.length === 1}>
                Remove<span className="govuk-visually-hidden"> check {i + 1}{c ? `, ${c}` : ''}</span>
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={addItem}>Add a check</Button>
        </fieldset>
      </div>
      <Button disabled={form.busy}>{b ? <>Save<span className="govuk-visually-hidden"> {b.name}</span></> : 'Add the building'}</Button>
    </form>
  );
}

/** A typed day (UK format) as YYYY-MM-DD, or a message saying what to type. */
function dayOrProblem(text: string, what: string, optional = false): { day?: string | null; problem?: string } {
  if (!text.trim()) return optional ? { day: null } : { problem: `Enter ${what}, for example ${formatUkDay(londonDay())}` };
  const day = parseUkDate(text);
  return day ? { day } : { problem: `Enter ${what} as a date, for example ${formatUkDay(londonDay())}` };
}

const ENTRY_FIELDS = ['name', 'organisation', 'idCheck', 'validFrom', 'validTo'];

function AccessList({ building: b }: { building: Building }) {
  // A removed entry's form goes with it: what happened is said here, and the keyboard focus comes here.
  const [removed, setRemoved] = useState<string>();
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (removed) said.current?.focus(); }, [removed]);
  return (
    <>
      <h3 className="govuk-heading-s">Out-of-hours access list</h3>
      <p className="govuk-body" role="status" ref={said} tabIndex={-1}>{removed}</p>
      {b.accessList.length === 0 && <p className="govuk-body">Nobody is on the list: anyone asking to be let in needs a manager’s authority.</p>}
      {b.accessList.map((e) => <EntryForm key={e.id} entry={e} building={b} onRemoved={setRemoved} />)}
      <NewEntryForm building={b} />
    </>
  );
}

/** One entry: change when it is valid, or take it off the list. */
function EntryForm({ entry: e, building: b, onRemoved }: { entry: AccessEntry; building: Building; onRemoved: (message: string) => void }) {
  const form = useWriteForm({ scope: 'ooh-buildings', prefix: `e-${e.id}`, fields: ENTRY_FIELDS, fallbackField: 'validFrom', refresh: REFRESH });
  const [v, setV] = useState({ validFrom: formatUkDay(e.validFrom), validTo: formatUkDay(e.validTo ?? undefined) });
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const from = dayOrProblem(v.validFrom, 'the first day');
    const to = dayOrProblem(v.validTo, 'the last day', true);
    if (!form.check(fieldErrors([['validFrom', from.problem], ['validTo', to.problem]]))) return;
    await form.run(() => changeAccessEntry(e.id, { name: e.name, organisation: e.organisation, idCheck: e.idCheck, validFrom: from.day!, validTo: to.day ?? null }), `${e.name}: dates saved`);
  };
  const remove = async () => {
    const message = `${e.name} taken off the list`;
    if (await form.run(() => removeAccessEntry(e.id), message)) onRemoved(message);
  };
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={`${e.name} at ${b.name}`} className="govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-!-margin-bottom-2"><strong>{e.name}</strong>{e.organisation && ` (${e.organisation})`}. Check: {e.idCheck}</p>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('validFrom')} label={<>From<span className="govuk-visually-hidden"> ({e.name})</span></>} hint="For example 1/12/2026" value={v.validFrom} onChange={(x) => setV((o) => ({ ...o, validFrom: x }))} error={form.field('validFrom')} width="10" />
      <TextField id={form.id('validTo')} label={<>To (optional)<span className="govuk-visually-hidden"> ({e.name})</span></>} hint="The last day; leave empty for no end" value={v.validTo} onChange={(x) => setV((o) => ({ ...o, validTo: x }))} error={form.field('validTo')} width="10" />
      <div className="govuk-button-group">
        <Button variant="secondary" disabled={form.busy}>Save dates<span className="govuk-visually-hidden"> for {e.name}</span></Button>
        <Button type="button" variant="warning" disabled={form.busy} onClick={() => void remove()}>Remove<span className="govuk-visually-hidden"> {e.name} from the list</span></Button>
      </div>
    </form>
  );
}

function NewEntryForm({ building: b }: { building: Building }) {
  const form = useWriteForm({ scope: 'ooh-buildings', prefix: `new-${b.id}`, fields: ENTRY_FIELDS, fallbackField: 'name', refresh: REFRESH });
  const empty = { name: '', organisation: '', idCheck: '', validFrom: formatUkDay(londonDay()), validTo: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const from = dayOrProblem(v.validFrom, 'the first day');
    const to = dayOrProblem(v.validTo, 'the last day', true);
    if (!form.check(fieldErrors([
      ['name', !v.name.trim() && 'Enter the person’s name'], ['idCheck', !v.idCheck.trim() && 'Enter what to check (ID card, password…)'],
      ['validFrom', from.problem], ['validTo', to.problem],
    ]))) return;
    if (await form.run(() => addAccessEntry(b.id, { name: v.name, organisation: v.organisation, idCheck: v.idCheck, validFrom: from.day!, validTo: to.day ?? null }), `${v.name.trim()} added to the list`)) setV(empty);
  };
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-labelledby={`h-new-${b.id}`}>
      <h4 className="govuk-heading-s" id={`h-new-${b.id}`}>Add someone to the {b.name} list</h4>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <TextField id={form.id('name')} label="Name" value={v.name} onChange={set('name')} error={form.field('name')} width="20" />
      <TextField id={form.id('organisation')} label="Organisation (optional)" value={v.organisation} onChange={set('organisation')} error={form.field('organisation')} width="20" />
      <TextField id={form.id('idCheck')} label="What to check" hint="Council ID card, company ID and password" value={v.idCheck} onChange={set('idCheck')} error={form.field('idCheck')} width="20" />
      <TextField id={form.id('validFrom')} label="From" hint="For example 1/12/2026" value={v.validFrom} onChange={set('validFrom')} error={form.field('validFrom')} width="10" />
      <TextField id={form.id('validTo')} label="To (optional)" hint="The last day; leave empty for no end" value={v.validTo} onChange={set('validTo')} error={form.field('validTo')} width="10" />
      <Button variant="secondary" disabled={form.busy}>Add to the list<span className="govuk-visually-hidden"> for {b.name}</span></Button>
    </form>
  );
}
