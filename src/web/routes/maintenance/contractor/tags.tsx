import { formatDateTime } from '../../../../domain/calendar/london';
import { FAULT_STAGES, SLA_OUTCOMES, type FaultClock } from '../../../api/contractorFaults';

// The portal's small pieces: a fault's stage and an SLA clock's outcome, in words and colour.

const OUTCOME_COLOUR: Record<keyof typeof SLA_OUTCOMES, string> = {
  running: 'blue', warning: 'yellow', stopped: 'grey', breached: 'red', met: 'green', missed: 'red',
};
const STAGE_COLOUR: Record<keyof typeof FAULT_STAGES, string> = {
  reported: 'blue', attended: 'light-blue', awaiting_parts: 'yellow', fixed: 'turquoise', accepted: 'green',
};

export function StageTag({ stage }: { stage: keyof typeof FAULT_STAGES }) {
  return <strong className={`govuk-tag govuk-tag--${STAGE_COLOUR[stage]}`}>{FAULT_STAGES[stage]}</strong>;
}

export function OutcomeTag({ clock }: { clock: FaultClock }) {
  return <strong className={`govuk-tag govuk-tag--${OUTCOME_COLOUR[clock.outcome]}`}>{SLA_OUTCOMES[clock.outcome]}</strong>;
}

/** A clock in a table cell: its deadline (or why it has none) and its outcome. */
export function ClockCell({ clock, none }: { clock: FaultClock | null; none: string }) {
  if (!clock) return <>{none}</>;
  return (
    <>
      <span className="vigil-nowrap">{clock.deadline ? formatDateTime(clock.deadline) : 'Held by a clock stop'}</span>{' '}
      <OutcomeTag clock={clock} />
    </>
  );
}
