import type { RequestSummary } from '../../../domain/requests/contract';

const COLOURS: Record<RequestSummary['clock']['state'], string> = { running: 'govuk-tag--blue', due_soon: 'govuk-tag--yellow', overdue: 'govuk-tag--red', paused: 'govuk-tag--grey', closed: 'govuk-tag--grey' };

/** A request's clock in words ("3 working days left", "Overdue by 2 days"), coloured by its state; the words carry it, not the colour. */
export function ClockTag({ clock }: { clock: RequestSummary['clock'] }) {
  return <strong className={`govuk-tag ${COLOURS[clock.state]}`}>{clock.label}</strong>;
}
