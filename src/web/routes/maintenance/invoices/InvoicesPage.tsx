import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import {
  COST_HEADINGS, INVOICE_STATES, invoicesCsvHref, invoicesQuery, invoiceTargetsQuery, type CostHeading, type Invoice, type InvoiceState,
} from '../../../api/maintenanceInvoices';
import { Button, CheckboxesField, SelectField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { formatUkDay } from '../../../../domain/calendar/london';
import { MaintenanceNav } from '../MaintenanceNav';
import { formatPence } from '../../../lib/money';
import { SortHead } from '../SortHead';
import { againstFilter, againstOf, DEFAULT_INVOICE_SORT, type InvoiceSortField, type InvoicesSearch } from './search';
import { againstWords, InvoiceTags } from './tags';

const COLUMNS: readonly { name: string; sort?: InvoiceSortField; numeric?: boolean }[] = [
  { name: 'Invoice number', sort: 'supplier_invoice_number' }, { name: 'Against' }, { name: 'Heading' }, { name: 'State', sort: 'state' },
  { name: 'Invoice date', sort: 'invoice_date' }, { name: 'Due', sort: 'due_date' }, { name: 'Total with VAT', sort: 'amount', numeric: true },
];

const describe = (s: InvoicesSearch) => [
  s.state && INVOICE_STATES[s.state].toLowerCase(), s.overdue && 'overdue', s.disputed && 'disputed', s.heading && COST_HEADINGS[s.heading].toLowerCase(),
  (s.contractId || s.lineId) && (s.contractId ? 'one contract' : 'one line'),
].filter(Boolean).join(', ');

/** Invoices: filtered by state, overdue, disputed, heading and contract or line; sorted by the server; as CSV. */
export function InvoicesPage({ search, session }: { search: InvoicesSearch; session: Session }) {
  useTitle('Invoices');
  const navigate = useNavigate();
  const list = useQuery(invoicesQuery(search));
  const targets = useQuery(invoiceTargetsQuery);
  const [state, setState] = useState(search.state ?? '');
  const [heading, setHeading] = useState(search.heading ?? '');
  const [against, setAgainst] = useState(againstOf(search));
  const [flags, setFlags] = useState<string[]>([]);
  useEffect(() => {
    setState(search.state ?? '');
    setHeading(search.heading ?? '');
    setAgainst(againstOf(search));
    setFlags([search.overdue && 'overdue', search.disputed && 'disputed'].filter((f): f is string => !!f));
  }, [search]);
  const filter = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({
      to: '/maintenance/invoices',
      search: {
        state: (state || undefined) as InvoiceState | undefined, heading: (heading || undefined) as CostHeading | undefined, ...againstFilter(against),
        overdue: flags.includes('overdue') || undefined, disputed: flags.includes('disputed') || undefined, sort: search.sort,
      },
    });
  };
  const items = list.data ?? [];
  const filtered = describe(search);

  return (
    <>
      <h1 className="govuk-heading-l">Invoices</h1>
      <MaintenanceNav />
      <p className="govuk-body">
        Invoices raised or received against a maintenance contract or a connectivity line, each with the council’s purchase order. A coordinator approves each one (never one they raised), then it is marked paid, or disputed with the reason.
      </p>
      {can(session, 'maintenance.invoices') && (
        <p className="govuk-body"><Link className="govuk-button govuk-!-margin-bottom-0" to="/maintenance/invoices/new">Record an invoice</Link></p>
      )}
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the invoices">
        <div className="vigil-filter__row">
          <SelectField id="state" label="State" value={state} onChange={setState}
            options={[{ value: '', label: 'Any state' }, ...Object.entries(INVOICE_STATES).map(([value, label]) => ({ value, label }))]} />
          <SelectField id="heading" label="Cost heading" value={heading} onChange={setHeading}
            options={[{ value: '', label: 'Any heading' }, ...Object.entries(COST_HEADINGS).map(([value, label]) => ({ value, label }))]} />
          <SelectField id="against" label="Contract or line" value={against} onChange={setAgainst}
            options={[
              { value: '', label: 'Any contract or line' },
              ...(targets.data?.contracts ?? []).map((c) => ({ value: `contract:${c.id}`, label: `Contract ${c.label}` })),
              ...(targets.data?.lines ?? []).map((l) => ({ value: `line:${l.id}`, label: `Line ${l.label}` })),
              // Until the choices load, the one in the address still shows.
              ...(against && !targets.data ? [{ value: against, label: 'The one chosen' }] : []),
            ]} />
        </div>
        <CheckboxesField id="flags" legend="Only" values={flags} onChange={setFlags}
          options={[{ value: 'overdue', label: 'Overdue: unpaid after the due date' }, { value: 'disputed', label: 'Disputed' }]} />
        <Button variant="secondary">Filter</Button>
      </form>
      {list.isPending && <p className="govuk-body">Loading the invoices…</p>}
      {list.isError && <p className="govuk-body">The invoices could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          {items.length > 0 && (
            <p className="govuk-body">
              Download the invoices that match these filters: <a className="govuk-link" href={invoicesCsvHref(search)} download>CSV (spreadsheet)</a>
            </p>
          )}
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {items.length === 1 ? '1 invoice' : `${items.length} invoices`}{filtered ? `: ${filtered}` : ''}
              </caption>
              <SortHead columns={COLUMNS} to="/maintenance/invoices" search={search as Record<string, unknown>} sort={search.sort} fallback={DEFAULT_INVOICE_SORT} />
              <tbody className="govuk-table__body">{items.map((i) => <Row key={i.id} invoice={i} />)}</tbody>
            </table>
          </div>
          {items.length === 0 && <p className="govuk-body">{filtered ? 'No invoices match these filters.' : 'No invoices have been recorded yet.'}</p>}
        </>
      )}
    </>
  );
}

function Row({ invoice: i }: { invoice: Invoice }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <Link className="govuk-link" to="/maintenance/invoices/$id" params={{ id: i.id }}>{i.supplierInvoiceNumber}</Link>
        <br /><span className="govuk-body-s">PO {i.purchaseOrder}</span>
      </td>
      <td className="govuk-table__cell">{againstWords(i)}</td>
      <td className="govuk-table__cell">{COST_HEADINGS[i.heading]}</td>
      <td className="govuk-table__cell"><InvoiceTags invoice={i} /></td>
      <td className="govuk-table__cell vigil-nowrap">{formatUkDay(i.invoiceDate)}</td>
      <td className="govuk-table__cell vigil-nowrap">{formatUkDay(i.dueDate)}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric vigil-nowrap">{formatPence(i.amountPence + i.vatPence)}</td>
    </tr>
  );
}
