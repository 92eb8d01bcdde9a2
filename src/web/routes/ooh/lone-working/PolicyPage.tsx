import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { formatDateTime } from '../../../../domain/calendar/london';
import { STEP_ACTIONS, type StepAction } from '../../../../domain/ooh/loneWorking';
import { OohNav } from '../OohNav';
import { policyQuery, savePolicy, type PolicyVersion } from './api';
import { minutesToSeconds, secondsToMinutes } from './clock';
import { TextArea, flatPaths } from './fields';

interface StepValues { action: StepAction; label: string; offset: string; script: string }

/** The escalation ladder's policy (ooh.manage): each step's time after a missed check-in (in minutes) and its script; grace; reminder lead. Saved as a new version. */
export function PolicyPage() {
  useTitle('Lone-working escalation ladder');
  const q = useQuery(policyQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Lone-working escalation ladder</h1>
      <OohNav />
      {q.isError && <p className="govuk-body">The ladder could not be loaded. {q.error.message}</p>}
      {q.data && <PolicyForm key={q.data.version} current={q.data} />}
    </>
  );
}

function PolicyForm({ current }: { current: PolicyVersion }) {
  const p = current.policy;
  const [steps, setSteps] = useState<StepValues[]>(p.steps.map((s) => ({ action: s.action, label: s.label, offset: secondsToMinutes(s.offsetSeconds), script: s.script })));
  const [grace, setGrace] = useState(secondsToMinutes(p.graceSeconds));
  const [reminder, setReminder] = useState(String(p.reminderMinutesBefore));
  const stepFields = steps.flatMap((_, i) => [`steps-${i}-action`, `steps-${i}-label`, `steps-${i}-offsetSeconds`, `steps-${i}-script`]);
  const form = useWriteForm({ scope: 'ooh-lone-policy', prefix: 'policy', fields: ['graceSeconds', 'reminderMinutesBefore', 'steps', ...stepFields], fallbackField: 'graceSeconds', refresh: [['ooh', 'lone-working-policy']] });
  const setStep = (i: number, k: keyof StepValues) => (x: string) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, [k]: x } : s)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const graceSeconds = minutesToSeconds(grace);
    const reminderMinutes = /^\d+$/.test(reminder.trim()) ? Number(reminder) : undefined;
    const offsets = steps.map((s) => minutesToSeconds(s.offset));
    if (!form.check(fieldErrors([
      ['graceSeconds', (graceSeconds === undefined || graceSeconds > 3600) && 'Enter the grace in minutes, 0 to 60'],
      ['reminderMinutesBefore', (reminderMinutes === undefined || reminderMinutes > 120) && 'Enter the reminder lead in whole minutes, 0 to 120'],
      ...steps.flatMap((s, i): Array<[string, string | false]> => [
        [`steps-${i}-label`, s.label.trim() === '' && `Enter what step ${i + 1} is called`],
        [`steps-${i}-offsetSeconds`, (offsets[i] === undefined && `Enter step ${i + 1}’s minutes after the missed check-in, like 5`) || (i > 0 && offsets[i]! <= offsets[i - 1]! && `Step ${i + 1} must come after step ${i}`)],
        [`steps-${i}-script`, s.script.trim() === '' && `Enter the script for step ${i + 1}`],
      ]),
    ]))) return;
    void form.run(() => flatPaths(() => savePolicy({
      graceSeconds: graceSeconds!, reminderMinutesBefore: reminderMinutes!,
      steps: steps.map((s, i) => ({ action: s.action, label: s.label, offsetSeconds: offsets[i]!, script: s.script })),
    })), 'Saved as a new version: sessions started from now on use it');
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="govuk-body">
        {current.version === 0 ? 'The built-in ladder is in force (none saved yet).' : `Version ${current.version}, saved ${current.createdAt ? formatDateTime(current.createdAt) : ''}.`} Sessions already running keep the ladder they started with.
      </p>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <TextField id={form.id('graceSeconds')} label="Grace (minutes)" hint="Added to each check-in’s due time before it counts as missed" value={grace} onChange={setGrace} error={form.field('graceSeconds')} width="4" inputMode="text" />
      <TextField id={form.id('reminderMinutesBefore')} label="Reminder before a check-in is due (minutes)" hint="Half the interval when the interval is shorter" value={reminder} onChange={setReminder} error={form.field('reminderMinutesBefore')} width="4" inputMode="numeric" />
      {form.field('steps') && <p className="govuk-error-message" id={`${form.id('steps')}`}><span className="govuk-visually-hidden">Error:</span> {form.field('steps')}</p>}
      {steps.map((s, i) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Step {i + 1}</legend>
          <SelectField id={form.id(`steps-${i}-action`)} label="What it is" value={s.action} onChange={setStep(i, 'action')} error={form.field(`steps-${i}-action`)} options={Object.entries(STEP_ACTIONS).map(([value, label]) => ({ value, label }))} />
          <TextField id={form.id(`steps-${i}-label`)} label="Name shown to the officer" value={s.label} onChange={setStep(i, 'label')} error={form.field(`steps-${i}-label`)} />
          <TextField id={form.id(`steps-${i}-offsetSeconds`)} label="Minutes after the missed check-in" value={s.offset} onChange={setStep(i, 'offset')} error={form.field(`steps-${i}-offsetSeconds`)} width="4" inputMode="text" />
          <TextArea id={form.id(`steps-${i}-script`)} label="Script" hint="What the officer says and does" value={s.script} onChange={setStep(i, 'script')} error={form.field(`steps-${i}-script`)} rows={4} />
          {steps.length > 1 && <Button type="button" variant="secondary" onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}>Remove step {i + 1}</Button>}
        </fieldset>
      ))}
      <div className="govuk-button-group">
        {steps.length < 10 && <Button type="button" variant="secondary" onClick={() => setSteps((all) => [...all, { action: 'other', label: '', offset: String(Number(all.at(-1)?.offset ?? 0) + 5), script: '' }])}>Add a step</Button>}
        <Button type="submit" disabled={form.busy}>Save as a new version</Button>
      </div>
    </form>
  );
}
