import { useState } from 'react';
import { NotebookEntryPayload } from '../../../domain/field/sync';
import { uuid } from '../crypto';
import { useHandheld } from '../context';
import { check, ErrorSummary, Panel, TextArea, type Errors } from '../forms';
import { Page } from '../layout';
import { formatLondon } from '../rules';

interface Entry { entryId: string; at: string; text: string; correctsEntryId: string | null }

/** The officer's notebook: entries are never changed; a correction is a new entry pointing at the old. */
export function NotebookScreen() {
  const { records, save } = useHandheld();
  const entries = records.filter((r) => r.record.kind === 'notebook.entry').map((r) => r.record.payload as unknown as Entry).sort((a, b) => b.at.localeCompare(a.at));
  const correctedBy = new Map(entries.filter((e) => e.correctsEntryId).map((e) => [e.correctsEntryId!, e]));
  const [text, setText] = useState('');
  const [corrects, setCorrects] = useState<Entry | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = check(NotebookEntryPayload, { entryId: uuid(), at: new Date().toISOString(), text, correctsEntryId: corrects?.entryId ?? null });
    if (!r.ok) { setErrors(r.errors); return; }
    setErrors({});
    await save('notebook.entry', r.data);
    setText(''); setCorrects(null); setSaved(true);
  };
  return (
    <Page title="Notebook">
      {saved && <Panel title="Entry saved"><p>Saved on this phone. It cannot be changed: to correct it, add a correction.</p></Panel>}
      <h2>{corrects ? 'Correct an entry' : 'New entry'}</h2>
      {corrects && <p className="hh-inset">Correcting the entry of {formatLondon(corrects.at)}. The original stays as it was.</p>}
      <ErrorSummary errors={errors} />
      <form onSubmit={add} noValidate>
        <TextArea path="text" label={corrects ? 'The corrected entry' : 'What you saw, heard and did'} hint="Time-stamped when saved." rows={6} value={text} onChange={setText} error={errors.text} />
        <button className="hh-button" type="submit">{corrects ? 'Save the correction' : 'Save the entry'}</button>
        {corrects && <button type="button" className="hh-button hh-button--secondary" onClick={() => { setCorrects(null); setText(''); }}>Cancel the correction</button>}
      </form>
      <h2>Entries</h2>
      {entries.length === 0 ? <p>No entries yet.</p> : (
        <ol className="hh-list" reversed>
          {entries.map((e) => (
            <li key={e.entryId} className="hh-entry">
              <h3>{formatLondon(e.at)}{e.correctsEntryId ? ' (correction)' : ''}</h3>
              <p className="hh-pre">{e.text}</p>
              {e.correctsEntryId && <p className="hh-hint">Corrects the entry of {formatLondon(entries.find((x) => x.entryId === e.correctsEntryId)?.at ?? e.at)}.</p>}
              {correctedBy.has(e.entryId)
                ? <p className="hh-hint">Corrected by the entry of {formatLondon(correctedBy.get(e.entryId)!.at)}.</p>
                : <button type="button" className="hh-button hh-button--secondary hh-button--small" onClick={() => { setCorrects(e); setText(e.text); setSaved(false); window.scrollTo(0, 0); }}>Correct<span className="hh-visually-hidden"> the entry of {formatLondon(e.at)}</span></button>}
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
