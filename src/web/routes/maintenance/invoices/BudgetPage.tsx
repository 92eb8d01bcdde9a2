import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { COST_HEADINGS, HEADINGS, budgetsQuery, setBudget, spendCsvHref, spendQuery, type CostHeading, type Spend } from '../../../api/maintenanceInvoices';
import { Chart } from '../../../components/Chart';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatDateTime } from '../../../../domain/calendar/london';
import { TextareaField } from '../../occurrences/Radios';
import { renameFields } from '../../estate/deployments/forms';
import { useBanner } from '../banner';
import { MaintenanceNav } from '../MaintenanceNav';
import { budgetOf } from './forms';
import { formatPence } from '../../../lib/money';
import { currentFinancialYear, spendChart, yearChoices, yearWords, type BudgetSearch } from './search';
import { MoneyField } from './tags';

/** Budget and spend: a financial year's budget per cost heading, what is committed and spent against it, per month as a chart and CSV. */
export function BudgetPage({ search, session }: { search: BudgetSearch; session: Session }) {
  useTitle('Budget and spend');
  const navigate = useNavigate();
  const current = currentFinancialYear();
  const year = search.year ?? current;
  const spend = useQuery(spendQuery(year));
  const [chosenYear, setChosenYear] = useState(year);
  const [heading, setHeading] = useState(search.heading ?? '');
  useEffect(() => { setChosenYear(year); setHeading(search.heading ?? ''); }, [year, search.heading]);
  const show = (event: React.FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/maintenance/budget', search: { year: chosenYear === current ? undefined : chosenYear, heading: (heading || undefined) as CostHeading | undefined } });
  };

  return (
    <>
      <h1 className="govuk-heading-l">Budget and spend</h1>
      <MaintenanceNav />
      <p className="govuk-body">
        The maintenance contract’s budget for each cost heading in a financial year (April to March). Committed: invoices approved but not yet paid, in the month of the invoice. Spent: invoices paid, in the month of payment. Amounts include VAT.
      </p>
      <form className="vigil-filter" onSubmit={show} noValidate role="search" aria-label="Choose the financial year">
        <div className="vigil-filter__row">
          <SelectField id="year" label="Financial year" value={chosenYear} onChange={setChosenYear}
            options={yearChoices(current, year).map((y) => ({ value: y, label: `${y}${y === current ? ' (this year)' : ''}` }))} />
          <SelectField id="heading" label="Chart for" value={heading} onChange={setHeading}
            options={[{ value: '', label: 'All headings' }, ...Object.entries(COST_HEADINGS).map(([value, label]) => ({ value, label }))]} />
          <Button variant="secondary">Show</Button>
        </div>
      </form>
      <h2 className="govuk-heading-m">{year}: {yearWords(year)}</h2>
      {spend.isPending && <p className="govuk-body">Loading the budget and spend…</p>}
      {spend.isError && <p className="govuk-body">The budget and spend could not be loaded. {spend.error.message}</p>}
      {spend.data && <Report report={spend.data} heading={search.heading} year={year} />}
      {can(session, 'maintenance.manage') && <SetBudgetForm year={year} />}
      <BudgetHistory year={year} />
    </>
  );
}

