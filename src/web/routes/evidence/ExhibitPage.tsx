import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import { isApiError } from '../../api/client';
import { exhibitFileHref, exhibitQuery, type ExhibitDetail } from '../../api/evidence';
import type { Session } from '../../api/types';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../../domain/calendar/london';
import { NotFoundPage } from '../errors/NotFound';
import { ButtonLink } from './ButtonLink';
import { ContinuityTimeline } from './ContinuityTimeline';
import { DerivativeForm } from './DerivativeForm';
import { DerivativesTable } from './DerivativesTable';
import { HandOverForm, ReceiveForm, ReturnForm, SealForm } from './HandlingForms';
import { Player, type PlayerTime } from './Player';
import { playableSources } from './sources';
import { ExhibitStateTag } from './tags';
import { Row } from './SummaryRow';
import { PlaceHoldForm, ReleaseHoldForm } from './retention/HoldForms';
import { describeClock, describeProbe, describeSize } from './words';

export function ExhibitPage({ id, session, made }: { id: string; session: Session; made?: boolean }) {
  const exhibit = useQuery(exhibitQuery(id));
  useTitle(exhibit.data ? `Exhibit ${exhibit.data.reference}` : 'Exhibit');
  if (exhibit.isPending) return <p className="govuk-body">Loading the exhibit…</p>;
  if (exhibit.isError) {
    if (isApiError(exhibit.error) && exhibit.error.status === 404) return <NotFoundPage />;
    return <p className="govuk-body">The exhibit could not be loaded. {exhibit.error.message}</p>;
  }
  return <ExhibitView exhibit={exhibit.data} session={session} made={made} />;
}

