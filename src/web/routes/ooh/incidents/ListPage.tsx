import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime } from '../../../../domain/calendar/london';
import { EXERCISE_MARKING } from '../../../../domain/ooh/incidents';
import { OohNav } from '../OohNav';
import { incidentsQuery } from './api';

/** Major incidents and exercises: the open ones first, each with its latest M/ETHANE message in a line. */
export function IncidentsListPage() {
  useTitle('Major incidents');
  const list = useQuery(incidentsQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Major incidents</h1>
      <OohNav />
      <Link className="govuk-button" to={'/ooh/incidents/new' as never} role="button" draggable={false}>Declare an incident</Link>
      {list.isPending && <p className="govuk-body">Loading the incidents…</p>}
      {list.isError && <p className="govuk-body">The incidents could not be loaded. {list.error.message}</p>}
      {list.data && (list.data.items.length === 0 ? <p className="govuk-body">No incidents have been declared.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Incidents, open first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Reference', 'Incident', 'Latest M/ETHANE', 'Declared', 'Stood down'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {list.data.items.map((i) => (
              <tr className="govuk-table__row" key={i.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={'/ooh/incidents/$id' as never} params={{ id: i.id } as never}>{i.reference}</Link></td>
                <td className="govuk-table__cell">
                  {i.exercise && <><strong className="govuk-tag govuk-tag--purple">{EXERCISE_MARKING}</strong><br /></>}
                  {i.title}
                </td>
                <td className="govuk-table__cell">{i.summary} <span className="govuk-body-s">(version {i.versions})</span></td>
                <td className="govuk-table__cell">{formatDateTime(i.declaredAt)}</td>
                <td className="govuk-table__cell">{i.open ? <strong className="govuk-tag govuk-tag--red">Open</strong> : formatDateTime(i.closedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
