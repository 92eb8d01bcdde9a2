import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { useWriteForm } from '../../../lib/useWriteForm';
import type { OohCategory } from '../../../../domain/ooh/calls.contract';
import { saveCategory, settingsQuery } from './api';

/** Call categories: priorities and the response each needs, the rota duty, the minutes to acknowledge (ooh.manage). */
export function CallSettingsPage() {
  useTitle('Call categories and response times');
  const q = useQuery(settingsQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Call categories and response times</h1>
      {q.isError && <p className="govuk-body">The categories could not be loaded. {q.error.message}</p>}
      {q.data?.categories.map((c) => <CategoryForm key={`${c.id}-${c.version}`} category={c} duties={q.data.duties} />)}
    </>
  );
}

function CategoryForm({ category: c, duties }: { category: OohCategory; duties: { id: string; name: string }[] }) {
  const form = useWriteForm({ scope: 'ooh-categories', prefix: `cat-${c.key}`, fields: ['name', 'dutyId', 'ackMinutes', 'priorities'], fallbackField: 'name', refresh: [['ooh', 'call-settings'], ['ooh', 'call-categories']] });
  const [v, setV] = useState({ name: c.name, dutyId: c.duty?.id ?? '', ackMinutes: String(c.ackMinutes) });
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(() => saveCategory(c.id, {
      name: v.name, dutyId: v.dutyId || null, ackMinutes: Number(v.ackMinutes), becomesFault: c.becomesFault, isActive: c.isActive,
      priorities: c.priorities.map(({ key, name, response }) => ({ key, name, response })),
    }), 'Saved as a new version');
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`h-${c.key}`} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={`h-${c.key}`}>{c.name} <span className="govuk-body-s">(version {c.version})</span></h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <p className="govuk-body" role="status">{form.done}</p>}
      <ul className="govuk-list govuk-list--bullet">{c.priorities.map((p) => <li key={p.key}>{p.name}: {p.responseLabel.toLowerCase()}</li>)}</ul>
      <TextField id={form.id('name')} label="Name" value={v.name} onChange={set('name')} error={form.field('name')} />
      <SelectField id={form.id('dutyId')} label="Referred to (rota duty)" value={v.dutyId} onChange={set('dutyId')} error={form.field('dutyId')} options={[{ value: '', label: 'Nobody on the rota' }, ...duties.map((d) => ({ value: d.id, label: d.name }))]} />
      <TextField id={form.id('ackMinutes')} label="Minutes to acknowledge before re-referral" value={v.ackMinutes} onChange={set('ackMinutes')} error={form.field('ackMinutes')} width="4" inputMode="numeric" />
      <Button type="submit" variant="secondary" disabled={form.busy}>Save {c.name.toLowerCase()}</Button>
    </form>
  );
}
