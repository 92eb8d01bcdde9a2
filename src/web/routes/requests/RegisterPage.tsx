import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { Button, SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import { DUE_FILTERS, STATUSES } from '../../../domain/requests/contract';
import { REQUEST_TYPE_SHORT } from '../../../domain/requests/workflow';
import { SortHead } from '../maintenance/SortHead';
import { requestsCsvHref, requestsQuery } from './api';
import { RequestsNav } from './RequestsNav';
import { DEFAULT_REQUEST_SORT, isFiltered, requestCountWords, requestFilters, type RequestsSearch } from './search';
import { ShortcutList, usePageShortcuts, type PageShortcut } from './shortcuts';
import { REQUEST_COLUMNS, RequestRow } from './tags';

const options = (labels: Record<string, string>, any: string) => [{ value: '', label: any }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];
const formOf = (s: RequestsSearch) => ({ q: s.q ?? '', type: s.type ?? '', status: s.status ?? '', owner: s.owner ?? '', due: s.due ?? '' });

/** The register: every request, filtered, sorted and paged by the server, each with its clock; the same as CSV. */
export function RegisterPage({ search, session }: { search: RequestsSearch; session: Session }) {
  useTitle('Requests register');
  const navigate = useNavigate();
  const filters = requestFilters(search);
  const list = useQuery(requestsQuery(filters));
  const [form, setForm] = useState(() => formOf(search));
  useEffect(() => setForm(formOf(search)), [search]);
  const set = (key: keyof ReturnType<typeof formOf>) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    const blank = (v: string) => v.trim() || undefined;
    void navigate({ to: '/requests/register', search: { q: blank(form.q), type: blank(form.type), status: blank(form.status), owner: blank(form.owner), due: blank(form.due), sort: search.sort } as never });
  };
  const shortcuts: PageShortcut[] = can(session, 'requests.manage') ? [{ key: 'n', description: 'Record a new request', run: () => void navigate({ to: '/requests/new' }) }] : [];
  usePageShortcuts(shortcuts);
  const filtered = isFiltered(search);
  const data = list.data;

  return (
    <>
      <h1 className="govuk-heading-l">Requests register</h1>
      <RequestsNav />
      {can(session, 'requests.manage') && <Link className="govuk-button" to="/requests/new" role="button" draggable={false} aria-keyshortcuts="n">Record a request</Link>}
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the requests">
        <div className="vigil-filter__row">
          <TextField id="q" label="Reference, requester or words" type="search" value={form.q} onChange={set('q')} width="20" data-search spellCheck={false} />
          <SelectField id="type" label="Kind" value={form.type} onChange={set('type')} options={options(REQUEST_TYPE_SHORT, 'Any kind')} />
          <SelectField id="status" label="Status" value={form.status} onChange={set('status')} options={options(STATUSES, 'Any status')} />
        </div>
        <div className="vigil-filter__row">
          <SelectField id="owner" label="Owner" value={form.owner} onChange={set('owner')} options={[{ value: '', label: 'Anyone or no one' }, { value: 'me', label: 'Mine' }, { value: 'none', label: 'No owner yet' }]} />
          <SelectField id="due" label="Due" value={form.due} onChange={set('due')} options={options(DUE_FILTERS, 'Open and closed')} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {filtered && <p className="govuk-body"><Link className="govuk-link" to="/requests/register">Clear the filter</Link></p>}
      {list.isPending && <p className="govuk-body">Loading the requests…</p>}
      {list.isError && <p className="govuk-body">The requests could not be loaded. {list.error.message}</p>}
      {data && (
        <>
          {data.total > 0 && <p className="govuk-body"><a className="govuk-link" href={requestsCsvHref(filters)} download>Download CSV<span className="govuk-visually-hidden"> of these requests</span> (spreadsheet)</a></p>}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s" aria-live="polite">
                {requestCountWords(data.total, filtered)}
                {data.total > data.pageSize && `, page ${data.page} of ${Math.ceil(data.total / data.pageSize)}`}
              </caption>
              <SortHead columns={REQUEST_COLUMNS} to="/requests/register" search={{ ...search, page: undefined } as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_REQUEST_SORT} />
              <tbody className="govuk-table__body">{data.items.map((r) => <RequestRow key={r.id} request={r} />)}</tbody>
            </table>
          </div>
          {data.total === 0 && <p className="govuk-body">{filtered ? 'No requests match the filter.' : 'No requests have been recorded yet.'}</p>}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} to={'/requests/register' as never} label="requests"
            search={(page) => ({ ...search, page: page > 1 ? page : undefined })} />
        </>
      )}
      <ShortcutList shortcuts={shortcuts} extra={[{ key: '/', description: 'Search the register' }]} />
    </>
  );
}
