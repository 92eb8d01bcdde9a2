import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import type { OohCallDetail } from '../../../../domain/ooh/calls.contract';
import { parseUkDateTime } from '../../occurrences/when';
import { callStep } from './api';

// The next steps on a call, each its own small form: refer, acknowledge, raise a fault, downgrade, close.

type Step = 'referral' | 'acknowledgement' | 'downgrade' | 'closure' | 'fault';

function useStep(call: OohCallDetail, prefix: string, fields: string[]) {
  return useWriteForm({ scope: `ooh-call-${call.id}`, prefix, fields, fallbackField: fields[0]!, refresh: [['ooh']] });
}

function StepForm({ title, id, children, onSubmit, errors, done }: { title: string; id: string; children: ReactNode; onSubmit: (e: FormEvent) => void; errors: ReturnType<typeof useStep>['errors']; done?: string }) {
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={id}>{title}</h2>
      <ErrorSummary errors={errors} />
      {done && <p className="govuk-body" role="status">{done}</p>}
      {children}
    </form>
  );
}

function useWords({ form, name, label, hint }: { form: ReturnType<typeof useStep>; name: string; label: string; hint?: string }) {
  const [v, setV] = useState('');
  return { v, setV, field: <TextField id={form.id(name)} label={label} hint={hint} value={v} onChange={setV} error={form.field(name)} /> };
}

const send = (form: ReturnType<typeof useStep>, call: OohCallDetail, step: Step, body: unknown, message: string) => form.run(() => callStep(call.id, step, body), message);

export function ReferForm({ call }: { call: OohCallDetail }) {
  const form = useStep(call, 'refer', ['note']);
  const note = useWords({ form, name: 'note', label: 'Note (optional)', hint: 'What you told them' });
  const first = call.onCallNow[0];
  return (
    <StepForm title="Refer to the on-call person" id="refer-heading" errors={form.errors} done={form.done} onSubmit={(e) => { e.preventDefault(); void send(form, call, 'referral', { note: note.v }, 'Referred'); }}>
      {first ? <p className="govuk-body">On call now for {call.dutyName}: <strong>{first.personName}</strong> ({first.levelName}{first.phone ? `, ${first.phone}` : ''}). Ring them, then record the referral: they have {call.ackMinutes} minutes to acknowledge.</p>
        : <p className="govuk-body">Nobody is on the rota for {call.dutyName} now.</p>}
      {note.field}
      <Button type="submit" disabled={form.busy}>Record the referral</Button>
    </StepForm>
  );
}

export function AcknowledgeForm({ call }: { call: OohCallDetail }) {
  const form = useStep(call, 'ack', ['acknowledgedAt', 'note']);
  const [at, setAt] = useState('');
  const note = useWords({ form, name: 'note', label: 'Note (optional)' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = at ? parseUkDateTime(at) : undefined;
    if (!form.check(fieldErrors([['acknowledgedAt', at.trim() !== '' && iso === undefined && 'Enter the time like 21:40, or leave it blank for now']]))) return;
    void send(form, call, 'acknowledgement', { acknowledgedAt: iso || undefined, note: note.v }, 'Acknowledgement recorded');
  };
  return (
    <StepForm title={`Record ${call.referral?.name ?? 'their'} acknowledgement`} id="ack-heading" errors={form.errors} done={form.done} onSubmit={submit}>
      <TextField id={form.id('acknowledgedAt')} label="When they acknowledged" hint="Like 21:40. Blank for now." value={at} onChange={setAt} error={form.field('acknowledgedAt')} width="10" />
      {note.field}
      <Button type="submit" disabled={form.busy}>Record the acknowledgement</Button>
    </StepForm>
  );
}

export function DowngradeForm({ call }: { call: OohCallDetail }) {
  const form = useStep(call, 'downgrade', ['reason']);
  const reason = useWords({ form, name: 'reason', label: 'Why it can wait for the day service' });
  return (
    <StepForm title="Downgrade for the day service" id="downgrade-heading" errors={form.errors} done={form.done} onSubmit={(e) => { e.preventDefault(); void send(form, call, 'downgrade', { reason: reason.v }, 'Downgraded'); }}>
      {reason.field}
      <Button type="submit" variant="secondary" disabled={form.busy}>Downgrade</Button>
    </StepForm>
  );
}

export function CloseForm({ call }: { call: OohCallDetail }) {
  const form = useStep(call, 'close', ['advice']);
  const advice = useWords({ form, name: 'advice', label: 'Advice given' });
  return (
    <StepForm title="Close with advice" id="close-heading" errors={form.errors} done={form.done} onSubmit={(e) => { e.preventDefault(); void send(form, call, 'closure', { advice: advice.v }, 'Closed'); }}>
      {advice.field}
      <Button type="submit" variant="secondary" disabled={form.busy}>Close the call</Button>
    </StepForm>
  );
}

export function FaultForm({ call }: { call: OohCallDetail }) {
  const form = useStep(call, 'fault', ['target', 'cameraId', 'equipmentId']);
  const [target, setTarget] = useState('camera');
  const [ref, setRef] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(form, call, 'fault', target === 'camera' ? { target, cameraId: ref || undefined } : { target, equipmentId: ref || undefined }, 'Maintenance fault raised');
  };
  return (
    <StepForm title="Raise a maintenance fault" id="fault-heading" errors={form.errors} done={form.done} onSubmit={submit}>
      <SelectField id={form.id('target')} label="What is faulty" value={target} onChange={setTarget} options={[{ value: 'camera', label: 'A camera' }, { value: 'equipment', label: 'Control-room or bus-lane equipment' }]} />
      <TextField id={form.id(target === 'camera' ? 'cameraId' : 'equipmentId')} label={target === 'camera' ? 'Camera id' : 'Equipment id'} hint="From the estate register" value={ref} onChange={setRef} error={form.field(target === 'camera' ? 'cameraId' : 'equipmentId')} />
      <Button type="submit" disabled={form.busy}>Raise the fault</Button>
    </StepForm>
  );
}
