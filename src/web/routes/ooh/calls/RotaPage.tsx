import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { can } from '../../../api/auth';
import { useSession } from '../../../lib/session';
import { formatDateTime } from '../../../../domain/calendar/london';
import { ROTA_LEVELS } from '../../../../domain/ooh/rota';
import { parseUkDateTime } from '../../occurrences/when';
import { OohNav } from '../OohNav';
import { addShift, rotaQuery } from './api';

/** The on-call rota: who is on call now for each duty (the order of escalation), the shifts ahead; managers add shifts. */
export function RotaPage() {
  useTitle('On-call rota');
  const session = useSession();
  const [dutyId, setDutyId] = useState('');
  const rota = useQuery(rotaQuery({ dutyId: dutyId || undefined }));
  return (
    <>
      <h1 className="govuk-heading-l">On-call rota</h1>
      <OohNav />
      {rota.isError && <p className="govuk-body">The rota could not be loaded. {rota.error.message}</p>}
      {rota.data && (
        <>
          <h2 className="govuk-heading-m">On call now</h2>
          <dl className="govuk-summary-list">
            {rota.data.onCallNow.map((d) => (
              <div className="govuk-summary-list__row" key={d.duty.id}>
                <dt className="govuk-summary-list__key">{d.duty.name}</dt>
                <dd className="govuk-summary-list__value">{d.order.length ? d.order.map((e) => `${e.levelName}: ${e.personName}${e.phone ? ` (${e.phone})` : ''}`).join('; then ') : 'Nobody on call'}</dd>
              </div>
            ))}
          </dl>
          {can(session, 'ooh.manage') && <AddShiftForm duties={rota.data.duties} people={rota.data.people} />}
          <h2 className="govuk-heading-m">Shifts</h2>
          <SelectField id="rota-duty" label="Duty" value={dutyId} onChange={setDutyId} options={[{ value: '', label: 'Every duty' }, ...rota.data.duties.map((d) => ({ value: d.id, label: d.name }))]} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Shifts on the rota from yesterday for a fortnight</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">{['Duty', 'Level', 'Who', 'From', 'To'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr></thead>
            <tbody className="govuk-table__body">
              {rota.data.entries.slice(0, 300).map((e) => (
                <tr className="govuk-table__row" key={e.id}>
                  <td className="govuk-table__cell">{e.duty.name}</td><td className="govuk-table__cell">{e.levelName}</td>
                  <td className="govuk-table__cell">{e.personName}{e.phone ? `, ${e.phone}` : ''}</td>
                  <td className="govuk-table__cell">{formatDateTime(e.startsAt)}</td><td className="govuk-table__cell">{formatDateTime(e.endsAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function AddShiftForm({ duties, people }: { duties: { id: string; name: string }[]; people: { id: string; name: string }[] }) {
  const form = useWriteForm({ scope: 'ooh-rota', prefix: 'shift', fields: ['dutyId', 'level', 'userId', 'personName', 'phone', 'startsAt', 'endsAt'], fallbackField: 'dutyId', refresh: [['ooh', 'rota']] });
  const [v, setV] = useState({ dutyId: '', level: '1', userId: '', personName: '', phone: '', startsAt: '', endsAt: '' });
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = parseUkDateTime(v.startsAt);
    const endsAt = parseUkDateTime(v.endsAt);
    if (!form.check(fieldErrors([['startsAt', !startsAt && 'Enter when the shift starts, like 3/12/2026 17:00'], ['endsAt', !endsAt && 'Enter when the shift ends, like 4/12/2026 09:00']]))) return;
    void form.run(() => addShift({ dutyId: v.dutyId || undefined, level: Number(v.level), userId: v.userId || undefined, personName: v.personName, phone: v.phone, startsAt, endsAt }), 'Shift added');
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-shift">
      <h2 className="govuk-heading-m" id="add-shift">Add a shift</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <SelectField id={form.id('dutyId')} label="Duty" value={v.dutyId} onChange={set('dutyId')} error={form.field('dutyId')} options={[{ value: '', label: 'Choose the duty' }, ...duties.map((d) => ({ value: d.id, label: d.name }))]} />
      <SelectField id={form.id('level')} label="Level" value={v.level} onChange={set('level')} options={Object.entries(ROTA_LEVELS).map(([value, label]) => ({ value, label }))} />
      <SelectField id={form.id('userId')} label="Council user" hint="Or leave as nobody and give a name and number below" value={v.userId} onChange={set('userId')} error={form.field('userId')} options={[{ value: '', label: 'Someone outside the council' }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField id={form.id('personName')} label="Name" value={v.personName} onChange={set('personName')} error={form.field('personName')} />
      <TextField id={form.id('phone')} label="Telephone number" value={v.phone} onChange={set('phone')} error={form.field('phone')} width="20" />
      <TextField id={form.id('startsAt')} label="From" hint="London time, like 3/12/2026 17:00" value={v.startsAt} onChange={set('startsAt')} error={form.field('startsAt')} width="20" />
      <TextField id={form.id('endsAt')} label="To" hint="London time, like 4/12/2026 09:00" value={v.endsAt} onChange={set('endsAt')} error={form.field('endsAt')} width="20" />
      <Button type="submit" disabled={form.busy}>Add the shift</Button>
    </form>
  );
}
