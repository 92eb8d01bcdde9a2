import { ShiftSections } from '../../components/ShiftSections';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../api/types';
import { PRIORITIES, handoverQuery, type HandoverAction } from '../../api/occurrences';
import { Button } from '../../components/fields';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../../domain/calendar/london';
import { ShiftWorkList } from './ShiftWorkList';
import { useAcknowledgeHandover } from './useAcknowledgeHandover';

/** One handover as the incoming operator reads it: what is open, what must be done, what is broken. */
export function HandoverDetailPage({ id }: { id: string; session: Session }) {
  const handover = useQuery(handoverQuery(id));
  const { acknowledge, busy, status } = useAcknowledgeHandover();
  const h = handover.data;
  useTitle(h ? `Handover from ${h.from}` : 'Handover');

  if (handover.isPending) return <p className="govuk-body">Loading the handover…</p>;
  if (handover.isError || !h) return <p className="govuk-body">The handover could not be loaded. {handover.error?.message}</p>;

  const to = !h.to ? 'Anyone coming on (written before handovers were addressed)' : h.to.kind === 'team' ? `The ${h.to.name} team` : h.to.name;

  return (
    <>
      <Link className="govuk-back-link" to="/occurrences/handover">Shift handover</Link>
      <h1 className="govuk-heading-l">Handover from {h.from}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">To</dt>
          <dd className="govuk-summary-list__value">{to}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Handed over</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(h.createdAt)}</dd>
        </div>
        {h.shiftStartedAt && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Shift began</dt>
            <dd className="govuk-summary-list__value">{formatDateTime(h.shiftStartedAt)}</dd>
          </div>
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Acknowledged</dt>
          <dd className="govuk-summary-list__value">{h.acknowledgedAt ? `${formatDateTime(h.acknowledgedAt)} by ${h.acknowledgedBy}` : 'Not yet'}</dd>
        </div>
      </dl>
      {h.canAcknowledge && <Button type="button" onClick={() => void acknowledge(h)} disabled={busy === h.id}>Acknowledge handover</Button>}
      {status}

      <h2 className="govuk-heading-m">What {h.from} did this shift</h2>
      <ShiftWorkList worked={h.worked} empty={h.shiftStartedAt ? 'No entries in any occurrence.' : 'Not recorded (written before shifts were).'} />

      <h2 className="govuk-heading-m">Open occurrences passed on</h2>
      {h.occurrences.length === 0 ? <p className="govuk-body">None.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {h.occurrences.map((o) => (
            <li key={o.id}>
              <Link className="govuk-link" to="/occurrences/$id" params={{ id: o.id }}>{o.reference}</Link> – {o.summary} ({PRIORITIES[o.priority]},
              opened {formatDateTime(o.openedAt)}{o.status === 'closed' ? ', since closed' : ''})
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Actions</h2>
      <Actions actions={h.actions} empty="No new actions." />
      {h.carriedOver.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Passed on from earlier shifts</h3>
          <Actions actions={h.carriedOver} empty="" />
        </>
      )}
      {h.duties.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Other duties open at handover</h2>
          <ShiftSections sections={h.duties} level={3} />
        </>
      )}
      <h2 className="govuk-heading-m">Equipment faults</h2>
      <p className="govuk-body vigil-prewrap">{h.equipmentFaults.trim() || 'None noted.'}</p>
      <h2 className="govuk-heading-m">Notes</h2>
      <p className="govuk-body vigil-prewrap">{h.notes.trim() || 'None.'}</p>
    </>
  );
}

function Actions({ actions, empty }: { actions: HandoverAction[]; empty: string }) {
  if (actions.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {actions.map((a) => (
        <li key={a.id}>
          {a.text} – {a.owner.name}, due {formatDateTime(a.dueAt)}
          {a.doneAt ? <> <strong className="govuk-tag govuk-tag--green">Done {formatDateTime(a.doneAt)}</strong></>
            : a.overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}
        </li>
      ))}
    </ul>
  );
}
