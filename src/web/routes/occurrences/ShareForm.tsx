import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { partnersQuery, shareOccurrence, type Occurrence } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { useOccurrenceForm } from './useOccurrenceForm';

/**
 * Who outside the council can see this occurrence (a partner sees nothing until it is shared with
 * their organisation), and sharing it with one more.
 */
export function ShareForm({ occurrence }: { occurrence: Occurrence }) {
  const f = useOccurrenceForm(occurrence.id, 'share', ['organisationId'], 'organisationId');
  const partners = useQuery(partnersQuery);
  const [organisationId, setOrganisationId] = useState('');
  const notYet = (partners.data ?? []).filter((p) => !occurrence.sharedWith.some((s) => s.id === p.id));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([['organisationId', !organisationId && 'Choose the partner to share it with']]))) return;
    const name = notYet.find((p) => p.id === organisationId)?.name ?? 'the partner';
    if (await f.run(() => shareOccurrence(occurrence.id, { organisationId }), `Shared with ${name}.`)) setOrganisationId('');
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="share-title">
      <h2 className="govuk-heading-m" id="share-title">Partners</h2>
      {occurrence.sharedWith.length === 0 ? (
        <p className="govuk-body">Not shared with any partner. Partners see an occurrence only once it is shared with them.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" aria-label="Shared with">
          {occurrence.sharedWith.map((s) => <li key={s.id}>{s.name}, shared {formatDateTime(s.sharedAt)}</li>)}
        </ul>
      )}
      {notYet.length > 0 && (
        <>
          <ErrorSummary errors={f.errors} />
          <SelectField id={f.id('organisationId')} label="Share with" value={organisationId} onChange={setOrganisationId} error={f.field('organisationId')}
            options={[{ value: '', label: 'Choose a partner' }, ...notYet.map((p) => ({ value: p.id, label: p.name }))]} />
          <Button disabled={f.busy} variant="secondary">Share occurrence</Button>
        </>
      )}
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
    </form>
  );
}
