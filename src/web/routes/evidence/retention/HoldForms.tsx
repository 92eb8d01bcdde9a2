import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { PlaceHold, ReleaseHold } from '../../../../domain/evidence/retention';
import { placeHold, releaseHold } from '../../../api/evidenceRetention';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button } from '../../../components/fields';
import type { FormErrors } from '../../../lib/errors';
import { TextareaField } from '../../occurrences/Radios';
import { checkWith, prefixedErrors, writeErrors } from './retentionForms';

// Placing and releasing a legal hold, each a reason and a button. For the exhibit page (the lead
// mounts PlaceHoldForm there with { exhibitId }) and the holds page.

function ReasonForm({ prefix, label, hint, button, schema, send, onDone }: {
  prefix: string; label: string; hint: string; button: string; schema: typeof PlaceHold | typeof ReleaseHold;
  send: (body: { reason: string }) => Promise<unknown>; onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = checkWith(schema, { reason });
    if ('errors' in checked) { setErrors(prefixedErrors(checked.errors, prefix)); return; }
    setBusy(true);
    try {
      await send(checked.body);
      setErrors(undefined);
      setReason('');
      // Holds show on the exhibit page, the holds and review lists, and in recordings' deletion dates.
      await Promise.all(['evidence', 'exhibit', 'recordings'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      onDone();
    } catch (err) {
      setErrors(writeErrors(err, { prefix, fields: ['reason'], fallback: 'reason' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <TextareaField id={`${prefix}-reason`} label={label} hint={hint} error={errors?.fields[`${prefix}-reason`]} value={reason} onChange={setReason} />
      <Button type="submit" variant="secondary" disabled={busy}>{button}</Button>
    </form>
  );
}

/** A legal hold on an exhibit or a recording: nothing of it is destroyed until the hold is released. */
export function PlaceHoldForm({ subject, onDone = () => undefined }: { subject: { exhibitId: string } | { recordingId: string }; onDone?: () => void }) {
  const id = 'exhibitId' in subject ? subject.exhibitId : subject.recordingId;
  return <ReasonForm prefix={`hold-${id}`} label="Why it must be kept" hint="For example: the crime reference and who asked for it to be kept."
    button="Place a legal hold" schema={PlaceHold} send={(body) => placeHold(subject, body)} onDone={onDone} />;
}

export function ReleaseHoldForm({ holdId, what, onDone = () => undefined }: { holdId: string; what: string; onDone?: () => void }) {
  return <ReasonForm prefix={`release-${holdId}`} label={`Why the hold on ${what} can end`} hint="Retention applies again from the next nightly run."
    button="Release the hold" schema={ReleaseHold} send={(body) => releaseHold(holdId, body)} onDone={onDone} />;
}
