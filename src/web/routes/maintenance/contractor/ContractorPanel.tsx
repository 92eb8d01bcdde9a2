import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { contractorFaultsQuery } from '../../../api/contractorFaults';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The contractor's home-page panel: their contract's open faults, and how many are breached or at risk. */
export function ContractorPanel() {
  const open = useQuery(contractorFaultsQuery({ state: 'open' }));
  const risk = useQuery(contractorFaultsQuery({ state: 'open', sla: 'at_risk' }));
  const breached = useQuery(contractorFaultsQuery({ state: 'open', sla: 'breached' }));
  if (open.isError) return <p className="govuk-body">Your contract’s faults could not be loaded. {open.error.message}</p>;
  if (!open.data) return null;
  const b = breached.data?.total ?? 0;
  const atRisk = Math.max(0, (risk.data?.total ?? 0) - b);
  return (
    <section aria-labelledby="contractor-panel-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="contractor-panel-title">Your contract’s faults</h2>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to="/contractor/faults">{count(open.data.total, 'open fault')}</Link></li>
        {risk.data && breached.data && (
          <>
            <li>{b > 0 ? <Link className="govuk-link" to="/contractor/faults" search={{ sla: 'breached' }}>{count(b, 'fault')} breached</Link> : 'None breached'}</li>
            <li>{atRisk > 0 ? <Link className="govuk-link" to="/contractor/faults" search={{ sla: 'at_risk' }}>{count(atRisk, 'fault')} at risk</Link> : 'None at risk'}</li>
          </>
        )}
      </ul>
    </section>
  );
}
