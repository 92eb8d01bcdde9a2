import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_RETENTION_LIMITS, ROUTINE_CLASS } from '../../../domain/evidence/retention';
import { evidenceRetentionSettingsQuery, updateEvidenceRetentionSettings } from '../../api/evidenceRetention';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, ErrorMessage, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { formErrorsFrom, type FormErrors } from '../../lib/errors';
import { cellId, CLASSES_ID, draftOf, MONTHS_ID, parseDraft, serverErrors, type ClassDraft, type RetentionDraft } from './evidenceRetentionForm';

const CELLS = [
  { cell: 'key', label: 'Key', width: 'govuk-input--width-10' },
  { cell: 'name', label: 'Name', width: 'govuk-input--width-20' },
  { cell: 'days', label: 'Days kept', width: 'govuk-input--width-4' },
] as const;

/** One cell of the classes table: a labelled input (the label hidden, the column says it) with its error. */
function Cell({ index, cell, label, width, value, error, onChange }: {
  index: number; cell: 'key' | 'name' | 'days'; label: string; width: string; value: string; error?: string; onChange: (v: string) => void;
}) {
  const id = cellId(index, cell);
  return (
    <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-visually-hidden" htmlFor={id}>{`${label}, class ${index + 1}`}</label>
      <ErrorMessage id={id} message={error} />
      <input className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`} id={id} name={id} value={value} inputMode={cell === 'days' ? 'numeric' : 'text'}
        spellCheck={false} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/**
 * How long footage and exhibits are kept: the classes recordings are kept by (days after they came
 * in, unless made an exhibit or held) and how often exhibits are reviewed once nothing linked to
 * them is open. A class recordings are still in cannot be removed (the server says which).
 */
export function EvidenceRetentionSection() {
  const queryClient = useQueryClient();
  const settings = useQuery(evidenceRetentionSettingsQuery);
  const [draft, setDraft] = useState<RetentionDraft>();
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data && draft === undefined) setDraft(draftOf(settings.data));
  }, [settings.data, draft]);

  const setClass = (i: number, patch: Partial<ClassDraft>) => setDraft((d) => d && { ...d, classes: d.classes.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const parsed = parseDraft(draft);
    if ('errors' in parsed) { setErrors(parsed.errors); return; }
    setBusy(true);
    try {
      const next = await updateEvidenceRetentionSettings(parsed.settings);
      queryClient.setQueryData(evidenceRetentionSettingsQuery.queryKey, next);
      setDraft(draftOf(next));
      setErrors(undefined);
      setSaved(true);
    } catch (err) {
      setErrors(isApiError(err) && err.fieldErrors.length ? serverErrors(err.fieldErrors) : formErrorsFrom(err, { fallbackField: CLASSES_ID }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="evidence-retention-heading">
      {saved && <NotificationBanner success heading="Evidence retention saved">
        <p className="govuk-body">The next nightly run uses the new periods. The change is recorded in the audit trail, with the old and new values.</p>
      </NotificationBanner>}
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m" id="evidence-retention-heading">Footage and exhibits</h2>
      <p className="govuk-body">
        Footage that is not made an exhibit is destroyed when the period of its class ends, unless a legal hold keeps it. Each destruction is recorded
        (what, its SHA-256, why, when and under which rule) before the file is removed. Exhibits are kept while anything linked to them is open,
        then come up for review.
      </p>
      {settings.isPending || !draft ? <p className="govuk-body">Loading…</p> : (
        <form onSubmit={submit} noValidate>
          <div className={`govuk-form-group${errors?.fields[CLASSES_ID] ? ' govuk-form-group--error' : ''}`}>
            <table className="govuk-table" id={CLASSES_ID} tabIndex={-1}>
              <caption className="govuk-table__caption govuk-table__caption--s">Retention classes of footage</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {CELLS.map((c) => <th key={c.cell} scope="col" className="govuk-table__header">{c.label}</th>)}
                  <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {draft.classes.map((c, i) => (
                  <tr className="govuk-table__row" key={i}>
                    {CELLS.map(({ cell, label, width }) => (
                      <td className="govuk-table__cell" key={cell}>
                        {cell === 'key' && !c.isNew ? <code id={cellId(i, 'key')}>{c.key}</code> : (
                          <Cell index={i} cell={cell} label={label} width={width} value={c[cell]} error={errors?.fields[cellId(i, cell)]} onChange={(v) => setClass(i, { [cell]: v })} />
                        )}
                      </td>
                    ))}
                    <td className="govuk-table__cell">
                      {c.key !== ROUTINE_CLASS || c.isNew ? (
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          onClick={() => { setErrors(undefined); setDraft({ ...draft, classes: draft.classes.filter((_, j) => j !== i) }); }}>
                          Remove<span className="govuk-visually-hidden"> class {c.name || i + 1}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ErrorMessage id={CLASSES_ID} message={errors?.fields[CLASSES_ID]} />
          </div>
          {draft.classes.length < EVIDENCE_RETENTION_LIMITS.classes && (
            <Button type="button" variant="secondary" onClick={() => setDraft({ ...draft, classes: [...draft.classes, { key: '', name: '', days: '', isNew: true }] })}>Add a class</Button>
          )}
          <TextField id={MONTHS_ID} label="Exhibit review period, in months" inputMode="numeric" width="3" value={draft.months} error={errors?.fields[MONTHS_ID]}
            onChange={(v) => setDraft({ ...draft, months: v })}
            hint={`How long after the last linked occurrence closed (or a reviewer decided to keep it) an exhibit comes up for review: ${EVIDENCE_RETENTION_LIMITS.reviewMonths.min} to ${EVIDENCE_RETENTION_LIMITS.reviewMonths.max} months.`} />
          <p className="govuk-body govuk-hint">
            Days kept: {EVIDENCE_RETENTION_LIMITS.days.min} to {EVIDENCE_RETENTION_LIMITS.days.max}. Councils commonly keep routine public-space footage 28 to 31 days.
            A key is lower-case letters, digits and underscores; it cannot be changed once saved.
          </p>
          <Button type="submit" disabled={busy}>Save evidence retention</Button>
        </form>
      )}
    </section>
  );
}
