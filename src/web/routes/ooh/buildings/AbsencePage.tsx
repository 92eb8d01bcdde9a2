import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ABSENCE_REASONS, REPORTED_VIA, type Absence } from '../../../../domain/ooh/contract';
import { formatDateTime, formatUkDateTimeInput } from '../../../../domain/calendar/london';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { OohNav } from '../OohNav';
import { absencesCsvHref, absencesQuery, markAbsenceSeen, reportAbsence } from './api';
import { whenOrProblem } from './when';

export interface AbsenceSearch { cover?: string; seen?: string; organisation?: string; sort?: string }
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** Staff absence: reported overnight, read by the control-room manager next morning (unseen first). */
export function AbsencePage({ search }: { search: AbsenceSearch }) {
  useTitle('Staff absence');
  const navigate = useNavigate();
  const list = useQuery(absencesQuery({ ...search }));
  const [cover, setCover] = useState(search.cover ?? '');
  const [seen, setSeen] = useState(search.seen ?? '');
  const [organisation, setOrganisation] = useState(search.organisation ?? '');
  const [banner, setBanner] = useState<string>();
  const filter = (e: React.FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/ooh/absence' as never, search: { cover: cover || undefined, seen: seen || undefined, organisation: organisation.trim() || undefined, sort: search.sort } as never });
  };
  return (
    <>
      {banner && <NotificationBanner key={banner} success heading={banner} />}
      <h1 className="govuk-heading-l">Staff absence</h1>
      <OohNav />
      <form className="vigil-filter" onSubmit={filter} noValidate role="search" aria-label="Filter the absences">
        <div className="vigil-filter__row">
          <TextField id="f-organisation" label="Organisation" type="search" value={organisation} onChange={setOrganisation} width="20" />
          <SelectField id="f-cover" label="Cover" value={cover} onChange={setCover} options={[{ value: '', label: 'Any' }, { value: 'no_cover', label: 'No cover' }, { value: 'covered', label: 'Covered' }]} />
          <SelectField id="f-seen" label="Seen by the manager" value={seen} onChange={setSeen} options={[{ value: '', label: 'Any' }, { value: 'unseen', label: 'Not yet seen' }, { value: 'seen', label: 'Seen' }]} />
          <SelectField id="f-sort" label="Sort by" value={search.sort ?? 'shift_asc'} onChange={(s) => void navigate({ to: '/ooh/absence' as never, search: { ...search, sort: s } as never })}
            options={[{ value: 'shift_asc', label: 'Shift, soonest first' }, { value: 'reported_desc', label: 'Reported, newest first' }, { value: 'person_asc', label: 'Person' }, { value: 'organisation_asc', label: 'Organisation' }]} />
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {list.isError && <p className="govuk-body">The absences could not be loaded. {list.error.message}</p>}
      {list.data && (
        <>
          <p className="govuk-body">Since {formatDateTime(list.data.from)}: {list.data.total} reported, {list.data.unseen} not yet seen.
            {' '}<a className="govuk-link" href={absencesCsvHref({ ...search })} download>Download as CSV (spreadsheet)</a></p>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--s">Absences, not yet seen first</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Person', 'Shift', 'Reason', 'Cover', 'Reported', 'Seen'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">{list.data.items.map((a) => <Row key={a.id} a={a} />)}</tbody>
          </table>
          {list.data.items.length === 0 && <p className="govuk-body">No absences reported in this period.</p>}
        </>
      )}
      <ReportForm done={setBanner} />
    </>
  );
}

function Row({ a }: { a: Absence }) {
  const qc = useQueryClient();
  const seen = useMutation({ mutationFn: () => markAbsenceSeen(a.id), onSuccess: () => qc.invalidateQueries({ queryKey: ['ooh'] }) });
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{a.personName}<br /><span className="govuk-body-s">{a.organisation}</span></td>
      <td className="govuk-table__cell">{formatDateTime(a.shiftStart)} to {formatDateTime(a.shiftEnd)}</td>
      <td className="govuk-table__cell">{ABSENCE_REASONS[a.reason]}</td>
      <td className="govuk-table__cell">{a.noCover ? <strong className="govuk-tag govuk-tag--red">No cover</strong> : a.cover}</td>
      <td className="govuk-table__cell">{formatDateTime(a.reportedAt)} by {a.reportedBy} ({REPORTED_VIA[a.reportedVia]})</td>
      <td className="govuk-table__cell">{a.seen ? `${a.seen.by}, ${formatDateTime(a.seen.at)}` : (
        <Button variant="secondary" className="govuk-!-margin-bottom-0" disabled={seen.isPending} onClick={() => seen.mutate()}>Mark seen<span className="govuk-visually-hidden">: {a.personName}</span></Button>
      )}{seen.isError && <span className="govuk-error-message" role="alert">Not marked seen. {seen.error.message}</span>}</td>
    </tr>
  );
}

