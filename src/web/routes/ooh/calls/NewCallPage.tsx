import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import { parseUkDateTime } from '../../occurrences/when';
import { OohNav } from '../OohNav';
import { categoriesQuery, takeCall } from './api';

const FIELDS = ['receivedAt', 'callerName', 'callbackNumber', 'address', 'lat', 'lon', 'categoryId', 'priorityKey', 'description', 'vulnerable', 'vulnerability'];

/** Take a call, from the keyboard in under a minute: who, where, what, category and priority. */
export function NewCallPage() {
  useTitle('Take a call');
  const navigate = useNavigate();
  const cats = useQuery(categoriesQuery);
  const form = useWriteForm({ scope: 'ooh-new-call', prefix: 'call', fields: FIELDS, fallbackField: 'description', refresh: [['ooh']] });
  const [v, setV] = useState({ receivedAt: '', callerName: '', callbackNumber: '', address: '', lat: '', lon: '', categoryId: '', priorityKey: '', description: '', vulnerable: false, vulnerability: '' });
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((o) => ({ ...o, [k]: value }));
  const active = (cats.data?.categories ?? []).filter((c) => c.isActive);
  const category = active.find((c) => c.id === v.categoryId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const receivedAt = v.receivedAt ? parseUkDateTime(v.receivedAt) : undefined;
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    if (!form.check(fieldErrors([
      ['receivedAt', receivedAt === undefined && v.receivedAt.trim() !== '' && 'Enter when the call came in like 3/12/2026 21:30, or leave it blank for now'],
      ['lat', v.lat.trim() !== '' && Number.isNaN(Number(v.lat)) && 'Enter the latitude as a number, like 52.4862'],
      ['lon', v.lon.trim() !== '' && Number.isNaN(Number(v.lon)) && 'Enter the longitude as a number, like -1.8904'],
    ]))) return;
    let id = '';
    const ok = await form.run(async () => {
      id = (await takeCall({ ...v, receivedAt: receivedAt || undefined, lat: num(v.lat), lon: num(v.lon), categoryId: v.categoryId || undefined, priorityKey: v.priorityKey || undefined })).id;
    }, 'Call logged');
    if (ok) void navigate({ to: '/ooh/calls/$id' as never, params: { id } as never });
  };

  return (
    <>
      <h1 className="govuk-heading-l">Take a call</h1>
      <OohNav />
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextField id={form.id('callerName')} label="Caller’s name" value={v.callerName} onChange={set('callerName')} error={form.field('callerName')} autoFocus autoComplete="off" width="two-thirds" />
        <TextField id={form.id('callbackNumber')} label="Callback number" value={v.callbackNumber} onChange={set('callbackNumber')} error={form.field('callbackNumber')} width="20" autoComplete="off" />
        <TextField id={form.id('address')} label="Address or place" value={v.address} onChange={set('address')} error={form.field('address')} autoComplete="off" />
        <SelectField id={form.id('categoryId')} label="Category" value={v.categoryId} onChange={(x) => setV((o) => ({ ...o, categoryId: x, priorityKey: '' }))} error={form.field('categoryId')}
          options={[{ value: '', label: 'Choose the category' }, ...active.map((c) => ({ value: c.id, label: c.name }))]} />
        <SelectField id={form.id('priorityKey')} label="Priority" value={v.priorityKey} onChange={set('priorityKey')} error={form.field('priorityKey')}
          hint={category ? `Referred to the ${category.duty?.name.toLowerCase() ?? 'nobody on the rota'}; ${category.ackMinutes} minutes to acknowledge` : 'Choose the category first'}
          options={[{ value: '', label: 'Choose the priority' }, ...(category?.priorities ?? []).map((p) => ({ value: p.key, label: `${p.name}: ${p.responseLabel.toLowerCase()}` }))]} />
        <div className={`govuk-form-group${form.field('description') ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor={form.id('description')}>What the caller reports</label>
          {form.field('description') && <p id={`${form.id('description')}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {form.field('description')}</p>}
          <textarea className="govuk-textarea" id={form.id('description')} rows={3} value={v.description} onChange={(e) => set('description')(e.target.value)} aria-describedby={form.field('description') ? `${form.id('description')}-error` : undefined} />
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id={form.id('vulnerable')} type="checkbox" checked={v.vulnerable} onChange={(e) => set('vulnerable')(e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={form.id('vulnerable')}>Someone is vulnerable (THRIVE)</label>
            </div>
          </div>
        </div>
        {v.vulnerable && <TextField id={form.id('vulnerability')} label="Who, and why" value={v.vulnerability} onChange={set('vulnerability')} error={form.field('vulnerability')} />}
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Received earlier, or a map point</span></summary>
          <div className="govuk-details__text">
            <TextField id={form.id('receivedAt')} label="When the call came in" hint="Like 3/12/2026 21:30, or just 21:30. Blank for now." value={v.receivedAt} onChange={set('receivedAt')} error={form.field('receivedAt')} width="10" />
            <TextField id={form.id('lat')} label="Latitude" value={v.lat} onChange={set('lat')} error={form.field('lat')} width="10" inputMode="text" />
            <TextField id={form.id('lon')} label="Longitude" value={v.lon} onChange={set('lon')} error={form.field('lon')} width="10" inputMode="text" />
          </div>
        </details>
        <Button type="submit" disabled={form.busy}>Log the call</Button>
      </form>
    </>
  );
}
