import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { NotificationBanner } from '../../../components/NotificationBanner';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime } from '../../../../domain/calendar/london';
import type { OohIncident } from '../../../../domain/ooh/incidents.contract';
import { ACTION_STATUSES, EXERCISE_MARKING, TIMELINE_SOURCES } from '../../../../domain/ooh/incidents';
import { methaneLines, type MethaneMessage } from '../../../../domain/ooh/methane';
import { clearFlash, peekFlash } from '../../estate/deployments/flash';
import { OohNav } from '../OohNav';
import { incidentPdfHref, incidentQuery } from './api';
import { ActionForm, ActionUpdateForm, CloseForm, DecisionForm, TimelineForm } from './IncidentForms';
import { AcknowledgeButton, HandoverForm, MethaneUpdateForm } from './HandoverForms';

/** One incident: its current M/ETHANE message and what changed, every version, the timeline, decisions, actions, handovers. */
export function IncidentPage({ id, me }: { id: string; me: string }) {
  const q = useQuery(incidentQuery(id));
  const [message, setMessage] = useState<string | undefined>(() => { const m = peekFlash(id); clearFlash(id); return m; });
  useTitle(q.data ? `${q.data.reference} ${q.data.title}` : 'Major incident');
  if (q.isPending) return <p className="govuk-body">Loading the incident…</p>;
  if (q.isError) return <p className="govuk-body">The incident could not be loaded. {q.error.message}</p>;
  const i = q.data;
  const done = (text: string) => setMessage(text);
  const props = { incident: i, done };
  return (
    <>
      <Link className="govuk-back-link" to={'/ooh/incidents' as never}>Major incidents</Link>
      {message && <NotificationBanner success key={message}><p className="govuk-notification-banner__heading">{message}</p></NotificationBanner>}
      {i.exercise && <p className="govuk-body govuk-!-font-weight-bold vigil-exercise"><strong className="govuk-tag govuk-tag--purple">{EXERCISE_MARKING}</strong></p>}
      <span className="govuk-caption-l">{i.title}</span>
      <h1 className="govuk-heading-l">{i.reference}</h1>
      <OohNav />
      <dl className="govuk-summary-list">
        <Row k="Status" v={i.open ? 'Open' : `Stood down ${formatDateTime(i.closedAt)}${i.closedBy ? ` by ${i.closedBy}` : ''}`} />
        <Row k="Declared" v={`${formatDateTime(i.declaredAt)}${i.declaredBy ? ` by ${i.declaredBy}` : ''}`} />
        {!i.open && <Row k="Closing note" v={i.closingNote} />}
      </dl>
      <p className="govuk-body"><a className="govuk-link" href={incidentPdfHref(i.id)} target="_blank" rel="noreferrer">Download the whole incident as a PDF<span className="govuk-visually-hidden"> ({i.reference})</span></a></p>

      <Current incident={i} />
      <Timeline incident={i} />
      <Decisions incident={i} />
      <section aria-labelledby="actions-heading">
        <h2 className="govuk-heading-m" id="actions-heading">Actions ({i.actions.length})</h2>
        {i.actions.length === 0 && <p className="govuk-body">None yet.</p>}
        {i.actions.map((a) => (
          <div key={a.seq} className="govuk-inset-text">
            <p className="govuk-body"><strong>Action {a.seq}: {ACTION_STATUSES[a.status]}</strong> · {a.ownerName}{a.ownerOrganisation && ` (${a.ownerOrganisation})`}{a.dueAt && ` · due ${formatDateTime(a.dueAt)}`}</p>
            <p className="govuk-body">{a.action}</p>
            {a.updates.map((u, n) => <p className="govuk-body-s" key={n}>{formatDateTime(u.at)} {ACTION_STATUSES[u.status]}{u.by && ` (${u.by})`}{u.note && `: ${u.note}`}</p>)}
            {i.open && <ActionUpdateForm {...props} seq={a.seq} />}
          </div>
        ))}
      </section>
      <section aria-labelledby="handovers-heading">
        <h2 className="govuk-heading-m" id="handovers-heading">Handovers ({i.handovers.length})</h2>
        {i.handovers.length === 0 && <p className="govuk-body">None yet.</p>}
        {i.handovers.map((h) => (
          <div key={h.seq} className="govuk-inset-text">
            <p className="govuk-body"><strong>Handover {h.seq}</strong>: {formatDateTime(h.handedAt)} from {h.from ?? 'Vigil'} to {h.to.name} · {h.acknowledgedAt ? `acknowledged ${formatDateTime(h.acknowledgedAt)}` : 'not yet acknowledged'}</p>
            <p className="govuk-body">{h.summary}</p>
            {h.outstanding && <p className="govuk-body">Outstanding: {h.outstanding}</p>}
            {i.open && !h.acknowledgedAt && h.to.id === me && <AcknowledgeButton {...props} seq={h.seq} />}
          </div>
        ))}
      </section>
      {i.open ? (
        <section aria-labelledby="log-heading">
          <h2 className="govuk-heading-m" id="log-heading">Add to the log</h2>
          <TimelineForm {...props} />
          <DecisionForm {...props} />
          <ActionForm {...props} />
          <MethaneUpdateForm {...props} key={i.versions} />
          <HandoverForm {...props} me={me} />
          <CloseForm {...props} />
        </section>
      ) : <p className="govuk-body">This incident was stood down and is read-only.</p>}
    </>
  );
}

