import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatUkDay } from '../../../domain/calendar/london';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { useBanner } from '../maintenance/banner';
import { addClosure, calendarQuery, clockPolicyQuery, importBankHolidays, removeClosure, setClockPolicy, type Policy } from './requestCalendarApi';

const REFRESH = [['request-calendar']];
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Administrators: the council's closure days, a newer GOV.UK bank-holidays file, and the clock policy from a day. */
export function RequestCalendarPage() {
  useTitle('Request calendar and clocks');
  const { banner, done } = useBanner();
  return (
    <>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <h1 className="govuk-heading-l">Request calendar and clocks</h1>
      <p className="govuk-body">Request clocks count working days on this calendar. Changing it works out again the due date of every open request.</p>
      <Closures done={done} />
      <BankHolidays done={done} />
      <PolicyForm done={done} />
    </>
  );
}

function Closures({ done }: { done: (t: string) => void }) {
  const cal = useQuery(calendarQuery);
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const form = useWriteForm({ scope: 'request-calendar', prefix: 'closure', fields: ['day', 'reason'], fallbackField: 'day', refresh: REFRESH });
  const removing = useWriteForm({ scope: 'request-calendar', prefix: 'removal', fields: [], fallbackField: 'id', refresh: REFRESH });
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.check(fieldErrors([['day', !day && 'Enter the day the offices are closed']]))) return;
    let changed = 0;
    if (await form.run(async () => { changed = (await addClosure(day, reason)).dueDatesChanged; }, 'Added')) {
      done(`Closure day ${formatUkDay(day)} added; ${plural(changed, 'open request')} with a new due date.`);
      setDay(''); setReason('');
    }
  };
  return (
    <section aria-labelledby="closures-title">
      <h2 className="govuk-heading-m" id="closures-title">Closure days</h2>
      <p className="govuk-body">Days the council’s offices are closed besides bank holidays. The council’s own clocks skip them; statutory SAR and FOI clocks do not.</p>
      {cal.isError && <p className="govuk-body">The calendar could not be loaded. {cal.error.message}</p>}
      <ErrorSummary errors={removing.errors} />
      {cal.data && (cal.data.closures.length === 0 ? <p className="govuk-body">No closure days.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{plural(cal.data.closures.length, 'closure day')}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Day</th><th scope="col" className="govuk-table__header">Why</th><th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th></tr></thead>
          <tbody className="govuk-table__body">
            {cal.data.closures.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatUkDay(c.day)}</td>
                <td className="govuk-table__cell">{c.reason}</td>
                <td className="govuk-table__cell">
                  <Button variant="secondary" className="govuk-!-margin-bottom-0" disabled={removing.busy}
                    onClick={() => void removing.run(() => removeClosure(c.id), 'Removed').then((ok) => ok && done(`Closure day ${formatUkDay(c.day)} removed.`))}>
                    Remove<span className="govuk-visually-hidden"> {formatUkDay(c.day)}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <form onSubmit={(e) => void add(e)} noValidate aria-labelledby="closure-add-title">
        <h3 className="govuk-heading-s" id="closure-add-title">Add a closure day</h3>
        <ErrorSummary errors={form.errors} />
        <TextField id={form.id('day')} label="Day" type="date" value={day} onChange={setDay} error={form.field('day')} />
        <TextField id={form.id('reason')} label="Why the offices are closed" value={reason} onChange={setReason} error={form.field('reason')} width="30" />
        <Button variant="secondary" disabled={form.busy}>Add the closure day</Button>
      </form>
    </section>
  );
}

function BankHolidays({ done }: { done: (t: string) => void }) {
  const [file, setFile] = useState<File>();
  const [years, setYears] = useState<Record<string, string[]>>();
  const form = useWriteForm({ scope: 'request-calendar', prefix: 'holidays', fields: ['file'], fallbackField: 'file', refresh: REFRESH });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!form.check(fieldErrors([['file', !file && 'Choose the bank-holidays.json file downloaded from GOV.UK']])) || !file) return;
    const text = await file.text();
    let r: Awaited<ReturnType<typeof importBankHolidays>> | undefined;
    if (await form.run(async () => { r = await importBankHolidays(text); }, 'Imported') && r) {
      setYears(r.years);
      done(`${plural(r.days, 'bank holiday')} imported; ${plural(r.dueDatesChanged, 'open request')} with a new due date.`);
    }
  };
  const error = form.field('file');
  const id = form.id('file');
  return (
    <section aria-labelledby="holidays-title">
      <h2 className="govuk-heading-m" id="holidays-title">Bank holidays</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={form.errors} />
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor={id}>GOV.UK bank-holidays file</label>
          <div className="govuk-hint" id={`${id}-hint`}>Download https://www.gov.uk/bank-holidays.json and choose it here. Each year it lists replaces that year.</div>
          {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
          <input className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id={id} type="file" accept="application/json,.json"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        <Button variant="secondary" disabled={form.busy}>Import the file</Button>
      </form>
      {years && (
        <dl className="govuk-summary-list" aria-label="Years replaced">
          {Object.entries(years).map(([division, ys]) => (
            <div key={division} className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{division}</dt><dd className="govuk-summary-list__value">{ys.length ? ys.join(', ') : 'No years'}</dd></div>
          ))}
        </dl>
      )}
    </section>
  );
}

