import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RETENTION_LIMITS, RetentionSettings } from '../../../domain/settings/contract';
import { retentionSettingsQuery, updateRetentionSettings } from '../../api/settings';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { EvidenceRetentionSection } from './EvidenceRetentionSection';

type Draft = { reviewDays: string; removalDays: string };
const FIELDS = ['reviewDays', 'removalDays'] as const;

/** A whole number as typed, or the text itself so that the contract's message says what is wrong. */
const asNumber = (typed: string) => (/^\s*\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : typed.trim() === '' ? undefined : typed);

/**
 * How long names and details recorded in the occurrence log are kept. Checked here with the
 * contract's own schema (the server checks again), so the messages are the same either way.
 */
export function RetentionSettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery(retentionSettingsQuery);
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useTitle('Retention settings', { error: !!errors });

  useEffect(() => {
    if (settings.data && draft === undefined) setDraft({ reviewDays: String(settings.data.reviewDays), removalDays: String(settings.data.removalDays) });
  }, [settings.data, draft]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const parsed = RetentionSettings.safeParse({ reviewDays: asNumber(draft.reviewDays), removalDays: asNumber(draft.removalDays) });
    if (!parsed.success) {
      setErrors(fieldErrors(FIELDS.map((f) => [f, parsed.error.issues.find((i) => i.path[0] === f)?.message])));
      return;
    }
    setBusy(true);
    try {
      const next = await updateRetentionSettings(parsed.data);
      queryClient.setQueryData(retentionSettingsQuery.queryKey, next);
      setErrors(undefined);
      setSaved(true);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: [...FIELDS], fallbackField: 'reviewDays' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {saved && <NotificationBanner success heading="Retention settings saved">
            <p className="govuk-body">The next nightly run uses the new ages. The change is recorded in the audit trail, with the old and new values.</p>
          </NotificationBanner>}
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Retention settings</h1>
          <p className="govuk-body">
            Names and identifying details recorded in the occurrence log are flagged for a supervisor’s review after the review age,
            and removed after the removal age, unless evidence or a request holds the occurrence. The rest of the log is kept.
          </p>
          {settings.isPending || !draft ? (
            <p className="govuk-body">Loading…</p>
          ) : (
            <form onSubmit={submit} noValidate>
              <TextField id="reviewDays" label="Review age, in days" inputMode="numeric" width="5" value={draft.reviewDays} error={errors?.fields.reviewDays}
                onChange={(v) => setDraft({ ...draft, reviewDays: v })}
                hint={`How old personal data is when it is flagged for review: ${RETENTION_LIMITS.reviewDays.min} to ${RETENTION_LIMITS.reviewDays.max} days. Councils commonly use 28 to 31.`} />
              <TextField id="removalDays" label="Removal age, in days" inputMode="numeric" width="5" value={draft.removalDays} error={errors?.fields.removalDays}
                onChange={(v) => setDraft({ ...draft, removalDays: v })}
                hint={`How old it is when it is removed: the same as the review age or longer, at most ${RETENTION_LIMITS.removalDays.max} days (10 years).`} />
              <Button type="submit" disabled={busy}>Save settings</Button>
            </form>
          )}
        </div>
      </div>
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full"><EvidenceRetentionSection /></div>
      </div>
    </>
  );
}
