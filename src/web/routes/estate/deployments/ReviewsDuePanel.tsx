import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { reviewsDueQuery } from '../../../api/deployments';
import { ReviewTag } from './tags';

/** The coordinator's home-page panel of mobile deployments whose review is due or overdue; nothing when none is. */
export function ReviewsDuePanel() {
  const due = useQuery(reviewsDueQuery);
  if (!due.data?.items.length) return null;
  const { overdue, dueSoon, items } = due.data;
  const takeDown = items.filter((d) => d.reviewStatus === 'removal_due').length;
  const counts = [takeDown && `${takeDown} to take down`, overdue && `${overdue} overdue`, dueSoon && `${dueSoon} due soon`].filter(Boolean).join(', ');
  return (
    <section className="govuk-notification-banner" role="region" aria-labelledby="reviews-due-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="reviews-due-title">Mobile camera reviews</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-heading-s">Reviews due ({counts})</h3>
        <ul className="govuk-list govuk-list--bullet">
          {items.map((d) => (
            <li key={d.id}>
              <Link className="govuk-link" to="/estate/deployments/$id" params={{ id: d.id }}>{d.reference}</Link>
              {' '}{d.camera ? `camera ${d.camera.reference} ` : ''}at {d.locationText}: <ReviewTag deployment={d} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
