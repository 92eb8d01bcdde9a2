import type { FaultClock, FaultEvent } from '../../../../domain/maintenance/faultContract';
import { FAULT_STEPS } from '../../../../domain/maintenance/faults';
import { PRIORITIES, SLA_STOP_REASONS } from '../../../../domain/maintenance/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { OUTCOME_TAGS } from './clock';

// Pieces of a fault both the council's pages and the contractor's portal can show: a clock's tag,
// the clock in a list cell, and the timeline of steps. They take only what every party's view holds.

/** A clock's outcome as a tag in words. */
export function SlaTag({ outcome }: { outcome: FaultClock['outcome'] }) {
  const tag = OUTCOME_TAGS[outcome];
  return <strong className={`govuk-tag govuk-tag--${tag.colour}`} style={{ maxWidth: 'none' }}>{tag.text}</strong>;
}

/** A clock in a list cell: its tag, and its deadline (or when it was done). `name` says which clock for screen readers. */
export function ClockCell({ clock, name }: { clock: FaultClock | null; name: string }) {
  if (!clock) return <span className="govuk-body-s">No clock<span className="govuk-visually-hidden"> for the {name}: not yet prioritised on a contract</span></span>;
  const done = clock.doneAt;
  return (
    <>
      <span className="govuk-visually-hidden">{name}: </span><SlaTag outcome={clock.outcome} />
      <br />
      <span className="govuk-body-s vigil-nowrap">
        {done ? `done ${formatDateTime(done)}` : clock.deadline ? `due ${formatDateTime(clock.deadline)}` : 'deadline held by a clock stop'}
      </span>
    </>
  );
}

/**
 * The fault's history, oldest first: each step's kind, when, who, and what it carried. `photoHref`
 * gives the address a photo is read from (the council's and the contractor's routes differ).
 */
export function FaultTimeline({ events, photoHref }: { events: readonly FaultEvent[]; photoHref: (sha256: string) => string }) {
  if (!events.length) return <p className="govuk-body">Nothing has been recorded yet.</p>;
  return (
    <ol className="govuk-list vigil-timeline" aria-label="The fault’s history, oldest first">
      {events.map((e) => (
        <li key={e.seq} className="govuk-!-margin-bottom-4" style={{ borderLeft: '4px solid #b1b4b6', paddingLeft: '0.75rem' }}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{FAULT_STEPS[e.kind]}</h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {formatDateTime(e.at)}{e.by ? ` by ${e.by.name}, ${e.by.organisation}` : ''}
            {e.recordedAt !== e.at && Math.abs(new Date(e.recordedAt).getTime() - new Date(e.at).getTime()) > 60_000 ? ` (recorded ${formatDateTime(e.recordedAt)})` : ''}
          </p>
          {e.priority && <p className="govuk-body-s govuk-!-margin-bottom-1">Priority: {PRIORITIES[e.priority]}</p>}
          {e.stopReason && <p className="govuk-body-s govuk-!-margin-bottom-1">Reason: {SLA_STOP_REASONS[e.stopReason]}</p>}
          {e.part && <p className="govuk-body-s govuk-!-margin-bottom-1">Part used: {e.part.quantity} × {e.part.description}</p>}
          {e.note && <p className="govuk-body-s govuk-!-margin-bottom-1 vigil-prewrap">{e.note}</p>}
          {e.photoSha256 && (
            <a className="govuk-link" href={photoHref(e.photoSha256)} target="_blank" rel="noreferrer">
              <img src={photoHref(e.photoSha256)} alt={`Photo added ${formatDateTime(e.at)}${e.note ? `: ${e.note}` : ''} (opens full size in a new tab)`}
                style={{ maxWidth: '12rem', maxHeight: '9rem', border: '1px solid #b1b4b6' }} loading="lazy" />
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
