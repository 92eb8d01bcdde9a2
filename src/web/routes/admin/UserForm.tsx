import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { organisationsQuery, rolesQuery, teamsQuery, type UserInput } from '../../api/users';
import { isRoleCode } from '../../../domain/users/roles';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../components/fields';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';

const FIELDS = ['username', 'displayName', 'email', 'organisationId', 'teamId', 'roles'];

/** Create or edit a user. `save` throws the API's error; the form shows it beside the fields. */
export function UserForm({ user, submitLabel, save, onErrors, heading }: {
  user?: User;
  /** Shown below the error summary, above the fields. */
  heading?: ReactNode;
  submitLabel: string;
  save: (input: UserInput) => Promise<void>;
  onErrors?: (errors: FormErrors | undefined) => void;
}) {
  const organisations = useQuery(organisationsQuery);
  const teams = useQuery(teamsQuery);
  const roles = useQuery(rolesQuery);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [organisationId, setOrganisationId] = useState(user?.organisation.id ?? '');
  const [teamId, setTeamId] = useState(user?.team?.id ?? '');
  const [selectedRoles, setSelectedRoles] = useState<string[]>(user?.roles ?? []);
  const [errors, setErrorsState] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const setErrors = (e: FormErrors | undefined) => {
    setErrorsState(e);
    onErrors?.(e);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = fieldErrors([
      ['username', !user && !username.trim() && 'Enter a username'],
      ['displayName', !displayName.trim() && 'Enter the person’s name as colleagues know it'],
      ['email', !!email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && 'Enter an email address in the correct format, like name@example.gov.uk'],
      ['organisationId', !organisationId && 'Select an organisation'],
      ['roles', selectedRoles.length === 0 && 'Select at least one role'],
    ]);
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      await save({
        ...(user ? {} : { username: username.trim() }),
        displayName: displayName.trim(),
        email: email.trim() || undefined,
        organisationId,
        teamId: teamId || (user ? null : undefined),
        roles: selectedRoles.filter(isRoleCode),
      });
      setErrors(undefined);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: FIELDS, fallbackField: user ? 'displayName' : 'username' }));
    } finally {
      setBusy(false);
    }
  };

  const orgOptions = [{ value: '', label: 'Select an organisation' }, ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.isExternal ? `${o.name} (external)` : o.name }))];
  const teamOptions = [{ value: '', label: 'No team' }, ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))];
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.role, label: r.external ? `${r.name}` : r.name, hint: r.description }));

  return (
    <>
      <ErrorSummary errors={errors} />
      {heading}
      <form onSubmit={submit} noValidate>
        {!user && (
          <TextField
            id="username"
            label="Username"
            hint="What they type to sign in, for example jsmith. It cannot be changed later."
            value={username}
            onChange={setUsername}
            error={errors?.fields.username}
            autoComplete="off"
            spellCheck={false}
            width="20"
          />
        )}
        <TextField id="displayName" label="Display name" hint="Their name as colleagues know it." value={displayName} onChange={setDisplayName} error={errors?.fields.displayName} autoComplete="off" width="30" />
        <TextField id="email" label="Email address" hint="Optional. Used for notifications." type="email" value={email} onChange={setEmail} error={errors?.fields.email} autoComplete="off" spellCheck={false} width="30" />
        <SelectField id="organisationId" label="Organisation" value={organisationId} onChange={setOrganisationId} options={orgOptions} error={errors?.fields.organisationId} />
        <SelectField id="teamId" label="Team" hint="Optional." value={teamId} onChange={setTeamId} options={teamOptions} error={errors?.fields.teamId} />
        {roles.isPending ? (
          <p className="govuk-body">Loading roles…</p>
        ) : (
          <CheckboxesField
            id="roles"
            legend="Roles"
            hint="Select all that apply. External roles (contractor, partner agency) cannot be combined with council roles."
            values={selectedRoles}
            onChange={setSelectedRoles}
            options={roleOptions}
            error={errors?.fields.roles}
          />
        )}
        <Button disabled={busy}>{submitLabel}</Button>
      </form>
    </>
  );
}
