import { useState } from 'react';
import type { RequestDetail } from '../../../../domain/requests/contract';
import { formatDateTime } from '../../../../domain/calendar/london';
import { buildPackage, DECISIONS, LAWFUL_BASES, recordDecision, releasePackage, type Disclosure } from '../../../api/requestsDisclosure';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../../components/fields';
import { fieldErrors } from '../../../lib/errors';
import { useWriteForm } from '../../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { parseUkDateTime } from '../../occurrences/when';

// The decision on a footage request or SAR, the decisions before it, and the package of its linked
// exhibits: built by a job (its progress shows while the footage is asked for again), then released.

type Props = { request: RequestDetail; data: Disclosure; manage: boolean; onChanged: () => void };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const basisLabel = (b: string | null) => (b ? LAWFUL_BASES[b as keyof typeof LAWFUL_BASES] ?? b : '');

export function DecisionPanel({ request, data, manage, onChanged }: Props) {
  return (
    <>
      <h3 className="govuk-heading-s">Decision</h3>
      {data.decisions.length === 0 ? <p className="govuk-body">No decision recorded yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Decisions so far, the one in force first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Decision', 'Lawful basis', 'Reasons', 'Recorded'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {[...data.decisions].sort((a, b) => b.seq - a.seq).map((x) => (
              <tr className="govuk-table__row" key={x.seq}>
                <td className="govuk-table__cell">{DECISIONS[x.decision]}{data.decision?.seq === x.seq ? <> <strong className="govuk-tag">In force</strong></> : null}</td>
                <td className="govuk-table__cell">{basisLabel(x.lawfulBasis)}{x.lawfulBasisDetail ? `: ${x.lawfulBasisDetail}` : ''}</td>
                <td className="govuk-table__cell vigil-prewrap">{x.reasons}</td>
                <td className="govuk-table__cell">{formatDateTime(x.at)}{x.by ? ` by ${x.by.name}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && <DecisionForm request={request} onChanged={onChanged} />}
      <Package request={request} data={data} manage={manage} onChanged={onChanged} />
    </>
  );
}

function DecisionForm({ request, onChanged }: Omit<Props, 'data' | 'manage'>) {
  const [decision, setDecision] = useState('');
  const [lawfulBasis, setLawfulBasis] = useState('');
  const [detail, setDetail] = useState('');
  const [reasons, setReasons] = useState('');
  const f = useWriteForm({ scope: `request-${request.id}`, prefix: 'decision', fields: ['decision', 'lawfulBasis', 'lawfulBasisDetail', 'reasons'], fallbackField: 'decision', refresh: [['requests']] });
  const refuse = decision === 'refuse';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!f.check(fieldErrors([
      ['decision', !decision && 'Choose disclose in full, disclose in part or refuse'],
      ['lawfulBasis', decision && !refuse && !lawfulBasis && 'Choose the lawful basis for disclosing'],
      ['lawfulBasisDetail', !refuse && lawfulBasis === 'other' && detail.trim().length < 3 && 'Explain the lawful basis'],
      ['reasons', decision && decision !== 'disclose_full' && reasons.trim().length < 3 && (refuse ? 'Enter the reasons for refusing (at least 3 characters)' : 'Enter what is withheld and why (at least 3 characters)')],
    ]))) return;
    const body = { decision: decision as keyof typeof DECISIONS, lawfulBasis: refuse ? null : lawfulBasis as keyof typeof LAWFUL_BASES, lawfulBasisDetail: refuse ? '' : detail, reasons };
    if (await f.run(() => recordDecision(request.id, body), 'Decision recorded')) {
      setDecision(''); setLawfulBasis(''); setDetail(''); setReasons('');
      onChanged();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-title">
      <h4 className="govuk-heading-s" id="decision-title">Record the decision</h4>
      <ErrorSummary errors={f.errors} />
      {f.done && <p className="govuk-body" role="status">{f.done}.</p>}
      <RadiosField id={f.id('decision')} legend="Decision" hint="A later decision replaces this one; both stay in the history" value={decision} onChange={setDecision} error={f.field('decision')} options={options(DECISIONS)} />
      {!refuse && (
        <>
          <SelectField id={f.id('lawfulBasis')} label="Lawful basis" value={lawfulBasis} onChange={setLawfulBasis} error={f.field('lawfulBasis')}
            options={[{ value: '', label: 'Choose the lawful basis' }, ...options(LAWFUL_BASES)]} />
          <TextareaField id={f.id('lawfulBasisDetail')} label="Detail of the lawful basis (required for ‘other’)" value={detail} onChange={setDetail} error={f.field('lawfulBasisDetail')} rows={2} />
        </>
      )}
      <TextareaField id={f.id('reasons')} label="Reasons" hint="Why it is refused, or what is withheld and why" value={reasons} onChange={setReasons} error={f.field('reasons')} rows={3} />
      <Button variant="secondary" disabled={f.busy}>Record the decision</Button>
    </form>
  );
}

const STATES = { queued: 'Waiting to be built', running: 'Being built', done: 'Built', failed: 'Failed' } as const;

function Package({ request, data, manage, onChanged }: Props) {
  const latest = [...data.packages].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)).at(-1);
  const building = latest && (latest.state === 'queued' || latest.state === 'running');
  const disclosing = data.decision && data.decision.decision !== 'refuse';
  const build = useWriteForm({ scope: `request-${request.id}`, prefix: 'package', fields: ['package'], fallbackField: 'package', refresh: [['requests']] });
  const submitBuild = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await build.run(() => buildPackage(request.id), 'Asked for the package: it is being built')) onChanged();
  };
  return (
    <>
      <h3 className="govuk-heading-s">Package</h3>
      {!latest && <p className="govuk-body">No package built yet.</p>}
      {latest && (
        <div role="status">
          <p className="govuk-body">Package {latest.reference} for {latest.recipientName}: {STATES[latest.state]}{latest.released ? ', released' : ''}.</p>
          {building && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="package-progress">Progress</label>
              <progress id="package-progress" max={100} value={latest.progress}>{latest.progress}%</progress> {latest.progress}%
            </div>
          )}
          {latest.failure && <p className="govuk-body">Why it failed: {latest.failure}</p>}
        </div>
      )}
      {manage && disclosing && data.exhibits.length > 0 && !building && (
        <form onSubmit={(e) => void submitBuild(e)} noValidate aria-label="Build the package">
          <ErrorSummary errors={build.errors} />
          {build.done && <p className="govuk-body">{build.done}.</p>}
          <Button variant="secondary" disabled={build.busy}>{latest ? 'Build the package again' : 'Build the package'}</Button>
        </form>
      )}
      {manage && disclosing && data.exhibits.length === 0 && <p className="govuk-body">Link the exhibits to disclose before building the package.</p>}
      {manage && latest?.state === 'done' && !latest.released && <ReleaseForm request={request} onChanged={onChanged} />}
    </>
  );
}

function ReleaseForm({ request, onChanged }: Omit<Props, 'data' | 'manage'>) {
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const f = useWriteForm({ scope: `request-${request.id}`, prefix: 'release', fields: ['expiresAt', 'note'], fallbackField: 'note', refresh: [['requests']] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const expiresAt = parseUkDateTime(expires);
    if (!f.check(fieldErrors([['expiresAt', (expiresAt === undefined || (expires.trim() && !expires.includes('/'))) && 'Enter when access ends as a date and time, like 23/11/2026 14:05']]))) return;
    if (await f.run(() => releasePackage(request.id, { expiresAt: expiresAt || undefined, note }), 'Released')) {
      setNote(''); setExpires('');
      onChanged();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="release-title">
      <h4 className="govuk-heading-s" id="release-title">Release</h4>
      <ErrorSummary errors={f.errors} />
      {f.done && <p className="govuk-body" role="status">{f.done}.</p>}
      <TextField id={f.id('expiresAt')} label="Access ends (optional)" hint="For example, 23/11/2026 14:05; 90 days from now when left blank" value={expires} onChange={setExpires} error={f.field('expiresAt')} width="20" autoComplete="off" spellCheck={false} />
      <TextareaField id={f.id('note')} label="Note (optional)" value={note} onChange={setNote} error={f.field('note')} rows={2} />
      <Button disabled={f.busy}>Release</Button>
    </form>
  );
}