function ExhibitView({ exhibit: x, session, made }: { exhibit: ExhibitDetail; session: Session; made?: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: exhibitQuery(x.id).queryKey });
  const [player, setPlayer] = useState<PlayerTime>();
  const [said, setSaid] = useState<string>();
  const sources = playableSources(x);
  const canManage = can(session, 'evidence.manage') && x.state !== 'destroyed';
  const forMe = x.pendingHandover?.to.id === session.user.id;
  return (
    <>
      <Link className="govuk-back-link govuk-!-margin-top-0" to="/evidence">Back to exhibits</Link>
      {made && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="made-title">
          <div className="govuk-notification-banner__header"><h2 className="govuk-notification-banner__title" id="made-title">Success</h2></div>
          <div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">Exhibit {x.reference} made. Its continuity starts with ‘Produced’.</p></div>
        </div>
      )}
      <span className="govuk-caption-l">Exhibit</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{x.reference} <ExhibitStateTag state={x.state} /></h1>
      <p className="govuk-body-l">{x.description}</p>

      <dl className="govuk-summary-list vigil-summary-compact">
        <Row label="Produced by">{x.producer.name}, {formatDateTime(x.createdAt, { seconds: true })}</Row>
        <Row label="Held by">{x.pendingHandover ? `On its way to ${x.pendingHandover.to.name} (handed over ${formatDateTime(x.pendingHandover.at)}, not yet received)` : x.holder?.name ?? 'Not recorded'}</Row>
        <Row label="Cameras">{x.cameras.length ? x.cameras.map((c) => `${c.reference} ${c.name}`).join(', ') : 'Not given'}</Row>
        <Row label="Recorded">{x.recordedFrom || x.recordedTo ? `${formatDateTime(x.recordedFrom, { seconds: true }) || '?'} to ${formatDateTime(x.recordedTo, { seconds: true }) || '?'} (true UK time)` : 'Not given'}</Row>
        <Row label="Recorder’s clock">{x.clock ? upperFirst(describeClock(x.clock)) : 'Not compared with the true time'}</Row>
        <Row label="Occurrences">
          {x.occurrences.length ? x.occurrences.map((o, i) => <span key={o.id}>{i > 0 && ', '}<Link className="govuk-link" to="/occurrences/$id" params={{ id: o.id }}>{o.reference}</Link></span>) : 'None linked'}
        </Row>
        <Row label="Item SHA-256"><code className="vigil-hash">{x.itemSha256}</code></Row>
        {!!x.holds.length && <Row label="Legal holds">{x.holds.map((h) => `${h.reason} (${h.placedBy.name}, ${formatDateTime(h.placedAt)})`).join('; ')}</Row>}
      </dl>

      <div role="status" aria-live="polite">{said && <p className="govuk-inset-text govuk-!-font-weight-bold">{said}</p>}</div>
      {forMe && <ReceiveForm exhibit={x} onDone={setSaid} />}

      {sources.length ? <Player exhibitId={x.id} sources={sources} onTime={setPlayer} /> : (
        <p className="govuk-inset-text">No file of this exhibit plays in a browser as it is. Make a working copy below to play it.</p>
      )}

      <Masters exhibit={x} />
      <DerivativesTable exhibitId={x.id} derivatives={x.derivatives} />
      {canManage && <DerivativeForm exhibit={x} player={player} />}

      {canManage && (
        <section aria-labelledby="handling-title">
          <h2 className="govuk-heading-m" id="handling-title">Handling</h2>
          {x.pendingHandover ? (
            !forMe && <p className="govuk-body">Waiting for {x.pendingHandover.to.name} to receive it and sign. Nothing else can be done with it until then.</p>
          ) : (
            <>
              <Disclosure summary="Hand over to a member of staff"><HandOverForm exhibit={x} session={session} onDone={setSaid} /></Disclosure>
              <Disclosure summary="Seal in an evidence bag"><SealForm exhibit={x} onDone={setSaid} /></Disclosure>
              <Disclosure summary="Return to store"><ReturnForm exhibit={x} onDone={setSaid} /></Disclosure>
            </>
          )}
          <Disclosure summary={x.holds.length ? `Legal hold (${x.holds.length} in force)` : 'Place a legal hold'}>
            {x.holds.map((h) => <ReleaseHoldForm key={h.id} holdId={h.id} what={x.reference} onDone={refresh} />)}
            <PlaceHoldForm subject={{ exhibitId: x.id }} onDone={refresh} />
          </Disclosure>
          <p className="govuk-!-margin-top-4 govuk-!-margin-bottom-6"><ButtonLink to="/evidence/packages/new" search={{ exhibits: x.id }} secondary>Put in a disclosure package</ButtonLink></p>
        </section>
      )}

      <ContinuityTimeline exhibitId={x.id} events={x.events} />
    </>
  );
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Disclosure({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="govuk-details vigil-disclosure">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{summary}</span></summary>
      <div className="govuk-details__text vigil-disclosure__body">{children}</div>
    </details>
  );
}

/** The files the exhibit is, as they came in: never changed. */
function Masters({ exhibit: x }: { exhibit: ExhibitDetail }) {
  return (
    <section aria-labelledby="masters-title">
      <h2 className="govuk-heading-m" id="masters-title">{x.recordings.length === 1 ? 'Master' : 'Masters'}</h2>
      <ul className="govuk-list">
        {x.recordings.map((r) => (
          <li key={r.id} className="vigil-master">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{r.originalName}</h3>
            <dl className="govuk-summary-list govuk-summary-list--no-border vigil-summary-compact">
              <Row label="SHA-256"><code className="vigil-hash">{r.sha256}</code></Row>
              <Row label="Size">{describeSize(r.sizeBytes)}</Row>
              <Row label="What ffprobe found">{describeProbe(r.probe)}</Row>
              {r.note && <Row label="Note">{r.note}</Row>}
              <Row label="Came in">{formatDateTime(r.ingestedAt, { seconds: true })} from {r.ingestedBy.name} ({r.source === 'upload' ? 'uploaded' : 'imported'})</Row>
            </dl>
            <a className="govuk-link" href={exhibitFileHref(x.id, r.sha256, { download: true })} download>
              Download the master<span className="govuk-visually-hidden"> {r.originalName}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
