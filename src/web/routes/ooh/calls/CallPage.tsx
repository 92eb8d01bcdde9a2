import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../../../components/useTitle';
import { formatDateTime, formatTime } from '../../../../domain/calendar/london';
import type { OohCallDetail } from '../../../../domain/ooh/calls.contract';
import { OohNav } from '../OohNav';
import { callQuery } from './api';
import { AcknowledgeForm, DowngradeForm, CloseForm, FaultForm, ReferForm } from './StepForms';

/** One call: what was reported, its response time and referral, its timeline, and the forms for its next step. */
export function CallPage({ id }: { id: string }) {
  const q = useQuery(callQuery(id));
  useTitle(q.data ? `Call ${q.data.reference}` : 'Call');
  if (q.isPending) return <p className="govuk-body">Loading the call…</p>;
  if (q.isError) return <p className="govuk-body">The call could not be loaded. {q.error.message}</p>;
  const c = q.data;
  return (
    <>
      <span className="govuk-caption-l">{c.category.name} · {c.priority.name}</span>
      <h1 className="govuk-heading-l">Call {c.reference}</h1>
      <OohNav />
      <Alerts call={c} />
      <dl className="govuk-summary-list">
        <Row k="Status" v={<strong className={`govuk-tag ${c.ackOverdue || c.rotaExhausted ? 'govuk-tag--red' : 'govuk-tag--blue'}`}>{c.statusLabel}</strong>} />
        <Row k="Received" v={formatDateTime(c.receivedAt)} />
        <Row k="Caller" v={`${c.callerName}${c.callbackNumber ? `, ${c.callbackNumber}` : ''}`} />
        <Row k="Address or place" v={`${c.address}${c.lat !== null ? ` (${c.lat}, ${c.lon})` : ''}`} />
        <Row k="Reported" v={c.description} />
        {c.vulnerable && <Row k="Vulnerable" v={c.vulnerability || 'Yes'} />}
        <Row k="Response needed" v={`${c.responseLabel}: by ${formatDateTime(c.responseBy)}${c.responseOverdue ? ' (passed)' : ''}`} />
        <Row k="Rota duty" v={c.dutyName ? `${c.dutyName}, ${c.ackMinutes} minutes to acknowledge` : 'Not referred to the rota'} />
        {c.referral && <Row k="Referred to" v={`${c.referral.name} (${c.referral.levelName}${c.referral.phone ? `, ${c.referral.phone}` : ''}) at ${formatTime(c.referral.referredAt)}; ${c.referral.acknowledgedAt ? `acknowledged at ${formatTime(c.referral.acknowledgedAt)}` : `acknowledgement due by ${formatTime(c.referral.ackDueAt)}`}`} />}
        {c.fault && <Row k="Maintenance fault" v={<Link className="govuk-link" to={'/maintenance/faults/$id' as never} params={{ id: c.fault.id } as never}>{c.fault.reference}</Link>} />}
        {c.outcomeNote && <Row k="Outcome" v={c.outcomeNote} />}
      </dl>
      {c.can.refer && <ReferForm call={c} />}
      {c.can.acknowledge && <AcknowledgeForm call={c} />}
      {c.can.raiseFault && <FaultForm call={c} />}
      {c.can.downgrade && <DowngradeForm call={c} />}
      {c.can.close && <CloseForm call={c} />}
      <h2 className="govuk-heading-m">Timeline</h2>
      <ol className="govuk-list">
        {c.events.map((e) => (
          <li key={e.seq}><strong>{formatTime(e.at)}</strong> {e.text}{e.by ? <span className="govuk-body-s"> ({e.by})</span> : <span className="govuk-body-s"> (automatic)</span>}</li>
        ))}
      </ol>
    </>
  );
}

function Row({ k, v }: { k: string; v: React.ReactNode }) {
  return <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>;
}

function Alerts({ call: c }: { call: OohCallDetail }) {
  const lines = [
    c.rotaExhausted && 'Nobody higher on the rota has acknowledged: ring round the duty managers yourself.',
    c.ackOverdue && !c.rotaExhausted && `${c.referral?.name} has not acknowledged in time: it is being referred up the rota.`,
    c.reReferrals > 0 && `Referred up the rota ${c.reReferrals} time${c.reReferrals === 1 ? '' : 's'} for want of an acknowledgement.`,
    c.responseOverdue && 'The response time has passed.',
  ].filter(Boolean) as string[];
  if (!lines.length) return null;
  return (
    <div className="govuk-warning-text" role="alert">
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>{lines.join(' ')}</strong>
    </div>
  );
}
