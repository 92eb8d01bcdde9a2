import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../../domain/calendar/london';
import { holdsQuery } from '../../../api/evidenceRetention';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { ReleaseHoldForm } from './HoldForms';

/** Legal holds in force: what each keeps, why, who placed it; those who manage evidence may release one. */
export function HoldsPage({ canManage }: { canManage: boolean }) {
  const holds = useQuery(holdsQuery);
  const [released, setReleased] = useState<string>();
  useTitle('Legal holds');
  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1}>Legal holds</h1>
      {released && <NotificationBanner success heading={`The hold on ${released} is released`} />}
      <p className="govuk-body">Nothing a hold names is destroyed, by its retention period or on review, until the hold is released.</p>
      {holds.isPending && <p className="govuk-body">Loading…</p>}
      {holds.isError && <p className="govuk-body">The holds could not be loaded. {holds.error.message}</p>}
      {holds.data && holds.data.items.length === 0 && <p className="govuk-body">No hold is in force.</p>}
      {holds.data?.items.map((h) => {
        const what = h.exhibit ? `exhibit ${h.exhibit.reference}` : `recording ${h.recording?.reference ?? ''}`;
        return (
          <section className="govuk-summary-card" key={h.id} aria-labelledby={`hold-${h.id}-title`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`hold-${h.id}-title`}>
                {h.exhibit ? <Link className="govuk-link" to="/evidence/exhibits/$id" params={{ id: h.exhibit.id }}>Exhibit {h.exhibit.reference}</Link> : `Recording ${h.recording?.reference}`}
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body">{h.reason}</p>
              <p className="govuk-body-s">Placed by {h.placedBy.name}, {formatDateTime(h.placedAt)}</p>
              {canManage && <ReleaseHoldForm holdId={h.id} what={what} onDone={() => setReleased(what)} />}
            </div>
          </section>
        );
      })}
    </>
  );
}
