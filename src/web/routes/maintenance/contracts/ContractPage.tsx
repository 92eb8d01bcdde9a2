import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  addClosureDay, addContractNote, closureDaysQuery, CONTRACT_NOTE_KINDS, contractNotesCsvHref, contractNotesQuery, contractQuery, PRIORITIES, setSlaTerms, SLA_CLOCK_KINDS,
  slaTermsQuery, updateContract, WEEKDAYS, type Contract, type ContractNoteKind, type NotesFilter, type SlaTerm,
} from '../../../api/maintenanceContracts';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { TableHead } from '../../../components/TableHead';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime, formatUkDay } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import type { Priority, Weekday } from '../../../../domain/maintenance/contract';
import { TextareaField } from '../../occurrences/Radios';
import { MaintenanceNav } from '../MaintenanceNav';
import {
  changeBodyOf, closureBodyOf, durationWords, emptySla, formatPence, noteBodyOf, poundsInput, PRIORITY_LIST, slaBodyOf, type ChangeDraft, type SlaDraft,
} from './forms';

export interface ContractSearch { noteKind?: ContractNoteKind; noteMonth?: string }

const daysWords = (days: Weekday[]) => days.map((d) => labelOf(WEEKDAYS, d)).join(', ');
const check = (form: ReturnType<typeof useWriteForm>, fields: string[], problems: Record<string, string | undefined>) => form.check(fieldErrors(fields.map((f) => [f, problems[f]])));

/** One maintenance contract: its terms, SLA terms, closure days and underperformance notes. */
export function ContractPage({ id, session, search }: { id: string; session: Session; search: ContractSearch }) {
  const contract = useQuery(contractQuery(id));
  useTitle(contract.data ? `Contract ${contract.data.reference}` : 'Maintenance contract');
  if (contract.isPending) return <p className="govuk-body">Loading the contract…</p>;
  if (contract.isError) return <><h1 className="govuk-heading-l">Maintenance contract</h1><p className="govuk-body">The contract could not be loaded. {contract.error.message}</p></>;
  const c = contract.data;
  return (
    <>
      <Link className="govuk-back-link" to={'/maintenance/contracts'}>Contracts</Link>
      <span className="govuk-caption-l">Contract {c.reference}</span>
      <h1 className="govuk-heading-l">{c.name}</h1>
      <MaintenanceNav />
      <p className="govuk-body"><Link className="govuk-link" to={'/maintenance/contracts/$id/performance' as never} params={{ id } as never}>Monthly performance</Link></p>
      <Terms c={c} />
      <SlaTermsSection id={id} canSet={can(session, 'settings.manage')} />
      <ClosureDaysSection id={id} canAdd={can(session, 'maintenance.manage')} />
      <NotesSection id={id} canAdd={can(session, 'maintenance.manage')} search={search} />
      {can(session, 'maintenance.manage') && <ChangeContractForm c={c} />}
    </>
  );
}

function Terms({ c }: { c: Contract }) {
  const row = (key: string, value: React.ReactNode) => (
    <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{key}</dt><dd className="govuk-summary-list__value">{value}</dd></div>
  );
  const sc = c.serviceCredits;
  return (
    <section aria-labelledby="terms-heading">
      <h2 className="govuk-heading-m" id="terms-heading">Terms</h2>
      <dl className="govuk-summary-list">
        {row('Contractor', c.contractor.name)}
        {row('Term', `${formatUkDay(c.startsOn)} to ${c.endsOn ? formatUkDay(c.endsOn) : 'no end set'}`)}
        {row('Working days', daysWords(c.workingDays))}
        {row('Working hours', `${c.opensAt} to ${c.closesAt}`)}
        {row('Monthly charge', formatPence(c.monthlyChargePence))}
        {row('Service credits', sc ? (
          <ul className="govuk-list">
            {PRIORITY_LIST.map((p) => <li key={p}>{p}: {formatPence(sc.responseBreachPence[p])} for a missed response, {formatPence(sc.fixBreachPence[p])} for a missed fix</li>)}
            <li>Capped at {sc.capPercent}% of the monthly charge</li>
          </ul>
        ) : 'None')}
      </dl>
    </section>
  );
}