function Report({ report, heading, year }: { report: Spend; heading?: CostHeading; year: string }) {
  const chart = useMemo(() => spendChart(report.headings, heading), [report, heading]);
  // A heading with no budget set says so (a budget set to £0.00 shows as that).
  const budgets = useQuery(budgetsQuery(year));
  const isSet = (h: string) => !budgets.data || h === 'all' || budgets.data.items.some((b) => b.heading === h);
  const total = report.headings.reduce((t, h) => ({
    budgetPence: t.budgetPence + h.budgetPence, committedPence: t.committedPence + h.committedPence, spentPence: t.spentPence + h.spentPence, remainingPence: t.remainingPence + h.remainingPence,
  }), { budgetPence: 0, committedPence: 0, spentPence: 0, remainingPence: 0 });
  const rows = [...report.headings.map((h) => ({ name: COST_HEADINGS[h.heading], key: h.heading as string, ...h })), { name: 'All headings', key: 'all', ...total }];
  return (
    <>
      <div className="vigil-table-wrap">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Budget, committed, spent and remaining per heading, {year}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Cost heading</th>
              {['Budget', 'Committed', 'Spent', 'Remaining'].map((h) => <th key={h} scope="col" className="govuk-table__header govuk-table__header--numeric">{h}</th>)}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr key={r.name} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{r.name}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{isSet(r.key) ? formatPence(r.budgetPence) : 'None set'}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(r.committedPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(r.spentPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {formatPence(r.remainingPence)}
                  {r.remainingPence < 0 && <> <strong className="govuk-tag govuk-tag--red">Overspent</strong></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="govuk-heading-m">Spend against budget per month{heading ? `: ${COST_HEADINGS[heading].toLowerCase()}` : ''}</h2>
      <p className="govuk-body">
        Download the spend per heading and month: <a className="govuk-link" href={spendCsvHref(year)} download>CSV (spreadsheet)</a>
      </p>
      <Chart caption={`Spend against budget per month, ${year}${heading ? `, ${COST_HEADINGS[heading].toLowerCase()}` : ', all headings'}`}
        categories={chart.categories} series={chart.series} format={formatPence} height={320} />
    </>
  );
}

function SetBudgetForm({ year }: { year: string }) {
  const [heading, setHeading] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const { banner, done } = useBanner();
  const form = useWriteForm({ scope: 'budget', prefix: 'budget', fields: ['heading', 'amount', 'note'], fallbackField: 'heading', refresh: [['maintenance-budgets'], ['maintenance-spend']] });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const budget = budgetOf(amount);
    if (!form.check(fieldErrors([['heading', !heading && 'Choose the cost heading'], ['amount', budget.problem]]))) return;
    const ok = await form.run(async () => {
      try { await setBudget({ financialYear: year, heading: heading as CostHeading, amountPence: budget.pence!, note: note || undefined }); } catch (err) { throw renameFields(err, { amountPence: 'amount' }); }
    }, 'Set');
    if (ok) {
      done(`${COST_HEADINGS[heading as CostHeading]} budget for ${year} set to ${formatPence(budget.pence!)}.`);
      setHeading(''); setAmount(''); setNote('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="budget-title">
      <h2 className="govuk-heading-m" id="budget-title">Set a budget for {year}</h2>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <ErrorSummary errors={form.errors} />
      <p className="govuk-body">A new budget stands from now; earlier ones are kept in the history below.</p>
      <SelectField id={form.id('heading')} label="Cost heading" value={heading} onChange={setHeading} error={form.field('heading')}
        options={[{ value: '', label: 'Choose a heading' }, ...HEADINGS.map((h) => ({ value: h, label: COST_HEADINGS[h] }))]} />
      <MoneyField id={form.id('amount')} label="Budget for the year" hint="In pounds and pence, for example 120,000.00" value={amount} onChange={setAmount} error={form.field('amount')} />
      <TextareaField id={form.id('note')} label="Note (optional)" hint="Why it is set or changed, like the committee decision" value={note} onChange={setNote} error={form.field('note')} rows={2} />
      <Button disabled={form.busy}>Set the budget</Button>
    </form>
  );
}

function BudgetHistory({ year }: { year: string }) {
  const budgets = useQuery(budgetsQuery(year));
  if (!budgets.data?.history.length) return null;
  return (
    <div className="vigil-table-wrap">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">Budgets set for {year}, newest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Set', 'Cost heading', 'Budget', 'Note'].map((h) => <th key={h} scope="col" className={`govuk-table__header${h === 'Budget' ? ' govuk-table__header--numeric' : ''}`}>{h}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {budgets.data.history.map((b) => (
            <tr key={`${b.heading}-${b.setAt}`} className="govuk-table__row">
              <td className="govuk-table__cell">{formatDateTime(b.setAt)} by {b.setBy.name}</td>
              <td className="govuk-table__cell">{COST_HEADINGS[b.heading]}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(b.amountPence)}</td>
              <td className="govuk-table__cell vigil-prewrap">{b.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
