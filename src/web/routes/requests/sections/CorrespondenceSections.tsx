import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { CORRESPONDENCE_CHANNELS, DIRECTIONS } from '../../../../domain/requests/correspondence';
import { LETTER_KEYS, LETTER_NAMES, type LetterKey } from '../../../../domain/requests/letters';
import { formatDateTime, parseUkDate } from '../../../../domain/calendar/london';
import { attachmentHref, correspondenceQuery, generateLetter, letterPdfHref, recordCorrespondence, type CorrespondenceItem } from '../../../api/requestLetters';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../../lib/errors';

/**
 * The correspondence part of a request's page: letters, e-mails and calls in and out with their
 * files, a form to record one, and letters generated from the council's templates (kept as PDFs,
 * e-mailed to the requester if asked).
 */
export function CorrespondenceSections({ request, onChanged }: { request: RequestDetail; onChanged: () => void }) {
  const list = useQuery(correspondenceQuery(request.id));
  const queryClient = useQueryClient();
  const refresh = async () => { await queryClient.invalidateQueries({ queryKey: correspondenceQuery(request.id).queryKey }); onChanged(); };
  return (
    <section aria-labelledby="correspondence-heading">
      <h2 className="govuk-heading-m" id="correspondence-heading">Correspondence</h2>
      {list.isPending ? <p className="govuk-body">Loading…</p> : <CorrespondenceTable requestId={request.id} items={list.data?.items ?? []} />}
      <GenerateLetterForm request={request} onDone={refresh} />
      <RecordForm requestId={request.id} onDone={refresh} />
    </section>
  );
}

