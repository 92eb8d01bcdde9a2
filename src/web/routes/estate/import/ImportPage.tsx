import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { FIELD_LABELS, importCameraRegister, type EstateImportResult, type MappingTarget } from '../../../api/estateImport';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, CheckboxesField } from '../../../components/fields';
import { TableHead } from '../../../components/TableHead';
import { useTitle } from '../../../components/useTitle';
import { fieldErrors, formErrorsFrom, type FormErrors } from '../../../lib/errors';
import { EstateNav } from '../EstateNav';
import {
  columnChoice, columnKeys, columnName, decodeFile, fileProblem, keepMapping, mappingKey, MAPPING_OPTIONS, matchedBy, outcomeNote, problemsOf, readHeader, textProblem, type ChosenFile,
} from './importFile';

type Mapping = Record<string, MappingTarget>;
interface Checked { result: EstateImportResult; file: ChosenFile; mapping: Mapping }

/** Rows listed at the most in the tables of cameras to add and update (every row with errors is always listed). */
const SHOWN = 500;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fieldLabel = (f: string) => FIELD_LABELS[f as keyof typeof FIELD_LABELS] ?? f;

/**
 * Importing a camera register from CSV: the file is checked first (a dry run that writes nothing),
 * its columns can be mapped by hand, every row with errors is listed by its line, renumberings are
 * confirmed one by one, and the import is offered only once the check is clean.
 */
export function ImportPage() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [confirm, setConfirm] = useState<string[]>([]);
  const [checked, setChecked] = useState<Checked>();
  const [imported, setImported] = useState<EstateImportResult>();
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState<'checking' | 'importing'>();
  // Each finished step moves focus to the heading of what it found (after the error summary's own focus).
  const [step, setStep] = useState(0);
  useEffect(() => { if (step) heading.current?.focus(); }, [step]);
  useTitle('Import a camera register', { error: !!errors?.summary.length });

  const choose = async (chosen: File | undefined) => {
    setChecked(undefined);
    setImported(undefined);
    setConfirm([]);
    setFile(undefined);
    setFileError(undefined);
    if (!chosen) return;
    const problem = fileProblem(chosen) ?? await chosen.arrayBuffer().then((b) => {
      const text = decodeFile(new Uint8Array(b));
      const wrong = textProblem(chosen.name, text);
      if (wrong) return wrong;
      const { headers, rows } = readHeader(text);
      setFile({ name: chosen.name, text, headers, rows });
      setMapping((m) => keepMapping(m, headers));
      setErrors(undefined);
      return undefined;
    }, () => `${chosen.name} could not be read: choose it again`);
    setFileError(problem);
  };

  const check = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (!file) {
      setErrors(fieldErrors([['import-file', fileError ?? 'Choose the camera register, saved as a CSV file']]));
      return;
    }
    setBusy('checking');
    try {
      const result = await importCameraRegister({ csv: file.text, fileName: file.name, mapping }, { dryRun: true });
      setChecked({ result, file, mapping });
      setImported(undefined);
      setConfirm((c) => c.filter((n) => result.flagged.some((f) => f.number === n)));
      const problems = problemsOf(result);
      setErrors(problems.length ? { summary: problems, fields: {} } : undefined);
      setStep((s) => s + 1);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fallbackField: 'import-file' }));
    } finally {
      setBusy(undefined);
    }
  };

  const runImport = async () => {
    if (!checked) return;
    setBusy('importing');
    try {
      const { file: f, mapping: m, result: dry } = checked;
      const result = await importCameraRegister({ csv: f.text, fileName: f.name, mapping: m, confirm: confirm.filter((n) => dry.flagged.some((x) => x.number === n)) }, { dryRun: false });
      if (result.outcome === 'refused') { // rows of the file have errors: list them, as a check does
        setChecked({ ...checked, result });
        setErrors({ summary: problemsOf(result), fields: {} });
      } else {
        setImported(result);
        setErrors(undefined);
        await queryClient.invalidateQueries({ queryKey: ['cameras'] });
      }
      setStep((s) => s + 1);
    } catch (err) {
      setErrors(formErrorsFrom(err, { fallbackField: 'import-file' }));
    } finally {
      setBusy(undefined);
    }
  };

  const current = checked && file === checked.file && mappingKey(mapping) === mappingKey(checked.mapping) ? checked : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Import a camera register</h1>
      <EstateNav />
      <p className="govuk-body">Choose the register as a CSV file: a header line naming the columns, then a line for each camera. Cameras are matched on their number: new ones are added and changed ones updated, and importing the same file again changes nothing.</p>
      <p className="govuk-body">The file is checked first and nothing is imported until every row can be.</p>
      <form onSubmit={(e) => void check(e)} noValidate aria-label="Check a register">
        <div className={`govuk-form-group${fileError || errors?.fields['import-file'] ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="import-file">Camera register (CSV)</label>
          <div className="govuk-hint" id="import-file-hint">At most 10 MB. Columns are matched by their headers, such as “Camera ID”, “Name”, “Lat” and “Long” or “Easting” and “Northing”.</div>
          {(fileError || errors?.fields['import-file']) && (
            <p className="govuk-error-message" id="import-file-error"><span className="govuk-visually-hidden">Error:</span> {fileError ?? errors?.fields['import-file']}</p>
          )}
          <input ref={input} className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`} id="import-file" name="file" type="file" accept=".csv,text/csv,.txt"
            aria-describedby={`import-file-hint${fileError || errors?.fields['import-file'] ? ' import-file-error' : ''}`} onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        {file && <p className="govuk-body" id="import-file-chosen">{file.name}: {plural(file.rows, 'camera row')}.</p>}
        <Button disabled={!!busy}>Check the file</Button>
      </form>

      <div role="status" aria-live="polite" className="govuk-body">
        {busy === 'checking' ? 'Checking the file…' : busy === 'importing' ? 'Importing the register…' : ''}
      </div>

      {imported ? <Imported result={imported} heading={heading} />
        : checked && (
          <CheckResult checked={checked} current={!!current} heading={heading} mapping={mapping} busy={!!busy}
            onMap={(key, target) => setMapping((m) => ({ ...m, [key]: target }))} onCheck={() => void check()}
            confirm={confirm} onConfirm={setConfirm} onImport={() => void runImport()} />
        )}
    </>
  );
}

