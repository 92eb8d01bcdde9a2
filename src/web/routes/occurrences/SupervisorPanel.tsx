import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { acknowledgeAlert, supervisorOverviewQuery } from '../../api/occurrences';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';

/** What needs a supervisor: handovers nobody has acknowledged, and alerts (a required step skipped), each acknowledged here. */
export function SupervisorPanel() {
  const overview = useQuery({ ...supervisorOverviewQuery, refetchInterval: 30_000 });
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState<string>();
  const acknowledge = async (id: string, message: string) => {
    setBusy(id);
    try {
      await acknowledgeAlert(id);
      setStatus({ ok: true, text: `Alert acknowledged: ${message}` });
      await queryClient.invalidateQueries({ queryKey: supervisorOverviewQuery.queryKey });
    } catch (err) {
      setStatus({ ok: false, text: `The alert could not be acknowledged. ${errorMessage(err)}` });
    } finally {
      setBusy(undefined);
    }
  };
  // Said where a screen reader hears it, and kept on screen when the last alert goes.
  const said = <p className={`govuk-body${status?.ok === false ? ' govuk-error-message' : ''}`} role="status">{status?.text}</p>;
  if (!overview.data) return said;
  const { unacknowledgedHandovers: handovers, alerts } = overview.data;
  if (!handovers.length && !alerts.length) return said;
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
                <li key={h.id}>From {h.from}{h.to && ` to ${h.to.kind === 'team' ? `the ${h.to.name} team` : h.to.name}`} at {formatDateTime(h.createdAt)}: {h.occurrenceCount} occurrences, {h.actionCount} actions.{' '}
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
                  {a.occurrence && <Link className="govuk-link" to="/occurrences/$id" params={{ id: a.occurrence.id }}>Open {a.occurrence.reference}</Link>}{' '}
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button"
                    disabled={busy === a.id} aria-label={`Acknowledge alert: ${a.message}`} onClick={() => void acknowledge(a.id, a.message)}>
                    Acknowledge
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {said}
      </div>
    </section>
  );
}