const Row = ({ k, v }: { k: string; v: string }) => (
  <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v || '—'}</dd></div>
);

function Current({ incident: i }: { incident: OohIncident }) {
  const latest = i.methane.at(-1)!;
  return (
    <section aria-labelledby="methane-heading">
      <h2 className="govuk-heading-m" id="methane-heading">M/ETHANE: version {latest.version} of {i.methane.length}</h2>
      <p className="govuk-body-s">Sent {formatDateTime(latest.sentAt)}{latest.by && ` by ${latest.by}`}</p>
      <dl className="govuk-summary-list">{methaneLines(latest.message as MethaneMessage).map((l) => <Row key={l.key} k={`${l.letter}: ${l.label}`} v={l.value} />)}</dl>
      {latest.changes.length > 0 && (
        <>
          <h3 className="govuk-heading-s">What changed from version {latest.version - 1}</h3>
          <ul className="govuk-list govuk-list--bullet">{latest.changes.map((c) => <li key={c.key}>{c.label}: was “{c.from || 'blank'}”, now “{c.to || 'blank'}”</li>)}</ul>
        </>
      )}
      {i.methane.length > 1 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Every version ({i.methane.length})</span></summary>
          <div className="govuk-details__text">
            {[...i.methane].reverse().map((v) => (
              <div key={v.version}>
                <h3 className="govuk-heading-s">Version {v.version}: {formatDateTime(v.sentAt)}{v.by && ` by ${v.by}`}</h3>
                <p className="govuk-body">{v.summary}</p>
                {v.changes.length > 0 && <ul className="govuk-list govuk-list--bullet">{v.changes.map((c) => <li key={c.key}>{c.label}: “{c.from || 'blank'}” to “{c.to || 'blank'}”</li>)}</ul>}
              </div>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

function Timeline({ incident: i }: { incident: OohIncident }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 className="govuk-heading-m" id="timeline-heading">Timeline ({i.timeline.length})</h2>
      {i.timeline.length === 0 ? <p className="govuk-body">Nothing received yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Information received, oldest first</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">{['#', 'Received', 'From', 'Information', 'Recorded by'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr></thead>
          <tbody className="govuk-table__body">
            {i.timeline.map((t) => (
              <tr className="govuk-table__row" key={t.seq}>
                <td className="govuk-table__cell">{t.seq}</td>
                <td className="govuk-table__cell">{formatDateTime(t.receivedAt)}</td>
                <td className="govuk-table__cell">{TIMELINE_SOURCES[t.source]}{t.sourceName && <><br />{t.sourceName}</>}</td>
                <td className="govuk-table__cell">
                  {t.correctedBySeq ? <s>{t.content}</s> : t.content}
                  {t.correctsSeq && <><br /><span className="govuk-body-s">Corrects #{t.correctsSeq}</span></>}
                  {t.correctedBySeq && <><br /><span className="govuk-body-s">Corrected by #{t.correctedBySeq}</span></>}
                </td>
                <td className="govuk-table__cell">{t.recordedBy ?? '—'}<br /><span className="govuk-body-s">{formatDateTime(t.recordedAt)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Decisions({ incident: i }: { incident: OohIncident }) {
  return (
    <section aria-labelledby="decisions-heading">
      <h2 className="govuk-heading-m" id="decisions-heading">Decision log ({i.decisions.length})</h2>
      {i.decisions.length === 0 && <p className="govuk-body">No decisions logged yet.</p>}
      {i.decisions.map((d) => (
        <div key={d.seq} className="govuk-inset-text">
          <p className="govuk-body"><strong>Decision {d.seq}</strong>: {formatDateTime(d.decidedAt)} · {d.decidedByName}{d.decidedByRole && `, ${d.decidedByRole}`}</p>
          <p className="govuk-body">{d.revisedBySeq ? <s>{d.decision}</s> : d.decision}</p>
          <p className="govuk-body">Rationale: {d.rationale}</p>
          {d.options && <p className="govuk-body">Options considered: {d.options}</p>}
          {d.revisesSeq && <p className="govuk-body-s">Revises decision {d.revisesSeq}</p>}
          {d.revisedBySeq && <p className="govuk-body-s">Revised by decision {d.revisedBySeq}</p>}
        </div>
      ))}
    </section>
  );
}
