import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { Button, TextField } from '../../../components/fields';
import { formatDateTime, parseUkDate } from '../../../../domain/calendar/london';
import { reportCsvHref, reportListQuery, type DayRange, type ReportList } from './api';
import { TeamNav } from './TeamNav';

const th = (h: string) => <th key={h} scope="col" className="govuk-table__header">{h}</th>;
const td = 'govuk-table__cell';

/** Car-park machine inspections, defects and ASB reports, filtered by London dates, each with its CSV. */
export function ReportsPage() {
  useTitle('Inspections, defects and ASB');
  const [form, setForm] = useState({ from: '', to: '' });
  const [range, setRange] = useState<DayRange>({});
  const [problems, setProblems] = useState<{ from?: string; to?: string }>({});

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const from = form.from ? parseUkDate(form.from) : undefined;
    const to = form.to ? parseUkDate(form.to) : undefined;
    const p = {
      from: form.from && !from ? 'Enter a date like 3/3/2026' : undefined,
      to: form.to && !to ? 'Enter a date like 31/3/2026' : from && to && to < from ? 'The end date is before the start date' : undefined,
    };
    setProblems(p);
    if (p.from || p.to) return;
    setRange({ from, to });
  };

  return (
    <>
      <h1 className="govuk-heading-l">Inspections, defects and ASB</h1>
      <TeamNav />
      <form onSubmit={apply} noValidate>
        <TextField id="reports-from" label="From (date)" hint="For example, 1/3/2026" width="10" value={form.from} error={problems.from} onChange={(from) => setForm({ ...form, from })} />
        <TextField id="reports-to" label="To (date, inclusive)" hint="For example, 31/3/2026" width="10" value={form.to} error={problems.to} onChange={(to) => setForm({ ...form, to })} />
        <Button type="submit">Show</Button>
      </form>
      <Inspections range={range} />
      <Defects range={range} />
      <AsbReports range={range} />
    </>
  );
}

function Section({ list, title, range, count, error, children }: { list: ReportList; title: string; range: DayRange; count?: number; error?: Error | null; children: ReactNode }) {
  return (
    <>
      <h2 className="govuk-heading-m">{title}</h2>
      <p className="govuk-body"><a className="govuk-link" href={reportCsvHref(list, range)} download>Download the {title.toLowerCase()} as CSV</a></p>
      {error ? <p className="govuk-body" role="alert">The {title.toLowerCase()} could not be loaded. {error.message}</p>
        : count === undefined ? <p className="govuk-body">Loading…</p>
        : count === 0 ? <p className="govuk-body">None in these dates.</p> : children}
    </>
  );
}

/** One list's table: its headings, and each item's cells in the same order. */
function Table<T extends { id: string }>({ headings, items, cells }: { headings: string[]; items: T[]; cells: (item: T) => ReactNode[] }) {
  return (
    <table className="govuk-table">
      <thead className="govuk-table__head"><tr className="govuk-table__row">{headings.map(th)}</tr></thead>
      <tbody className="govuk-table__body">
        {items.map((item) => <tr key={item.id} className="govuk-table__row">{cells(item).map((cell, n) => <td key={n} className={td}>{cell}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

function Inspections({ range }: { range: DayRange }) {
  const q = useQuery(reportListQuery('inspections', range));
  return (
    <Section list="inspections" title="Car-park machine inspections" range={range} count={q.data?.items.length} error={q.error}>
      <Table headings={['Reference', 'When', 'Machine', 'Car park', 'Result', 'Fault raised', 'Officer']} items={q.data?.items ?? []} cells={(i) => [
        i.reference, formatDateTime(i.at), `${i.machine.reference}: ${i.machine.name}`, i.machine.carPark,
        i.failed.length === 0 ? 'All checks passed' : `Failed: ${i.failed.join(', ')}`, i.fault?.reference ?? 'None', i.officer.name,
      ]} />
    </Section>
  );
}

function Defects({ range }: { range: DayRange }) {
  const q = useQuery(reportListQuery('defects', range));
  return (
    <Section list="defects" title="Defects" range={range} count={q.data?.items.length} error={q.error}>
      <Table headings={['Reference', 'When', 'Category', 'Passed to', 'Place', 'Status', 'Officer']} items={q.data?.items ?? []} cells={(d) => [
        d.reference, formatDateTime(d.at), d.category.label, d.team, d.place, `${d.statusLabel} (${formatDateTime(d.statusAt)})`, d.officer.name,
      ]} />
    </Section>
  );
}

function AsbReports({ range }: { range: DayRange }) {
  const q = useQuery(reportListQuery('asb-reports', range));
  return (
    <Section list="asb-reports" title="ASB reports" range={range} count={q.data?.items.length} error={q.error}>
      <Table headings={['Reference', 'When', 'Category', 'Passed to', 'Occurrence', 'Place', 'Officer']} items={q.data?.items ?? []} cells={(a) => [
        a.reference, formatDateTime(a.at), a.category.label, a.passToLabel, a.occurrence?.reference ?? '', a.place, a.officer.name,
      ]} />
    </Section>
  );
}
