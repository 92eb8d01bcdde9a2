import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { EXHIBIT_SORTS, EXHIBIT_STATES, exhibitsCsvHref, exhibitsQuery, findOccurrencesByReference, handlersQuery, type ExhibitListItem } from '../../api/evidence';
import { draftOf, EXHIBITS_PAGE_SIZE, filtersOf, type ExhibitDraft, type ExhibitFilters } from '../../api/evidenceSearch';
import { camerasQuery, occurrenceQuery } from '../../api/occurrences';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { TableHead } from '../../components/TableHead';
import { useTitle } from '../../components/useTitle';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { formatDateTime } from '../../../domain/calendar/london';
import { ButtonLink } from './ButtonLink';
import { ExhibitStateTag } from './tags';

const options = (any: string, values: Record<string, string>) => [{ value: '', label: any }, ...Object.entries(values).map(([value, label]) => ({ value, label }))];

export function ExhibitsListPage({ search, session }: { search: ExhibitFilters; session: Session }) {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle('Exhibits', { error: !!errors });
  const navigate = useNavigate();
  const results = useQuery(exhibitsQuery({ ...search, page: search.page ?? 1 }));
  const producers = useQuery(handlersQuery);
  const cameras = useQuery({ ...camerasQuery, enabled: can(session, 'estate.read') });
  const occurrence = useQuery({ ...occurrenceQuery(search.occurrenceId ?? ''), enabled: !!search.occurrenceId && can(session, 'occurrences.read') });
  const { page: _page, ...filters } = search;

  const applied = JSON.stringify(draftOf(filters, occurrence.data?.reference));
  const [draft, setDraft] = useState<ExhibitDraft>(() => JSON.parse(applied) as ExhibitDraft);
  useEffect(() => setDraft(JSON.parse(applied) as ExhibitDraft), [applied]);
  const set = (key: keyof ExhibitDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const reference = draft.occurrence.trim();
    // The occurrence is typed by its reference; the address carries its id.
    const found = reference ? (reference === occurrence.data?.reference ? { ids: [search.occurrenceId!], unknown: [] } : await findOccurrencesByReference([reference]).catch(() => ({ ids: [], unknown: [reference] }))) : { ids: [], unknown: [] };
    const { filters: next, problems } = filtersOf(draft, found.ids[0]);
    const invalid = fieldErrors([['from', problems?.from], ['to', problems?.to], ['occurrence', !!found.unknown.length && `No occurrence has the reference ${reference}`]]);
    setErrors(invalid);
    if (!invalid) void navigate({ to: '/evidence', search: next });
  };

  const canManage = can(session, 'evidence.manage');
  const total = results.data?.total ?? 0;
  return (
    <>
      <div className="moj-page-header-actions">
        <div className="moj-page-header-actions__title"><h1 className="govuk-heading-l">Exhibits</h1></div>
        <div className="moj-page-header-actions__actions">
          <div className="moj-button-group moj-button-group--inline">
            {canManage && <ButtonLink to="/evidence/upload">Upload footage</ButtonLink>}
            <ButtonLink to="/evidence/packages" secondary>Disclosure packages</ButtonLink>
            <ButtonLink to="/evidence/verify" secondary>Check a package</ButtonLink>
          </div>
        </div>
      </div>

      <ErrorSummary errors={errors} />
      <form className="vigil-filter" onSubmit={(e) => void submit(e)} noValidate role="search" aria-label="Search exhibits">
        <div className="vigil-filter__row">
          <TextField id="q" label="Search" hint="Words in the description, or a reference like AB/1" type="search" value={draft.q} onChange={set('q')} width="20" data-search spellCheck={false} />
          <SelectField id="producerId" label="Produced by" value={draft.producerId} onChange={set('producerId')}
            options={[{ value: '', label: 'Anyone' }, ...(producers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
          {!!cameras.data?.length && (
            <SelectField id="cameraId" label="Camera" value={draft.cameraId} onChange={set('cameraId')}
              options={[{ value: '', label: 'Any camera' }, ...cameras.data.map((c) => ({ value: c.id, label: `${c.reference} ${c.name}` }))]} />
          )}
          <TextField id="occurrence" label="Occurrence" hint="Its reference" value={draft.occurrence} onChange={set('occurrence')} error={errors?.fields.occurrence} width="10" spellCheck={false} />
        </div>
        <div className="vigil-filter__row">
          <SelectField id="state" label="State" value={draft.state} onChange={set('state')} options={options('Any state', EXHIBIT_STATES)} />
          <TextField id="from" label="Recorded from" hint="For example, 27/3/2026" value={draft.from} onChange={set('from')} error={errors?.fields.from} width="10" spellCheck={false} />
          <TextField id="to" label="Recorded to" hint="For example, 28/3/2026" value={draft.to} onChange={set('to')} error={errors?.fields.to} width="10" spellCheck={false} />
          <SelectField id="sort" label="Sort by" value={draft.sort} onChange={set('sort')} options={Object.entries(EXHIBIT_SORTS).map(([value, label]) => ({ value: value === 'created_desc' ? '' : value, label }))} />
          <Button variant="secondary">Search</Button>
        </div>
      </form>

      <p className="govuk-body">
        <a className="govuk-link" href={exhibitsCsvHref(filters)} download>Export CSV</a>
        <span className="govuk-body-s"> – the exhibits that match these filters, as a spreadsheet file</span>
      </p>

      {results.isPending && <p className="govuk-body">Loading exhibits…</p>}
      {results.isError && <p className="govuk-body">Exhibits could not be loaded. {results.error.message}</p>}
      {results.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">{total === 1 ? '1 exhibit' : `${total} exhibits`}</caption>
              <TableHead columns={['Reference', 'Description', 'Produced by', 'Cameras', 'Recorded', 'State', 'Held by', 'Occurrences']} />
              <tbody className="govuk-table__body">{results.data.items.map((e) => <Row key={e.id} exhibit={e} />)}</tbody>
            </table>
          </div>
          {results.data.items.length === 0 && <p className="govuk-body">No exhibits match these filters.</p>}
          <Pagination to="/evidence" label="exhibits" page={results.data.page} pageSize={results.data.pageSize || EXHIBITS_PAGE_SIZE} total={total}
            search={(p) => ({ ...filters, page: p > 1 ? p : undefined })} />
        </>
      )}
    </>
  );
}

function Row({ exhibit: e }: { exhibit: ExhibitListItem }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell vigil-nowrap"><Link className="govuk-link" to="/evidence/exhibits/$id" params={{ id: e.id }}>{e.reference}</Link></td>
      <td className="govuk-table__cell">{e.description}</td>
      <td className="govuk-table__cell">{e.producer.name}</td>
      <td className="govuk-table__cell">{e.cameras.map((c) => c.reference).join(', ')}</td>
      <td className="govuk-table__cell vigil-nowrap">{e.recordedFrom ? formatDateTime(e.recordedFrom) : 'Not given'}</td>
      <td className="govuk-table__cell"><ExhibitStateTag state={e.state} /></td>
      <td className="govuk-table__cell">{e.holder?.name ?? ''}</td>
      <td className="govuk-table__cell">{e.occurrences.map((o) => o.reference).join(', ')}</td>
    </tr>
  );
}