function TermsTable({ caption, terms, empty }: { caption: string; terms: SlaTerm[]; empty: string }) {
  if (!terms.length) return <><h3 className="govuk-heading-s">{caption}</h3><p className="govuk-body">{empty}</p></>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <TableHead columns={['Priority', 'Clock', 'Response', 'Fix', 'From', 'Reason']} />
      <tbody className="govuk-table__body">
        {terms.map((t) => (
          <tr className="govuk-table__row" key={t.id}>
            <td className="govuk-table__cell">{labelOf(PRIORITIES, t.priority)}</td>
            <td className="govuk-table__cell">{labelOf(SLA_CLOCK_KINDS, t.clock)}</td>
            <td className="govuk-table__cell">{durationWords(t.responseMinutes)}</td>
            <td className="govuk-table__cell">{durationWords(t.fixMinutes)}</td>
            <td className="govuk-table__cell">{formatDateTime(t.effectiveFrom)}</td>
            <td className="govuk-table__cell">{t.reason}{t.setBy ? ` (${t.setBy.name})` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SLA_FIELDS = ['effectiveFrom', 'reason', 'terms'];

function SlaTermsSection({ id, canSet }: { id: string; canSet: boolean }) {
  const terms = useQuery(slaTermsQuery(id));
  const [draft, setDraft] = useState<SlaDraft>(emptySla);
  const form = useWriteForm({ scope: `contract-${id}`, prefix: 'sla', fields: SLA_FIELDS, fallbackField: 'effectiveFrom', refresh: [['maintenance-contracts', 'one', id]] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = slaBodyOf(draft);
    if (!check(form, SLA_FIELDS, problems) || !body) return;
    if (await form.run(() => setSlaTerms(id, body), 'New SLA terms set')) setDraft(emptySla());
  };
  const setTerm = (p: Priority, key: 'clock' | 'response' | 'fix') => (v: string) => setDraft((d) => ({ ...d, terms: { ...d.terms, [p]: { ...d.terms[p], [key]: v } } }));
  return (
    <section aria-labelledby="sla-heading">
      <h2 className="govuk-heading-m" id="sla-heading">SLA terms</h2>
      {terms.isPending && <p className="govuk-body">Loading the SLA terms…</p>}
      {terms.isError && <p className="govuk-body">The SLA terms could not be loaded. {terms.error.message}</p>}
      {terms.data && (
        <>
          <TermsTable caption="In force now" terms={terms.data.inForce} empty="No SLA terms are in force yet." />
          <TermsTable caption="Upcoming" terms={terms.data.upcoming} empty="No SLA terms are set to take effect later." />
          <details className="govuk-details">
            <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Every SLA term ever set ({terms.data.history.length})</span></summary>
            <div className="govuk-details__text"><TermsTable caption="History, the latest first" terms={terms.data.history} empty="None yet." /></div>
          </details>
        </>
      )}
      {canSet && (
        <>
          <h3 className="govuk-heading-s">Set new SLA terms</h3>
          <ErrorSummary errors={form.errors} />
          {form.done && <div className="govuk-inset-text" role="status">{form.done}</div>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextField id={form.id('effectiveFrom')} label="Take effect from" width="20" value={draft.effectiveFrom} error={form.field('effectiveFrom')} autoComplete="off"
              onChange={(v) => setDraft((d) => ({ ...d, effectiveFrom: v }))}
              hint="A date and time, like 1/4/2027 00:00, not in the past. The new terms apply to faults raised from then on; faults raised before keep the terms they were raised under." />
            <div className={`govuk-form-group${form.field('terms') ? ' govuk-form-group--error' : ''}`}>
              <fieldset className="govuk-fieldset" aria-describedby={`${form.id('terms')}-hint${form.field('terms') ? ` ${form.id('terms')}-error` : ''}`}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Terms by priority</legend>
                <div className="govuk-hint" id={`${form.id('terms')}-hint`}>Choose the clock for each priority to change; leave the others as they are. Times in hours, like 4, or hours and minutes, like 4:30.</div>
                {form.field('terms') && <p className="govuk-error-message" id={`${form.id('terms')}-error`}><span className="govuk-visually-hidden">Error:</span> {form.field('terms')}</p>}
                {PRIORITY_LIST.map((p, i) => (
                  <div key={p} className="vigil-filter__row">
                    <SelectField id={i === 0 ? form.id('terms') : `${form.id('terms')}-${p}-clock`} label={`${labelOf(PRIORITIES, p)}: clock`} value={draft.terms[p].clock} onChange={setTerm(p, 'clock')}
                      options={[{ value: '', label: 'No change' }, ...Object.entries(SLA_CLOCK_KINDS).map(([value, label]) => ({ value, label }))]} />
                    <TextField id={`${form.id('terms')}-${p}-response`} label={`${p}: response, hours`} width="5" value={draft.terms[p].response} onChange={setTerm(p, 'response')} autoComplete="off" />
                    <TextField id={`${form.id('terms')}-${p}-fix`} label={`${p}: fix, hours`} width="5" value={draft.terms[p].fix} onChange={setTerm(p, 'fix')} autoComplete="off" />
                  </div>
                ))}
              </fieldset>
            </div>
            <TextareaField id={form.id('reason')} label="Reason" hint="Like ‘Contract variation 3, schedule 2’" value={draft.reason} error={form.field('reason')} rows={2}
              onChange={(v) => setDraft((d) => ({ ...d, reason: v }))} />
            <Button disabled={form.busy}>Set the SLA terms</Button>
          </form>
        </>
      )}
    </section>
  );
}

const CLOSURE_FIELDS = ['day', 'reason'];

function ClosureDaysSection({ id, canAdd }: { id: string; canAdd: boolean }) {
  const days = useQuery(closureDaysQuery(id));
  const [draft, setDraft] = useState({ day: '', reason: '' });
  const form = useWriteForm({ scope: `contract-${id}`, prefix: 'closure', fields: CLOSURE_FIELDS, fallbackField: 'day', refresh: [['maintenance-contracts', 'one', id, 'closure-days']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = closureBodyOf(draft);
    if (!check(form, CLOSURE_FIELDS, problems) || !body) return;
    if (await form.run(() => addClosureDay(id, body), `Closure day ${draft.day} added`)) setDraft({ day: '', reason: '' });
  };
  return (
    <section aria-labelledby="closure-heading">
      <h2 className="govuk-heading-m" id="closure-heading">Closure days</h2>
      <p className="govuk-body">Days besides weekends and bank holidays when the working-hours clock does not run.</p>
      {days.isError && <p className="govuk-body">The closure days could not be loaded. {days.error.message}</p>}
      {days.data && (days.data.length === 0 ? <p className="govuk-body">No closure days.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Closure days, earliest first</caption>
          <TableHead columns={['Day', 'Reason']} />
          <tbody className="govuk-table__body">
            {days.data.map((d) => <tr className="govuk-table__row" key={d.day}><td className="govuk-table__cell">{formatUkDay(d.day)}</td><td className="govuk-table__cell">{d.reason}</td></tr>)}
          </tbody>
        </table>
      ))}
      {canAdd && (
        <>
          <h3 className="govuk-heading-s">Add a closure day</h3>
          <ErrorSummary errors={form.errors} />
          {form.done && <div className="govuk-inset-text" role="status">{form.done}</div>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextField id={form.id('day')} label="Day" hint="From tomorrow on, like 24/12/2026" width="10" value={draft.day} error={form.field('day')} autoComplete="off" onChange={(v) => setDraft((d) => ({ ...d, day: v }))} />
            <TextField id={form.id('reason')} label="Why the council is closed" value={draft.reason} error={form.field('reason')} autoComplete="off" onChange={(v) => setDraft((d) => ({ ...d, reason: v }))} />
            <Button disabled={form.busy} variant="secondary">Add the closure day</Button>
          </form>
        </>
      )}
    </section>
  );
}

const NOTE_FIELDS = ['kind', 'occurredOn', 'note'];

function NotesSection({ id, canAdd, search }: { id: string; canAdd: boolean; search: ContractSearch }) {
  const filter: NotesFilter = { kind: search.noteKind, month: search.noteMonth };
  const notes = useQuery(contractNotesQuery(id, filter));
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>(search.noteKind ?? '');
  const [month, setMonth] = useState(search.noteMonth ?? '');
  useEffect(() => { setKind(search.noteKind ?? ''); setMonth(search.noteMonth ?? ''); }, [search.noteKind, search.noteMonth]);
  const [draft, setDraft] = useState({ kind: '', occurredOn: '', note: '' });
  const form = useWriteForm({ scope: `contract-${id}`, prefix: 'note', fields: NOTE_FIELDS, fallbackField: 'note', refresh: [['maintenance-contracts', 'one', id, 'notes']] });
  const applyFilter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/maintenance/contracts/$id', params: { id } as never, search: { noteKind: kind || undefined, noteMonth: /^\d{4}-\d{2}$/.test(month.trim()) ? month.trim() : undefined } as never });
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = noteBodyOf(draft);
    if (!check(form, NOTE_FIELDS, problems) || !body) return;
    if (await form.run(() => addContractNote(id, body), 'Note recorded')) setDraft({ kind: '', occurredOn: '', note: '' });
  };
  const byId = new Map((notes.data ?? []).map((n) => [n.id, n]));
  return (
    <section aria-labelledby="notes-heading">
      <h2 className="govuk-heading-m" id="notes-heading">Underperformance and non-compliance notes</h2>
      <form className="vigil-filter" onSubmit={applyFilter} noValidate role="search" aria-label="Filter the notes">
        <div className="vigil-filter__row">
          <SelectField id="note-filter-kind" label="Kind" value={kind} onChange={setKind}
            options={[{ value: '', label: 'Any kind' }, ...Object.entries(CONTRACT_NOTE_KINDS).map(([value, label]) => ({ value, label }))]} />
          <TextField id="note-filter-month" label="Month" hint="YYYY-MM, like 2026-11" width="5" value={month} onChange={setMonth} autoComplete="off" />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      <p className="govuk-body"><a className="govuk-link" href={contractNotesCsvHref(id, filter)} download>Download these notes (CSV)</a></p>
      {notes.isError && <p className="govuk-body">The notes could not be loaded. {notes.error.message}</p>}
      {notes.data && (notes.data.length === 0 ? <p className="govuk-body">No notes{filter.kind || filter.month ? ' match the filter' : ' yet'}.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Notes, the latest first</caption>
          <TableHead columns={['Happened on', 'Kind', 'Note', 'Recorded']} />
          <tbody className="govuk-table__body">
            {notes.data.map((n) => (
              <tr className="govuk-table__row" key={n.id}>
                <td className="govuk-table__cell">{formatUkDay(n.occurredOn)}</td>
                <td className="govuk-table__cell">{labelOf(CONTRACT_NOTE_KINDS, n.kind)}</td>
                <td className="govuk-table__cell">
                  {n.note}
                  {n.correctsNoteId && <><br /><span className="govuk-hint">Corrects the note of {byId.get(n.correctsNoteId) ? formatUkDay(byId.get(n.correctsNoteId)!.occurredOn) : 'another day'}</span></>}
                  {n.correctedByNoteId && <><br /><strong className="govuk-tag govuk-tag--grey">Corrected by a later note</strong></>}
                </td>
                <td className="govuk-table__cell">{formatDateTime(n.recordedAt)}{n.recordedBy ? ` by ${n.recordedBy.name}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {canAdd && (
        <>
          <h3 className="govuk-heading-s">Record a note</h3>
          <ErrorSummary errors={form.errors} />
          {form.done && <div className="govuk-inset-text" role="status">{form.done}</div>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <SelectField id={form.id('kind')} label="Kind" value={draft.kind} error={form.field('kind')} onChange={(v) => setDraft((d) => ({ ...d, kind: v }))}
              options={[{ value: '', label: 'Choose the kind' }, ...Object.entries(CONTRACT_NOTE_KINDS).map(([value, label]) => ({ value, label }))]} />
            <TextField id={form.id('occurredOn')} label="Happened on" hint="Like 2/11/2026" width="10" value={draft.occurredOn} error={form.field('occurredOn')} autoComplete="off"
              onChange={(v) => setDraft((d) => ({ ...d, occurredOn: v }))} />
            <TextareaField id={form.id('note')} label="What happened" hint="Notes are kept as written: to correct one, record another" value={draft.note} error={form.field('note')} rows={3}
              onChange={(v) => setDraft((d) => ({ ...d, note: v }))} />
            <Button disabled={form.busy} variant="secondary">Record the note</Button>
          </form>
        </>
      )}
    </section>
  );
}

const CHANGE_FIELDS = ['name', 'endsOn', 'workingDays', 'opensAt', 'closesAt', 'monthlyChargePence', 'reason'];

function ChangeContractForm({ c }: { c: Contract }) {
  const initial = (): ChangeDraft => ({
    name: c.name, endsOn: c.endsOn ? formatUkDay(c.endsOn) : '', workingDays: c.workingDays, opensAt: c.opensAt, closesAt: c.closesAt, monthlyCharge: poundsInput(c.monthlyChargePence), reason: '',
  });
  const [draft, setDraft] = useState<ChangeDraft>(initial);
  const form = useWriteForm({ scope: `contract-${c.id}`, prefix: 'change', fields: CHANGE_FIELDS, fallbackField: 'reason', refresh: [['maintenance-contracts']] });
  const set = <K extends keyof ChangeDraft>(key: K) => (value: ChangeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = changeBodyOf(draft, c);
    if (!check(form, CHANGE_FIELDS, problems) || !body) return;
    if (await form.run(() => updateContract(c.id, body), 'Contract changed')) setDraft((d) => ({ ...d, reason: '' }));
  };
  return (
    <section aria-labelledby="change-heading">
      <h2 className="govuk-heading-m" id="change-heading">Change the contract</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <div className="govuk-inset-text" role="status">{form.done}</div>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id={form.id('name')} label="Name" value={draft.name} error={form.field('name')} onChange={set('name')} autoComplete="off" />
        <TextField id={form.id('endsOn')} label="Ends on (optional)" hint="Like 31/3/2029" width="10" value={draft.endsOn} error={form.field('endsOn')} onChange={set('endsOn')} autoComplete="off" />
        <CheckboxesField id={form.id('workingDays')} legend="Working days" error={form.field('workingDays')} values={draft.workingDays}
          onChange={(v) => set('workingDays')(v as Weekday[])} options={Object.entries(WEEKDAYS).map(([value, label]) => ({ value, label }))} />
        <TextField id={form.id('opensAt')} label="Opens at" hint="Like 08:00" width="5" value={draft.opensAt} error={form.field('opensAt')} onChange={set('opensAt')} autoComplete="off" />
        <TextField id={form.id('closesAt')} label="Closes at" hint="Like 17:00" width="5" value={draft.closesAt} error={form.field('closesAt')} onChange={set('closesAt')} autoComplete="off" />
        <TextField id={form.id('monthlyChargePence')} label="Monthly charge, in £" width="10" value={draft.monthlyCharge} error={form.field('monthlyChargePence')} onChange={set('monthlyCharge')} autoComplete="off" />
        <TextareaField id={form.id('reason')} label="Reason for the change" hint="Kept in the audit trail with the old and new values" value={draft.reason} error={form.field('reason')} rows={2} onChange={set('reason')} />
        <Button disabled={form.busy}>Change the contract</Button>
      </form>
    </section>
  );
}

