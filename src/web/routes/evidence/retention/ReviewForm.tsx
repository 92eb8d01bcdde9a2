import { useState } from 'react';
import { formatDate } from '../../../../domain/calendar/london';
import { RecordReview } from '../../../../domain/evidence/retention';
import { recordReview } from '../../../api/evidenceRetention';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button } from '../../../components/fields';
import type { FormErrors } from '../../../lib/errors';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { checkWith, prefixedErrors, writeErrors } from './retentionForms';

const OPTIONS = [{ value: 'keep', label: 'Keep it until the next review' }, { value: 'destroy', label: 'Destroy it' }];
const DECISION_HINT = 'A destroyed exhibit’s masters and copies are removed by tonight’s retention run, each recorded in the destruction register and in its continuity.';

/** A reviewer's decision on one exhibit: keep (until the next review) or destroy, with the reason. */
export function ReviewForm({ exhibit, onDone }: { exhibit: { id: string; reference: string }; onDone: (message: string) => void }) {
  const prefix = `review-${exhibit.id}`;
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = checkWith(RecordReview, { decision: decision || undefined, reason });
    if ('errors' in checked) { setErrors(prefixedErrors(checked.errors, prefix)); return; }
    setBusy(true);
    try {
      const r = await recordReview(exhibit.id, checked.body);
      setErrors(undefined);
      onDone(r.decision === 'keep'
        ? `${exhibit.reference} is kept. It comes up for review again on ${formatDate(r.nextReviewAt!)}.`
        : `${exhibit.reference} will be destroyed by tonight’s retention run.`);
    } catch (err) {
      setErrors(writeErrors(err, { prefix, fields: ['decision', 'reason'], fallback: 'decision' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Review of ${exhibit.reference}`}>
      <ErrorSummary errors={errors} />
      <RadiosField id={`${prefix}-decision`} legend={`Decision on ${exhibit.reference}`} hint={DECISION_HINT} error={errors?.fields[`${prefix}-decision`]} value={decision} onChange={setDecision} options={OPTIONS} />
      <TextareaField id={`${prefix}-reason`} label="Reason" hint="For example: the case was closed with no further action." error={errors?.fields[`${prefix}-reason`]} value={reason} onChange={setReason} />
      <Button type="submit" disabled={busy}>Record the decision</Button>
    </form>
  );
}
