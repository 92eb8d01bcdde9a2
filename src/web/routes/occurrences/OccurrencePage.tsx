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

/**
 * Laid out for a control-room screen: the facts across the top, then the actions beside the
 * timeline (one column on narrow screens). Adding an entry is always open (`e` reaches it); the
 * other actions open on demand. The timeline shows the newest entry first, in a panel of its own
 * height on a wide screen, so that what just happened is beside the form it came from.
 */
function OccurrenceView({ occurrence: o, session, opened }: { occurrence: Occurrence; session: Session; opened?: boolean }) {
  const canWrite = can(session, 'occurrences.write');
  const cameras = useQuery({ ...camerasQuery, enabled: canWrite && can(session, 'estate.read') });
  const isOpen = o.status === 'open';
  return (
    <div className="vigil-occurrence">
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/occurrences">Back to occurrences</Link>
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
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{o.reference} <StatusTag status={o.status} outcomeName={o.outcomeName} /></h1>
      <p className="govuk-body-l govuk-!-margin-bottom-3">{o.summary}</p>

      <dl className="vigil-facts">
        <Fact label="Priority" value={o.priorityName} />
        <Fact label="Source" value={o.sourceName} />
        <Fact label="Opened" value={`${formatDateTime(o.openedAt, { seconds: true })} by ${o.openedBy}`} />
        <Fact label="Location" value={o.location.text || 'Not given'} />
        <Fact label="Cameras" value={o.cameras.length ? o.cameras.map((c) => `${c.reference} ${c.name}`).join(', ') : 'None'} />
        {o.closedAt && <Fact label="Closed" value={`${formatDateTime(o.closedAt, { seconds: true })}${o.closedBy ? ` by ${o.closedBy}` : ''}: ${o.outcomeName}`} />}
      </dl>

      <div className="vigil-occurrence__columns">
        <div className="vigil-occurrence__actions">
          {canWrite && isOpen && <AddEntryForm occurrence={o} />}
          {canWrite && !isOpen && (
            <>
              <p className="govuk-inset-text govuk-!-margin-top-0">This occurrence is closed. Reopen it, with a reason, to add to it.</p>
              <ReopenForm occurrence={o} />
            </>
          )}
          <Procedure occurrence={o} canTick={canWrite && isOpen} />
          <WhoWasTold occurrence={o} />

          {canWrite ? (
            <section aria-labelledby="more-actions-title">
              <h2 className="govuk-heading-m" id="more-actions-title">More actions</h2>
              {isOpen && (
                <>
                  <Disclosure id="notify" summary="Record who was told"><NotifyForm occurrence={o} /></Disclosure>
                  <Disclosure id="footage" summary="Mark footage to keep"><FootageForm occurrence={o} cameras={cameras.data ?? []} /></Disclosure>
                  {/* Once the council's cameras are loaded; the form says when every one is on the occurrence. */}
                  {!!cameras.data?.length && <Disclosure id="cameras" summary="Add a camera"><AddCameraForm occurrence={o} /></Disclosure>}
                  <Disclosure id="amend" summary="Correct an entry"><AmendForm occurrence={o} /></Disclosure>
                </>
              )}
              <Disclosure id="personal" summary={`Names and personal data${o.personalDataCount ? ` (${o.personalDataCount})` : ''}${o.personalDataFlagged.count ? ', flagged for review' : ''}`} open={o.personalDataFlagged.count > 0}><PersonalDataSection occurrence={o} canWrite={canWrite} /></Disclosure>
              <Disclosure id="share" summary={`Share with a partner${o.sharedWith.length ? ` (shared with ${o.sharedWith.length})` : ''}`}><ShareForm occurrence={o} /></Disclosure>
              {isOpen && <Disclosure id="close" summary="Close the occurrence"><CloseForm occurrence={o} /></Disclosure>}
            </section>
          ) : <PersonalDataSection occurrence={o} canWrite={false} />}

          <p className="govuk-body">
            <a className="govuk-link" href={`/api/v1/occurrences/${encodeURIComponent(o.id)}/pdf`} target="_blank" rel="noreferrer">
              Print for the police (PDF, opens in a new tab)
            </a>
          </p>
        </div>
        <Timeline entries={o.entries} redactIn={can(session, 'occurrences.supervise') ? o.id : undefined} />
      </div>
    </div>
  );
}

/** An action's form, opened on demand (GOV.UK details): its own heading stays for screen readers. */
/** An action opened on demand; `open` starts it open (something in it needs attention). */
function Disclosure({ id, summary, open, children }: { id: string; summary: string; open?: boolean; children: React.ReactNode }) {
  return (
    <details className="govuk-details vigil-disclosure" id={`${id}-panel`} open={open}>
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{summary}</span></summary>
      <div className="govuk-details__text vigil-disclosure__body">{children}</div>
    </details>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="vigil-facts__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
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
        <div className="govuk-hint" id="procedure-hint">
          Tick each step as it is done; it is added to the log.
          {occurrence.procedureVersion && <> Version {occurrence.procedureVersion.version}{occurrence.procedureVersion.isCurrent ? '' : ', as when this occurrence was opened (the procedure has changed since)'}.</>}
        </div>
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

/**
 * Newest first: in a control room the question is "what is happening now", and an entry just added
 * appears beside the form it came from, with no scrolling (a panel scrolled to its end would jump
 * while someone reads back). "Oldest first" reads the story in order, as the PDF does.
 */
function Timeline({ entries, redactIn }: { entries: Entry[]; redactIn?: string }) {
  const [oldestFirst, setOldestFirst] = useState(false);
  const shown = oldestFirst ? entries : [...entries].reverse();
  return (
    <section className="vigil-occurrence__timeline" aria-labelledby="timeline-title">
      <div className="vigil-timeline__header">
        <h2 className="govuk-heading-m govuk-!-margin-bottom-1" id="timeline-title">Timeline</h2>
        <button type="button" className="vigil-link-button govuk-body-s" aria-pressed={oldestFirst} onClick={() => setOldestFirst(!oldestFirst)}>
          Oldest first
        </button>
      </div>
      <p className="govuk-body-s govuk-!-margin-bottom-2" id="timeline-hint">
        {oldestFirst ? 'Oldest entry first.' : 'Newest entry first.'} Times are UK time, as the server recorded them. Entries cannot be changed; corrections show beside them. Only a supervisor’s redaction of personal data changes an entry’s text, and it says so.
      </p>
      {/* Focusable, so that the keyboard scrolls it where the panel has a height of its own. */}
      <div className="vigil-timeline__scroll" tabIndex={0} role="group" aria-labelledby="timeline-title" aria-describedby="timeline-hint">
        <ol className="vigil-timeline govuk-list" aria-live="polite" aria-relevant="additions" reversed={!oldestFirst}>
          {shown.map((e) => (
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
      </div>
    </section>
  );
}
