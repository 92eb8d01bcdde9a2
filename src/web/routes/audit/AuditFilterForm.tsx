import { useEffect, useState } from 'react';
import type { AuditFilters } from '../../api/audit';
import { Button, SelectField, TextField } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { formatUkDay, parseUkDate } from '../../../domain/calendar/london';

type Draft = Required<{ [K in Exclude<keyof AuditFilters, 'page'>]: string }>;

const toDraft = (f: AuditFilters): Draft => ({
  from: formatUkDay(f.from), to: formatUkDay(f.to), actor: f.actor ?? '', action: f.action ?? '',
  recordType: f.recordType ?? '', recordId: f.recordId ?? '', outcome: f.outcome ?? '',
});

export function AuditFilterForm({ filters, onFilter, onErrors }: {
  filters: AuditFilters;
  onFilter: (filters: AuditFilters) => void;
  onErrors: (errors: FormErrors | undefined) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const [errors, setErrorsState] = useState<FormErrors>();
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const setErrors = (e: FormErrors | undefined) => {
    setErrorsState(e);
    onErrors(e);
  };

  // Follow the address bar (back and forward), but only when the filters there really change: a
  // re-render must not wipe what is being typed.
  const applied = JSON.stringify(toDraft(filters));
  useEffect(() => setDraft(JSON.parse(applied) as Draft), [applied]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const from = draft.from.trim() ? parseUkDate(draft.from) : '';
    const to = draft.to.trim() ? parseUkDate(draft.to) : '';
    const invalid = fieldErrors([
      ['from', from === undefined && '‘From date’ must be a real date, like 27/3/2026'],
      ['to', to === undefined ? '‘To date’ must be a real date, like 27/3/2026' : !!from && !!to && to < from && '‘To date’ must be the same as or after ‘From date’'],
    ]);
    setErrors(invalid);
    if (invalid) return;
    const clean = (v: string) => v.trim() || undefined;
    onFilter({
      from: from || undefined, to: to || undefined, actor: clean(draft.actor), action: clean(draft.action),
      recordType: clean(draft.recordType), recordId: clean(draft.recordId), outcome: (clean(draft.outcome) as AuditFilters['outcome']),
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Filter audit events">
        <div className="vigil-filter__row">
          <TextField id="from" label="From date" hint="For example, 27/3/2026" value={draft.from} onChange={set('from')} error={errors?.fields.from} width="10" spellCheck={false} />
          <TextField id="to" label="To date" hint="For example, 28/3/2026" value={draft.to} onChange={set('to')} error={errors?.fields.to} width="10" spellCheck={false} />
          <TextField id="actor" label="User" hint="Username" value={draft.actor} onChange={set('actor')} width="10" spellCheck={false} data-search />
          <TextField id="action" label="Action" hint="For example, user.created" value={draft.action} onChange={set('action')} width="20" spellCheck={false} />
        </div>
        <div className="vigil-filter__row">
          <TextField id="recordType" label="Record type" hint="For example, user" value={draft.recordType} onChange={set('recordType')} width="10" spellCheck={false} />
          <TextField id="recordId" label="Record ID" value={draft.recordId} onChange={set('recordId')} width="20" spellCheck={false} />
          <SelectField
            id="outcome"
            label="Outcome"
            value={draft.outcome}
            onChange={set('outcome')}
            options={[
              { value: '', label: 'Any outcome' },
              { value: 'success', label: 'Success' },
              { value: 'failure', label: 'Failure' },
              { value: 'denied', label: 'Denied' },
            ]}
          />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
    </>
  );
}
