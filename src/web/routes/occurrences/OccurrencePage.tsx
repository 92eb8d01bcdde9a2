import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { ENTRY_KINDS, camerasQuery, occurrenceQuery, tickStep, type Entry, type Occurrence } from '../../api/occurrences';
import { useTitle } from '../../components/useTitle';
import { errorMessage } from '../../lib/errors';
import { useLiveOccurrences } from '../../lib/live';
import { formatDateTime } from '../../../domain/calendar/london';
import { NotFoundPage } from '../errors/NotFound';
import { isApiError } from '../../api/client';
import { StatusTag } from './OccurrencesListPage';
import { AddEntryForm, AmendForm, CloseForm, FootageForm, NotifyForm, PersonalDataSection, ReopenForm } from './OccurrenceForms';
import { ShareForm } from './ShareForm';
import { AddCameraForm } from './AddCameraForm';
import { RedactEntry, RedactionNote } from './RedactEntry';

export function OccurrencePage({ id, session, opened }: { id: string; session: Session; opened?: boolean }) {
  const occurrence = useQuery(occurrenceQuery(id));
  useLiveOccurrences(id);
  useTitle(occurrence.data ? `${occurrence.data.reference}: ${occurrence.data.summary}` : 'Occurrence');

  if (occurrence.isPending) return <p className="govuk-body">Loading the occurrence…</p>;
  if (occurrence.isError) {
    if (isApiError(occurrence.error) && occurrence.error.status === 404) return <NotFoundPage />;
    return <p className="govuk-body">The occurrence could not be loaded. {occurrence.error.message}</p>;
  }
  return <OccurrenceView occurrence={occurrence.data} session={session} opened={opened} />;
}

