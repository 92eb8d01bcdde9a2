import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ALARM_KINDS, type Alarm } from '../../../../domain/ooh/contract';
import { formatDateTime, formatUkDateTimeInput, formatUkDay } from '../../../../domain/calendar/london';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors, type FormErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { OohNav } from '../OohNav';
import { alarmsCsvHref, alarmsQuery, buildingsQuery, raiseAlarm } from './api';
import { dayRange, filterDays, whenOrProblem } from './when';

export interface AlarmsSearch { open?: string; buildingId?: string; kind?: string; from?: string; to?: string; sort?: string }
export const kindOptions = Object.entries(ALARM_KINDS).map(([value, label]) => ({ value, label }));

/** Building alarms: the open ones first by default filter, each with its response; logging a new one. */
export function AlarmsPage({ search }: { search: AlarmsSearch }) {
  useTitle('Alarms');
  const navigate = useNavigate();
  const query = { ...search, ...dayRange(search) };
  const list = useQuery(alarmsQuery(query));
  const buildings = useQuery(buildingsQuery);
  const [f, setF] = useState<AlarmsSearch>(search);
  const [days, setDays] = useState({ from: formatUkDay(search.from), to: formatUkDay(search.to) });
  const [filterErrors, setFilterErrors] = useState<FormErrors>();
  const filter = (e: React.FormEvent) => {
    e.preventDefault();
    const typed = filterDays(days);
    const invalid = fieldErrors(typed.problems.map(([k, m]) => [`f-${k}`, m]));
    setFilterErrors(invalid);
    if (!invalid) go({ ...f, from: typed.from, to: typed.to });
  };
  const go = (s: AlarmsSearch) => void navigate({ to: '/ooh/alarms' as never, search: Object.fromEntries(Object.entries(s).filter(([, v]) => v)) as never });
  const buildingOptions = (buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }));
  return (
    <>
      <h1 className="govuk-heading-l">Alarms</h1>
      <OohNav />
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the alarms">
        <ErrorSummary errors={filterErrors} />
        <div className="vigil-filter__row">
          <SelectField id="f-open" label="State" value={f.open ?? ''} onChange={(open) => setF({ ...f, open })} options={[{ value: '', label: 'Any' }, { value: 'true', label: 'Not reset' }, { value: 'false', label: 'Reset or stood down' }]} />
          <SelectField id="f-building" label="Building" value={f.buildingId ?? ''} onChange={(buildingId) => setF({ ...f, buildingId })} options={[{ value: '', label: 'Any building' }, ...buildingOptions]} />
          <SelectField id="f-kind" label="Alarm" value={f.kind ?? ''} onChange={(kind) => setF({ ...f, kind })} options={[{ value: '', label: 'Any alarm' }, ...kindOptions]} />
          <TextField id="f-from" label="Went off from" hint="For example 1/12/2026" value={days.from} onChange={(from) => setDays({ ...days, from })} error={filterErrors?.fields['f-from']} width="10" />
          <TextField id="f-to" label="Went off to" hint="The last day" value={days.to} onChange={(to) => setDays({ ...days, to })} error={filterErrors?.fields['f-to']} width="10" />
          <SelectField id="f-sort" label="Sort by" value={f.sort ?? 'raised_desc'} onChange={(sort) => setF({ ...f, sort })} options={[{ value: 'raised_desc', label: 'Newest first' }, { value: 'raised_asc', label: 'Oldest first' }, { value: 'building_asc', label: 'Building' }, { value: 'kind_asc', label: 'Alarm' }]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isError && <p className="govuk-body">The alarms could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body"><a className="govuk-link" href={alarmsCsvHref(query)} download>Download these alarms as CSV (spreadsheet)</a></p>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--s">{list.data.total} alarms</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Went off', 'Building', 'Alarm', 'State', 'Last step'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">{list.data.items.map((a) => <Row key={a.id} a={a} />)}</tbody>
          </table>
        </>
      )}
      <RaiseForm buildings={buildingOptions} />
    </>
  );
}

function Row({ a }: { a: Alarm }) {
  const last = a.events.at(-1);
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell"><Link className="govuk-link" to={'/ooh/alarms/$id' as never} params={{ id: a.id } as never}>{formatDateTime(a.raisedAt)}</Link></td>
      <td className="govuk-table__cell">{a.building.name}{a.location && <><br /><span className="govuk-body-s">{a.location}</span></>}</td>
      <td className="govuk-table__cell">{ALARM_KINDS[a.kind]}</td>
      <td className="govuk-table__cell">{a.closedAt ? `Closed ${formatDateTime(a.closedAt)}` : <strong className="govuk-tag govuk-tag--red">Not reset</strong>}</td>
      <td className="govuk-table__cell">{last ? `${last.kind.replace(/_/g, ' ')} ${formatDateTime(last.at)}` : 'None yet'}</td>
    </tr>
  );
}

function RaiseForm({ buildings }: { buildings: { value: string; label: string }[] }) {
  const navigate = useNavigate();
  const [v, setV] = useState({ buildingId: '', kind: 'intruder', raisedAt: formatUkDateTimeInput(new Date()), location: '', source: '' });
  const form = useWriteForm({ scope: 'alarm', prefix: 'alarm', fields: Object.keys(v), fallbackField: 'buildingId', refresh: [['ooh']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const at = whenOrProblem(v.raisedAt, 'when the alarm went off');
    if (!form.check(fieldErrors([['buildingId', !v.buildingId && 'Choose the building'], ['raisedAt', at.problem]]))) return;
    let id = '';
    if (await form.run(async () => { id = (await raiseAlarm({ ...v, kind: v.kind as 'fire', raisedAt: at.iso! })).id; }, 'Logged')) {
      void navigate({ to: '/ooh/alarms/$id' as never, params: { id } as never });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="raise-title">
      <h2 className="govuk-heading-m" id="raise-title">Log an alarm</h2>
      <ErrorSummary errors={form.errors} />
      <SelectField id={form.id('buildingId')} label="Building" value={v.buildingId} onChange={(buildingId) => setV({ ...v, buildingId })} error={form.field('buildingId')} options={[{ value: '', label: 'Choose a building' }, ...buildings]} />
      <SelectField id={form.id('kind')} label="Alarm" value={v.kind} onChange={(kind) => setV({ ...v, kind })} options={kindOptions} />
      <TextField id={form.id('raisedAt')} label="When it went off" hint="For example, 3/12/2026 21:30, or just 21:30" value={v.raisedAt} onChange={(raisedAt) => setV({ ...v, raisedAt })} error={form.field('raisedAt')} width="20" />
      <TextField id={form.id('location')} label="Where in the building (optional)" value={v.location} onChange={(location) => setV({ ...v, location })} error={form.field('location')} width="30" />
      <TextField id={form.id('source')} label="How it came in (optional)" hint="Alarm receiving centre, a caller" value={v.source} onChange={(source) => setV({ ...v, source })} error={form.field('source')} width="30" />
      <Button disabled={form.busy}>Log the alarm</Button>
    </form>
  );
}
