import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { useWriteForm } from '../../lib/useWriteForm';
import { londonDay } from '../../../domain/calendar/london';
import { CHANNELS, REQUEST_TYPES, type RequestDetail } from '../../../domain/requests/contract';
import { RadiosField, TextareaField } from '../occurrences/Radios';
import { setFlash } from '../estate/deployments/flash';
import { receiveRequest } from './api';
import { checkNewRequest, emptyForm, FIELD_IDS, fieldsFor, newRequestBody, withFlatPaths, type NewRequestForm } from './newRequest';
import { CameraChoice, useRequestHandlers } from './people';
import { RequestsNav } from './RequestsNav';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const TIME_HINT = 'Optional. A date and time like 23/11/2026 14:05';

/** Record a request received: its kind first, then the fields that kind needs. Its page opens once recorded. */
export function NewRequestPage() {
  const today = londonDay();
  const [f, setF] = useState<NewRequestForm>(() => emptyForm(today));
  const set = <K extends keyof NewRequestForm>(key: K) => (value: NewRequestForm[K]) => setF((v) => ({ ...v, [key]: value }));
  const form = useWriteForm({ scope: 'request-new', prefix: 'request', fields: FIELD_IDS, fallbackField: 'summary', refresh: [['requests']] });
  useTitle('Record a request', { error: !!form.errors });
  const navigate = useNavigate();
  const handlers = useRequestHandlers();
  const show = fieldsFor(f.type);
  const field = (name: string) => ({ id: form.id(name), error: form.field(name) });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.check(checkNewRequest(f, londonDay()))) return;
    let made: RequestDetail | undefined;
    const ok = await form.run(async () => {
      try { made = await receiveRequest(newRequestBody(f)); } catch (err) { throw withFlatPaths(err); }
    }, 'Recorded');
    if (ok && made) {
      setFlash(made.id, `Request ${made.reference} recorded.`);
      void navigate({ to: '/requests/$id', params: { id: made.id } });
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to="/requests">Requests</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Record a request</h1>
      <RequestsNav />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadiosField {...field('type')} legend="What kind of request is it?" value={f.type} onChange={set('type')} options={options(REQUEST_TYPES)} />
        <TextField {...field('receivedOn')} label="Day it was received" hint="Its clock starts from this day: today unless it arrived earlier. Like 3/12/2026" value={f.receivedOn} onChange={set('receivedOn')} width="10" autoComplete="off" spellCheck={false} />
        <SelectField {...field('channel')} label="How it arrived" value={f.channel} onChange={set('channel')} options={[{ value: '', label: 'Choose how it arrived' }, ...options(CHANNELS)]} />

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Who is asking</legend>
          <TextField {...field('requesterName')} label="Name" value={f.requesterName} onChange={set('requesterName')} autoComplete="off" />
          <TextField {...field('requesterOrganisation')} label="Organisation (optional)" value={f.requesterOrganisation} onChange={set('requesterOrganisation')} />
          <TextField {...field('requesterEmail')} label="E-mail address (optional)" type="email" value={f.requesterEmail} onChange={set('requesterEmail')} spellCheck={false} autoComplete="off" />
          <TextField {...field('requesterPhone')} label="Telephone (optional)" value={f.requesterPhone} onChange={set('requesterPhone')} width="20" autoComplete="off" />
          <TextareaField {...field('requesterAddress')} label="Postal address (optional)" value={f.requesterAddress} onChange={set('requesterAddress')} rows={3} />
        </fieldset>

        <TextareaField {...field('summary')} label="What is asked for" value={f.summary} onChange={set('summary')} rows={4} />

        {show.footage && (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The footage asked about</legend>
            <TextField {...field('place')} label="Place (optional)" value={f.place} onChange={set('place')} />
            <TextField {...field('timeFrom')} label="From" hint={TIME_HINT} value={f.timeFrom} onChange={set('timeFrom')} width="20" autoComplete="off" />
            <TextField {...field('timeTo')} label="To" hint={TIME_HINT} value={f.timeTo} onChange={set('timeTo')} width="20" autoComplete="off" />
            <CameraChoice {...field('cameraIds')} values={f.cameraIds} onChange={set('cameraIds')} />
          </fieldset>
        )}
        {show.person && (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The person to find in the footage</legend>
            <TextareaField {...field('personDescription')} label="What they look like (optional)" value={f.personDescription} onChange={set('personDescription')} rows={3} />
            <TextareaField {...field('clothing')} label="What they wore (optional)" value={f.clothing} onChange={set('clothing')} rows={2} />
          </fieldset>
        )}
        {show.authority && (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The agency’s authority</legend>
            <div className="govuk-hint">DPA 2018 Sch 2 Pt 1 para 2: the crime it is for, and the officer who asks.</div>
            <ErrorSlot message={form.field('authority')} />
            <TextField {...field('authorityCrimeReference')} label="Crime or incident reference" value={f.authorityCrimeReference} onChange={set('authorityCrimeReference')} width="20" />
            <TextField {...field('authorityExemption')} label="Exemption relied on" hint="Like DPA 2018 Sch 2 Pt 1 para 2" value={f.authorityExemption} onChange={set('authorityExemption')} />
            <TextField {...field('authorityOfficerName')} label="Officer’s name" value={f.authorityOfficerName} onChange={set('authorityOfficerName')} />
            <TextField {...field('authorityOfficerRank')} label="Officer’s rank" value={f.authorityOfficerRank} onChange={set('authorityOfficerRank')} width="20" />
            <TextField {...field('authorityOfficerNumber')} label="Collar or warrant number" value={f.authorityOfficerNumber} onChange={set('authorityOfficerNumber')} width="10" />
          </fieldset>
        )}
        {show.dataProtection && (
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={form.id('isDataProtectionComplaint')} type="checkbox" checked={f.isDataProtectionComplaint}
                  onChange={(e) => set('isDataProtectionComplaint')(e.target.checked)} aria-describedby={`${form.id('isDataProtectionComplaint')}-hint`} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={form.id('isDataProtectionComplaint')}>It is about how we handled personal data</label>
                <div id={`${form.id('isDataProtectionComplaint')}-hint`} className="govuk-hint govuk-checkboxes__hint">A data-protection complaint must be acknowledged within 30 days.</div>
              </div>
            </div>
          </div>
        )}
        <SelectField {...field('ownerId')} label="Who deals with it (optional)" hint="An enforcement officer or coordinator; you can give it an owner later." value={f.ownerId} onChange={set('ownerId')}
          options={[{ value: '', label: 'No one yet' }, ...(handlers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
        <Button disabled={form.busy}>Record the request</Button>
      </form>
    </>
  );
}

function ErrorSlot({ message }: { message?: string }) {
  return message ? <p className="govuk-error-message" id="request-authority"><span className="govuk-visually-hidden">Error:</span> {message}</p> : null;
}
