import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { partnersQuery, shareOccurrence, type Occurrence } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { useOccurrenceForm } from './useOccurrenceForm';
import { WithdrawShare } from './WithdrawShare';

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

  const [withdrawn, setWithdrawn] = useState<string>();
  return (
    <section aria-labelledby="share-title">
      <h2 className="govuk-heading-m" id="share-title">Partners</h2>
      {occurrence.sharedWith.length === 0 ? (
        <p className="govuk-body">Not shared with any partner. Partners see an occurrence only once it is shared with them.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" aria-label="Shared with">
          {occurrence.sharedWith.map((s) => (
            <li key={s.id}>
              {s.name}, shared {formatDateTime(s.sharedAt)}
              <WithdrawShare occurrenceId={occurrence.id} partner={s} onDone={setWithdrawn} />
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">{withdrawn && <p className="govuk-body govuk-!-font-weight-bold">{withdrawn}</p>}</div>
      {notYet.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Share with a partner">
          <ErrorSummary errors={f.errors} />
          <SelectField id={f.id('organisationId')} label="Share with" value={organisationId} onChange={setOrganisationId} error={f.field('organisationId')}
            options={[{ value: '', label: 'Choose a partner' }, ...notYet.map((p) => ({ value: p.id, label: p.name }))]} />
          <Button disabled={f.busy} variant="secondary">Share occurrence</Button>
        </form>
      )}
      <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
    </section>
  );
}
