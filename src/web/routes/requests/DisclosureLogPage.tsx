import { useQuery } from '@tanstack/react-query';
import { formatUkDay } from '../../../domain/calendar/london';
import { DISCLOSURE_LOG_CSV_HREF, disclosureLogQuery, FOI_SECTION_LABELS } from '../../api/requestsCasework';
import { useTitle } from '../../components/useTitle';

/** The public FOI disclosure log: the answers released and marked for publication, newest first, with a CSV to publish. */
export function DisclosureLogPage() {
  useTitle('FOI disclosure log');
  const log = useQuery(disclosureLogQuery);
  return (
    <>
      <h1 className="govuk-heading-l">FOI disclosure log</h1>
      <p className="govuk-body"><a className="govuk-link" href={DISCLOSURE_LOG_CSV_HREF} download>Download the log as CSV</a></p>
      {log.isPending && <p className="govuk-body">Loading the log…</p>}
      {log.isError && <p className="govuk-body">The disclosure log could not be loaded.</p>}
      {log.data && (log.data.entries.length === 0 ? <p className="govuk-body">No answers have been published yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Published FOI answers</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Reference', 'Received', 'Responded', 'Title', 'Exemptions', 'Answer'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {log.data.entries.map((e) => (
              <tr className="govuk-table__row" key={e.reference}>
                <td className="govuk-table__cell">{e.reference}</td>
                <td className="govuk-table__cell">{formatUkDay(e.receivedOn)}</td>
                <td className="govuk-table__cell">{e.respondedOn ? formatUkDay(e.respondedOn) : ''}</td>
                <td className="govuk-table__cell">{e.title}</td>
                <td className="govuk-table__cell">{e.exemptions.length ? e.exemptions.map((s) => <abbr key={s} title={FOI_SECTION_LABELS[s as keyof typeof FOI_SECTION_LABELS]}>{s} </abbr>) : 'None'}</td>
                <td className="govuk-table__cell vigil-prewrap">{e.answer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
