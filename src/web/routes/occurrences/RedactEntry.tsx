import { useState } from 'react';
import { redactEntry } from '../../api/shared';
import type { Entry } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from './Radios';
import { useOccurrenceForm } from './useOccurrenceForm';

/** "Personal data redacted on … by …" under an entry whose text was redacted (the council sees why; partners do not). */
export function RedactionNote({ entry }: { entry: Pick<Entry, 'redactions'> }) {
  if (!entry.redactions?.length) return null;
  return (
    <>
      {entry.redactions.map((r, i) => (
        <p className="govuk-body-s govuk-!-margin-bottom-1" key={i}>
          <strong className="govuk-tag govuk-tag--purple">Redacted</strong> Personal data redacted on {formatDateTime(r.redactedAt)} by {r.by}
          {r.reason && <>. Reason: {r.reason}</>}
        </p>
      ))}
    </>
  );
}

/**
 * A supervisor removes personal data typed into one entry: they type the words as they appear (every
 * appearance becomes "[redacted]") and why. Out of the way in a details element until wanted.
 */
export function RedactEntry({ occurrenceId, entry }: { occurrenceId: string; entry: Pick<Entry, 'id' | 'seq'> }) {
  const f = useOccurrenceForm(occurrenceId, `redact-${entry.seq}`, ['remove', 'reason'], 'remove');
  const [remove, setRemove] = useState('');
  const [reason, setReason] = useState('');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([
      ['remove', !remove.trim() && 'Enter the words to remove, as they appear in the entry'],
      ['reason', !reason.trim() && 'Enter why they are being removed'],
    ]))) return;
    const ok = await f.run(() => redactEntry(occurrenceId, entry.id, { remove: remove.trim(), reason: reason.trim() }), `Entry ${entry.seq} redacted.`);
    if (ok) { setRemove(''); setReason(''); }
  };

  return (
    <details className="govuk-details govuk-!-margin-bottom-1 govuk-!-margin-top-1">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Redact personal data from entry {entry.seq}</span></summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate aria-label={`Redact personal data from entry ${entry.seq}`}>
          <ErrorSummary errors={f.errors} />
          <TextField id={f.id('remove')} label="Words to remove" value={remove} onChange={setRemove} error={f.field('remove')} autoComplete="off" spellCheck={false}
            hint="A name, phone number or address, typed as it appears in the entry. Every appearance becomes [redacted]; the original is not kept." />
          <TextareaField id={f.id('reason')} label="Why they are being removed" value={reason} onChange={setReason} rows={2} error={f.field('reason')} />
          <Button disabled={f.busy} variant="warning">Redact</Button>
        </form>
      </div>
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
    </details>
  );
}
