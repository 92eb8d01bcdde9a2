import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { proceduresQuery, replaceProcedure } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import type { CategoryWithSteps } from '../../../domain/occurrences/contract';
import { TableHead } from '../../components/TableHead';

interface Row { key: number; text: string; isRequired: boolean }

/**
 * Each category's standard operating procedure: the ordered steps an operator ticks off on an open
 * occurrence. Saving a change makes a new version; occurrences already open keep the version they
 * started with, their steps and their ticks.
 */
export function ProceduresPage() {
  const queryClient = useQueryClient();
  const procedures = useQuery(proceduresQuery);
  const [categoryId, setCategoryId] = useState('');
  const category = procedures.data?.find((c) => c.id === categoryId);
  const [rows, setRows] = useState<Row[]>();
  const [errors, setErrors] = useState<FormErrors>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  useTitle('Procedures', { error: !!errors });

  // Filled once per category (and again after saving), so a background refetch never wipes edits.
  useEffect(() => {
    if (category && rows === undefined) setRows(category.steps.map((s, i) => ({ key: i + 1, text: s.text, isRequired: s.isRequired })));
  }, [category, rows]);

  const list = rows ?? [];
  const update = (key: number, patch: Partial<Row>) => setRows(list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) => {
    const next = [...list];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setRows(next);
  };
  const add = () => {
    const key = Math.max(0, ...list.map((r) => r.key)) + 1;
    setRows([...list, { key, text: '', isRequired: false }]);
    setTimeout(() => document.getElementById(`step-${key}-text`)?.focus());
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const invalid = fieldErrors(list.map((r, i): [string, string | false] => [`step-${r.key}-text`, !r.text.trim() && `Describe step ${i + 1}`]));
    setErrors(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const before = category?.version?.version;
      const after = await replaceProcedure(categoryId, list.map((r) => ({ text: r.text.trim(), isRequired: r.isRequired })));
      await queryClient.invalidateQueries({ queryKey: ['procedures'] });
      setRows(undefined);
      const name = category?.name ?? 'the category';
      setSaved(!after.version ? `Procedure for ${name} saved.`
        : after.version.version === before ? `Procedure for ${name} saved: nothing had changed, so it is still version ${before}.`
        : `Procedure for ${name} saved as version ${after.version.version}.`);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fallbackField: 'category' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="govuk-heading-l">Procedures</h1>
      <p className="govuk-body">The steps an operator follows for each category of occurrence. Each ticked step becomes an entry in the log; closing with a required step not done needs a reason, and the supervisor is told. Every change is kept as a new version: an occurrence follows the version in use when it was opened.</p>
      <ErrorSummary errors={errors} />
      <SelectField id="category" label="Category" value={categoryId} onChange={(v) => { setCategoryId(v); setRows(undefined); setSaved(undefined); setErrors(undefined); }}
        options={[{ value: '', label: 'Choose a category' }, ...(procedures.data ?? []).map((c) => ({ value: c.id, label: c.isActive ? c.name : `${c.name} (retired)` }))]} />
      {categoryId && rows && (
        <form onSubmit={submit} noValidate aria-labelledby="steps-title">
          <h2 className="govuk-heading-m" id="steps-title">Steps for {category?.name}</h2>
          {category && <VersionNote category={category} />}
          {list.length === 0 && <p className="govuk-body">No steps yet.</p>}
          {list.map((r, i) => (
            <fieldset className="govuk-fieldset vigil-action" key={r.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Step {i + 1}</legend>
              <TextField id={`step-${r.key}-text`} label="What to do" value={r.text} onChange={(v) => update(r.key, { text: v })} error={errors?.fields[`step-${r.key}-text`]} autoComplete="off" />
              <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`step-${r.key}-required`} type="checkbox" checked={r.isRequired} onChange={(e) => update(r.key, { isRequired: e.target.checked })} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`step-${r.key}-required`}>Required</label>
                </div>
              </div>
              <div className="govuk-button-group">
                {i > 0 && <Button type="button" variant="secondary" onClick={() => move(i, -1)}>Move up<span className="govuk-visually-hidden"> step {i + 1}</span></Button>}
                {i < list.length - 1 && <Button type="button" variant="secondary" onClick={() => move(i, 1)}>Move down<span className="govuk-visually-hidden"> step {i + 1}</span></Button>}
                <Button type="button" variant="warning" onClick={() => setRows(list.filter((x) => x.key !== r.key))}>Remove<span className="govuk-visually-hidden"> step {i + 1}</span></Button>
              </div>
            </fieldset>
          ))}
          <div className="govuk-button-group">
            <Button type="button" variant="secondary" onClick={add}>Add a step</Button>
            <Button disabled={busy}>Save procedure</Button>
          </div>
          <div role="status" aria-live="polite">{saved && <p className="govuk-body govuk-!-font-weight-bold">{saved}</p>}</div>
        </form>
      )}
      {categoryId && category && <History category={category} />}
    </>
  );
}

function VersionNote({ category: c }: { category: CategoryWithSteps }) {
  if (!c.version) return <p className="govuk-body">No procedure yet: saving makes version 1.</p>;
  return (
    <p className="govuk-body">
      Version {c.version.version}, saved {formatDateTime(c.version.createdAt)}{c.version.createdBy ? ` by ${c.version.createdBy}` : ''}.
      {' '}Saving a change makes version {c.version.version + 1}: new occurrences follow it, and occurrences already open keep the version they started with.
    </p>
  );
}

/** Every version, newest first: who changed the procedure and when. */
function History({ category: c }: { category: CategoryWithSteps }) {
  if (!c.history.length) return null;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Versions of the procedure for {c.name}</caption>
      <TableHead columns={['Version', 'Saved', 'By', 'Steps']} />
      <tbody className="govuk-table__body">
        {c.history.map((v, i) => (
          <tr className="govuk-table__row" key={v.version}>
            <th scope="row" className="govuk-table__header">{v.version}{i === 0 && <> <strong className="govuk-tag govuk-tag--green">In use</strong></>}</th>
            <td className="govuk-table__cell">{formatDateTime(v.createdAt)}</td>
            <td className="govuk-table__cell">{v.createdBy ?? 'Not recorded'}</td>
            <td className="govuk-table__cell">{v.stepCount === 0 ? 'None' : `${v.stepCount} (${v.requiredCount} required)`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
