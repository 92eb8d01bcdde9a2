import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { TextareaField } from '../occurrences/Radios';
import { setFlash } from '../estate/deployments/flash';
import { londonInputsToIso } from '../maintenance/contractor/forms';
import { submitFootageRequest } from './api';

const EMPTY = { summary: '', place: '', timeFrom: '', timeTo: '', crimeReference: '', exemption: 'DPA 2018 Sch 2 Pt 1 para 2 (prevention or detection of crime)', officerName: '', officerRank: '', officerNumber: '', phone: '' };
type Fields = typeof EMPTY;

/** A date-and-time input's "YYYY-MM-DDTHH:MM" (London) -> an instant, or undefined. */
const instantOf = (v: string) => { const [d = '', t = ''] = v.split('T'); return londonInputsToIso(d, t); };

/** A partner agency asks for footage, with its authority. What was typed stays when the council's server refuses it. */
export function NewPartnerRequestPage() {
  const navigate = useNavigate();
  const [f, setF] = useState<Fields>(EMPTY);
  const set = (k: keyof Fields) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const form = useWriteForm({ scope: 'partner-request-new', prefix: 'req', fields: ['summary', 'place', 'timeFrom', 'timeTo', 'authority', 'phone'], fallbackField: 'summary', refresh: [['partner-requests']] });
  useTitle('Ask for footage', { error: !!form.errors });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const from = instantOf(f.timeFrom);
    const to = instantOf(f.timeTo);
    if (!form.check(fieldErrors([
      ['timeFrom', !from && 'Enter when the footage starts as a date and time'],
      ['timeTo', !to ? 'Enter when the footage ends as a date and time' : !!from && to < from && 'The end must be after the start'],
    ]))) return;
    let made: { id: string; reference: string } | undefined;
    const ok = await form.run(async () => {
      made = await submitFootageRequest({
        summary: f.summary, place: f.place, timeFrom: from!, timeTo: to!, phone: f.phone,
        authority: { crimeReference: f.crimeReference, exemption: f.exemption, officerName: f.officerName, officerRank: f.officerRank, officerNumber: f.officerNumber },
      });
    }, 'Sent');
    if (ok && made) {
      setFlash(made.id, `Request ${made.reference} sent to the council.`);
      void navigate({ to: '/partner/requests/$id' as never, params: { id: made.id } as never });
    }
  };
  const authorityError = form.field('authority');
  return (
    <>
      <Link className="govuk-back-link" to={'/partner/requests' as never}>Footage requests</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Ask for footage</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextareaField id={form.id('summary')} label="What happened and what footage you need" value={f.summary} onChange={set('summary')} error={form.field('summary')} rows={4} />
        <TextField id={form.id('place')} label="Where it happened" hint="A street, a junction or a landmark" value={f.place} onChange={set('place')} error={form.field('place')} width="30" />
        <DateTimeField id={form.id('timeFrom')} legend="Footage from" value={f.timeFrom} onChange={set('timeFrom')} error={form.field('timeFrom')} />
        <DateTimeField id={form.id('timeTo')} legend="Footage to" value={f.timeTo} onChange={set('timeTo')} error={form.field('timeTo')} />
        <fieldset className={`govuk-fieldset govuk-form-group${authorityError ? ' govuk-form-group--error' : ''}`} id={form.id('authority')} tabIndex={-1}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Your authority</legend>
          <div className="govuk-hint">The council discloses personal data for the prevention or detection of crime only with this (Data Protection Act 2018).</div>
          {authorityError && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {authorityError}</p>}
          <TextField id="req-crimeReference" label="Crime or incident reference" value={f.crimeReference} onChange={set('crimeReference')} width="20" />
          <TextField id="req-exemption" label="Exemption relied on" value={f.exemption} onChange={set('exemption')} width="30" />
          <TextField id="req-officerName" label="Officer’s name" value={f.officerName} onChange={set('officerName')} width="20" autoComplete="name" />
          <TextField id="req-officerRank" label="Officer’s rank" value={f.officerRank} onChange={set('officerRank')} width="20" />
          <TextField id="req-officerNumber" label="Collar or warrant number" value={f.officerNumber} onChange={set('officerNumber')} width="10" />
        </fieldset>
        <TextField id={form.id('phone')} label="Telephone (optional)" value={f.phone} onChange={set('phone')} error={form.field('phone')} width="20" autoComplete="tel" />
        <Button disabled={form.busy}>Send the request</Button>
      </form>
    </>
  );
}

/** A date input and a time input (UK time) kept as "YYYY-MM-DDTHH:MM". */
function DateTimeField({ id, legend, value, onChange, error }: { id: string; legend: string; value: string; onChange: (v: string) => void; error?: string }) {
  const [d = '', t = ''] = value.split('T');
  return (
    <fieldset className={`govuk-fieldset govuk-form-group${error ? ' govuk-form-group--error' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      <div className="govuk-hint" id={`${id}-hint`}>UK time, for example 21/11/2026 and 23:40</div>
      {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
      <div className="vigil-filter__row">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={id}>Date</label>
          <input className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`} id={id} type="date" value={d} onChange={(e) => onChange(`${e.target.value}T${t}`)} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={`${id}-time`}>Time</label>
          <input className={`govuk-input govuk-input--width-5${error ? ' govuk-input--error' : ''}`} id={`${id}-time`} type="time" value={t} onChange={(e) => onChange(`${d}T${e.target.value}`)} />
        </div>
      </div>
    </fieldset>
  );
}
