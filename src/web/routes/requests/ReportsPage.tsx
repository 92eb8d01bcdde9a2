import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { Chart } from '../../components/Chart';
import { useTitle } from '../../components/useTitle';
import { errorMessage } from '../../lib/errors';
import { formatUkDay } from '../../../domain/calendar/london';
import { monthName, percentText, rangeProblem, type Figures, type TimelinessReport } from '../../../domain/requests/reports';
import { REQUEST_TYPE_SHORT } from '../../../domain/requests/workflow';

// The requests answered on time, by month and kind (the figures published for FOI and subject
// access): a month range, the figures as a table, on time and late by month as a chart, and the
// same report as CSV and PDF.

export interface ReportsSearch { from?: string; to?: string }

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** For the route's validateSearch: keeps only well-formed months. */
export const reportsSearch = (s: Record<string, unknown>): ReportsSearch => ({
  from: typeof s.from === 'string' && MONTH.test(s.from) ? s.from : undefined,
  to: typeof s.to === 'string' && MONTH.test(s.to) ? s.to : undefined,
});

const BASE = '/requests/reports/timeliness';
const timelinessQuery = ({ from, to }: ReportsSearch) => queryOptions({
  queryKey: ['requests', 'reports', 'timeliness', from ?? '', to ?? ''],
  queryFn: () => api<TimelinessReport>(BASE, { query: { from, to } }),
});

export function ReportsPage({ search }: { search: ReportsSearch }) {
  useTitle('Requests answered on time');
  const report = useQuery(timelinessQuery(search));
  return (
    <>
      <span className="govuk-caption-l">Requests</span>
      <h1 className="govuk-heading-l">Requests answered on time</h1>
      <p className="govuk-body">
        Requests received and completed each month, by kind: the figures councils publish for Freedom of Information and subject access requests.
        A request is on time when it was closed on or before its due date; one closed while its clock was stopped missed no deadline.
      </p>
      <RangeForm key={`${report.data?.from ?? search.from}-${report.data?.to ?? search.to}`} from={report.data?.from ?? search.from ?? ''} to={report.data?.to ?? search.to ?? ''} />
      {report.isPending && <p className="govuk-body">Loading the report…</p>}
      {report.isError && <p className="govuk-body">The report could not be loaded. {errorMessage(report.error)}</p>}
      {report.data && <Report report={report.data} />}
    </>
  );
}

function RangeForm({ from: initialFrom, to: initialTo }: { from: string; to: string }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [error, setError] = useState<{ path: string; message: string } | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !MONTH.test(from) ? { path: 'from', message: 'Enter the first month as YYYY-MM, like 2026-04' }
      : !MONTH.test(to) ? { path: 'to', message: 'Enter the last month as YYYY-MM, like 2026-04' } : rangeProblem(from, to);
    setError(problem);
    if (!problem) void navigate({ to: '/requests/reports' as never, search: { from, to } as never });
  }
  const field = (name: 'from' | 'to', label: string, value: string, set: (v: string) => void) => (
    <div className={`govuk-form-group${error?.path === name ? ' govuk-form-group--error' : ''}`} style={{ display: 'inline-block', marginRight: 20 }}>
      <label className="govuk-label" htmlFor={`report-${name}`}>{label}</label>
      <div className="govuk-hint" id={`report-${name}-hint`}>For example, 2026-04</div>
      {error?.path === name && <p className="govuk-error-message" id={`report-${name}-error`}><span className="govuk-visually-hidden">Error:</span> {error.message}</p>}
      <input className={`govuk-input govuk-input--width-5${error?.path === name ? ' govuk-input--error' : ''}`} id={`report-${name}`} name={name} value={value}
        aria-describedby={`report-${name}-hint${error?.path === name ? ` report-${name}-error` : ''}`} onChange={(e) => set(e.target.value.trim())} inputMode="numeric" />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      {field('from', 'First month', from, setFrom)}
      {field('to', 'Last month', to, setTo)}
      <button type="submit" className="govuk-button govuk-button--secondary" style={{ verticalAlign: 'bottom' }}>Show</button>
    </form>
  );
}

const HEADS = ['Received', 'Completed', 'On time', 'Late', 'Open and overdue', '% on time'];
function FigureCells({ f }: { f: Figures }) {
  return (
    <>
      {[f.received, f.completed, f.onTime, f.late, f.openOverdue].map((n, i) => <td key={i} className="govuk-table__cell govuk-table__cell--numeric">{n}</td>)}
      <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(f.onTimePercent)}</td>
    </>
  );
}
const busy = (f: Figures) => f.received + f.completed + f.openOverdue > 0;

function Report({ report }: { report: TimelinessReport }) {
  const range = report.from === report.to ? monthName(report.from) : `${monthName(report.from)} to ${monthName(report.to)}`;
  const query = { from: report.from, to: report.to };
  const chart = useMemo(() => ({
    categories: report.months.map((m) => monthName(m.month)),
    series: [
      { name: 'On time', kind: 'bar' as const, stack: 'completed', values: report.months.map((m) => m.total.onTime) },
      { name: 'Late', kind: 'bar' as const, stack: 'completed', values: report.months.map((m) => m.total.late) },
      { name: 'Received', kind: 'line' as const, values: report.months.map((m) => m.total.received) },
    ],
  }), [report]);
  return (
    <>
      <p className="govuk-body">
        {range}; open requests judged on {formatUkDay(report.today)}.
        {' '}Download this report: <a className="govuk-link" href={withQuery(`/api/v1${BASE}.csv`, query)} download>CSV (spreadsheet)</a>
        {' '}or <a className="govuk-link" href={withQuery(`/api/v1${BASE}.pdf`, query)}>PDF</a>.
      </p>
      <h2 className="govuk-heading-m">By kind of request</h2>
      <div className="vigil-table-wrap">
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-table__caption--s">{range}, by kind of request</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Kind</th>
              {HEADS.map((h) => <th key={h} scope="col" className="govuk-table__header govuk-table__header--numeric">{h}</th>)}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.byType.map((t) => (
              <tr key={t.type} className="govuk-table__row"><th scope="row" className="govuk-table__header">{REQUEST_TYPE_SHORT[t.type]}</th><FigureCells f={t.figures} /></tr>
            ))}
            <tr className="govuk-table__row"><th scope="row" className="govuk-table__header">All requests</th><FigureCells f={report.total} /></tr>
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m">Completed on time and late, by month</h2>
      <Chart caption="Requests completed on time and late, and received, each month" categories={chart.categories} series={chart.series} />

      <h2 className="govuk-heading-m">Each month</h2>
      <div className="vigil-table-wrap">
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-visually-hidden">Each month by kind of request; kinds with nothing in a month are left out</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Month</th>
              <th scope="col" className="govuk-table__header">Kind</th>
              {HEADS.map((h) => <th key={h} scope="col" className="govuk-table__header govuk-table__header--numeric">{h}</th>)}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.months.flatMap((m) => [
              ...m.types.filter((t) => busy(t.figures)).map((t) => (
                <tr key={`${m.month}-${t.type}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{monthName(m.month)}</td>
                  <th scope="row" className="govuk-table__header">{REQUEST_TYPE_SHORT[t.type]}</th>
                  <FigureCells f={t.figures} />
                </tr>
              )),
              <tr key={`${m.month}-all`} className="govuk-table__row">
                <td className="govuk-table__cell"><strong>{monthName(m.month)}</strong></td>
                <th scope="row" className="govuk-table__header">All requests</th>
                <FigureCells f={m.total} />
              </tr>,
            ])}
          </tbody>
        </table>
      </div>
    </>
  );
}
