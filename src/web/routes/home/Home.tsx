import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can, modulesQuery } from '../../api/auth';
import type { Session } from '../../api/types';
import { useTitle } from '../../components/useTitle';
import { roleNames } from '../../lib/roles';
import { SupervisorPanel } from '../occurrences/SupervisorPanel';
import { ChecksPanel } from '../estate/checks/ChecksPanel';
import { ReviewsDuePanel } from '../estate/deployments/ReviewsDuePanel';
import { FaultsAtRiskPanel } from '../maintenance/faults/FaultsAtRiskPanel';
import { ContractorPanel } from '../maintenance/contractor/ContractorPanel';

export function HomePage({ session }: { session: Session }) {
  useTitle('Home');
  const modules = useQuery(modulesQuery);
  const { user } = session;
  const work = modules.data?.filter((m) => m.group === 'work') ?? [];
  const admin = modules.data?.filter((m) => m.group === 'admin') ?? [];

  return (
    <>
      <h1 className="govuk-heading-xl">Welcome, {user.displayName}</h1>
      <p className="govuk-body-l">
        You are signed in as <strong>{user.username}</strong> ({roleNames(user.roles)}) for {user.organisation.name}.
      </p>

      {can(session, 'occurrences.supervise') && <SupervisorPanel />}
      {can(session, 'occurrences.supervise') && <ChecksPanel />}
      {can(session, 'estate.approve') && <ReviewsDuePanel />}
      {can(session, 'maintenance.manage') && <FaultsAtRiskPanel />}
      {can(session, 'maintenance.contract_work') && <ContractorPanel />}

      <h2 className="govuk-heading-m">Your work</h2>
      {modules.isPending && <p className="govuk-body">Loading your modules…</p>}
      {modules.isError && <p className="govuk-body">Your modules could not be loaded. {modules.error.message}</p>}
      {modules.isSuccess && work.length === 0 && <p className="govuk-body">There are no modules for your role yet.</p>}
      {work.length > 0 && (
        <ul className="vigil-cards">
          {work.map((m) => (
            <li className="vigil-card" key={m.key}>
              <h3 className="govuk-heading-s">
                <Link className="govuk-link" to={m.path}>{m.name}</Link>
              </h3>
              <p className="govuk-body-s">{m.description}</p>
            </li>
          ))}
        </ul>
      )}

      {admin.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Administration</h2>
          <ul className="vigil-cards">
            {admin.map((a) => (
              <li className="vigil-card" key={a.key}>
                <h3 className="govuk-heading-s">
                  <Link className="govuk-link" to={a.path}>{a.name}</Link>
                </h3>
                <p className="govuk-body-s">{a.description}</p>
              </li>
            ))}
          </ul>
        </>
      )}

      <p className="govuk-body">
        <Link className="govuk-link" to="/account">My account</Link> – change your password and two-factor authentication.
      </p>
    </>
  );
}
