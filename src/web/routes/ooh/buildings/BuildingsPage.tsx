import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../api/types';
import { formatDateTime, formatUkDay } from '../../../../domain/calendar/london';
import { can } from '../../../api/auth';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { errorMessage, fieldErrors, type FormErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { OohNav } from '../OohNav';
import { dayRange, filterDays } from './when';
import { accessRequestsQuery, buildingsQuery, checkAccess, patrolsCsvHref, patrolsQuery, recordAccess, startPatrol } from './api';

export interface PatrolsSearch { buildingId?: string; from?: string; to?: string; problems?: string }

/** The council's buildings out of hours: start a night patrol, the patrols done, and who asked to be let in. */
export function BuildingsPage({ session, search }: { session: Session; search: PatrolsSearch }) {
  useTitle('Buildings');
  const navigate = useNavigate();
  const buildings = useQuery(buildingsQuery);
  const patrolFilter = { ...search, ...dayRange(search) };
  const patrols = useQuery(patrolsQuery({ ...patrolFilter, pageSize: '30' }));
  const access = useQuery(accessRequestsQuery({ pageSize: '20' }));
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string>();
  const start = async (buildingId: string) => {
    setStarting(true);
    setStartError(undefined);
    try { void navigate({ to: '/ooh/patrols/$id' as never, params: { id: (await startPatrol(buildingId)).id } as never }); }
    catch (err) { setStartError(`The patrol could not be started. ${errorMessage(err)}`); }
    finally { setStarting(false); }
  };
  return (
    <>
      <h1 className="govuk-heading-l">Buildings</h1>
      <OohNav />
      {can(session, 'ooh.manage') && <p className="govuk-body"><Link className="govuk-link" to={'/ooh/buildings/settings' as never}>Set up the buildings, their checklists and access lists</Link></p>}
      {startError && <p className="govuk-error-message" role="alert">{startError}</p>}
      {buildings.isError && <p className="govuk-body">The buildings could not be loaded. {buildings.error.message}</p>}
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">Night patrols</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          {['Building', 'Alarms not reset', 'Last patrol', 'Patrol'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
        </tr></thead>
        <tbody className="govuk-table__body">
          {(buildings.data ?? []).map((b) => (
            <tr key={b.id} className="govuk-table__row">
              <td className="govuk-table__cell">{b.name}<br /><span className="govuk-body-s">{b.address}</span></td>
              <td className="govuk-table__cell">{b.openAlarms > 0 ? <Link className="govuk-link" to={'/ooh/alarms' as never} search={{ open: 'true', buildingId: b.id } as never}>{b.openAlarms}</Link> : 0}</td>
              <td className="govuk-table__cell">{b.lastPatrol ? formatDateTime(b.lastPatrol) : 'None yet'}</td>
              <td className="govuk-table__cell"><Button variant="secondary" className="govuk-!-margin-bottom-0" disabled={starting} onClick={() => void start(b.id)}>Start a patrol<span className="govuk-visually-hidden"> of {b.name}</span></Button></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Patrols done</h2>
      <PatrolFilter search={search} buildings={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
      <p className="govuk-body"><a className="govuk-link" href={patrolsCsvHref(patrolFilter)} download>Download these patrols as CSV (spreadsheet)</a></p>
      {patrols.data && (
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-table__caption--s">{patrols.data.total === patrols.data.items.length ? `${patrols.data.total} patrols` : `The latest ${patrols.data.items.length} of ${patrols.data.total}`}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Started', 'Building', 'Officer', 'Problems', 'Working late', 'Completed'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {patrols.data.items.map((p) => (
              <tr key={p.id} className="govuk-table__row">
                <td className="govuk-table__cell"><Link className="govuk-link" to={'/ooh/patrols/$id' as never} params={{ id: p.id } as never}>{formatDateTime(p.startedAt)}</Link></td>
                <td className="govuk-table__cell">{p.building.name}</td>
                <td className="govuk-table__cell">{p.startedBy}</td>
                <td className="govuk-table__cell">{p.problems > 0 ? <strong className="govuk-tag govuk-tag--orange">{p.problems}</strong> : 0}</td>
                <td className="govuk-table__cell">{p.lateWorkers.map((w) => w.name).join(', ') || 'None'}</td>
                <td className="govuk-table__cell">{p.completedAt ? formatDateTime(p.completedAt) : 'In progress'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <AccessForm buildings={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
      {access.data && (
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-table__caption--s">Access requests, newest first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['When', 'Building', 'Visitor', 'On the list', 'Decision', 'Left'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {access.data.items.map((r) => (
              <tr key={r.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatDateTime(r.at)}</td>
                <td className="govuk-table__cell">{r.building.name}</td>
                <td className="govuk-table__cell">{r.visitorName}{r.visitorOrganisation && ` (${r.visitorOrganisation})`}</td>
                <td className="govuk-table__cell">{r.listEntry ? 'Yes' : r.authorisedBy ? `No: authorised by ${r.authorisedBy}` : 'No'}</td>
                <td className="govuk-table__cell">{r.decision === 'let_in' ? 'Let in' : `Refused: ${r.reason}`}</td>
                <td className="govuk-table__cell">{r.timeOut ? formatDateTime(r.timeOut) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Which patrols the list shows: a building, the days they started, only those with a problem found. */
function PatrolFilter({ search, buildings }: { search: PatrolsSearch; buildings: { value: string; label: string }[] }) {
  const navigate = useNavigate();
  const [f, setF] = useState({ buildingId: search.buildingId ?? '', from: formatUkDay(search.from), to: formatUkDay(search.to), problems: search.problems === 'true' });
  const [errors, setErrors] = useState<FormErrors>();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const days = filterDays(f);
    const invalid = fieldErrors(days.problems.map(([k, m]) => [`p-${k}`, m]));
    setErrors(invalid);
    if (invalid) return;
    const next = { buildingId: f.buildingId || undefined, from: days.from, to: days.to, problems: f.problems ? 'true' : undefined };
    void navigate({ to: '/ooh/buildings' as never, search: Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as never });
  };
  return (
    <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Filter the patrols">
      <ErrorSummary errors={errors} />
      <div className="vigil-filter__row">
        <SelectField id="p-building" label="Building" value={f.buildingId} onChange={(buildingId) => setF({ ...f, buildingId })} options={[{ value: '', label: 'Any building' }, ...buildings]} />
        <TextField id="p-from" label="Started from" hint="For example 1/12/2026" value={f.from} onChange={(from) => setF({ ...f, from })} error={errors?.fields['p-from']} width="10" />
        <TextField id="p-to" label="Started to" hint="The last day" value={f.to} onChange={(to) => setF({ ...f, to })} error={errors?.fields['p-to']} width="10" />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id="p-problems" type="checkbox" checked={f.problems} onChange={(e) => setF({ ...f, problems: e.target.checked })} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="p-problems">Only patrols that found a problem</label>
            </div>
          </div>
        </div>
        <Button variant="secondary">Show patrols</Button>
      </div>
    </form>
  );
}

const FIELDS = ['buildingId', 'visitorName', 'visitorOrganisation', 'idType', 'idLast4', 'decision', 'reason', 'authorisedBy'];

function AccessForm({ buildings }: { buildings: { value: string; label: string }[] }) {
  const empty = { buildingId: '', visitorName: '', visitorOrganisation: '', idType: '', idLast4: '', decision: 'let_in', reason: '', authorisedBy: '' };
  const [v, setV] = useState(empty);
  const [match, setMatch] = useState<string>();
  const form = useWriteForm({ scope: 'access', prefix: 'access', fields: FIELDS, fallbackField: 'visitorName', refresh: [['ooh']] });
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); if (k === 'visitorName' || k === 'buildingId') setMatch(undefined); };
  const check = async () => {
    if (!v.buildingId || !v.visitorName.trim()) return;
    const r = await checkAccess(v.buildingId, v.visitorName);
    setMatch(r.match ? `On the list: ${r.match.name}${r.match.organisation ? ` (${r.match.organisation})` : ''}; check: ${r.match.idCheck}.` : 'Not on this building’s access list today: refuse, unless a manager authorises it.');
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.check(fieldErrors([['buildingId', !v.buildingId && 'Choose the building']]))) return;
    if (await form.run(() => recordAccess({ ...v, decision: v.decision as 'let_in' }), v.decision === 'let_in' ? 'Let in: recorded' : 'Refusal recorded')) { setV(empty); setMatch(undefined); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="access-title">
      <h2 className="govuk-heading-m" id="access-title">Someone asks to be let in</h2>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <SelectField id={form.id('buildingId')} label="Building" value={v.buildingId} onChange={set('buildingId')} error={form.field('buildingId')} options={[{ value: '', label: 'Choose a building' }, ...buildings]} />
      <TextField id={form.id('visitorName')} label="Visitor’s name" value={v.visitorName} onChange={set('visitorName')} error={form.field('visitorName')} width="20" />
      <Button type="button" variant="secondary" onClick={() => void check()}>Check the access list</Button>
      {match && <p className="govuk-inset-text" role="status">{match}</p>}
      <TextField id={form.id('visitorOrganisation')} label="Organisation (optional)" value={v.visitorOrganisation} onChange={set('visitorOrganisation')} error={form.field('visitorOrganisation')} width="20" />
      <TextField id={form.id('idType')} label="ID checked" hint="Council ID card, driving licence, password" value={v.idType} onChange={set('idType')} error={form.field('idType')} width="20" />
      <TextField id={form.id('idLast4')} label="Last 4 of the ID number (optional)" value={v.idLast4} onChange={set('idLast4')} error={form.field('idLast4')} width="4" />
      <SelectField id={form.id('decision')} label="Decision" value={v.decision} onChange={set('decision')} options={[{ value: 'let_in', label: 'Let in' }, { value: 'refused', label: 'Refused' }]} />
      {v.decision === 'refused' ? <TextField id={form.id('reason')} label="Why they were refused" value={v.reason} onChange={set('reason')} error={form.field('reason')} width="30" />
        : <TextField id={form.id('authorisedBy')} label="Authorised by (manager’s name), if not on the list" value={v.authorisedBy} onChange={set('authorisedBy')} error={form.field('authorisedBy')} width="20" />}
      <Button disabled={form.busy}>Record</Button>
    </form>
  );
}
