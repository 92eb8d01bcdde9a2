import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { supervisorOverviewQuery } from '../../api/occurrences';
import { formatDateTime } from '../../../domain/calendar/london';

/** What needs a supervisor: handovers nobody has acknowledged, and alerts (a required step skipped). */
export function SupervisorPanel() {
  const overview = useQuery({ ...supervisorOverviewQuery, refetchInterval: 30_000 });
  if (!overview.data) return null;
  const { unacknowledgedHandovers: handovers, alerts } = overview.data;
  if (!handovers.length && !alerts.length) return null;
  return (
    <section className="govuk-notification-banner" role="region" aria-labelledby="supervisor-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="supervisor-title">For the supervisor</h2>
      </div>
      <div className="govuk-notification-banner__content">
        {handovers.length > 0 && (
          <>
            <h3 className="govuk-heading-s">Handovers not acknowledged ({handovers.length})</h3>
            <ul className="govuk-list govuk-list--bullet">
              {handovers.map((h) => (
                <li key={h.id}>From {h.from} at {formatDateTime(h.createdAt)}: {h.occurrenceCount} occurrences, {h.actionCount} actions.{' '}
                  <Link className="govuk-link" to="/occurrences/handover">See handovers</Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {alerts.length > 0 && (
          <>
            <h3 className="govuk-heading-s">Alerts ({alerts.length})</h3>
            <ul className="govuk-list govuk-list--bullet">
              {alerts.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.createdAt)}: {a.message}{' '}
                  {a.occurrence && <Link className="govuk-link" to="/occurrences/$id" params={{ id: a.occurrence.id }}>Open {a.occurrence.reference}</Link>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
