import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { handlersQuery, recordHandling, type ExhibitDetail, type RecordHandling } from '../../api/evidence';
import type { Session } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from '../occurrences/Radios';
import { SignaturePad, type SignaturePadHandle } from '../../components/SignaturePad';

// Handling an exhibit by hand: handing it over, sealing it in a bag, returning it to store, and, for
// the person it was handed to, receiving or refusing it with a signature. Each is a continuity event.

/** Tells the page what was recorded: a handling changes which forms show, so the message is the page's to keep. */
type Said = (message: string) => void;

function useHandling(exhibit: ExhibitDetail, prefix: string, fields: string[], onDone: Said) {
  const f = useWriteForm({ scope: `exhibit:${exhibit.id}`, prefix, fields, fallbackField: fields[0], refresh: [['exhibit', exhibit.id], ['exhibits']] });
  const record = async (body: RecordHandling, message: string) => {
    const ok = await f.run(() => recordHandling(exhibit.id, body), message);
    if (ok) onDone(message);
    return ok;
  };
  return { ...f, record };
}

export function HandOverForm({ exhibit, session, onDone }: { exhibit: ExhibitDetail; session: Session; onDone: Said }) {
  const f = useHandling(exhibit, 'handover', ['toUserId', 'location', 'reason'], onDone);
  const handlers = useQuery(handlersQuery);
  const [v, setV] = useState({ toUserId: '', location: 'CCTV control room', reason: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const people = (handlers.data ?? []).filter((h) => h.id !== session.user.id);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([
      ['toUserId', !v.toUserId && 'Choose who you are handing it to'],
      ['location', v.location.trim().length < 2 && 'Enter where it was handed over'],
      ['reason', v.reason.trim().length < 3 && 'Enter why it was handed over'],
    ]))) return;
    const name = people.find((p) => p.id === v.toUserId)?.name ?? 'them';
    const body: RecordHandling = { kind: 'handed_over', toUserId: v.toUserId, location: v.location.trim(), reason: v.reason.trim() };
    if (await f.record(body, `Handed over. It is with ${name} once they receive it and sign.`)) setV((d) => ({ ...d, toUserId: '', reason: '' }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="handover-title">
      <h3 className="govuk-heading-s" id="handover-title">Hand over</h3>
      <ErrorSummary errors={f.errors} />
      <SelectField id={f.id('toUserId')} label="Hand it to" value={v.toUserId} onChange={set('toUserId')} error={f.field('toUserId')}
        options={[{ value: '', label: 'Choose a member of staff' }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField id={f.id('location')} label="Where" value={v.location} onChange={set('location')} error={f.field('location')} width="30" />
      <TextareaField id={f.id('reason')} label="Why" hint="For example: to the evidence officer for storage" value={v.reason} onChange={set('reason')} rows={2} error={f.field('reason')} />
      <Button disabled={f.busy}>Hand over exhibit</Button>
    </form>
  );
}

export function SealForm({ exhibit, onDone }: { exhibit: ExhibitDetail; onDone: Said }) {
  const f = useHandling(exhibit, 'seal', ['bagNumber', 'location', 'reason'], onDone);
  const [v, setV] = useState({ bagNumber: '', location: 'CCTV control room', reason: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['bagNumber', v.bagNumber.trim().length < 2 && 'Enter the bag number'], ['location', v.location.trim().length < 2 && 'Enter where it was sealed']]))) return;
    const body: RecordHandling = { kind: 'sealed', bagNumber: v.bagNumber.trim(), location: v.location.trim(), reason: v.reason.trim() };
    if (await f.record(body, `Sealed in bag ${v.bagNumber.trim()}.`)) setV((d) => ({ ...d, bagNumber: '', reason: '' }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="seal-title">
      <h3 className="govuk-heading-s" id="seal-title">Seal in an evidence bag</h3>
      <ErrorSummary errors={f.errors} />
      <TextField id={f.id('bagNumber')} label="Bag number" value={v.bagNumber} onChange={set('bagNumber')} error={f.field('bagNumber')} width="10" spellCheck={false} autoComplete="off" />
      <TextField id={f.id('location')} label="Where" value={v.location} onChange={set('location')} error={f.field('location')} width="30" />
      <TextareaField id={f.id('reason')} label="Note (optional)" value={v.reason} onChange={set('reason')} rows={2} error={f.field('reason')} />
      <Button disabled={f.busy}>Seal exhibit</Button>
    </form>
  );
}

export function ReturnForm({ exhibit, onDone }: { exhibit: ExhibitDetail; onDone: Said }) {
  const f = useHandling(exhibit, 'return', ['location', 'reason'], onDone);
  const [v, setV] = useState({ location: '', reason: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['location', v.location.trim().length < 2 && 'Enter where it was returned to'], ['reason', v.reason.trim().length < 3 && 'Enter why']]))) return;
    const body: RecordHandling = { kind: 'returned', location: v.location.trim(), reason: v.reason.trim() };
    if (await f.record(body, `Returned to ${v.location.trim()}.`)) setV({ location: '', reason: '' });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="return-title">
      <h3 className="govuk-heading-s" id="return-title">Return to store</h3>
      <ErrorSummary errors={f.errors} />
      <TextField id={f.id('location')} label="Where it was returned to" hint="For example: evidence store, locker 3" value={v.location} onChange={set('location')} error={f.field('location')} width="30" />
      <TextareaField id={f.id('reason')} label="Why" value={v.reason} onChange={set('reason')} rows={2} error={f.field('reason')} />
      <Button disabled={f.busy}>Return to store</Button>
    </form>
  );
}

