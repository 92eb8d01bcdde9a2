import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { faultsAtRiskQuery } from '../../../api/maintenanceFaults';
import { atRiskWords } from './search';
import { urgentClock } from './clock';
import { SlaTag } from './tags';
import { formatDateTime } from '../../../../domain/calendar/london';

const SHOWN = 10;

/** The coordinator's home-page panel of open faults whose clocks are at risk or breached, and fixes awaiting acceptance; nothing when none. */
export function FaultsAtRiskPanel() {
  const risk = useQuery(faultsAtRiskQuery);
  if (!risk.data) return null;
  const { breached, atRisk, awaitingAcceptance, items } = risk.data;
  if (!items.length && !awaitingAcceptance) return null;
  return (
    <section className="govuk-notification-banner" role="region" aria-labelledby="faults-at-risk-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="faults-at-risk-title">Faults at risk</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-body">{atRiskWords(risk.data)}</p>
        {items.length > 0 && (
          <ul className="govuk-list govuk-list--bullet">
            {items.slice(0, SHOWN).map((f) => {
              const urgent = urgentClock(f.response, f.fix);
              return (
                <li key={f.id}>
                  <Link className="govuk-link" to="/maintenance/faults/$id" params={{ id: f.id }}>{f.reference}</Link>
                  {' '}{f.targetRef.reference} {f.targetRef.name}{f.priority ? ` (${f.priority})` : ''}
                  {urgent && <>: {urgent.name.toLowerCase()} <SlaTag outcome={urgent.clock.outcome} />{urgent.clock.deadline ? `, due ${formatDateTime(urgent.clock.deadline)}` : ''}</>}
                </li>
              );
            })}
          </ul>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/maintenance" search={{ sla: 'at_risk', state: 'open' }}>{breached + atRisk > SHOWN ? 'All faults at risk' : 'Faults at risk in the list'}</Link>
          {awaitingAcceptance > 0 && <>{' · '}<Link className="govuk-link" to="/maintenance" search={{ stage: 'fixed' }}>Fixes awaiting acceptance</Link></>}
        </p>
      </div>
    </section>
  );
}
