import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDate } from '../../../../domain/calendar/london';
import { REVIEW_DECISIONS } from '../../../../domain/evidence/retention';
import { reviewsDueQuery } from '../../../api/evidenceRetention';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { ReviewForm } from './ReviewForm';

/**
 * Exhibits due for review: nothing linked to them is open any more and the review period has
 * passed (or the date a "keep" set). Each can be kept until the next review or destroyed; what
 * would stop its destruction (a hold, a package) is said beside it.
 */
export function ReviewsDuePage({ page = 1 }: { page?: number }) {
  const queryClient = useQueryClient();
  const due = useQuery(reviewsDueQuery(page));
  const [done, setDone] = useState<string>();
  useTitle('Exhibits due for review');

  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1}>Exhibits due for review</h1>
      {done && <NotificationBanner success heading={done} />}
      <p className="govuk-body">
        An exhibit is kept while an occurrence linked to it is open. Once all are closed it comes up for review after the review period:
        keep it until the next review, or destroy it. A legal hold or a disclosure package stops its destruction.
      </p>
      {due.isPending && <p className="govuk-body">Loading…</p>}
      {due.isError && <p className="govuk-body">The list could not be loaded. {due.error.message}</p>}
      {due.data && due.data.items.length === 0 && <p className="govuk-body">No exhibit is due for review.</p>}
      {due.data?.items.map((item) => (
        <section className="govuk-summary-card" key={item.exhibit.id} aria-labelledby={`due-${item.exhibit.id}`}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title" id={`due-${item.exhibit.id}`}>
              <Link className="govuk-link" to="/evidence/exhibits/$id" params={{ id: item.exhibit.id }}>{item.exhibit.reference}</Link>
            </h2>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">{item.exhibit.description}</p>
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Review due</dt><dd className="govuk-summary-list__value">{formatDate(item.reviewDueAt)}</dd></div>
              <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Made</dt><dd className="govuk-summary-list__value">{formatDate(item.createdAt)}</dd></div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Occurrences</dt>
                <dd className="govuk-summary-list__value">{item.occurrences.length ? item.occurrences.map((o) => `${o.reference} (closed ${o.closedAt ? formatDate(o.closedAt) : '—'})`).join(', ') : 'None linked'}</dd>
              </div>
              {item.lastReview && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Last review</dt>
                  <dd className="govuk-summary-list__value">{`${REVIEW_DECISIONS[item.lastReview.decision]} (${item.lastReview.decidedBy.name}, ${formatDate(item.lastReview.decidedAt)}): ${item.lastReview.reason}`}</dd>
                </div>
              )}
            </dl>
            {item.lastReview?.decision === 'destroy' && (
              <p className="govuk-body"><strong className="govuk-tag govuk-tag--orange">Waiting to be destroyed</strong> by the nightly retention run. A new decision to keep it stops that.</p>
            )}
            {item.obstacles.length > 0 && (
              <div className="govuk-inset-text">
                <p className="govuk-body">It cannot be destroyed now:</p>
                <ul className="govuk-list govuk-list--bullet">{item.obstacles.map((o) => <li key={o}>{o}</li>)}</ul>
              </div>
            )}
            <ReviewForm exhibit={item.exhibit} onDone={(message) => { setDone(message); void queryClient.invalidateQueries({ queryKey: ['evidence', 'reviews-due'] }); }} />
          </div>
        </section>
      ))}
      {due.data && due.data.total > due.data.pageSize && (
        <p className="govuk-body">
          Showing {due.data.items.length} of {due.data.total}.{' '}
          {page > 1 && <Link className="govuk-link" to="/evidence/reviews" search={{ page: page - 1 } as never}>Previous page</Link>}{' '}
          {page * due.data.pageSize < due.data.total && <Link className="govuk-link" to="/evidence/reviews" search={{ page: page + 1 } as never}>Next page</Link>}
        </p>
      )}
    </>
  );
}
