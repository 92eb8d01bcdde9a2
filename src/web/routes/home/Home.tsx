import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can, modulesQuery } from '../../api/auth';
import type { Session } from '../../api/types';
import { useTitle } from '../../components/useTitle';
import { roleNames } from '../../lib/roles';
import { SupervisorPanel } from '../occurrences/SupervisorPanel';

export function HomePage({ session }: { session: Session }) {
  useTitle('Home');
  const modules = useQuery(modulesQuery);
  const { user } = session;
  const admin = [
    can(session, 'users.manage') && { to: '/admin/users' as const, name: 'Users', description: 'Create accounts, set roles, reset passwords and two-factor authentication, unlock accounts.' },
    can(session, 'settings.manage') && { to: '/admin/security' as const, name: 'Security settings', description: 'Choose which roles must use two-factor authentication.' },
    can(session, 'settings.manage') && { to: '/admin/procedures' as const, name: 'Procedures', description: 'The steps operators follow for each category of occurrence.' },
    can(session, 'audit.read') && { to: '/audit' as const, name: 'Audit trail', description: 'Who did what and when, exported as CSV, with a check that the record has not been altered.' },
  ].filter((x) => !!x);

  return (
    <>
      <h1 className="govuk-heading-xl">Welcome, {user.displayName}</h1>
      <p className="govuk-body-l">
        You are signed in as <strong>{user.username}</strong> ({roleNames(user.roles)}) for {user.organisation.name}.
      </p>

      {can(session, 'occurrences.supervise') && <SupervisorPanel />}

      <h2 className="govuk-heading-m">Your work</h2>
      {modules.isPending && <p className="govuk-body">Loading your modules…</p>}
      {modules.isError && <p className="govuk-body">Your modules could not be loaded. {modules.error.message}</p>}
      {modules.data?.length === 0 && <p className="govuk-body">There are no modules for your role yet.</p>}
      {!!modules.data?.length && (
        <ul className="vigil-cards">
          {modules.data.map((m) => (
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
              <li className="vigil-card" key={a.to}>
                <h3 className="govuk-heading-s">
                  <Link className="govuk-link" to={a.to}>{a.name}</Link>
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
