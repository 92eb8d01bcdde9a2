import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTitle } from '../../../components/useTitle';
import { SelectField } from '../../../components/fields';
import { formatUkDay } from '../../../../domain/calendar/london';
import { parishesQuery, parishReportCsvHref, parishReportQuery } from './api';
import { formatHours, lastMonths, monthLabel } from './format';
import { TeamNav } from './TeamNav';

const th = (h: string) => <th key={h} scope="col" className="govuk-table__header">{h}</th>;
const td = 'govuk-table__cell';
const num = 'govuk-table__cell govuk-table__cell--numeric';

/** Parish and town council contracts, and the monthly billing report for a chosen month (with its CSV). */
export function ContractsPage() {
  useTitle('Parish contracts');
  const months = useMemo(() => lastMonths(new Date()), []);
  const [month, setMonth] = useState(months[0]!);
  const parishes = useQuery(parishesQuery);
  const report = useQuery(parishReportQuery(month));

  return (
    <>
      <h1 className="govuk-heading-l">Parish contracts</h1>
      <TeamNav />

      <h2 className="govuk-heading-m">Parishes and their contracts</h2>
      {parishes.isError && <p className="govuk-body" role="alert">The parishes could not be loaded. {parishes.error.message}</p>}
      {parishes.data && (parishes.data.items.length === 0 ? <p className="govuk-body">No parish or town council is set up.</p> : (
        <ul className="govuk-list">
          {parishes.data.items.map((p) => (
            <li key={p.id} className="govuk-!-margin-bottom-4">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{p.name}</h3>
              {p.contact && <p className="govuk-body-s govuk-!-margin-bottom-1">Contact: {p.contact}</p>}
              {p.contracts.length === 0 ? <p className="govuk-body-s">No contract.</p> : (
                <ul className="govuk-list govuk-list--bullet">
                  {p.contracts.map((c) => (
                    <li key={c.id}>
                      {c.label || 'Contract'}: {formatHours(c.hoursPerMonth * 60)} hours and {c.visitsPerMonth} visits a month,
                      from {formatUkDay(c.validFrom)}{c.validTo ? ` to ${formatUkDay(c.validTo)}` : ''}{c.notes ? `. ${c.notes}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ))}
      {!parishes.data && !parishes.isError && <p className="govuk-body">Loading…</p>}

      <h2 className="govuk-heading-m">Monthly billing report</h2>
      <SelectField id="report-month" label="Month" value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
      <p className="govuk-body"><a className="govuk-link" href={parishReportCsvHref(month)} download>Download the report for {monthLabel(month)} as CSV</a></p>
      {report.isError && <p className="govuk-body" role="alert">The report could not be loaded. {report.error.message}</p>}
      {report.data && (report.data.rows.length === 0 ? <p className="govuk-body">No contract ran in {monthLabel(report.data.month)}.</p> : (
        <table className="govuk-table" aria-busy={report.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--s">{monthLabel(report.data.month)}: {formatUkDay(report.data.from)} to {formatUkDay(report.data.to)}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Contract', 'Patrol hours', 'Contracted hours', 'Visits', 'Contracted visits', 'Notices by kind', 'Hours delivered'].map(th)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {report.data.rows.map((r) => (
              <tr key={r.contract.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{r.contract.name}</th>
                <td className={num}>{formatHours(r.patrolMinutes)}</td>
                <td className={num}>{formatHours(r.contractedMinutes)}</td>
                <td className={num}>{r.visits}</td>
                <td className={num}>{r.contractedVisits}</td>
                <td className={td}>PCNs {r.notices.pcn}, FPNs {r.notices.fpn}, defects {r.notices.defect}, ASB {r.notices.asb}, inspections {r.notices.inspection}</td>
                <td className={num}>{r.hoursPercent === null ? 'No hours contracted' : `${r.hoursPercent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {!report.data && !report.isError && <p className="govuk-body">Loading…</p>}
    </>
  );
}
