import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../api/auth';
import type { Session } from '../../../api/types';
import { contractorOrganisationsQuery, contractsQuery, createContract, WEEKDAYS, type Contract } from '../../../api/maintenanceContracts';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../../components/fields';
import { TableHead } from '../../../components/TableHead';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { formatUkDay } from '../../../../domain/calendar/london';
import type { Weekday } from '../../../../domain/maintenance/contract';
import { MaintenanceNav } from '../MaintenanceNav';
import { contractBodyOf, emptyContract, PRIORITY_LIST, type ContractDraft } from './forms';

const FIELDS = ['reference', 'name', 'contractorOrganisationId', 'startsOn', 'endsOn', 'workingDays', 'opensAt', 'closesAt', 'monthlyChargePence', 'serviceCredits'];

/** The maintenance contracts, and (for coordinators) a form to set one up. */
export function ContractsPage({ session }: { session: Session }) {
  useTitle('Maintenance contracts');
  const list = useQuery(contractsQuery);
  return (
    <>
      <h1 className="govuk-heading-l">Maintenance contracts</h1>
      <MaintenanceNav />
      {list.isPending && <p className="govuk-body">Loading the contracts…</p>}
      {list.isError && <p className="govuk-body">The contracts could not be loaded. {list.error.message}</p>}
      {list.data && (list.data.length === 0 ? <p className="govuk-body">There are no maintenance contracts yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Contracts, by reference</caption>
          <TableHead columns={['Reference', 'Name', 'Contractor', 'Starts', 'Ends']} />
          <tbody className="govuk-table__body">
            {list.data.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={'/maintenance/contracts/$id'} params={{ id: c.id }}>{c.reference}</Link></td>
                <td className="govuk-table__cell">{c.name}</td>
                <td className="govuk-table__cell">{c.contractor.name}</td>
                <td className="govuk-table__cell">{formatUkDay(c.startsOn)}</td>
                <td className="govuk-table__cell">{c.endsOn ? formatUkDay(c.endsOn) : 'No end set'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {can(session, 'maintenance.manage') && <CreateContractForm />}
    </>
  );
}

function CreateContractForm() {
  const [draft, setDraft] = useState<ContractDraft>(emptyContract);
  const form = useWriteForm({ scope: 'contracts', prefix: 'contract', fields: FIELDS, fallbackField: 'reference', refresh: [['maintenance-contracts']] });
  const contractors = useQuery(contractorOrganisationsQuery);
  const navigate = useNavigate();
  const set = <K extends keyof ContractDraft>(key: K) => (value: ContractDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { body, problems } = contractBodyOf(draft);
    if (!form.check(fieldErrors(FIELDS.map((f) => [f, problems[f]]))) || !body) return;
    let made: Contract | undefined;
    const ok = await form.run(async () => { made = await createContract(body); }, 'Contract set up');
    if (ok && made) void navigate({ to: '/maintenance/contracts/$id', params: { id: made.id } });
  };
  const text = (f: keyof ContractDraft & string, label: string, hint?: string, width: '20' | '10' | '5' | 'full' = 'full', errorField: string = f) => (
    <TextField id={form.id(errorField)} label={label} hint={hint} value={draft[f] as string} onChange={set(f) as (v: string) => void} error={form.field(errorField)} width={width} autoComplete="off" spellCheck={false} />
  );
  const credit = (which: 'responseCredit' | 'fixCredit', p: (typeof PRIORITY_LIST)[number], label: string) => (
    <TextField id={`${form.id('serviceCredits')}-${which}-${p}`} label={label} value={draft[which][p]} width="5" inputMode="text" autoComplete="off"
      onChange={(v) => setDraft((d) => ({ ...d, [which]: { ...d[which], [p]: v } }))} />
  );

  return (
    <section aria-labelledby="create-contract-heading">
      <h2 className="govuk-heading-m" id="create-contract-heading">Set up a contract</h2>
      <ErrorSummary errors={form.errors} />
      {form.done && <div className="govuk-inset-text" role="status">{form.done}</div>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {text('reference', 'Contract reference', 'Letters, digits, slashes or hyphens, like CCTV/2026-01', '20')}
        {text('name', 'Name', 'Like ‘CCTV maintenance 2026 to 2029’')}
        <SelectField id={form.id('contractorOrganisationId')} label="Contractor" error={form.field('contractorOrganisationId')} value={draft.contractorOrganisationId}
          onChange={set('contractorOrganisationId')} hint={contractors.isError ? 'The contractors could not be loaded.' : 'An organisation registered as a contractor'}
          options={[{ value: '', label: 'Choose the contractor' }, ...(contractors.data ?? []).map((o) => ({ value: o.id, label: o.name }))]} />
        {text('startsOn', 'Starts on', 'For example, 1/4/2026', '10')}
        {text('endsOn', 'Ends on (optional)', 'For example, 31/3/2029', '10')}
        <h3 className="govuk-heading-s">Working hours</h3>
        <p className="govuk-body">SLA times on the working-hours clock count only these hours, not bank holidays or the contract’s closure days.</p>
        <CheckboxesField id={form.id('workingDays')} legend="Working days" error={form.field('workingDays')} values={draft.workingDays}
          onChange={(v) => set('workingDays')(v as Weekday[])} options={Object.entries(WEEKDAYS).map(([value, label]) => ({ value, label }))} />
        {text('opensAt', 'Opens at', 'On the 24-hour clock, like 08:00', '5')}
        {text('closesAt', 'Closes at', 'On the 24-hour clock, like 17:00', '5')}
        <h3 className="govuk-heading-s">Charges</h3>
        {text('monthlyCharge', 'Monthly charge, in £', 'Pounds and pence, like 12500.00', '10', 'monthlyChargePence')}
        <div className={`govuk-form-group${form.field('serviceCredits') ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={`${form.id('serviceCredits')}-hint`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Service credits</legend>
            <div className="govuk-hint" id={`${form.id('serviceCredits')}-hint`}>What the contractor credits for each fault whose response or fix SLA is missed, by priority, capped at a percentage of the monthly charge.</div>
            {form.field('serviceCredits') && <p className="govuk-error-message" id={`${form.id('serviceCredits')}-error`}><span className="govuk-visually-hidden">Error:</span> {form.field('serviceCredits')}</p>}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={form.id('serviceCredits')} type="checkbox" checked={draft.hasCredits} onChange={(e) => set('hasCredits')(e.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={form.id('serviceCredits')}>This contract has service credits</label>
              </div>
            </div>
            {draft.hasCredits && (
              <div className="govuk-!-margin-top-4">
                {PRIORITY_LIST.map((p) => (
                  <div key={p} className="vigil-filter__row">
                    {credit('responseCredit', p, `${p}: missed response, £`)}
                    {credit('fixCredit', p, `${p}: missed fix, £`)}
                  </div>
                ))}
                {text('capPercent', 'Cap, as a percentage of the monthly charge', 'Like 10', '5', 'serviceCredits-cap')}
              </div>
            )}
          </fieldset>
        </div>
        <Button disabled={form.busy}>Set up the contract</Button>
      </form>
    </section>
  );
}
