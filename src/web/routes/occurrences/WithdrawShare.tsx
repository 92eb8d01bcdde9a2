import { useState } from 'react';
import { withdrawShare } from '../../api/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { TextareaField } from './Radios';
import { useOccurrenceForm } from './useOccurrenceForm';

/** Ends a share, with a reason (audited): the partner no longer finds or opens the occurrence. Out of the way until wanted. */
export function WithdrawShare({ occurrenceId, partner, onDone }: { occurrenceId: string; partner: { id: string; name: string }; onDone: (message: string) => void }) {
  const f = useOccurrenceForm(occurrenceId, `withdraw-${partner.id}`, ['reason'], 'reason');
  const [reason, setReason] = useState('');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['reason', !reason.trim() && 'Enter why the share is being withdrawn']]))) return;
    // Once withdrawn, the partner leaves the list (and this form with it): the message shows beside the list.
    const message = `Share with ${partner.name} withdrawn. They no longer see this occurrence.`;
    if (await f.run(() => withdrawShare(occurrenceId, partner.id, { reason: reason.trim() }), message)) onDone(message);
  };
  return (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Withdraw the share with {partner.name}</span></summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate aria-label={`Withdraw the share with ${partner.name}`}>
          <ErrorSummary errors={f.errors} />
          <TextareaField id={f.id('reason')} label="Why the share is being withdrawn" hint="Recorded in the audit trail. The partner no longer sees the occurrence." value={reason} onChange={setReason} rows={2} error={f.field('reason')} />
          <Button disabled={f.busy} variant="warning">Withdraw share</Button>
        </form>
      </div>
    </details>
  );
}