/** For the person it was handed to only: receive it, or refuse it, and sign either way. */
export function ReceiveForm({ exhibit, onDone }: { exhibit: ExhibitDetail; onDone: Said }) {
  const f = useHandling(exhibit, 'receive', ['location', 'reason', 'signaturePng'], onDone);
  const pad = useRef<SignaturePadHandle>(null);
  const [v, setV] = useState({ location: 'CCTV control room', reason: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const pending = exhibit.pendingHandover!;
  const from = exhibit.events.find((e) => e.seq === pending.seq)?.actor.name;
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const kind = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'rejected' ? 'rejected' : 'received';
    const signaturePng = pad.current?.toPng();
    if (!f.check(fieldErrors([
      ['location', v.location.trim().length < 2 && 'Enter where you received it'],
      ['reason', kind === 'rejected' && v.reason.trim().length < 3 && 'Enter why you are refusing it'],
      ['signaturePng', !signaturePng && 'Sign in the box, or type your name and choose “Sign with my typed name”'],
    ]))) return;
    const body: RecordHandling = { kind, location: v.location.trim(), reason: v.reason.trim(), signaturePng: signaturePng! };
    if (await f.record(body, kind === 'received' ? 'Received. The exhibit is now with you.' : 'Refused. The exhibit stays with the person who handed it over.')) pad.current?.clear();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="receive-title" className="vigil-receive">
      <h2 className="govuk-heading-m" id="receive-title">Receive this exhibit</h2>
      <p className="govuk-body">
        {from ? `${from} handed` : 'It was handed'} this exhibit to you on {formatDateTime(pending.at, { seconds: true })}. The hand-over is complete only when you receive it and sign.
        If what you were given is not what is described here, refuse it and say why.
      </p>
      <ErrorSummary errors={f.errors} />
      <TextField id={f.id('location')} label="Where you received it" value={v.location} onChange={set('location')} error={f.field('location')} width="30" />
      <TextareaField id={f.id('reason')} label="Note" hint="Optional when you receive it; say why if you refuse it" value={v.reason} onChange={set('reason')} rows={2} error={f.field('reason')} />
      <SignaturePad id={f.id('signaturePng')} error={f.field('signaturePng')} ref={pad} />
      <div className="govuk-button-group">
        <Button name="kind" value="received" disabled={f.busy}>Receive exhibit</Button>
        <Button name="kind" value="rejected" variant="warning" disabled={f.busy}>Refuse exhibit</Button>
      </div>
    </form>
  );
}