function CorrespondenceTable({ requestId, items }: { requestId: string; items: CorrespondenceItem[] }) {
  if (!items.length) return <p className="govuk-body">Nothing received or sent yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Letters, e-mails and calls about this request, oldest first</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        {['When', 'In or out', 'How', 'Subject', 'Files'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
      </tr></thead>
      <tbody className="govuk-table__body">
        {items.map((i) => (
          <tr key={i.id} className="govuk-table__row">
            <td className="govuk-table__cell">{formatDateTime(i.at)}</td>
            <td className="govuk-table__cell">{DIRECTIONS[i.direction]}</td>
            <td className="govuk-table__cell">{CORRESPONDENCE_CHANNELS[i.channel as keyof typeof CORRESPONDENCE_CHANNELS] ?? i.channel}
              {i.emailState === 'sent' && <> (e-mailed)</>}
              {i.emailState === 'failed' && <strong className="govuk-tag govuk-tag--red">E-mail failed{i.emailError ? `: ${i.emailError}` : ''}</strong>}
            </td>
            <td className="govuk-table__cell">{i.subject}{i.counterpart && <span className="govuk-hint govuk-!-margin-0">{i.direction === 'in' ? 'From' : 'To'} {i.counterpart}</span>}</td>
            <td className="govuk-table__cell">
              <ul className="govuk-list">
                {i.letter && <li><a className="govuk-link" href={letterPdfHref(requestId, i.id)} target="_blank" rel="noreferrer">Letter (PDF)</a></li>}
                {!i.letter && i.attachments.map((a) => <li key={a.sha256}><a className="govuk-link" href={attachmentHref(requestId, i.id, a.sha256)}>{a.name}</a></li>)}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GenerateLetterForm({ request, onDone }: { request: RequestDetail; onDone: () => Promise<void> }) {
  const [letter, setLetter] = useState<LetterKey>('acknowledgement');
  const [send, setSend] = useState<'email' | 'none'>('none');
  const [errors, setErrors] = useState<FormErrors>();
  const [made, setMade] = useState<CorrespondenceItem>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const item = await generateLetter(request.id, { letter, send });
      setMade(item);
      setErrors(undefined);
      await onDone();
    } catch (err) {
      setErrors(formErrorsFrom(err, { fields: ['letter', 'send'], fallbackField: 'letter' }));
    } finally {
      setBusy(false);
    }
  };
  const options = LETTER_KEYS.filter((k) => k !== 'extension' || request.extended).map((k) => ({ value: k, label: LETTER_NAMES[k] }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="generate-letter-heading">
      <h3 className="govuk-heading-s" id="generate-letter-heading">Generate a letter</h3>
      {made && <NotificationBanner success heading="Letter made">
        <p className="govuk-body">{made.emailState === 'sent' ? 'It was e-mailed to the requester with the PDF attached. ' : made.emailState === 'failed' ? 'It could not be e-mailed: download it and send it another way. ' : ''}
          <a className="govuk-link" href={letterPdfHref(request.id, made.id)} target="_blank" rel="noreferrer">Open the letter (PDF)</a></p>
      </NotificationBanner>}
      <ErrorSummary errors={errors} />
      <SelectField id="letter" label="Letter" hint={request.extended ? undefined : 'The extension letter is offered once the request is extended.'} value={letter} onChange={(v) => setLetter(v as LetterKey)} options={options} error={errors?.fields.letter} />
      <SelectField id="send" label="Send it" value={send} onChange={(v) => setSend(v as 'email' | 'none')} error={errors?.fields.send}
        options={[{ value: 'none', label: 'Keep it to download and post' }, { value: 'email', label: `E-mail it to the requester${request.requester.email ? ` (${request.requester.email})` : ''}` }]} />
      <Button type="submit" disabled={busy}>Generate letter</Button>
    </form>
  );
}

function RecordForm({ requestId, onDone }: { requestId: string; onDone: () => Promise<void> }) {
  const blank = { direction: 'in' as 'in' | 'out', channel: 'email' as keyof typeof CORRESPONDENCE_CHANNELS, subject: '', body: '', counterpart: '', on: '' };
  const [form, setForm] = useState(blank);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof blank) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    const on = form.on.trim() ? parseUkDate(form.on) : undefined;
    if (form.on.trim() && !on) {
      setErrors(fieldErrors([['on', 'Enter the day as a real date, like 3/12/2026']]));
      setBusy(false);
      return;
    }
    try {
      await recordCorrespondence(requestId, { ...form, on }, files);
      setForm(blank);
      setFiles([]);
      setErrors(undefined);
      setSaved(true);
      await onDone();
    } catch (err) {
      // What was typed stays in the form to correct.
      setErrors(formErrorsFrom(err, { fields: ['direction', 'channel', 'subject', 'body', 'counterpart', 'on', 'attachments'], fallbackField: 'attachments' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-correspondence-heading">
      <h3 className="govuk-heading-s" id="record-correspondence-heading">Record correspondence</h3>
      {saved && <NotificationBanner success heading="Correspondence recorded"><p className="govuk-body">It is in the list above and the request’s history.</p></NotificationBanner>}
      <ErrorSummary errors={errors} />
      <SelectField id="direction" label="Received or sent" value={form.direction} onChange={set('direction')} error={errors?.fields.direction} options={Object.entries(DIRECTIONS).map(([value, label]) => ({ value, label }))} />
      <SelectField id="channel" label="How" value={form.channel} onChange={set('channel')} error={errors?.fields.channel} options={Object.entries(CORRESPONDENCE_CHANNELS).map(([value, label]) => ({ value, label }))} />
      <TextField id="subject" label="Subject" value={form.subject} onChange={set('subject')} error={errors?.fields.subject} />
      <TextField id="counterpart" label="From or to" hint="Who wrote, rang or was written to" value={form.counterpart} onChange={set('counterpart')} error={errors?.fields.counterpart} />
      <TextField id="on" label="Day" hint="Leave blank for today; like 3/12/2026" value={form.on} onChange={set('on')} error={errors?.fields.on} width="10" autoComplete="off" spellCheck={false} />
      <div className={`govuk-form-group${errors?.fields.body ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="body">What it said</label>
        {errors?.fields.body && <p id="body-error" className="govuk-error-message">{errors.fields.body}</p>}
        <textarea className="govuk-textarea" id="body" rows={4} value={form.body} onChange={(e) => set('body')(e.target.value)} />
      </div>
      <div className={`govuk-form-group${errors?.fields.attachments ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="attachments">Files</label>
        <div id="attachments-hint" className="govuk-hint">PDF, JPEG or PNG images, text, Word (.docx) or e-mail (.eml) files, 20 MB each at most</div>
        {errors?.fields.attachments && <p id="attachments-error" className="govuk-error-message">{errors.fields.attachments}</p>}
        <input className="govuk-file-upload" id="attachments" type="file" multiple aria-describedby="attachments-hint"
          accept=".pdf,.jpg,.jpeg,.png,.txt,.docx,.eml" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>Record correspondence</Button>
    </form>
  );
}
