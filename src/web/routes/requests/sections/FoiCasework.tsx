import { useState } from 'react';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { applyExemptions, disclosureOf, exemptionsInForce, FOI_SECTION_LABELS, publicInterestTestRequired, recordDisclosure } from '../../../api/requestsCasework';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../../occurrences/Radios';

// An FOI request's casework: the exemptions applied (qualified ones with the public-interest test),
// and the answer released, for the public disclosure log.

type Props = { request: RequestDetail; onChanged: () => void; canManage: boolean };
type Section = keyof typeof FOI_SECTION_LABELS;

export function FoiCasework({ request, onChanged, canManage }: Props) {
  const applied = request.events.filter((e) => e.kind === 'exemption-applied');
  const inForce = exemptionsInForce(request.events);
  const logged = disclosureOf(request.events);
  const answered = request.status === 'responded' || request.status === 'refused';
  return (
    <section aria-labelledby="casework-foi-title">
      <h2 className="govuk-heading-m" id="casework-foi-title">FOI casework</h2>
      <h3 className="govuk-heading-s">Exemptions</h3>
      <p className="govuk-body">{inForce.length ? `In force: ${inForce.map((s) => FOI_SECTION_LABELS[s as Section] ?? s).join('; ')}.` : 'No exemption applied.'}</p>
      {applied.length > 0 && (
        <ol className="govuk-list govuk-list--number">
          {applied.map((e) => (
            <li key={e.seq}>
              Entry {e.seq}, {formatDateTime(e.at)}{e.by ? ` by ${e.by.name}` : ''}: {String(e.details.sections || 'none')}
              {e.correctsSeq ? ` (replaces entry ${e.correctsSeq})` : ''}{e.details.publicInterest ? `. Public interest: ${String(e.details.publicInterest)}` : ''}{e.details.note ? `. ${String(e.details.note)}` : ''}
            </li>
          ))}
        </ol>
      )}
      {canManage && <ExemptionsForm request={request} onChanged={onChanged} entries={applied.map((e) => e.seq)} />}
      <h3 className="govuk-heading-s">Disclosure log</h3>
      {logged ? <p className="govuk-body">“{logged.title}”: {logged.publish ? 'published in the disclosure log' : 'recorded, not published'}.</p> : <p className="govuk-body">No answer logged yet.</p>}
      {canManage && (answered ? <DisclosureForm request={request} onChanged={onChanged} /> : <p className="govuk-body">Log the answer once the request has been responded to.</p>)}
    </section>
  );
}

function ExemptionsForm({ request, onChanged, entries }: Omit<Props, 'canManage'> & { entries: number[] }) {
  const [sections, setSections] = useState<string[]>([]);
  const [publicInterest, setPublicInterest] = useState('');
  const [note, setNote] = useState('');
  const [corrects, setCorrects] = useState('');
  const form = useWriteForm({ scope: `request-${request.id}`, prefix: 'exemptions', fields: ['sections', 'publicInterest', 'note', 'correctsSeq'], fallbackField: 'sections', refresh: [['requests']] });
  const needsTest = publicInterestTestRequired(sections);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['sections', !sections.length && !corrects && 'Choose at least one section']]))) return;
    const body = { sections: sections as Section[], publicInterest, note, correctsSeq: corrects ? Number(corrects) : undefined };
    if (await form.run(() => applyExemptions(request.id, body), 'Exemptions recorded')) {
      setSections([]); setPublicInterest(''); setNote(''); setCorrects('');
      onChanged();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="exemptions-title">
      <h4 className="govuk-heading-s" id="exemptions-title">Apply exemptions</h4>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}.</p>}
      <CheckboxesField id={form.id('sections')} legend="Sections of the FOI Act 2000" values={sections} onChange={setSections} error={form.field('sections')}
        options={Object.entries(FOI_SECTION_LABELS).map(([value, label]) => ({ value, label }))} />
      {needsTest && <TextareaField id={form.id('publicInterest')} label="Public-interest test" hint="A qualified exemption: say how the public interest was weighed" value={publicInterest} onChange={setPublicInterest} error={form.field('publicInterest')} rows={3} />}
      <TextareaField id={form.id('note')} label="Note (optional)" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      {entries.length > 0 && (
        <RadiosField id={form.id('correctsSeq')} legend="Does this correct an earlier entry?" value={corrects} onChange={setCorrects} error={form.field('correctsSeq')}
          options={[{ value: '', label: 'No, it adds to them' }, ...entries.map((s) => ({ value: String(s), label: `It replaces entry ${s}` }))]} />
      )}
      <Button disabled={form.busy}>Record the exemptions</Button>
    </form>
  );
}

function DisclosureForm({ request, onChanged }: Omit<Props, 'canManage'>) {
  const last = disclosureOf(request.events);
  const [title, setTitle] = useState(last?.title ?? request.summary.slice(0, 300));
  const [answer, setAnswer] = useState(last?.answer ?? '');
  const [publish, setPublish] = useState(last ? (last.publish ? 'yes' : 'no') : '');
  const form = useWriteForm({ scope: `request-${request.id}`, prefix: 'disclosure', fields: ['title', 'answer', 'publish'], fallbackField: 'answer', refresh: [['requests']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(fieldErrors([['publish', !publish && 'Say whether to publish it in the disclosure log']]))) return;
    if (await form.run(() => recordDisclosure(request.id, { title, answer, publish: publish === 'yes' }), 'Answer logged')) onChanged();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="disclosure-log-title">
      <h4 className="govuk-heading-s" id="disclosure-log-title">{last ? 'Change the disclosure log entry' : 'Log the answer released'}</h4>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}.</p>}
      <TextField id={form.id('title')} label="Title" value={title} onChange={setTitle} error={form.field('title')} />
      <TextareaField id={form.id('answer')} label="Answer released" value={answer} onChange={setAnswer} error={form.field('answer')} rows={6} />
      <RadiosField id={form.id('publish')} legend="Publish it in the disclosure log?" value={publish} onChange={setPublish} error={form.field('publish')} inline options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
      <Button disabled={form.busy}>Save the entry</Button>
    </form>
  );
}