const NUMBERS = [['enquiryWorkingDays', 'Member’s enquiry'], ['agencyFootageWorkingDays', 'Footage request from the police or an agency'], ['thirdPartyFootageWorkingDays', 'Footage request from a third party'], ['viewingWorkingDays', 'Offering a viewing']] as const;

function PolicyForm({ done }: { done: (t: string) => void }) {
  const q = useQuery(clockPolicyQuery);
  if (q.isPending) return <p className="govuk-body">Loading the clock policy…</p>;
  if (q.isError) return <p className="govuk-body">The clock policy could not be loaded. {q.error.message}</p>;
  return <PolicyFields key={q.data.inForce.id ?? 'default'} start={q.data.upcoming.at(-1)?.policy ?? q.data.inForce.policy} today={q.data.today} inForceFrom={q.data.inForce.effectiveFrom} upcoming={q.data.upcoming.map((u) => u.effectiveFrom!)} done={done} />;
}

function PolicyFields({ start, today, inForceFrom, upcoming, done }: { start: Policy; today: string; inForceFrom: string | null; upcoming: string[]; done: (t: string) => void }) {
  const [text, setText] = useState(() => toText(start));
  const [from, setFrom] = useState(today);
  const form = useWriteForm({ scope: 'request-calendar', prefix: 'policy', fields: ['effectiveFrom', 'policy'], fallbackField: 'policy', refresh: REFRESH });
  const setN = (path: string) => (v: string) => setText((t) => ({ ...t, [path]: v }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const policy = fromText(start, text);
    if (!form.check(fieldErrors([['policy', !policy && 'Enter every clock as a whole number of working days']]))) return;
    if (await form.run(() => setClockPolicy(from, policy!), 'Set')) done(`Clock policy set from ${formatUkDay(from)}.`);
  };
  return (
    <section aria-labelledby="policy-title">
      <h2 className="govuk-heading-m" id="policy-title">Clock policy</h2>
      <p className="govuk-body">In force {inForceFrom ? `since ${formatUkDay(inForceFrom)}` : 'as Vigil’s default'}.{upcoming.length > 0 && ` Dated to start: ${upcoming.map(formatUkDay).join(', ')}.`} A request keeps the policy in force on the day it was received.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={form.errors} />
        <div id={form.id('policy')} tabIndex={-1}>{form.field('policy') && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {form.field('policy')}</p>}</div>
        {start.complaintStages.map((s, i) => (
          <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-4">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Complaint: {s.name}</legend>
            <div className="vigil-filter__row">
              <TextField id={`policy-stage${i}-ack`} label="Acknowledge within (working days)" value={text[`s${i}a`] ?? ''} onChange={setN(`s${i}a`)} width="4" inputMode="numeric" />
              <TextField id={`policy-stage${i}-respond`} label="Respond within (working days)" value={text[`s${i}r`] ?? ''} onChange={setN(`s${i}r`)} width="4" inputMode="numeric" />
            </div>
          </fieldset>
        ))}
        {NUMBERS.map(([k, label]) => <TextField key={k} id={`policy-${k}`} label={`${label} (working days)`} value={text[k] ?? ''} onChange={setN(k)} width="4" inputMode="numeric" />)}
        <TextField id={form.id('effectiveFrom')} label="Takes effect from" hint="Today or later: requests received from that day take it" type="date" value={from} onChange={setFrom} error={form.field('effectiveFrom')} />
        <Button disabled={form.busy}>Set the clock policy</Button>
      </form>
    </section>
  );
}

function toText(p: Policy): Record<string, string> {
  const out: Record<string, string> = {};
  p.complaintStages.forEach((s, i) => { out[`s${i}a`] = String(s.acknowledgeWorkingDays); out[`s${i}r`] = String(s.respondWorkingDays); });
  for (const [k] of NUMBERS) out[k] = String(p[k]);
  return out;
}

/** The typed numbers -> a policy, or undefined when one is not a whole number (the server checks the range). */
export function fromText(base: Policy, t: Record<string, string>): Policy | undefined {
  const n = (k: string) => (/^\d+$/.test((t[k] ?? '').trim()) ? Number(t[k]!.trim()) : NaN);
  const p: Policy = {
    complaintStages: base.complaintStages.map((s, i) => ({ name: s.name, acknowledgeWorkingDays: n(`s${i}a`), respondWorkingDays: n(`s${i}r`) })),
    enquiryWorkingDays: n('enquiryWorkingDays'), agencyFootageWorkingDays: n('agencyFootageWorkingDays'),
    thirdPartyFootageWorkingDays: n('thirdPartyFootageWorkingDays'), viewingWorkingDays: n('viewingWorkingDays'),
  };
  const all = [...p.complaintStages.flatMap((s) => [s.acknowledgeWorkingDays, s.respondWorkingDays]), p.enquiryWorkingDays, p.agencyFootageWorkingDays, p.thirdPartyFootageWorkingDays, p.viewingWorkingDays];
  return all.every(Number.isInteger) ? p : undefined;
}
