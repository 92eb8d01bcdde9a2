import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PLACEHOLDERS, renderLetter, templateProblems, type LetterKey, type LetterValues } from '../../../domain/requests/letters';
import { letterTemplatesQuery, saveLetterTemplate, type LetterTemplateView } from '../../api/requestLetters';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { formErrorsFrom, type FormErrors } from '../../lib/errors';

/** Example values for the preview: what a letter for a subject access request might say. */
const EXAMPLE: LetterValues = {
  reference: 'REQ-2026-000123', requesterName: 'Alex Example', receivedOn: '2/3/2026', dueOn: '2/4/2026', extendedDueOn: '2/6/2026',
  extensionReason: 'the footage covers six cameras and many hours', officerName: 'Sam Officer', councilName: 'the council', today: '3/3/2026',
  requestKind: 'subject access request', summary: 'Footage of me outside the station on Friday night', whatWeNeed: 'proof of your identity',
  rightToComplain: 'You also have the right to complain to the Information Commissioner’s Office (ICO)…',
};

/** Administrators keep the wording of the letters to requesters: each save is a new version; letters use the latest. */
export function LetterTemplatesPage() {
  const templates = useQuery(letterTemplatesQuery);
  useTitle('Letter templates');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Letter templates</h1>
        <p className="govuk-body">The letters officers generate for a request. Write a placeholder as <code>{'{{name}}'}</code>: it is filled in from the request when the letter is made. Each save is kept as a new version.</p>
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Placeholders you can use</span></summary>
          <div className="govuk-details__text">
            <dl className="govuk-summary-list">
              {Object.entries(PLACEHOLDERS).map(([name, description]) => (
                <div key={name} className="govuk-summary-list__row"><dt className="govuk-summary-list__key"><code>{`{{${name}}}`}</code></dt><dd className="govuk-summary-list__value">{description}</dd></div>
              ))}
            </dl>
          </div>
        </details>
        {templates.isPending ? <p className="govuk-body">Loading…</p> : templates.data?.items.map((t) => <TemplateForm key={t.key} template={t} />)}
      </div>
    </div>
  );
}

function TemplateForm({ template }: { template: LetterTemplateView }) {
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `${template.key}-${f}`;
  const local = templateProblems({ subject, body });
  const preview = local.length ? undefined : renderLetter({ subject, body }, EXAMPLE);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (local.length) {
      setErrors({ summary: local.map((p) => ({ field: id(p.path), text: p.message })), fields: Object.fromEntries(local.map((p) => [p.path, p.message])) });
      return;
    }
    setBusy(true);
    try {
      await saveLetterTemplate(template.key as LetterKey, { subject, body });
      setErrors(undefined);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: letterTemplatesQuery.queryKey });
    } catch (err) {
      const e = formErrorsFrom(err, { fields: ['subject', 'body'], fallbackField: 'body' });
      setErrors({ ...e, summary: e.summary.map((s) => ({ ...s, field: s.field ? id(s.field) : undefined })) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={id('heading')} className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-m" id={id('heading')}>{template.name}</h2>
      <p className="govuk-body-s">{template.version ? `Version ${template.version}, saved ${template.updatedBy ? `by ${template.updatedBy}` : ''}` : 'The wording shipped with Vigil'}</p>
      {saved && <NotificationBanner success heading="Template saved"><p className="govuk-body">Letters made from now on use this wording.</p></NotificationBanner>}
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextField id={id('subject')} label="Subject" value={subject} onChange={setSubject} error={errors?.fields.subject} />
          <div className={`govuk-form-group${errors?.fields.body ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={id('body')}>Letter</label>
            {errors?.fields.body && <p id={`${id('body')}-error`} className="govuk-error-message">{errors.fields.body}</p>}
            <textarea className="govuk-textarea" id={id('body')} rows={18} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby={errors?.fields.body ? `${id('body')}-error` : undefined} />
          </div>
          <Button type="submit" disabled={busy}>Save a new version</Button>{' '}
          <Button type="button" variant="secondary" onClick={() => { setSubject(template.defaults.subject); setBody(template.defaults.body); }}>Start from the shipped wording</Button>
        </div>
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Preview (example values)</h3>
          {preview ? (
            <div className="govuk-inset-text" aria-live="polite">
              <p className="govuk-body"><strong>{preview.subject}</strong></p>
              {preview.body.split(/\n{2,}/).map((p, i) => <p key={i} className="govuk-body" style={{ whiteSpace: 'pre-line' }}>{p}</p>)}
            </div>
          ) : <p className="govuk-error-message">{local.map((p) => p.message).join(' ')}</p>}
        </div>
      </div>
    </form>
  );
}
