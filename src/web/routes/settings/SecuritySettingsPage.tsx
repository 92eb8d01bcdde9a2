import { useEffect, useState } from 'react';
import { isRoleCode } from '../../../domain/users/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { rolesQuery } from '../../api/users';
import { securitySettingsQuery, updateSecuritySettings } from '../../api/settings';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { formErrorsFrom, type FormErrors } from '../../lib/errors';

/** Which roles must use two-factor authentication. Changes apply from each user's next sign-in. */
export function SecuritySettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery(securitySettingsQuery);
  const roles = useQuery(rolesQuery);
  const [selected, setSelected] = useState<string[]>();
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useTitle('Security settings', { error: !!errors });

  useEffect(() => {
    if (settings.data && selected === undefined) setSelected(settings.data.mfaRequiredRoles);
  }, [settings.data, selected]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const next = await updateSecuritySettings({ mfaRequiredRoles: (selected ?? []).filter(isRoleCode) });
      queryClient.setQueryData(securitySettingsQuery.queryKey, next);
      setErrors(undefined);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['mfaRequiredRoles'], fallbackField: 'mfaRequiredRoles' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success heading="Security settings saved">
          <p className="govuk-body">The change applies from each user’s next sign-in, and is recorded in the audit trail.</p>
        </NotificationBanner>}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Security settings</h1>
        {settings.isPending || roles.isPending || selected === undefined ? (
          <p className="govuk-body">Loading…</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <CheckboxesField
              id="mfaRequiredRoles"
              legend="Roles that must use two-factor authentication"
              hint="Users with any of these roles must set up an authenticator app before they can use Vigil. Require it for every role that can see footage or personal data."
              values={selected}
              onChange={setSelected}
              options={(roles.data ?? []).map((r) => ({ value: r.role, label: r.name }))}
              error={errors?.fields.mfaRequiredRoles}
            />
            <Button type="submit" disabled={busy}>Save settings</Button>
          </form>
        )}
      </div>
    </div>
  );
}
