import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { LINE_KINDS, linesCsvHref, linesQuery, type Line, type LineKind } from '../../../api/maintenanceLines';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime } from '../../../../domain/calendar/london';
import { MaintenanceNav } from '../MaintenanceNav';
import { formatPence } from '../../../lib/money';
import { SortHead } from '../SortHead';
import { LineForm } from './LineForm';
import { DEFAULT_LINE_SORT, type LinesSearch } from './search';
import { ContractEnd, LineFaultTag } from './tags';

const COLUMNS = [
  { name: 'Reference', sort: 'reference' }, { name: 'Provider', sort: 'provider' }, { name: 'Kind', sort: 'kind' }, { name: 'Circuit id' },
  { name: 'Monthly cost', sort: 'monthly_cost' }, { name: 'Contract ends', sort: 'contract_ends_on' }, { name: 'Cameras' }, { name: 'Fault' },
] as const;
const KIND_OPTIONS = Object.entries(LINE_KINDS).map(([value, label]) => ({ value, label }));

/** Connectivity lines: filtered and sorted by the server, contract ends flagged 90 days ahead, open faults; recording a line. */
export function LinesPage({ search, session }: { search: LinesSearch; session: Session }) {
  useTitle('Connectivity lines');
  const navigate = useNavigate();
  const list = useQuery(linesQuery(search));
  const [q, setQ] = useState(search.q ?? '');
  const [kind, setKind] = useState<string>(search.kind ?? '');
  const [provider, setProvider] = useState(search.provider ?? '');
  const [flags, setFlags] = useState<string[]>([]);
  useEffect(() => {
    setQ(search.q ?? ''); setKind(search.kind ?? ''); setProvider(search.provider ?? '');
    setFlags([search.endingSoon ? 'endingSoon' : '', search.faulty ? 'faulty' : ''].filter(Boolean));
  }, [search.q, search.kind, search.provider, search.endingSoon, search.faulty]);
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({
      to: '/maintenance/lines',
      search: {
        q: q.trim() || undefined, kind: (kind || undefined) as LineKind | undefined, provider: provider.trim() || undefined,
        endingSoon: flags.includes('endingSoon') ? true : undefined, faulty: flags.includes('faulty') ? true : undefined, sort: search.sort,
      },
    });
  };
  const items = list.data ?? [];
  const filtered = !!(search.q || search.kind || search.provider || search.endingSoon || search.faulty);
  const faulty = items.filter((l) => l.fault).length;
  const ending = items.filter((l) => l.contractEnd.status === 'ending_soon' || l.contractEnd.status === 'ended').length;

  return (
    <>
      <h1 className="govuk-heading-l">Connectivity lines</h1>
      <MaintenanceNav />
      <p className="govuk-body">The lines that carry the cameras’ pictures to the control room. A line’s fault marks every camera it serves as faulty until it is cleared.</p>

      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the lines">
        <div className="vigil-filter__row">
          <TextField id="q" label="Reference, circuit id or provider" type="search" value={q} onChange={setQ} width="20" />
          <SelectField id="kind" label="Kind" value={kind} onChange={setKind} options={[{ value: '', label: 'Any kind' }, ...KIND_OPTIONS]} />
          <TextField id="provider" label="Provider" value={provider} onChange={setProvider} width="10" />
          <CheckboxesField id="flags" legend="Only" values={flags} onChange={setFlags}
            options={[{ value: 'endingSoon', label: 'Contract ended or ending within 90 days' }, { value: 'faulty', label: 'With an open fault' }]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isPending && <p className="govuk-body">Loading the lines…</p>}
      {list.isError && <p className="govuk-body">The lines could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body">
            {faulty === 0 ? 'No line has an open fault.' : faulty === 1 ? '1 line has an open fault.' : `${faulty} lines have an open fault.`}{' '}
            {ending === 0 ? 'No contract has ended or ends within 90 days.' : ending === 1 ? '1 contract has ended or ends within 90 days.' : `${ending} contracts have ended or end within 90 days.`}
          </p>
          {items.length > 0 && <p className="govuk-body"><a className="govuk-link" href={linesCsvHref(search)} download>Download these lines as CSV (spreadsheet)</a></p>}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">{items.length === 1 ? '1 line' : `${items.length} lines`}{filtered ? ' matching the filter' : ''}</caption>
              <SortHead columns={COLUMNS} to="/maintenance/lines" search={search as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_LINE_SORT} />
              <tbody className="govuk-table__body">{items.map((l) => <Row key={l.id} line={l} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">{filtered ? 'No lines match the filter.' : 'No lines have been recorded yet.'}</p>}
        </>
      )}
      {can(session, 'maintenance.manage') && (
        <>
          <h2 className="govuk-heading-m" id="new-line-title">Record a line</h2>
          <LineForm />
        </>
      )}
    </>
  );
}

function Row({ line: l }: { line: Line }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/maintenance/lines/$id" params={{ id: l.id }}>{l.reference}</Link></td>
      <td className="govuk-table__cell">{l.provider}</td>
      <td className="govuk-table__cell">{LINE_KINDS[l.kind]}</td>
      <td className="govuk-table__cell">{l.circuitId}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatPence(l.monthlyCostPence)}</td>
      <td className="govuk-table__cell"><ContractEnd line={l} /></td>
      <td className="govuk-table__cell">{l.cameraCount}</td>
      <td className="govuk-table__cell">{l.fault ? <><LineFaultTag /><br /><span className="govuk-body-s">since {formatDateTime(l.fault.raisedAt)}</span></> : 'None'}</td>
    </tr>
  );
}
