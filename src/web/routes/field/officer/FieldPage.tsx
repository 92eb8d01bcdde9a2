import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { Button, SelectField, TextField } from '../../../components/fields';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime, londonDayAfter, londonDayStart, parseUkDate } from '../../../../domain/calendar/london';
import { WITHDRAWAL_REASONS, type DeviceSummary, type WithdrawalReason } from '../../../../domain/field/handheld.contract';
import { devicesQuery, patrolsCsvHref, patrolsQuery, withdrawDevice, type PatrolFilters } from './api';

/** The team leader's form to withdraw a device that is lost, stolen or retired (the reason is required). */
function WithdrawForm({ device }: { device: DeviceSummary }) {
  const prefix = `withdraw-${device.id.slice(0, 8)}`;
  const form = useWriteForm({ scope: 'field-devices', prefix, fields: ['reason', 'note'], fallbackField: 'reason', refresh: [['field', 'devices']] });
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check(fieldErrors([['reason', !reason && 'Choose why the device is withdrawn: lost, stolen or retired']]))) return;
    void form.run(() => withdrawDevice(device.id, { reason: reason as WithdrawalReason, note }), `${device.name} withdrawn`);
  };
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Withdraw<span className="govuk-visually-hidden"> {device.name} ({device.officer.name})</span></span></summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate aria-label={`Withdraw ${device.name} (${device.officer.name})`}>
          <ErrorSummary errors={form.errors} />
          <p className="govuk-body-s">Its unused PCN numbers are closed and it can send nothing more: the officer hands it in.</p>
          <SelectField id={form.id('reason')} label="Why" value={reason} onChange={setReason} error={form.field('reason')}
            options={[{ value: '', label: 'Choose' }, ...Object.entries(WITHDRAWAL_REASONS).map(([value, label]) => ({ value, label }))]} />
          <TextField id={form.id('note')} label="Details (optional)" hint="Where and when, a crime reference" value={note} onChange={setNote} error={form.field('note')} />
          <Button type="submit" variant="warning" disabled={form.busy}>Withdraw the device</Button>
        </form>
      </div>
    </details>
  );
}

/**
 * The officer's field page in the office app: the handheld app's link, their devices (a team
 * leader: the team's) with what still waits on each and when it last synced, and their recent
 * patrols, filtered, with a CSV of the same. The team leader withdraws a device that is lost,
 * stolen or retired.
 */
export function FieldPage({ canLead = false }: { canLead?: boolean }) {
  useTitle('Patrols');
  const devices = useQuery(devicesQuery);
  const [form, setForm] = useState({ state: 'any', q: '', from: '', to: '' });
  const [filters, setFilters] = useState<PatrolFilters>({});
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});
  const patrols = useQuery(patrolsQuery(filters));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const from = form.from ? parseUkDate(form.from) : undefined;
    const to = form.to ? parseUkDate(form.to) : undefined;
    const p = { from: form.from && !from ? 'Enter a date like 3/3/2026' : undefined, to: form.to && !to ? 'Enter a date like 31/3/2026' : undefined };
    setProblems(p);
    if (p.from || p.to) return;
    setFilters({
      state: form.state as PatrolFilters['state'], q: form.q.trim() || undefined,
      from: from ? londonDayStart(from)?.toISOString() : undefined, to: to ? londonDayAfter(to)?.toISOString() : undefined,
    });
  };

  return (
    <>
      <h1 className="govuk-heading-l">Patrols</h1>
      <p className="govuk-body">
        Patrols, notices and reports are made on the handheld, with or without signal: <a className="govuk-link" href="/handheld/">open the handheld app</a> on your phone and add it to the home screen.
      </p>

      <h2 className="govuk-heading-m">Devices</h2>
      {devices.isError && <p className="govuk-body">The devices could not be loaded. {devices.error.message}</p>}
      {devices.data && (devices.data.items.length === 0 ? <p className="govuk-body">No handheld is registered yet: open the handheld app on your phone and sign in.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Handhelds and what waits on each</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Device', 'Officer', 'Waiting to sync', 'Last sync', 'Last seen', 'PCN numbers left', ...(canLead ? ['Withdrawal'] : [])].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {devices.data.items.map((d) => (
              <tr key={d.id} className="govuk-table__row">
                <td className="govuk-table__cell">{d.name}{d.revoked && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">Withdrawn</strong>}</td>
                <td className="govuk-table__cell">{d.officer.name}</td>
                <td className="govuk-table__cell">{d.queued === 0 ? 'Nothing' : <strong>{d.queued} {d.queued === 1 ? 'record' : 'records'}</strong>}</td>
                <td className="govuk-table__cell">{d.lastSyncAt ? formatDateTime(d.lastSyncAt) : 'Never'}</td>
                <td className="govuk-table__cell">{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : 'Never'}</td>
                <td className="govuk-table__cell">{d.serialsLeft}</td>
                {canLead && (
                  <td className="govuk-table__cell">
                    {d.withdrawal
                      ? <>{d.withdrawal.reasonLabel}, {formatDateTime(d.withdrawal.at)} by {d.withdrawal.by.name}{d.withdrawal.note && <><br /><span className="govuk-body-s">{d.withdrawal.note}</span></>}</>
                      : d.revoked ? 'Withdrawn' : <WithdrawForm device={d} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}

      <h2 className="govuk-heading-m">Recent patrols</h2>
      <form onSubmit={apply} noValidate aria-label="Filter the patrols">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <SelectField id="patrols-state" label="Patrols" value={form.state} onChange={(state) => setForm({ ...form, state })}
              options={[{ value: 'any', label: 'All' }, { value: 'running', label: 'Running now' }, { value: 'ended', label: 'Ended' }]} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField id="patrols-q" label="Beat or task" value={form.q} onChange={(q) => setForm({ ...form, q })} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField id="patrols-from" label="From" hint="For example, 3/3/2026" value={form.from} error={problems.from} onChange={(from) => setForm({ ...form, from })} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField id="patrols-to" label="To" hint="For example, 31/3/2026" value={form.to} error={problems.to} onChange={(to) => setForm({ ...form, to })} />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button type="submit" variant="secondary">Show patrols</Button>
          <a className="govuk-link" href={patrolsCsvHref(filters)} download>Download these patrols as CSV</a>
        </div>
      </form>
      {patrols.isError && <p className="govuk-body">The patrols could not be loaded. {patrols.error.message}</p>}
      {patrols.data && (patrols.data.items.length === 0 ? <p className="govuk-body">No patrols match.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{patrols.data.items.length} {patrols.data.items.length === 1 ? 'patrol' : 'patrols'}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Started', 'Officer', 'Beat and task', 'Length', 'Notices', 'State'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {patrols.data.items.map((p) => (
              <tr key={p.id} className="govuk-table__row">
                <td className="govuk-table__cell"><Link className="govuk-link" to={'/field/patrols/$id' as never} params={{ id: p.id } as never}>{formatDateTime(p.startedAt)}</Link></td>
                <td className="govuk-table__cell">{p.officer.name}</td>
                <td className="govuk-table__cell">{p.beat}<br /><span className="govuk-body-s">{p.task}</span></td>
                <td className="govuk-table__cell">{Math.floor(p.minutes / 60)} h {p.minutes % 60} min</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.notices}</td>
                <td className="govuk-table__cell">{p.running ? <strong className="govuk-tag govuk-tag--green">On patrol</strong> : `Ended ${formatDateTime(p.endedAt!)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
