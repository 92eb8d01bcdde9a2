import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ALARM_EVENT_KINDS, ALARM_KINDS, type Alarm } from '../../../../domain/ooh/contract';
import { formatDateTime, formatUkDateTimeInput } from '../../../../domain/calendar/london';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { OohNav } from '../OohNav';
import { alarmQuery, recordAlarmStep } from './api';
import { whenOrProblem } from './when';

/** One alarm: its response step by step, and the form for the next step until it is reset. */
export function AlarmPage({ id }: { id: string }) {
  const alarm = useQuery(alarmQuery(id));
  const title = alarm.data ? `${ALARM_KINDS[alarm.data.kind]} at ${alarm.data.building.name}` : 'Alarm';
  useTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <OohNav />
      {alarm.isError && <p className="govuk-body">The alarm could not be loaded. {alarm.error.message}</p>}
      {alarm.data && (
        <>
          <p className="govuk-body">Went off {formatDateTime(alarm.data.raisedAt)}{alarm.data.location && `, ${alarm.data.location}`}.{' '}
            {alarm.data.closedAt ? <>Closed {formatDateTime(alarm.data.closedAt)}.</> : <strong className="govuk-tag govuk-tag--red">Not reset</strong>}</p>
          <h2 className="govuk-heading-m">Response</h2>
          {alarm.data.events.length === 0 ? <p className="govuk-body">Nothing recorded yet.</p> : (
            <ol className="govuk-list govuk-list--number">
              {alarm.data.events.map((e) => (
                <li key={e.id}>{formatDateTime(e.at)}: {ALARM_EVENT_KINDS[e.kind]}{e.who && ` (${e.who})`}{e.reference && `, ${e.reference}`}
                  {e.falseAlarm !== null && (e.falseAlarm ? ', false alarm' : ', a real alarm')}{e.note && `: ${e.note}`}</li>
              ))}
            </ol>
          )}
          {!alarm.data.closedAt && <StepForm alarm={alarm.data} />}
        </>
      )}
      <p className="govuk-body"><Link className="govuk-link" to={'/ooh/alarms' as never}>All alarms</Link></p>
    </>
  );
}

const KINDS = Object.entries(ALARM_EVENT_KINDS).map(([value, label]) => ({ value, label }));

function StepForm({ alarm }: { alarm: Alarm }) {
  const next = alarm.events.some((e) => e.kind === 'keyholder_called') ? (alarm.events.some((e) => e.kind === 'attended') ? 'reset' : 'attended') : 'keyholder_called';
  const [v, setV] = useState({ kind: next, at: formatUkDateTimeInput(new Date()), who: '', reference: '', falseAlarm: '', note: '' });
  const form = useWriteForm({ scope: `alarm-${alarm.id}`, prefix: 'step', fields: Object.keys(v), fallbackField: 'note', refresh: [['ooh']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const at = whenOrProblem(v.at, 'when it happened');
    if (!form.check(fieldErrors([['at', at.problem]]))) return;
    const body = { kind: v.kind as keyof typeof ALARM_EVENT_KINDS, at: at.iso!, who: v.who, reference: v.reference, note: v.note, falseAlarm: v.falseAlarm ? v.falseAlarm === 'yes' : undefined };
    if (await form.run(() => recordAlarmStep(alarm.id, body), `${ALARM_EVENT_KINDS[body.kind]} recorded`)) {
      setV({ kind: body.kind === 'keyholder_called' ? 'attended' : 'reset', at: formatUkDateTimeInput(new Date()), who: '', reference: '', falseAlarm: '', note: '' });
    }
  };
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="step-title">
      <h2 className="govuk-heading-m" id="step-title">Record the next step</h2>
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ErrorSummary errors={form.errors} />
      <SelectField id={form.id('kind')} label="Step" value={v.kind} onChange={set('kind')} options={KINDS} />
      <TextField id={form.id('at')} label="When" hint="For example, 3/12/2026 21:30, or just 21:30" value={v.at} onChange={set('at')} error={form.field('at')} width="20" />
      {(v.kind === 'keyholder_called' || v.kind === 'attended') && <TextField id={form.id('who')} label={v.kind === 'attended' ? 'Who attended' : 'Keyholder called'} value={v.who} onChange={set('who')} error={form.field('who')} width="20" />}
      {(v.kind === 'fire_service_called' || v.kind === 'police_called') && <TextField id={form.id('reference')} label="Incident number (optional)" value={v.reference} onChange={set('reference')} error={form.field('reference')} width="10" />}
      {v.kind === 'cause' && <SelectField id={form.id('falseAlarm')} label="False alarm?" value={v.falseAlarm} onChange={set('falseAlarm')} error={form.field('falseAlarm')} options={[{ value: '', label: 'Choose' }, { value: 'yes', label: 'Yes, a false alarm' }, { value: 'no', label: 'No, a real alarm' }]} />}
      <TextField id={form.id('note')} label={v.kind === 'cause' ? 'What caused it' : 'Note (optional)'} value={v.note} onChange={set('note')} error={form.field('note')} width="30" />
      <Button disabled={form.busy}>Record the step</Button>
    </form>
  );
}
