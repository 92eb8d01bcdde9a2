import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { createUser } from '../../api/users';
import type { User } from '../../api/types';
import { OneTimePassword } from '../../components/Secret';
import { useTitle } from '../../components/useTitle';
import type { FormErrors } from '../../lib/errors';
import { UserForm } from './UserForm';

export function UserNewPage() {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>();
  const [created, setCreated] = useState<{ user: User; oneTimePassword: string }>();
  const [formKey, setFormKey] = useState(0);
  useTitle(created ? 'User created' : 'Create a user', { error: !!errors });

  if (created) {
    const { user, oneTimePassword } = created;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l" tabIndex={-1} ref={(el) => el?.focus()}>User created: {user.displayName}</h1>
          <OneTimePassword username={user.username} password={oneTimePassword} />
          <p className="govuk-body">
            Give this one-time password to {user.displayName} in person or by phone, not by email. It is shown only
            once. They must choose their own password when they first sign in.
          </p>
          <ul className="govuk-list">
            <li><Link className="govuk-link" to="/admin/users/$userId" params={{ userId: user.id }}>View {user.displayName}</Link></li>
            <li><Link className="govuk-link" to="/admin/users">Back to users</Link></li>
            <li>
              <button type="button" className="vigil-link-button" onClick={() => { setCreated(undefined); setFormKey((k) => k + 1); }}>
                Create another user
              </button>
            </li>
          </ul>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/admin/users">Back to users</Link>
        <UserForm
          heading={<h1 className="govuk-heading-l">Create a user</h1>}
          key={formKey}
          submitLabel="Create user"
          onErrors={setErrors}
          save={async (input) => {
            const result = await createUser({ ...input, username: input.username ?? '' });
            await queryClient.invalidateQueries({ queryKey: ['users'] });
            setCreated(result);
          }}
        />
      </div>
    </div>
  );
}
