import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ENTRY_KINDS } from '../../api/occurrences';
import { sharedOccurrenceQuery, type SharedOccurrence } from '../../api/shared';
import { isApiError } from '../../api/client';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../../domain/calendar/london';
import { NotFoundPage } from '../errors/NotFound';
import { StatusTag } from '../occurrences/OccurrencesListPage';
import { RedactionNote } from '../occurrences/RedactEntry';

/** An occurrence shared with the partner's organisation, read-only, with roles where staff names would be. */
export function SharedOccurrencePage({ id }: { id: string }) {
  const occurrence = useQuery(sharedOccurrenceQuery(id));
  useTitle(occurrence.data ? `${occurrence.data.reference}: ${occurrence.data.summary}` : 'Shared occurrence');
  if (occurrence.isPending) return <p className="govuk-body">Loading the occurrence…</p>;
  // Not shared with them, withdrawn or not there at all: the same "not found".
  if (occurrence.isError) {
    if (isApiError(occurrence.error) && occurrence.error.status === 404) return <NotFoundPage />;
    return <p className="govuk-body">The occurrence could not be loaded. {occurrence.error.message}</p>;
  }
  return <SharedView occurrence={occurrence.data} />;
}

function SharedView({ occurrence: o }: { occurrence: SharedOccurrence }) {
  const told = o.told.filter((t) => t.told);
  return (
    <>
      <Link className="govuk-back-link" to="/shared">Back to shared with us</Link>
      <span className="govuk-caption-l">{o.category.name}</span>
      <h1 className="govuk-heading-l">{o.reference} <StatusTag status={o.status} outcomeName={o.outcomeName} /></h1>
      <p className="govuk-body-l">{o.summary}</p>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {([
          ['Priority', o.priorityName],
          ['Source', o.sourceName],
          ['Opened', `${formatDateTime(o.openedAt, { seconds: true })} by ${o.openedBy}`],
          ['Location', o.location.text || 'Not given'],
          ['Cameras', o.cameras.length ? o.cameras.map((c) => `${c.reference} ${c.name}`).join(', ') : 'None'],
          ['Agencies told', told.length ? told.map((t) => `${t.name}${t.references.length ? ` (${t.references.join(', ')})` : ''}`).join('; ') : 'None'],
          ...(o.closedAt ? [['Closed', `${formatDateTime(o.closedAt, { seconds: true })}${o.closedBy ? ` by ${o.closedBy}` : ''}: ${o.outcomeName}`]] : []),
        ] as [string, string][]).map(([label, value]) => (
          <div className="govuk-summary-list__row" key={label}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="timeline-title">
        <h2 className="govuk-heading-m" id="timeline-title">Timeline</h2>
        <p className="govuk-body-s">Times are UK time. Council staff are shown by their role.</p>
        <ol className="vigil-timeline govuk-list">
          {o.entries.map((e) => (
            <li key={e.id} className="vigil-timeline__entry">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{e.seq}. {ENTRY_KINDS[e.kind]}</strong> – recorded {formatDateTime(e.recordedAt, { seconds: true })} by {e.author ?? 'Vigil'}
                {e.observedAt && <> – seen {formatDateTime(e.observedAt)}</>}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1 vigil-break">{e.body}</p>
              <RedactionNote entry={e} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
