import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { checkSettingsQuery, updateCheckSettings } from '../../../api/checks';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { formErrorsFrom, type FormErrors } from '../../../lib/errors';
import { SETTINGS_FIELDS, draftOf, readSettings, type SettingsDraft } from './settingsForm';

/** When the shifts' rounds open, how far a recorder's clock may drift, and when an unfinished round is flagged. */
export function CheckSettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery(checkSettingsQuery);
  const [draft, setDraft] = useState<SettingsDraft>();
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useTitle('Daily check settings', { error: !!errors });
  useEffect(() => { if (settings.data && draft === undefined) setDraft(draftOf(settings.data)); }, [settings.data, draft]);
  const set = (key: keyof SettingsDraft) => (v: string) => setDraft((d) => d && { ...d, [key]: v });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const read = readSettings(draft);
    if ('errors' in read) { setErrors(read.errors); return; }
    setBusy(true);
    try {
      queryClient.setQueryData(checkSettingsQuery.queryKey, await updateCheckSettings(read.settings));
      setErrors(undefined);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: [...SETTINGS_FIELDS], fallbackField: 'dayStartsAt' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved && <NotificationBanner success heading="Daily check settings saved">
          <p className="govuk-body">Rounds opened from now on use them; a round already open keeps its shift. The change is in the audit trail with the old and new values.</p>
        </NotificationBanner>}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Daily check settings</h1>
        <p className="govuk-body">Each shift the operators check every camera and the control room’s equipment. These settings say when each shift’s round opens, how far a recorder’s clock may be out before it fails, and when supervisors see a round not finished.</p>
        {settings.isError && <p className="govuk-body">The settings could not be loaded. {settings.error.message}</p>}
        {!draft ? (settings.isPending && <p className="govuk-body">Loading…</p>) : (
          <form onSubmit={submit} noValidate>
            <TextField id="dayStartsAt" label="Day shift starts at" hint="24-hour clock, UK time, for example 07:00" width="5" value={draft.dayStartsAt} onChange={set('dayStartsAt')} error={errors?.fields.dayStartsAt} autoComplete="off" spellCheck={false} />
            <TextField id="nightStartsAt" label="Night shift starts at" hint="After the day shift, for example 19:00" width="5" value={draft.nightStartsAt} onChange={set('nightStartsAt')} error={errors?.fields.nightStartsAt} autoComplete="off" spellCheck={false} />
            <TextField id="clockToleranceSeconds" label="Recorder clock tolerance, in seconds" hint="A recorder’s clock further out than this fails its check: 1 to 600" inputMode="numeric" width="4" value={draft.clockToleranceSeconds} onChange={set('clockToleranceSeconds')} error={errors?.fields.clockToleranceSeconds} />
            <TextField id="dueWithinMinutes" label="Flag an unfinished round after, in minutes" hint="How long into the shift a round may stay unfinished before supervisors see it overdue: 0 to 720" inputMode="numeric" width="4" value={draft.dueWithinMinutes} onChange={set('dueWithinMinutes')} error={errors?.fields.dueWithinMinutes} />
            <Button type="submit" disabled={busy}>Save settings</Button>
          </form>
        )}
      </div>
    </div>
  );
}
