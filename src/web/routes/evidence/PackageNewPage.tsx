import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { DERIVATIVE_KINDS, exhibitQuery, exhibitsQuery } from '../../api/evidence';
import { evidencePartnersQuery, requestPackage } from '../../api/evidencePackages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxesField, SelectField, TextField } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { fieldErrors } from '../../lib/errors';
import { useWriteForm } from '../../lib/useWriteForm';
import { RadiosField, TextareaField } from '../occurrences/Radios';
import { shortHash } from './words';

/**
 * The package builder: which exhibits, which of their working copies and stills, whether the masters
 * go in, and who it is for. The package is built in the background; its page shows the progress.
 */
export function PackageNewPage({ exhibitIds }: { exhibitIds: string[] }) {
  const f = useWriteForm({
    scope: 'new-package', prefix: 'package', fallbackField: 'exhibitIds', refresh: [['evidence-packages']],
    fields: ['exhibitIds', 'derivativeIds', 'includeMasters', 'recipientName', 'recipientOrganisationId', 'purpose'],
  });
  useTitle('Build a disclosure package', { error: !!f.errors });
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>(exhibitIds);
  const [left, setLeft] = useState<string[]>([]);
  const [v, setV] = useState({ q: '', search: '', includeMasters: 'yes', recipientName: '', recipientOrganisationId: '', purpose: '' });
  const set = (key: keyof typeof v) => (value: string) => setV((d) => ({ ...d, [key]: value }));
  const found = useQuery({ ...exhibitsQuery({ q: v.search }), enabled: !!v.search });
  const partners = useQuery(evidencePartnersQuery);
  const details = useQueries({ queries: chosen.map((id) => exhibitQuery(id)) });
  const copies = details.flatMap((d) => d.data?.derivatives.filter((x) => x.state === 'done') ?? []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!f.check(fieldErrors([
      ['exhibitIds', !chosen.length && 'Choose the exhibits to put in the package'],
      ['recipientName', v.recipientName.trim().length < 2 && 'Enter who the package is for (for example: Staffordshire Police, PC 4471 Jones)'],
      ['purpose', v.purpose.trim().length < 3 && 'Enter what the package is for (at least 3 characters)'],
    ]))) return;
    let made: { id: string } | undefined;
    const ok = await f.run(async () => {
      made = await requestPackage({
        exhibitIds: chosen, includeMasters: v.includeMasters === 'yes', derivativeIds: copies.filter((c) => !left.includes(c.id)).map((c) => c.id),
        recipientName: v.recipientName.trim(), recipientOrganisationId: v.recipientOrganisationId || null, purpose: v.purpose.trim(),
      });
    }, 'Package asked for.');
    if (ok && made) void navigate({ to: '/evidence/packages/$id', params: { id: made.id } });
  };

  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence/packages">Back to packages</Link>
      <h1 className="govuk-heading-l">Build a disclosure package</h1>
      <ErrorSummary errors={f.errors} />
      <form className="vigil-filter" role="search" aria-label="Find exhibits" noValidate onSubmit={(e) => { e.preventDefault(); set('search')(v.q.trim()); }}>
        <div className="vigil-filter__row">
          <TextField id="package-find" label="Find exhibits" hint="A reference like AB/1, or words in the description" type="search" value={v.q} onChange={set('q')} width="20" spellCheck={false} data-search />
          <Button variant="secondary">Find</Button>
        </div>
      </form>
      {found.data && (
        <ul className="govuk-list" aria-label="Exhibits found">
          {!found.data.items.length && <li>No exhibits match.</li>}
          {found.data.items.map((e) => (
            <li key={e.id}>
              <strong>{e.reference}</strong> {e.description}{' '}
              <button type="button" className="vigil-link-button" disabled={chosen.includes(e.id)} onClick={() => setChosen((c) => [...c, e.id])}>
                {chosen.includes(e.id) ? 'Added' : 'Add'}<span className="govuk-visually-hidden"> {e.reference}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={submit} noValidate aria-labelledby="package-exhibits-title">
        <h2 className="govuk-heading-m" id="package-exhibits-title">Exhibits in the package</h2>
        <div className={`govuk-form-group${f.field('exhibitIds') ? ' govuk-form-group--error' : ''}`}>
          {f.field('exhibitIds') && <p className="govuk-error-message" id="package-exhibitIds-error"><span className="govuk-visually-hidden">Error:</span> {f.field('exhibitIds')}</p>}
          {!chosen.length && <p className="govuk-body" id="package-exhibitIds" tabIndex={-1}>None yet: find exhibits above and add them.</p>}
          {details.map((d, i) => {
            const x = d.data;
            const done = x?.derivatives.filter((c) => c.state === 'done') ?? [];
            return (
              <div key={chosen[i]} className="vigil-package-exhibit" id={i === 0 ? 'package-exhibitIds' : undefined} tabIndex={i === 0 ? -1 : undefined}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{x ? `${x.reference}: ${x.description}` : 'Loading…'}</h3>
                {x && (done.length ? (
                  <CheckboxesField id={`package-copies-${x.id}`} legend={`Working copies and stills of ${x.reference}`} values={done.filter((c) => !left.includes(c.id)).map((c) => c.id)}
                    onChange={(values) => setLeft((l) => [...l.filter((id) => !done.some((c) => c.id === id)), ...done.filter((c) => !values.includes(c.id)).map((c) => c.id)])}
                    options={done.map((c) => ({ value: c.id, label: `${c.reference}: ${DERIVATIVE_KINDS[c.kind].toLowerCase()}${c.caption ? ', captioned' : ''}`, hint: `SHA-256 ${shortHash(c.sha256 ?? '')}. ${c.purpose}` }))} />
                ) : <p className="govuk-body-s">No working copies or stills are done yet: the package holds its masters only.</p>)}
                <button type="button" className="vigil-link-button govuk-!-margin-bottom-4" onClick={() => setChosen((c) => c.filter((id) => id !== chosen[i]))}>
                  Remove<span className="govuk-visually-hidden"> {x?.reference ?? 'this exhibit'}</span> from the package
                </button>
              </div>
            );
          })}
        </div>
        <RadiosField id={f.id('includeMasters')} legend="Put the masters in" hint="The files exactly as they came from the recorder. Leave them out only if the recipient asked for working copies alone." inline
          value={v.includeMasters} onChange={set('includeMasters')} error={f.field('includeMasters')} options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
        <h2 className="govuk-heading-m">Who it is for</h2>
        <TextField id={f.id('recipientName')} label="Recipient" hint="For example: Staffordshire Police, PC 4471 Jones" value={v.recipientName} onChange={set('recipientName')} error={f.field('recipientName')} width="30" />
        <SelectField id={f.id('recipientOrganisationId')} label="Partner organisation (optional)" hint="To release the package to them in Vigil afterwards" value={v.recipientOrganisationId}
          onChange={set('recipientOrganisationId')} error={f.field('recipientOrganisationId')}
          options={[{ value: '', label: 'None' }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
        <TextareaField id={f.id('purpose')} label="What it is for" hint="For example: CPS file for the assault on 23 November, police reference 44/123456/25" value={v.purpose} onChange={set('purpose')} rows={2} error={f.field('purpose')} />
        <Button disabled={f.busy}>Build package</Button>
      </form>
    </>
  );
}
