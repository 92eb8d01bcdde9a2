import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { useTitle } from '../../components/useTitle';
import type { RequestSummary } from '../../../domain/requests/contract';
import { REQUEST_TYPE_SHORT } from '../../../domain/requests/workflow';
import { requestsDashboardQuery } from './api';
import { RequestsNav } from './RequestsNav';
import { REQUEST_COLUMNS, RequestRow } from './tags';

/** The requests home page: what is overdue, due within seven days or waiting with its clock stopped, and the open work by kind. */
export function DashboardPage({ session }: { session: Session }) {
  useTitle('Requests');
  const dashboard = useQuery(requestsDashboardQuery);
  const d = dashboard.data;
  return (
    <>
      <h1 className="govuk-heading-l">Requests</h1>
      <RequestsNav />
      <p className="govuk-body">Footage requests, subject access, FOI, complaints, members’ enquiries and viewings, each on its clock.</p>
      <div className="govuk-button-group">
        {can(session, 'requests.manage') && <Link className="govuk-button" to="/requests/new" role="button" draggable={false}>Record a request</Link>}
        <Link className="govuk-link" to="/requests/register">Open the register</Link>
      </div>
      {dashboard.isPending && <p className="govuk-body">Loading the requests…</p>}
      {dashboard.isError && <p className="govuk-body">The requests could not be loaded. {dashboard.error.message}</p>}
      {d && (
        <>
          <h2 className="govuk-heading-m">Open requests by kind</h2>
          {d.openByType.length === 0 ? <p className="govuk-body">No requests are open.</p> : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Open and overdue requests by kind</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Kind</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Open</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {d.openByType.map((t) => (
                  <tr className="govuk-table__row" key={t.type}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to="/requests/register" search={{ type: t.type, due: 'open' } as never}>{REQUEST_TYPE_SHORT[t.type]}</Link>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.open}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.overdue > 0 ? <strong>{t.overdue}</strong> : 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Section id="overdue" title="Overdue" due="overdue" items={d.overdue} none="Nothing is overdue." />
          <Section id="due-soon" title="Due in the next 7 days" due="this_week" items={d.dueThisWeek} none="Nothing falls due in the next 7 days." />
          <Section id="paused" title="Clock stopped" due="paused" items={d.paused} none="No request is waiting with its clock stopped." />
        </>
      )}
    </>
  );
}

function Section({ id, title, due, items, none }: { id: string; title: string; due: string; items: RequestSummary[]; none: string }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>{title} ({items.length})</h2>
      {items.length === 0 ? <p className="govuk-body">{none}</p> : (
        <div className="vigil-table-wrap">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">{REQUEST_COLUMNS.map((c) => <th key={c.name} scope="col" className="govuk-table__header">{c.name}</th>)}</tr>
            </thead>
            <tbody className="govuk-table__body">{items.map((r) => <RequestRow key={r.id} request={r} />)}</tbody>
          </table>
        </div>
      )}
      <p className="govuk-body"><Link className="govuk-link" to="/requests/register" search={{ due } as never}>See them in the register<span className="govuk-visually-hidden">: {title.toLowerCase()}</span></Link></p>
    </section>
  );
}