const FIELDS = ['organisation', 'personName', 'reportedBy', 'reportedVia', 'reportedAt', 'reason', 'shiftStart', 'shiftEnd', 'cover', 'notes'];

function ReportForm({ done }: { done: (text: string) => void }) {
  const [v, setV] = useState<Record<string, string>>({ organisation: 'Vigil Borough Council', reportedVia: 'phone', reason: 'sickness', reportedAt: formatUkDateTimeInput(new Date()) });
  const [noCover, setNoCover] = useState(false);
  const set = (k: string) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const form = useWriteForm({ scope: 'absence', prefix: 'absence', fields: FIELDS, fallbackField: 'personName', refresh: [['ooh']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const reported = whenOrProblem(v.reportedAt ?? '', 'when it was reported');
    const start = whenOrProblem(v.shiftStart ?? '', 'when the shift starts');
    const end = whenOrProblem(v.shiftEnd ?? '', 'when the shift ends');
    if (!form.check(fieldErrors([
      ['reportedAt', reported.problem], ['shiftStart', start.problem], ['shiftEnd', end.problem],
      ['cover', !noCover && !(v.cover ?? '').trim() && 'Enter who covers the shift, or tick that there is no cover'],
    ]))) return;
    const body = {
      organisation: v.organisation ?? '', personName: v.personName ?? '', reportedBy: v.reportedBy ?? '', reportedVia: v.reportedVia as 'phone',
      reportedAt: reported.iso!, reason: v.reason as 'sickness', shiftStart: start.iso!, shiftEnd: end.iso!, cover: noCover ? '' : v.cover ?? '', notes: v.notes ?? '',
    };
    if (await form.run(() => reportAbsence(body), 'Recorded')) {
      done(`Absence of ${body.personName.trim()} recorded${noCover ? ': no cover' : ''}.`);
      setV((old) => ({ ...old, personName: '', reportedBy: '', shiftStart: '', shiftEnd: '', cover: '', notes: '' }));
      setNoCover(false);
    }
  };
  const field = (k: string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) =>
    <TextField id={form.id(k)} label={label} value={v[k] ?? ''} onChange={set(k)} error={form.field(k)} width="20" {...extra} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="report-title">
      <h2 className="govuk-heading-m" id="report-title">Record an absence</h2>
      <ErrorSummary errors={form.errors} />
      {field('personName', 'Name of the person absent')}
      {field('organisation', 'Organisation', { hint: 'The council, or the partner council they work for' })}
      {field('reportedBy', 'Reported by')}
      <SelectField id={form.id('reportedVia')} label="How it was reported" value={v.reportedVia ?? ''} onChange={set('reportedVia')} options={opts(REPORTED_VIA)} />
      {field('reportedAt', 'When it was reported', { hint: 'For example, 3/12/2026 21:30' })}
      <SelectField id={form.id('reason')} label="Reason" hint="No medical detail" value={v.reason ?? ''} onChange={set('reason')} options={opts(ABSENCE_REASONS)} error={form.field('reason')} />
      {field('shiftStart', 'Shift starts', { hint: 'Date and time, for example 3/12/2026 19:00' })}
      {field('shiftEnd', 'Shift ends', { hint: 'Date and time, for example 4/12/2026 07:00' })}
      <div className="govuk-form-group"><div className="govuk-checkboxes govuk-checkboxes--small"><div className="govuk-checkboxes__item">
        <input className="govuk-checkboxes__input" id="absence-noCover" type="checkbox" checked={noCover} onChange={(e) => setNoCover(e.target.checked)} />
        <label className="govuk-label govuk-checkboxes__label" htmlFor="absence-noCover">No cover arranged</label>
      </div></div></div>
      {!noCover && field('cover', 'Cover arranged (who)')}
      {field('notes', 'Notes (optional)', { width: '30' })}
      <Button disabled={form.busy}>Record the absence</Button>
    </form>
  );
}
