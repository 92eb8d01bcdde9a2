import { formatUkDay } from '../../../domain/calendar/london';
import { PAUSE_REASONS, type RequestDetail } from '../../../domain/requests/contract';
import { Row } from '../evidence/SummaryRow';
import type { PageClock } from './clockOnPage';
import { ClockTag } from './tags';

/**
 * The request's clock, worked out in the browser (clockOnPage) on the council's calendar: due date,
 * days left, a stopped clock, a SAR's extension deadline, a data-protection complaint's acknowledgement
 * day, and the working behind the date.
 */
export function ClockPanel({ request: r, clock }: { request: RequestDetail; clock: PageClock | undefined }) {
  const open = r.pauses.find((p) => p.to === null);
  return (
    <section aria-labelledby="clock-title">
      <h2 className="govuk-heading-m" id="clock-title">Clock</h2>
      {!clock ? <p className="govuk-body">Working out the due date…</p> : (
        <>
          <p className="govuk-body"><ClockTag state={clock.state} label={clock.label} /></p>
          <dl className="govuk-summary-list">
            <Row label="Due">
              {clock.due ? formatUkDay(clock.due) : 'Not counted while the clock is stopped'}
              {clock.due && clock.state !== 'closed' && <span className="govuk-body-s"> ({clock.unit})</span>}
            </Row>
            {open && <Row label="Clock stopped">{PAUSE_REASONS[open.reason]} since {formatUkDay(open.from)}: the due date moves on by the days it stays stopped.</Row>}
            {r.pauses.filter((p) => p.to !== null).map((p) => (
              <Row key={p.id} label="Stopped before">{PAUSE_REASONS[p.reason]}, {formatUkDay(p.from)} to {formatUkDay(p.to!)}</Row>
            ))}
            {r.type === 'sar' && clock.extensionNoticeBy && (
              <Row label="Extension">{r.extended ? `Extended; the requester was told on ${formatUkDay(r.extensionNotifiedOn ?? undefined)}` : `To extend, tell the requester by ${formatUkDay(clock.extensionNoticeBy)}`}</Row>
            )}
            {r.type !== 'sar' && r.extended && <Row label="Extension">Extended{r.extensionNotifiedOn ? `; the requester was told on ${formatUkDay(r.extensionNotifiedOn)}` : ''}</Row>}
            {clock.acknowledgeBy && <Row label="Acknowledge by">{formatUkDay(clock.acknowledgeBy)} (a data-protection complaint: within 30 days)</Row>}
          </dl>
          {clock.due !== r.clock.due && clock.state !== 'paused' && (
            <p className="govuk-body-s">The register holds {r.clock.due ? formatUkDay(r.clock.due) : 'no due date'}; the date above is worked out again on today’s calendar.</p>
          )}
          <details className="govuk-details">
            <summary className="govuk-details__summary"><span className="govuk-details__summary-text">How the due date is worked out</span></summary>
            <div className="govuk-details__text">
              <ol className="govuk-list govuk-list--number">{clock.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
