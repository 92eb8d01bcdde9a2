import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can, sessionQuery } from '../../../api/auth';
import { CHECK_ITEMS, FAULT_STATES, FAULTS_PAGE_SIZE, TARGET_TYPES, checkFaultsCsvHref, checkFaultsQuery, type CheckFault } from '../../../api/checks';
import { Button, SelectField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import { EstateNav } from '../EstateNav';
import type { FaultsSearch } from './search';

const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

/** The faults the daily checks raised, newest first, filtered in the address, with their CSV. */
export function FaultsPage({ search }: { search: FaultsSearch }) {
  useTitle('Faults raised by the checks');
  const navigate = useNavigate();
  const faults = useQuery(checkFaultsQuery(search));
  const { page: _page, ...filters } = search;
  const page = search.page ?? 1;

  const applied = `${search.state ?? ''}|${search.target ?? ''}`;
  const [state, setState] = useState(search.state ?? '');
  const [target, setTarget] = useState(search.target ?? '');
  useEffect(() => {
    setState(search.state ?? '');
    setTarget(search.target ?? '');
  }, [applied]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/estate/checks/faults', search: { state: (state || undefined) as FaultsSearch['state'], target: (target || undefined) as FaultsSearch['target'] } });
  };

  const items = faults.data?.items ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Faults raised by the checks</h1>
      <EstateNav />
      <p className="govuk-body"><Link className="govuk-link" to="/estate/checks">Back to the daily checks</Link></p>

      <form className="vigil-filter" onSubmit={submit} noValidate role="search" aria-label="Filter the faults">
        <div className="vigil-filter__row">
          <SelectField id="state" label="State" value={state} onChange={setState} options={options('Open or closed', FAULT_STATES)} />
          <SelectField id="target" label="Camera or equipment" value={target} onChange={setTarget} options={options('Cameras and equipment', TARGET_TYPES)} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      <p className="govuk-body">
        Download the faults that match these filters: <a className="govuk-link" href={checkFaultsCsvHref(filters)} download>CSV (spreadsheet)</a>
      </p>

      {faults.isPending && <p className="govuk-body">Loading the faults…</p>}
      {faults.isError && <p className="govuk-body">The faults could not be loaded. {errorMessage(faults.error)}</p>}
      {faults.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">Faults, newest first{page > 1 ? `: page ${page}` : ''}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Fault', 'Raised', 'Camera or equipment', 'Item', 'What is wrong', 'State', 'Failures'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
                </tr>
              </thead>
              <tbody className="govuk-table__body">{items.map((f) => <Row key={f.id} fault={f} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">No faults match these filters.</p>}
          {(page > 1 || items.length === FAULTS_PAGE_SIZE) && (
            <nav className="govuk-pagination" aria-label="Pages of faults">
              {page > 1 && (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to="/estate/checks/faults" search={{ ...filters, page: page > 2 ? page - 1 : undefined }} rel="prev">Previous<span className="govuk-visually-hidden"> page</span></Link>
                </div>
              )}
              {items.length === FAULTS_PAGE_SIZE && (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to="/estate/checks/faults" search={{ ...filters, page: page + 1 }} rel="next">Next<span className="govuk-visually-hidden"> page</span></Link>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function Row({ fault: f }: { fault: CheckFault }) {
  // The maintenance contract's page of the same fault, for those who may read it.
  const { data: session } = useQuery(sessionQuery);
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap">
        {can(session, 'maintenance.read') ? <Link className="govuk-link" to="/maintenance/faults/$id" params={{ id: f.id }}>{f.reference}</Link> : f.reference}
      </td>
      <td className="govuk-table__cell">{formatDateTime(f.raisedAt)}<br /><span className="govuk-body-s">by {f.raisedBy.name}</span></td>
      <td className="govuk-table__cell">
        {f.targetType === 'camera'
          ? <Link className="govuk-link" to="/estate/cameras/$id" params={{ id: f.targetId }}>{f.targetReference}</Link>
          : f.targetReference}{' '}
        {f.targetName}
      </td>
      <td className="govuk-table__cell">{labelOf(CHECK_ITEMS, f.item)}</td>
      <td className="govuk-table__cell">{f.description}</td>
      <td className="govuk-table__cell">
        <strong className={`govuk-tag govuk-tag--${f.state === 'open' ? 'red' : 'grey'}`}>{labelOf(FAULT_STATES, f.state)}</strong>
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{f.failures}</td>
    </tr>
  );
}
