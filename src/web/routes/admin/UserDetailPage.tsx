import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { updateUser, userQuery } from '../../api/users';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import type { FormErrors } from '../../lib/errors';
import { roleName } from '../../lib/roles';
import { formatDateTime } from '../../../domain/calendar/london';
import { NotFoundPage } from '../errors/NotFound';
import { UserActions } from './UserActions';
import { UserForm } from './UserForm';
import { UserStatusTag } from './UserStatus';

export function UserDetailPage({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const user = useQuery(userQuery(userId));
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(0);
  useTitle(user.data?.displayName ?? 'User', { error: !!errors });

  if (user.isPending) return <p className="govuk-body">Loading…</p>;
  if (user.isError) {
    if (isApiError(user.error) && user.error.status === 404) return <NotFoundPage />;
    return <p className="govuk-body">This user could not be loaded. {user.error.message}</p>;
  }
  const u = user.data;
  const rows: Array<[string, React.ReactNode]> = [
    ['Username', u.username],
    ['Status', <UserStatusTag user={u} key="s" />],
    ['Roles', u.roles.map(roleName).join(', ')],
    ['Organisation', u.organisation.name],
    ['Team', u.team?.name ?? 'None'],
    ['Email address', u.email || 'None'],
    ['Two-factor authentication', u.mfaEnabled ? 'On' : 'Off'],
    ['Last signed in', u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'],
    ...(u.lockedUntil && new Date(u.lockedUntil) > new Date() ? [['Locked until', formatDateTime(u.lockedUntil)] as [string, string]] : []),
    ['Created', formatDateTime(u.createdAt)],
  ];

  return (
    <>
      <Link className="govuk-back-link" to="/admin/users">Back to users</Link>
      {saved > 0 && !errors && (
        <NotificationBanner success key={saved}>
          <p className="govuk-notification-banner__heading">Changes saved.</p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">User</span>
      <h1 className="govuk-heading-l">{u.displayName}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            {rows.map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
          <UserActions user={u} />
          <UserForm
            key={u.id}
            user={u}
            heading={<h2 className="govuk-heading-m">Change details</h2>}
            submitLabel="Save changes"
            onErrors={setErrors}
            save={async (input) => {
              const updated = await updateUser(u.id, input);
              queryClient.setQueryData(['user', u.id], updated);
              await queryClient.invalidateQueries({ queryKey: ['users'] });
              setSaved((n) => n + 1);
              window.scrollTo(0, 0);
            }}
          />
        </div>
      </div>
    </>
  );
}
