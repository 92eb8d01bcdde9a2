import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import type { MethaneMessage } from '../../../../domain/ooh/methane';
import { TextareaField } from '../../occurrences/Radios';
import { acknowledgeHandover, handOver, officersQuery, sendMethane } from './api';
import { FormShell, useIncidentForm, type FormProps } from './IncidentForms';
import { formFromMessage, messageFromForm, METHANE_FIELDS, withFlatPaths, type MethaneForm } from './methaneForm';
import { MethaneFields } from './MethaneFields';

// Sending an updated M/ETHANE message (the latest one to start from), handing the incident over to
// another officer, and the receiver's acknowledgement.

export function MethaneUpdateForm({ incident: i, done }: FormProps) {
  const latest = i.methane.at(-1)!;
  const [f, setF] = useState<MethaneForm>(() => formFromMessage(latest.message as MethaneMessage));
  const set = <K extends keyof MethaneForm>(key: K) => (value: MethaneForm[K]) => setF((v) => ({ ...v, [key]: value }));
  const form = useIncidentForm(i, 'methane', METHANE_FIELDS);
  const field = (name: string) => ({ id: form.id(name), error: form.field(name) });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { message, errors } = messageFromForm(f);
    if (!form.check(errors) || !message) return;
    const ok = await form.run(async () => {
      try { await sendMethane(i.id, { message, basedOn: latest.version }); } catch (err) { throw withFlatPaths(err); }
    }, 'Sent');
    if (ok) done(`M/ETHANE version ${latest.version + 1} recorded.`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="methane-title">
      <FormShell id="methane" title={`Send an updated M/ETHANE message (version ${latest.version + 1})`} errors={form.errors}>
        <p className="govuk-body">It starts from version {latest.version}: change what is new.</p>
        <MethaneFields f={f} set={set} field={field} />
        <Button disabled={form.busy}>Send the M/ETHANE message</Button>
      </FormShell>
    </form>
  );
}

export function HandoverForm({ incident: i, done, me }: FormProps & { me: string }) {
  const officers = useQuery(officersQuery);
  const [to, setTo] = useState('');
  const [summary, setSummary] = useState('');
  const [outstanding, setOutstanding] = useState('');
  const f = useIncidentForm(i, 'handover', ['toUserId', 'summary', 'outstanding']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([['toUserId', !to && 'Choose the officer taking over'], ['summary', summary.trim().length < 3 && 'Enter a summary of the situation']]))) return;
    if (await f.run(() => handOver(i.id, { toUserId: to, summary, outstanding }), 'Handed over')) {
      done('Handed over: the officer taking over must acknowledge it.'); setTo(''); setSummary(''); setOutstanding('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="handover-title">
      <FormShell id="handover" title="Hand the incident over" errors={f.errors}>
        <SelectField id={f.id('toUserId')} label="To" value={to} onChange={setTo} error={f.field('toUserId')}
          options={[{ value: '', label: 'Choose an officer' }, ...(officers.data?.items ?? []).filter((o) => o.id !== me).map((o) => ({ value: o.id, label: o.name }))]} />
        <TextareaField id={f.id('summary')} label="Summary of the situation" value={summary} onChange={setSummary} error={f.field('summary')} rows={3} />
        <TextareaField id={f.id('outstanding')} label="Outstanding actions (optional)" value={outstanding} onChange={setOutstanding} error={f.field('outstanding')} rows={2} />
        <Button variant="secondary" disabled={f.busy}>Hand over</Button>
      </FormShell>
    </form>
  );
}

export function AcknowledgeButton({ incident: i, seq, done }: FormProps & { seq: number }) {
  const f = useIncidentForm(i, `ack-${seq}`, ['handover']);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await f.run(() => acknowledgeHandover(i.id, seq), 'Acknowledged')) done('Handover acknowledged: the incident is yours.');
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Acknowledge handover ${seq}`}>
      <ErrorSummary errors={f.errors} />
      <Button disabled={f.busy}>Acknowledge handover {seq}</Button>
    </form>
  );
}
