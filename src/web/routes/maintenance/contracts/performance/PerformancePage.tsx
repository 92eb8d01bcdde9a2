import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import {
  PRIORITIES, gbp, minutesText, monthName, percentText, performanceCsvHref, performancePdfHref, performanceQuery, shiftMonth, type PerformanceReport,
} from '../../../../api/maintenancePerformance';
import { Chart } from '../../../../components/Chart';
import { useTitle } from '../../../../components/useTitle';
import { errorMessage } from '../../../../lib/errors';
import { formatDateTime } from '../../../../../domain/calendar/london';
import { MaintenanceNav } from '../../MaintenanceNav';

// A contract's month: the figures by priority, the SLAs met and the cameras' availability as charts
// (each with its table), the repeats, the service credits and the cameras below the target, with
// the month chooser and the CSV and PDF.

const percentAxis = (v: number) => `${Math.round(v)}%`;
const AVAILABILITY_BANDS = [
  { name: '100%', test: (p: number) => p >= 100 },
  { name: '99% to 100%', test: (p: number) => p >= 99 && p < 100 },
  { name: '95% to 99%', test: (p: number) => p >= 95 && p < 99 },
  { name: '90% to 95%', test: (p: number) => p >= 90 && p < 95 },
  { name: 'Below 90%', test: (p: number) => p < 90 },
] as const;

export function PerformancePage({ contractId, month }: { contractId: string; month?: string }) {
  const report = useQuery(performanceQuery(contractId, month));
  const shown = report.data?.month ?? month;
  useTitle(shown ? `Contractor performance, ${monthName(shown)}` : 'Contractor performance');
  return (
    <>
      <span className="govuk-caption-l">{report.data ? `${report.data.contract.reference} ${report.data.contract.name}` : 'Maintenance contract'}</span>
      <h1 className="govuk-heading-l">Contractor performance{shown ? `: ${monthName(shown)}` : ''}</h1>
      <MaintenanceNav />
      {report.isPending && <p className="govuk-body">Loading the report…</p>}
      {report.isError && <p className="govuk-body">The report could not be loaded. {errorMessage(report.error)}</p>}
      {report.data && <Report report={report.data} />}
    </>
  );
}

function MonthChooser({ report }: { report: PerformanceReport }) {
  const link = (m: string, rel: 'prev' | 'next', label: string) => (
    <Link className="govuk-link govuk-pagination__link" to={'/maintenance/contracts/$id/performance' as never} params={{ id: report.contract.id } as never} search={{ month: m } as never} rel={rel}>
      <span className="govuk-pagination__link-title">{label}<span className="govuk-visually-hidden"> month</span></span>
      <span className="govuk-visually-hidden">:</span>
      <span className="govuk-pagination__link-label">{monthName(m)}</span>
    </Link>
  );
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Months">
      <div className="govuk-pagination__prev">{link(shiftMonth(report.month, -1), 'prev', 'Previous')}</div>
      <div className="govuk-pagination__next">{link(shiftMonth(report.month, 1), 'next', 'Next')}</div>
    </nav>
  );
}

