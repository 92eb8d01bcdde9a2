import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { personalDataReviewQuery, removePersonalData, type PersonalDataReviewItem } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from './Radios';

/**
 * Personal data flagged for review: where it is and when retention will remove it, never the names
 * (those stay behind the audited "Show names" on the occurrence). A supervisor may remove an item
 * now, giving a reason; an item held by evidence or a request stays.
 */
export function PersonalDataReviewPage({ session }: { session: Session }) {
  const review = useQuery(personalDataReviewQuery);
  const [removing, setRemoving] = useState<PersonalDataReviewItem>();
  const [removed, setRemoved] = useState<string>();
  const [hasErrors, setHasErrors] = useState(false);
  useTitle('Personal data review', { error: hasErrors });
  const canOpen = can(session, 'occurrences.read');

  const start = (item: PersonalDataReviewItem) => {
    setRemoved(undefined);
    setHasErrors(false);
    setRemoving(item);
  };
  const stop = (item: PersonalDataReviewItem) => {
    setRemoving(undefined);
    setHasErrors(false);
    // Back to its button; if a hold has since taken the button away, to the page's heading.
    setTimeout(() => (document.getElementById(`remove-${item.id}`) ?? document.querySelector<HTMLElement>('h1'))?.focus());
  };

  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1}>Personal data review</h1>
      {removed && <NotificationBanner success heading={removed} />}
      {review.data && (
        <p className="govuk-body">
          Names and other personal data in occurrences are flagged for review after {review.data.reviewDays} days and removed after {review.data.removalDays} days,
          unless the occurrence is held by evidence or a request. The names are not shown here: open the occurrence and choose Show names (recorded in the audit trail).
        </p>
      )}
      {review.isPending && <p className="govuk-body">Loading…</p>}
      {review.isError && <p className="govuk-body">The review list could not be loaded. {review.error.message}</p>}

      {removing && (
        // Keyed by the item: another item's form starts empty, never with this one's reason.
        <RemoveForm key={removing.id} item={removing} onCancel={() => stop(removing)} onErrors={setHasErrors}
          onRemoved={(message) => { setRemoving(undefined); setHasErrors(false); setRemoved(message); }} />
      )}

      {review.data && review.data.items.length === 0 && <p className="govuk-body">Nothing is waiting for review.</p>}
      {review.data && review.data.items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {review.data.total === 1 ? '1 item' : `${review.data.total} items`} flagged for review
            {review.data.total > review.data.items.length && <span className="govuk-caption-m">The oldest {review.data.items.length} are shown.</span>}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Occurrence</th>
              <th scope="col" className="govuk-table__header">Recorded</th>
              <th scope="col" className="govuk-table__header">Flagged for review</th>
              <th scope="col" className="govuk-table__header">To be removed</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {review.data.items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <th scope="row" className="govuk-table__header">
                  {canOpen ? <Link className="govuk-link" to="/occurrences/$id" params={{ id: item.occurrence.id }}>{item.occurrence.reference}</Link> : item.occurrence.reference}
                </th>
                <td className="govuk-table__cell">{formatDateTime(item.recordedAt)}</td>
                <td className="govuk-table__cell">{formatDateTime(item.flaggedAt)}</td>
                <td className="govuk-table__cell">
                  {item.held ? <strong className="govuk-tag govuk-tag--yellow">Held</strong> : formatDate(item.removalDueAt)}
                </td>
                <td className="govuk-table__cell">
                  {!item.held && (
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id={`remove-${item.id}`}
                      onClick={() => start(item)} aria-expanded={removing?.id === item.id}>
                      Remove now<span className="govuk-visually-hidden">: {item.occurrence.reference}, recorded {formatDateTime(item.recordedAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RemoveForm({ item, onCancel, onRemoved, onErrors }: {
  item: PersonalDataReviewItem;
  onCancel: () => void;
  onRemoved: (message: string) => void;
  onErrors: (has: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), [item.id]);
  const show = (e: FormErrors | undefined) => { setErrors(e); onErrors(!!e); };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const invalid = fieldErrors([['reason', (!text && 'Enter why it is being removed') || (text.length < 3 && 'Enter why it is being removed (at least 3 characters)')]]);
    show(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const r = await removePersonalData(item.occurrence.id, item.id, { reason: text });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['personal-data-review'] }),
        queryClient.invalidateQueries({ queryKey: ['occurrence', item.occurrence.id] }),
      ]);
      onRemoved(`Personal data recorded ${formatDateTime(item.recordedAt)} removed from ${r.reference}.`);
    } catch (err) {
      show(formErrorsFrom(err, { fields: ['reason'] }));
      await queryClient.invalidateQueries({ queryKey: ['personal-data-review'] }); // a hold may have arrived
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="remove-title" className="vigil-confirm">
      <h2 className="govuk-heading-m" id="remove-title" ref={heading} tabIndex={-1}>Remove personal data from {item.occurrence.reference} now</h2>
      <ErrorSummary errors={errors} />
      <p className="govuk-body">Recorded {formatDateTime(item.recordedAt)}. The name and details are removed for good; the occurrence’s log records the removal.</p>
      <TextareaField id="reason" label="Why it is being removed" hint="For example, reviewed: no longer needed for the matter. Do not include names." value={reason}
        onChange={setReason} rows={2} error={errors?.fields.reason} />
      <div className="govuk-button-group">
        <Button variant="warning" disabled={busy}>Remove personal data</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
