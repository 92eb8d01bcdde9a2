import { Link } from '@tanstack/react-router';
import type { ClockState } from '../../../domain/requests/clock';
import { STATUSES, type RequestSummary } from '../../../domain/requests/contract';
import { REQUEST_TYPE_SHORT } from '../../../domain/requests/workflow';
import { formatUkDay } from '../../../domain/calendar/london';

// Pieces every requests page shows: a clock's tag, and a request as a table row.

const TAG_COLOUR: Record<ClockState, string> = { overdue: 'red', due_soon: 'yellow', paused: 'grey', running: 'green', closed: 'grey' };

/** The clock's label as a GOV.UK tag, coloured by its state (overdue red, due soon yellow, running green, stopped or closed grey). */
export function ClockTag({ state, label }: { state: ClockState; label: string }) {
  return <strong className={`govuk-tag govuk-tag--${TAG_COLOUR[state]}`} style={{ maxWidth: 'none' }}>{label}</strong>;
}

export const REQUEST_COLUMNS = [
  { name: 'Reference', sort: 'reference' }, { name: 'Type' }, { name: 'Requester' }, { name: 'Received', sort: 'received' },
  { name: 'Status' }, { name: 'Owner' }, { name: 'Due', sort: 'due' }, { name: 'Clock' },
] as const;

/** One request in a table: reference (its page), type, requester, received, status, owner, due date and clock. */
export function RequestRow({ request: r }: { request: RequestSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/requests/$id" params={{ id: r.id }}>{r.reference}</Link></td>
      <td className="govuk-table__cell">{REQUEST_TYPE_SHORT[r.type]}{r.extended ? ' (extended)' : ''}</td>
      <td className="govuk-table__cell">{r.requester.name}{r.requester.organisation && <><br /><span className="govuk-body-s">{r.requester.organisation}</span></>}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatUkDay(r.receivedOn)}</td>
      <td className="govuk-table__cell">{STATUSES[r.status]}</td>
      <td className="govuk-table__cell">{r.owner?.name ?? <span className="govuk-body-s">No owner</span>}</td>
      <td className="govuk-table__cell vigil-nowrap">{r.clock.due ? formatUkDay(r.clock.due) : '–'}</td>
      <td className="govuk-table__cell"><ClockTag state={r.clock.state} label={r.clock.label} /></td>
    </tr>
  );
}