function Report({ report }: { report: PerformanceReport }) {
  const rows = [...report.byPriority.map((p) => ({ ...p, name: PRIORITIES[p.priority] })), { ...report.total, name: 'All priorities' }];
  const sla = useMemo(() => ({
    categories: report.byPriority.map((p) => p.priority),
    series: [
      { name: 'Response SLA met', kind: 'bar' as const, values: report.byPriority.map((p) => p.response.metPercent) },
      { name: 'Fix SLA met', kind: 'bar' as const, values: report.byPriority.map((p) => p.fix.metPercent) },
    ],
  }), [report]);
  const { targetPercent, cameras, overallPercent } = report.availability;
  const bands = useMemo(() => ({
    categories: AVAILABILITY_BANDS.map((b) => b.name),
    series: [{ name: 'Cameras', kind: 'bar' as const, values: AVAILABILITY_BANDS.map((b) => cameras.filter((c) => c.percent !== null && b.test(c.percent)).length) }],
  }), [cameras]);
  const below = cameras.filter((c) => c.percent !== null && c.percent < targetPercent);
  const sc = report.serviceCredits;

  return (
    <>
      <MonthChooser report={report} />
      <p className="govuk-body">
        Faults raised from {formatDateTime(report.from)} to {formatDateTime(new Date(new Date(report.to).getTime() - 60_000))}, with the contractor {report.contract.contractor.name}.
        {' '}Download this report: <a className="govuk-link" href={performanceCsvHref(report.contract.id, report.month)} download>CSV (spreadsheet)</a>
        {' '}or <a className="govuk-link" href={performancePdfHref(report.contract.id, report.month)}>PDF</a>.
      </p>
      {!report.isFinal && (
        <div className="govuk-inset-text">
          Provisional: {report.unprioritised > 0 && `${report.unprioritised} ${report.unprioritised === 1 ? 'fault has' : 'faults have'} no priority yet and ${report.unprioritised === 1 ? 'is' : 'are'} outside the figures; `}
          some figures can still change until every fault raised in the month is decided and the month is over.
        </div>
      )}

      <h2 className="govuk-heading-m">Faults by priority</h2>
      <div className="vigil-table-wrap">
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-table__caption--s">Faults raised in {monthName(report.month)}, by priority</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Priority', 'Raised', 'Response SLA met', 'Fix SLA met', 'Mean time to respond', 'Mean time to repair', 'Repeat faults'].map((h, i) => (
                <th key={h} scope="col" className={`govuk-table__header${i ? ' govuk-table__header--numeric' : ''}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((p) => (
              <tr key={p.name} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{p.name}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.raised}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(p.response.metPercent)} <span className="govuk-body-s">({p.response.met} met, {p.response.breached} breached{p.response.pending ? `, ${p.response.pending} pending` : ''})</span></td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(p.fix.metPercent)} <span className="govuk-body-s">({p.fix.met} met, {p.fix.breached} breached{p.fix.pending ? `, ${p.fix.pending} pending` : ''})</span></td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{minutesText(p.meanMinutesToRespond)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{minutesText(p.meanMinutesToRepair)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.repeats}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m">SLAs met</h2>
      <Chart caption="Share of decided faults whose SLA was met, by priority" categories={sla.categories} series={sla.series} format={percentAxis} />

      <h2 className="govuk-heading-m">Camera availability</h2>
      <p className="govuk-body">Across {cameras.length} cameras in service: {percentText(overallPercent)} of their hours operational. A camera counts as down from a fault being raised until the contractor fixes it.</p>
      <Chart caption="Cameras by availability this month" categories={bands.categories} series={bands.series} />
      <h3 className="govuk-heading-s">Cameras below {targetPercent}% availability</h3>
      {below.length === 0 ? <p className="govuk-body">None.</p> : (
        <div className="vigil-table-wrap">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">Cameras below {targetPercent}% availability, least available first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Camera', 'Availability', 'Hours down', 'Hours in service'].map((h, i) => <th key={h} scope="col" className={`govuk-table__header${i ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {below.map((c) => (
                <tr key={c.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header"><Link className="govuk-link" to={'/estate/cameras/$id' as never} params={{ id: c.id } as never}>{c.reference}</Link> {c.name}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><strong className="govuk-tag govuk-tag--red">{percentText(c.percent)}</strong></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.downHours.toFixed(1)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.inServiceHours.toFixed(0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="govuk-heading-m">Repeat faults</h2>
      {report.repeatFaults.length === 0 ? <p className="govuk-body">None: no fault came back within 30 days of a fix.</p> : (
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-visually-hidden">Faults raised within 30 days of an earlier fault's fix on the same camera</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">{['Fault', 'Camera', 'Raised', 'Repeats', 'Which was fixed'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.repeatFaults.map((r) => (
              <tr key={r.fault.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{r.fault.reference}</th>
                <td className="govuk-table__cell">{r.camera.reference} {r.camera.name}</td>
                <td className="govuk-table__cell">{formatDateTime(r.raisedAt)}</td>
                <td className="govuk-table__cell">{r.earlierFault.reference}</td>
                <td className="govuk-table__cell">{formatDateTime(r.earlierFixedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Service credits</h2>
      {!sc ? <p className="govuk-body">The contract defines no service credits.</p> : (
        <>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">Service credits earned by priority</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Priority', 'Responses breached', 'Credit', 'Fixes breached', 'Credit'].map((h, i) => <th key={`${h}${i}`} scope="col" className={`govuk-table__header${i ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {sc.lines.map((l) => (
                <tr key={l.priority} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{l.priority}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{l.responseBreaches}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{gbp(l.responsePence)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{l.fixBreaches}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{gbp(l.fixPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Earned</dt><dd className="govuk-summary-list__value">{gbp(sc.earnedPence)}</dd></div>
            <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Cap</dt><dd className="govuk-summary-list__value">{gbp(sc.capPence)}</dd></div>
            <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Credited to the council</dt><dd className="govuk-summary-list__value"><strong>{gbp(sc.creditPence)}</strong>{sc.isCapped ? ' (capped)' : ''}</dd></div>
          </dl>
        </>
      )}
    </>
  );
}
