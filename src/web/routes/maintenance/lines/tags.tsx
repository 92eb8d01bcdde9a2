import { CONTRACT_END_STATUSES, isContractEndFlagged, type Line } from '../../../api/maintenanceLines';
import { formatUkDay } from '../../../../domain/calendar/london';
import { daysLeftWords } from './search';

/** The contract end: the date, and when it has passed or is within 90 days a tag in words. */
export function ContractEnd({ line: l }: { line: Pick<Line, 'contractEndsOn' | 'contractEnd'> }) {
  if (!l.contractEndsOn) return <>{CONTRACT_END_STATUSES.none}</>;
  const flagged = isContractEndFlagged(l.contractEnd.status);
  return (
    <>
      <span className="vigil-nowrap">{formatUkDay(l.contractEndsOn)}</span>
      {flagged && (
        <>
          <br />
          <strong className={`govuk-tag govuk-tag--${l.contractEnd.status === 'ended' ? 'red' : 'yellow'}`} style={{ maxWidth: 'none' }}>
            {CONTRACT_END_STATUSES[l.contractEnd.status]}
          </strong>{' '}
          <span className="govuk-body-s">{daysLeftWords(l.contractEnd.daysLeft)}</span>
        </>
      )}
    </>
  );
}

export const LineFaultTag = () => <strong className="govuk-tag govuk-tag--red" style={{ maxWidth: 'none' }}>Line fault</strong>;
