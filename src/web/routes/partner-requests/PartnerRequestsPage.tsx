import { useNavigate, Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatUkDay } from '../../../domain/calendar/london';
import { STATUSES } from '../../../domain/requests/workflow';
import { Button, SelectField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import { SortHead } from '../maintenance/SortHead';
import { partnerRequestsQuery, type PartnerRequestList } from './api';
import { DEFAULT_PARTNER_SORT, partnerFilters, type PartnerRequestsSearch } from './search';
import { ClockTag } from './ClockTag';

const COLUMNS = [{ name: 'Reference', sort: 'reference' }, { name: 'Received', sort: 'received' }, { name: 'What was asked for' }, { name: 'Status' }, { name: 'Due', sort: 'due' }, { name: 'Clock' }] as const;

/** A partner agency's footage requests: open ones by default, sorted by the server. */
export function PartnerRequestsPage({ search }: { search: PartnerRequestsSearch }) {
  useTitle('Footage requests');
  const navigate = useNavigate();
  const list = useQuery(partnerRequestsQuery(partnerFilters(search)));
  const [state, setState] = useState(search.state ?? 'open');
  const filter = (e: React.FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/partner/requests' as never, search: { state: state === 'open' ? undefined : state, sort: search.sort } as never });
  };
  const whose = search.state === 'closed' ? 'closed ' : search.state === 'all' ? '' : 'open ';
  return (
    <>
      <h1 className="govuk-heading-l">Footage requests</h1>
      <p className="govuk-body">Your organisation’s requests to the council for footage, and where each stands.</p>
      <p className="govuk-body"><Link className="govuk-button govuk-!-margin-bottom-0" to={'/partner/requests/new' as never}>Ask for footage</Link></p>
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the requests">
        <div className="vigil-filter__row">
          <SelectField id="state" label="Open or closed" value={state} onChange={(v) => setState(v as typeof state)}
            options={[{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }, { value: 'all', label: 'Open and closed' }]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isPending && <p className="govuk-body">Loading the requests…</p>}
      {list.isError && <p className="govuk-body">The requests could not be loaded. {list.error.message}</p>}
      {list.data && <Table data={list.data} search={search} whose={whose} />}
    </>
  );
}

function Table({ data, search, whose }: { data: PartnerRequestList; search: PartnerRequestsSearch; whose: string }) {
  return (
    <>
      <div className="vigil-table-wrap" tabIndex={0} role="region" aria-label="The requests (scrolls sideways on a small screen)">
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-table__caption--s">{data.total === 1 ? `1 ${whose}request` : `${data.total} ${whose}requests`}</caption>
          <SortHead columns={COLUMNS} to="/partner/requests" search={search as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_PARTNER_SORT} />
          <tbody className="govuk-table__body">
            {data.items.map((r) => (
              <tr key={r.id} className="govuk-table__row">
                <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to={'/partner/requests/$id' as never} params={{ id: r.id } as never}>{r.reference}</Link></td>
                <td className="govuk-table__cell vigil-nowrap">{formatUkDay(r.receivedOn)}</td>
                <td className="govuk-table__cell">{r.summary}</td>
                <td className="govuk-table__cell">{STATUSES[r.status]}</td>
                <td className="govuk-table__cell vigil-nowrap">{r.clock.due ? formatUkDay(r.clock.due) : '–'}</td>
                <td className="govuk-table__cell"><ClockTag clock={r.clock} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.items.length === 0 && <p className="govuk-body">{`There are no ${whose}requests.`}</p>}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} to={'/partner/requests' as never}
        search={(page) => ({ ...search, page: page > 1 ? page : undefined })} label="requests" />
    </>
  );
}
