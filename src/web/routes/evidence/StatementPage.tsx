import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { finaliseStatement, saveStatement, statementQuery, type WitnessStatement, type WitnessStatementBody } from '../../api/evidencePackages';
import { Confirm } from '../../components/Confirm';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { formatDateTime } from '../../../domain/calendar/london';
import { TextareaField } from '../occurrences/Radios';

/**
 * The producer's witness statement (MG11 style), drafted by Vigil from what they did: read it,
 * correct it in your own words, save it, and make it final. A final statement is not changed.
 */
export function StatementPage({ packageId }: { packageId: string }) {
  const statement = useQuery(statementQuery(packageId));
  useTitle('Witness statement');
  if (statement.isPending) return <p className="govuk-body">Loading the statement…</p>;
  if (statement.isError) return <p className="govuk-body">The statement could not be loaded. {statement.error.message}</p>;
  return <StatementForm packageId={packageId} statement={statement.data} />;
}

function StatementForm({ packageId, statement }: { packageId: string; statement: WitnessStatement }) {
  const f = useWriteForm({
    scope: `statement:${packageId}`, prefix: 'statement', fallbackField: 'narrative', refresh: [['evidence-package', packageId]],
    fields: ['urn', 'name', 'age', 'occupation', 'employer', 'narrative', 'exhibits', 'declaration'],
  });
  const [body, setBody] = useState<WitnessStatementBody>(statement.body);
  const [confirming, setConfirming] = useState(false);
  const [current, setCurrent] = useState(statement);
  useEffect(() => setBody(statement.body), [statement]);
  const set = (key: 'urn' | 'name' | 'age' | 'occupation' | 'employer' | 'declaration') => (value: string) => setBody((b) => ({ ...b, [key]: value }));
  const setParagraph = (i: number, text: string) => setBody((b) => ({ ...b, narrative: b.narrative.map((p, j) => (j === i ? text : p)) }));
  const final = current.isFinal;

  const save = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (!f.check(fieldErrors([
      ['name', body.name.trim().length < 2 && 'Enter your full name'],
      ['occupation', body.occupation.trim().length < 2 && 'Enter your occupation'],
      ['narrative', !body.narrative.some((p) => p.trim()) && 'Write your account'],
    ]))) return false;
    const clean = { ...body, narrative: body.narrative.map((p) => p.trim()).filter(Boolean) };
    return f.run(async () => setCurrent(await saveStatement(packageId, clean)), 'Draft saved.');
  };
  const makeFinal = async () => {
    setConfirming(false);
    if (!(await save())) return;
    await f.run(async () => setCurrent(await finaliseStatement(packageId)), 'The statement is final.');
  };

  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence/packages/$id" params={{ id: packageId }}>Back to the package</Link>
      <h1 className="govuk-heading-l">
        Witness statement <strong className={`govuk-tag ${final ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{final ? 'Final' : 'DRAFT'}</strong>
      </h1>
      <p className="govuk-body">
        Version {current.version}.{' '}
        {final
          ? `Made final${current.body.signedAt ? ` on ${formatDateTime(current.body.signedAt)}` : ''}: it can no longer be changed.`
          : 'Vigil drafted this from the continuity record. Read every paragraph and put it in your own words: it is your evidence. Save as often as you like; once final, it cannot be changed.'}
      </p>
      <ErrorSummary errors={f.errors} />
      <form onSubmit={save} noValidate aria-label="Witness statement">
        <fieldset className="govuk-fieldset" disabled={final}>
          <TextField id={f.id('urn')} label="URN (optional)" hint="The police Unique Reference Number, if the officer in the case gave one" value={body.urn} onChange={set('urn')} error={f.field('urn')} width="20" spellCheck={false} />
          <TextField id={f.id('name')} label="Your full name" value={body.name} onChange={set('name')} error={f.field('name')} width="30" />
          <TextField id={f.id('age')} label="Age" hint="“Over 18” unless you are under 18" value={body.age} onChange={set('age')} error={f.field('age')} width="10" />
          <TextField id={f.id('occupation')} label="Occupation" value={body.occupation} onChange={set('occupation')} error={f.field('occupation')} width="30" />
          <TextField id={f.id('employer')} label="Employer (optional)" value={body.employer} onChange={set('employer')} error={f.field('employer')} width="30" />
          <h2 className="govuk-heading-m" id={f.id('narrative')} tabIndex={-1}>Your account</h2>
          {f.field('narrative') && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {f.field('narrative')}</p>}
          {body.narrative.map((p, i) => (
            <div key={i}>
              <TextareaField id={`statement-paragraph-${i + 1}`} label={`Paragraph ${i + 1}`} value={p} onChange={(text) => setParagraph(i, text)} rows={Math.min(12, Math.max(3, Math.ceil(p.length / 90)))} />
              {!final && body.narrative.length > 1 && (
                <button type="button" className="vigil-link-button govuk-!-margin-bottom-4" onClick={() => setBody((b) => ({ ...b, narrative: b.narrative.filter((_, j) => j !== i) }))}>
                  Remove paragraph {i + 1}
                </button>
              )}
            </div>
          ))}
          {!final && <Button type="button" variant="secondary" onClick={() => setBody((b) => ({ ...b, narrative: [...b.narrative, ''] }))}>Add a paragraph</Button>}
          <h2 className="govuk-heading-m" id={f.id('exhibits')} tabIndex={-1}>Exhibits</h2>
          {body.exhibits.map((x, i) => (
            <div key={i} className="vigil-statement-exhibit">
              <TextField id={`statement-exhibit-${i + 1}-reference`} label={`Exhibit ${i + 1} reference`} value={x.reference} width="10"
                onChange={(reference) => setBody((b) => ({ ...b, exhibits: b.exhibits.map((e, j) => (j === i ? { ...e, reference } : e)) }))} />
              <TextareaField id={`statement-exhibit-${i + 1}-description`} label={`Exhibit ${i + 1} description`} value={x.description} rows={2}
                onChange={(description) => setBody((b) => ({ ...b, exhibits: b.exhibits.map((e, j) => (j === i ? { ...e, description } : e)) }))} />
              <p className="govuk-body-s">SHA-256: {x.sha256s.map((h) => <code key={h} className="vigil-hash">{h} </code>)}</p>
            </div>
          ))}
          <TextareaField id={f.id('declaration')} label="Declaration" hint="Required by the Criminal Procedure Rules (16.2): keep it" value={body.declaration} onChange={set('declaration')} rows={3} error={f.field('declaration')} />
        </fieldset>
        {!final && (
          <div className="govuk-button-group">
            <Button disabled={f.busy}>Save draft</Button>
            <Button type="button" variant="secondary" disabled={f.busy} onClick={() => setConfirming(true)}>Make final</Button>
          </div>
        )}
        <div role="status" aria-live="polite">{f.done && <p className="govuk-body govuk-!-font-weight-bold">{f.done}</p>}</div>
      </form>
      {confirming && (
        <Confirm heading="Make the statement final?" confirmLabel="Make the statement final" onConfirm={() => void makeFinal()} onCancel={() => setConfirming(false)} busy={f.busy}>
          <p className="govuk-body">Once final, it cannot be changed. You sign it as true to the best of your knowledge and belief.</p>
        </Confirm>
      )}
    </>
  );
}
