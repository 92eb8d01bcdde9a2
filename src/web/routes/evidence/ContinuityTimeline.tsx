import { CONTINUITY_KINDS, continuityPdfHref, type ContinuityEvent } from '../../api/evidence';
import { formatDateTime } from '../../../domain/calendar/london';
import { labelOf } from '../../../domain/labels';
import { describeEventDetails, shortHash } from './words';

/**
 * Every handling of the exhibit, in order: who, when, where, why, and what it carried (a bag number,
 * who it was handed to, a signature's hash), each event hash-chained to the one before. The full
 * hashes are in each event's details, for reading out or comparing with the printed record.
 */
export function ContinuityTimeline({ exhibitId, events }: { exhibitId: string; events: ContinuityEvent[] }) {
  return (
    <section aria-labelledby="continuity-title">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id="continuity-title">Continuity</h2>
      <p className="govuk-body-s">
        Times are UK time. Events cannot be changed or removed: each carries the hash of the one before, so a missing or altered event is detected.{' '}
        <a className="govuk-link" href={continuityPdfHref(exhibitId)} target="_blank" rel="noreferrer">Continuity record (PDF, opens in a new tab)</a>
      </p>
      <ol className="govuk-list vigil-timeline" aria-labelledby="continuity-title">
        {events.map((e) => {
          const details = describeEventDetails(e.details);
          return (
            <li key={e.seq} className="vigil-timeline__entry" id={`event-${e.seq}`}>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong>{e.seq}. {labelOf(CONTINUITY_KINDS, e.kind)}</strong> – {formatDateTime(e.at, { seconds: true })} by {e.actor.name}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {e.location && <>Where: {e.location}. </>}
                {e.reason && <>Why: {e.reason}.</>}
              </p>
              {!!details.length && (
                <dl className="vigil-event-details govuk-body-s">
                  {details.map(([label, value]) => (
                    <div key={label}><dt>{label}</dt><dd className="vigil-break">{value}</dd></div>
                  ))}
                </dl>
              )}
              <details className="govuk-details govuk-!-margin-bottom-1">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Event hash <code title={e.hash}>{shortHash(e.hash)}</code><span className="govuk-visually-hidden"> of event {e.seq}</span></span>
                </summary>
                <div className="govuk-details__text govuk-body-s">
                  <p className="govuk-body-s govuk-!-margin-bottom-1">Event hash: <code className="vigil-hash">{e.hash}</code></p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">The item’s SHA-256 at that moment: <code className="vigil-hash">{e.itemSha256}</code></p>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