function OccurrenceView({ occurrence: o, session, opened }: { occurrence: Occurrence; session: Session; opened?: boolean }) {
  const canWrite = can(session, 'occurrences.write');
  const cameras = useQuery({ ...camerasQuery, enabled: canWrite && can(session, 'estate.read') });
  const isOpen = o.status === 'open';
  return (
    <>
      <Link className="govuk-back-link" to="/occurrences">Back to occurrences</Link>
      {opened && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="opened-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="opened-title">Success</h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{o.reference} opened. Press <kbd>e</kbd> to add an entry.</p>
          </div>
        </div>
      )}
      <span className="govuk-caption-l">{o.category.name}</span>
      <h1 className="govuk-heading-l">{o.reference} <StatusTag status={o.status} outcomeName={o.outcomeName} /></h1>
      <p className="govuk-body-l">{o.summary}</p>

      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <Row label="Priority" value={o.priorityName} />
        <Row label="Source" value={o.sourceName} />
        <Row label="Opened" value={`${formatDateTime(o.openedAt, { seconds: true })} by ${o.openedBy}`} />
        <Row label="Location" value={o.location.text || 'Not given'} />
        <Row label="Cameras" value={o.cameras.length ? o.cameras.map((c) => `${c.reference} ${c.name}`).join(', ') : 'None'} />
        {o.closedAt && <Row label="Closed" value={`${formatDateTime(o.closedAt, { seconds: true })}${o.closedBy ? ` by ${o.closedBy}` : ''}: ${o.outcomeName}`} />}
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/v1/occurrences/${encodeURIComponent(o.id)}/pdf`} target="_blank" rel="noreferrer">
          Print for the police (PDF, opens in a new tab)
        </a>
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <WhoWasTold occurrence={o} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Procedure occurrence={o} canTick={canWrite && isOpen} />
        </div>
      </div>

      {canWrite && isOpen && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AddEntryForm occurrence={o} />
          </div>
        </div>
      )}
      {!isOpen && canWrite && <p className="govuk-inset-text">This occurrence is closed. Reopen it, with a reason, to add to it.</p>}

      <Timeline entries={o.entries} redactIn={can(session, 'occurrences.supervise') ? o.id : undefined} />

      {canWrite && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {isOpen && (
              <>
                <NotifyForm occurrence={o} />
                <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
                <FootageForm occurrence={o} cameras={cameras.data ?? []} />
                <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
                {/* Shows itself only while there is a camera to add, or its confirmation to read. */}
                <AddCameraForm occurrence={o} cameras={cameras.data ?? []} />
                <AmendForm occurrence={o} />
                <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
              </>
            )}
            <PersonalDataSection occurrence={o} canWrite={canWrite} />
            <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
            <ShareForm occurrence={o} />
            <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
            {isOpen ? <CloseForm occurrence={o} /> : <ReopenForm occurrence={o} />}
          </div>
        </div>
      )}
      {!canWrite && <PersonalDataSection occurrence={o} canWrite={false} />}
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

function WhoWasTold({ occurrence }: { occurrence: Occurrence }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Who was told</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Agency</th>
          <th scope="col" className="govuk-table__header">Told</th>
          <th scope="col" className="govuk-table__header">Reference</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {occurrence.told.map((t) => (
          <tr className="govuk-table__row" key={t.agency}>
            <th scope="row" className="govuk-table__header">{t.name}</th>
            <td className="govuk-table__cell">
              {t.told
                ? <><strong className="govuk-tag govuk-tag--green">Told</strong> {t.firstToldAt && formatDateTime(t.firstToldAt)}</>
                : <strong className="govuk-tag govuk-tag--grey">Not told</strong>}
            </td>
            <td className="govuk-table__cell">{t.references.join(', ') || '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Procedure({ occurrence, canTick }: { occurrence: Occurrence; canTick: boolean }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  if (!occurrence.procedure.length) {
    return (
      <>
        <h2 className="govuk-heading-m">Procedure</h2>
        <p className="govuk-body">There is no set procedure for {occurrence.category.name.toLowerCase()}.</p>
      </>
    );
  }
  const tick = async (stepId: string) => {
    setBusy(stepId);
    setError(undefined);
    try {
      await tickStep(occurrence.id, { stepId });
      await queryClient.invalidateQueries({ queryKey: ['occurrence', occurrence.id] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="procedure-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Procedure</h2>
        </legend>
        <div className="govuk-hint" id="procedure-hint">Tick each step as it is done; it is added to the log.</div>
        {error && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {occurrence.procedure.map((s) => (
            <div className="govuk-checkboxes__item" key={s.id}>
              <input className="govuk-checkboxes__input" id={`step-${s.id}`} type="checkbox" checked={s.ticked || busy === s.id} disabled={!canTick || s.ticked || busy === s.id}
                onChange={(e) => { if (e.target.checked) void tick(s.id); }} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`step-${s.id}`}>
                {s.text}{s.isRequired ? ' (required)' : ''}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function EntryDetails({ entry: e }: { entry: Entry }) {
  return (
    <>
      {e.kind === 'notification' && e.agencyName && (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          {e.agencyName} told{e.notifiedAt ? ` at ${formatDateTime(e.notifiedAt)}` : ''}{e.agencyReference ? `, reference ${e.agencyReference}` : ''}
        </p>
      )}
      {e.kind === 'footage' && e.camera && (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          {e.camera.reference} {e.camera.name}, {formatDateTime(e.footageFrom, { seconds: true })} to {formatDateTime(e.footageTo, { seconds: true })}
        </p>
      )}
      {e.reason && e.kind !== 'amendment' && <p className="govuk-body-s govuk-!-margin-bottom-1">Reason: {e.reason}</p>}
    </>
  );
}

/** `redactIn`: the occurrence whose entries the viewer (a supervisor) may redact. */
function Timeline({ entries, redactIn }: { entries: Entry[]; redactIn?: string }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 className="govuk-heading-m" id="timeline-title">Timeline</h2>
      <p className="govuk-body-s">Times are UK time, as the server recorded them. Entries cannot be changed; corrections show beside them. Only a supervisor’s redaction of personal data changes an entry’s text, and it says so.</p>
      <ol className="vigil-timeline govuk-list" aria-live="polite" aria-relevant="additions">
        {entries.map((e) => (
          <li key={e.id} className="vigil-timeline__entry" id={`entry-${e.seq}`}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong>{e.seq}. {ENTRY_KINDS[e.kind]}</strong> – recorded {formatDateTime(e.recordedAt, { seconds: true })} by {e.author ?? 'Vigil'}
              {e.observedAt && <> – seen {formatDateTime(e.observedAt)}</>}
            </p>
            {e.kind === 'amendment' ? (
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong className="govuk-tag govuk-tag--yellow">Correction</strong> of entry {entries.find((x) => x.id === e.amendsId)?.seq ?? ''}: {e.body}
                {e.reason && <span className="vigil-secondary-text">Reason: {e.reason}</span>}
              </p>
            ) : (
              <p className="govuk-body govuk-!-margin-bottom-1 vigil-break">{e.body}</p>
            )}
            <EntryDetails entry={e} />
            <RedactionNote entry={e} />
            {redactIn && e.kind !== 'personal_data_removed' && <RedactEntry occurrenceId={redactIn} entry={e} />}
            {!!e.amendments?.length && (
              <div className="govuk-inset-text govuk-!-margin-top-1 govuk-!-margin-bottom-1">
                {e.amendments.map((a) => (
                  <p className="govuk-body-s govuk-!-margin-bottom-1" key={a.id}>
                    <strong className="govuk-tag govuk-tag--yellow">Corrected</strong> {formatDateTime(a.recordedAt, { seconds: true })} by {a.author}: {a.body}
                    {a.reason && <> (reason: {a.reason})</>}
                  </p>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
