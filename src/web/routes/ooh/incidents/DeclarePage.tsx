import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, TextField } from '../../../components/fields';
import { useTitle } from '../../../components/useTitle';
import { useWriteForm } from '../../../lib/useWriteForm';
import { fieldErrors } from '../../../lib/errors';
import type { OohIncident } from '../../../../domain/ooh/incidents.contract';
import { setFlash } from '../../estate/deployments/flash';
import { OohNav } from '../OohNav';
import { declareIncident } from './api';
import { emptyMethaneForm, messageFromForm, METHANE_FIELDS, withFlatPaths, type MethaneForm } from './methaneForm';
import { MethaneFields } from './MethaneFields';

/** Declare an incident with its M/ETHANE message; its page opens once declared. */
export function DeclareIncidentPage() {
  const [title, setTitle] = useState('');
  const [exercise, setExercise] = useState(false);
  const [f, setF] = useState<MethaneForm>(emptyMethaneForm);
  const set = <K extends keyof MethaneForm>(key: K) => (value: MethaneForm[K]) => setF((v) => ({ ...v, [key]: value }));
  const form = useWriteForm({ scope: 'ooh-incident-new', prefix: 'incident', fields: ['title', 'exercise', ...METHANE_FIELDS], fallbackField: 'title', refresh: [['ooh']] });
  useTitle('Declare an incident', { error: !!form.errors });
  const navigate = useNavigate();
  const field = (name: string) => ({ id: form.id(name), error: form.field(name) });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const { message, errors } = messageFromForm(f);
    const titleProblem = fieldErrors([['title', title.trim().length < 3 && 'Enter a short title for the incident (at least 3 characters)']]);
    const all = titleProblem || errors ? { summary: [...(titleProblem?.summary ?? []), ...(errors?.summary ?? [])], fields: { ...titleProblem?.fields, ...errors?.fields } } : undefined;
    if (!form.check(all) || !message) return;
    let made: OohIncident | undefined;
    const ok = await form.run(async () => {
      try { made = await declareIncident({ title, exercise, message }); } catch (err) { throw withFlatPaths(err); }
    }, 'Declared');
    if (ok && made) {
      setFlash(made.id, `${made.reference} declared.`);
      void navigate({ to: '/ooh/incidents/$id' as never, params: { id: made.id } as never });
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to={'/ooh/incidents' as never}>Major incidents</Link>
      <ErrorSummary errors={form.errors} />
      <h1 className="govuk-heading-l">Declare an incident</h1>
      <OohNav />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...field('title')} label="Title" hint="Short, for lists and the handover: like Gas leak, Market Street" value={title} onChange={setTitle} autoComplete="off" />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id={form.id('exercise')} type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} aria-describedby={`${form.id('exercise')}-hint`} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={form.id('exercise')}>This is an exercise</label>
              <div id={`${form.id('exercise')}-hint`} className="govuk-hint govuk-checkboxes__hint">Marked EXERCISE EXERCISE EXERCISE on every page and document.</div>
            </div>
          </div>
        </div>
        <h2 className="govuk-heading-m">M/ETHANE message</h2>
        <MethaneFields f={f} set={set} field={field} />
        <Button disabled={form.busy}>Declare the incident</Button>
      </form>
    </>
  );
}