function CheckResult({ checked: { result: r, file }, current, heading, mapping, busy, onMap, onCheck, confirm, onConfirm, onImport }: {
  checked: Checked; current: boolean; heading: React.RefObject<HTMLHeadingElement | null>; mapping: Mapping; busy: boolean;
  onMap: (key: string, target: MappingTarget) => void; onCheck: () => void; confirm: string[]; onConfirm: (numbers: string[]) => void; onImport: () => void;
}) {
  const c = r.counts;
  const clean = c.refused === 0;
  const toImport = c.added + c.updated + confirm.length;
  const keys = columnKeys(r.columns.map((col) => col.header));
  return (
    <section aria-labelledby="import-results">
      <h2 className="govuk-heading-m" id="import-results" ref={heading} tabIndex={-1}>
        {clean ? `${file.name} can be imported` : `${file.name} has errors: nothing can be imported yet`}
      </h2>
      <p className="govuk-body">
        {outcomeNote(r.outcome)}
        {plural(r.rows, 'camera row')}: {c.added} to add, {c.updated} to update, {c.unchanged} unchanged, {c.flagged} to confirm, {c.refused} with errors.
      </p>

      <form onSubmit={(e) => { e.preventDefault(); onCheck(); }} noValidate aria-labelledby="import-columns">
        <h3 className="govuk-heading-s" id="import-columns">How the columns were matched</h3>
        <p className="govuk-body">Where a header is not one the import knows, choose the field its column holds, or leave it not used, and check the file again.</p>
        <table className="govuk-table">
          <TableHead columns={['Column', 'Field', 'How']} />
          <tbody className="govuk-table__body">
            {r.columns.map((col, i) => (
              <tr className="govuk-table__row" key={`${i}-${col.header}`}>
                <th scope="row" className="govuk-table__header">{columnName(col.header, i, keys[i])}</th>
                <td className="govuk-table__cell">
                  <label className="govuk-visually-hidden" htmlFor={`import-column-${i}`}>Field for the column {col.header ? columnName(col.header, i, keys[i]) : i + 1}</label>
                  <select className="govuk-select" id={`import-column-${i}`} value={columnChoice(col, keys[i], mapping)} onChange={(e) => onMap(keys[i], e.target.value as MappingTarget)}>
                    {MAPPING_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                </td>
                <td className="govuk-table__cell">{matchedBy(col)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!current && <p className="govuk-body govuk-!-font-weight-bold">You have changed the columns: check the file again to see what it would do.</p>}
        <Button variant="secondary" disabled={busy}>Check again with these columns</Button>
      </form>

      {c.refused > 0 && (
        <>
          <h3 className="govuk-heading-s" id="import-errors" tabIndex={-1}>{plural(c.refused, 'row', 'rows')} with errors</h3>
          <table className="govuk-table" aria-labelledby="import-errors">
            <TableHead columns={['Line', 'Camera', 'What is wrong']} />
            <tbody className="govuk-table__body">
              {r.refused.map((x) => (
                <tr className="govuk-table__row" key={x.line}>
                  <td className="govuk-table__cell">{x.line}</td>
                  <td className="govuk-table__cell">{x.number ?? '–'}</td>
                  <td className="govuk-table__cell">{x.reasons.length === 1 ? x.reasons[0] : <ul className="govuk-list govuk-list--bullet">{x.reasons.map((t, i) => <li key={i}>{t}</li>)}</ul>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {r.flagged.length > 0 && (
        <CheckboxesField id="import-confirm" legend={`${plural(r.flagged.length, 'possible renumbering')} to confirm`}
          hint="A new number standing where a camera the file does not name already stands. Tick those that are the same camera renumbered: it takes the new number and keeps its history. Those not ticked are left out of the import."
          values={confirm} onChange={onConfirm}
          options={r.flagged.map((f) => ({ value: f.number, label: `Line ${f.line}: renumber ${f.existing} as ${f.number} (${f.metres} m apart)`, hint: f.reason }))} />
      )}

      {r.added.length > 0 && (
        <>
          <h3 className="govuk-heading-s">{plural(c.added, 'camera')} to add</h3>
          <table className="govuk-table">
            <TableHead columns={['Line', 'Camera', 'Name']} />
            <tbody className="govuk-table__body">
              {r.added.slice(0, SHOWN).map((a) => (
                <tr className="govuk-table__row" key={a.line}><td className="govuk-table__cell">{a.line}</td><td className="govuk-table__cell">{a.number}</td><td className="govuk-table__cell">{a.name}</td></tr>
              ))}
            </tbody>
          </table>
          {r.added.length > SHOWN && <p className="govuk-body">And {r.added.length - SHOWN} more.</p>}
        </>
      )}
      <Updated result={r} title={`${plural(c.updated, 'camera')} to update`} />

      {!clean ? <p className="govuk-body">Correct the rows with errors in the file (or map its columns above), then choose it again and check it.</p>
        : !current ? null
        : toImport > 0 ? <Button type="button" disabled={busy} onClick={onImport}>Import {plural(toImport, 'camera')}</Button>
        : c.flagged > 0 ? <p className="govuk-body">Nothing to import until you confirm a renumbering.</p>
        : <p className="govuk-body">Nothing to import: every camera in the file is already in the register as it stands.</p>}
    </section>
  );
}

function Updated({ result: r, title, changes = 'What changes' }: { result: EstateImportResult; title: string; changes?: string }) {
  if (!r.updated.length) return null;
  return (
    <>
      <h3 className="govuk-heading-s">{title}</h3>
      <table className="govuk-table">
        <TableHead columns={['Line', 'Camera', changes]} />
        <tbody className="govuk-table__body">
          {r.updated.slice(0, SHOWN).map((u) => (
            <tr className="govuk-table__row" key={u.line}>
              <td className="govuk-table__cell">{u.line}</td>
              <td className="govuk-table__cell">{u.number}{u.renumberedFrom && ` (was ${u.renumberedFrom})`}</td>
              <td className="govuk-table__cell">{u.changed.map(fieldLabel).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.updated.length > SHOWN && <p className="govuk-body">And {r.updated.length - SHOWN} more.</p>}
    </>
  );
}

function Imported({ result: r, heading }: { result: EstateImportResult; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const c = r.counts;
  return (
    <section aria-labelledby="import-results">
      <div className="govuk-panel govuk-panel--confirmation vigil-panel-left">
        <h2 className="govuk-panel__title" id="import-results" ref={heading} tabIndex={-1}>{r.fileName} imported</h2>
        <div className="govuk-panel__body">{c.added} added, {c.updated} updated, {c.unchanged} unchanged, {c.flagged} flagged, {c.refused} refused</div>
      </div>
      {c.flagged > 0 && <p className="govuk-body">{plural(c.flagged, 'possible renumbering')} not confirmed {c.flagged === 1 ? 'was' : 'were'} left out: {r.flagged.map((f) => f.number).join(', ')}. Check the file again to confirm {c.flagged === 1 ? 'it' : 'them'}.</p>}
      <Updated result={r} title={`${plural(c.updated, 'camera')} updated`} changes="What changed" />
      <p className="govuk-body"><Link className="govuk-link" to="/estate">See the cameras in the register</Link></p>
    </section>
  );
}
