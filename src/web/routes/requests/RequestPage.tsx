import { useEffect, useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../api/auth';
import type { Session } from '../../api/types';
import { NotificationBanner } from '../../components/NotificationBanner';
import { useTitle } from '../../components/useTitle';
import { formatDateTime, formatUkDay, londonDay } from '../../../domain/calendar/london';
import { CHANNELS, REQUEST_TYPES, STATUSES, type RequestDetail } from '../../../domain/requests/contract';
import { Row } from '../evidence/SummaryRow';
import { clearFlash, peekFlash } from '../estate/deployments/flash';
import { useBanner } from '../maintenance/banner';
import { NotLoaded } from '../maintenance/NotLoaded';
import { calendarQuery, requestQuery } from './api';
import { ClockPanel } from './ClockPanel';
import { calendarOf, clockOnPage } from './clockOnPage';
import { RequestHistory } from './RequestHistory';
import { RequestsNav } from './RequestsNav';
import { focusForm, ShortcutList, usePageShortcuts, type PageShortcut } from './shortcuts';
import { AssignForm, EscalateForm, ExtendForm, NoteForm, ReopenForm, RestartClockForm, StatusForm, StopClockForm } from './StepForms';
import { CaseworkSections } from './sections/CaseworkSections';
import { CorrespondenceSections } from './sections/CorrespondenceSections';
import { DisclosureSections } from './sections/DisclosureSections';

/** One request: what was asked and by whom, its clock (worked out here), the steps allowed now, its history, and its casework. */
export function RequestPage({ id, session }: { id: string; session: Session }) {
  const request = useQuery(requestQuery(id));
  const calendar = useQuery(calendarQuery);
  const queryClient = useQueryClient();
  const { banner, done } = useBanner(() => peekFlash(id));
  useEffect(() => clearFlash(id), [id]);
  useTitle(request.data ? `Request ${request.data.reference}` : 'Request');
  const cal = useMemo(() => (calendar.data ? calendarOf(calendar.data) : undefined), [calendar.data]);
  const r = request.data;
  const clock = r && cal ? clockOnPage(r, { calendar: cal, today: londonDay() }) : undefined;

  const manage = can(session, 'requests.manage');
  const paused = !!r?.pauses.some((p) => p.to === null);
  const open = !!r && r.closedAt === null;
  const shortcuts: PageShortcut[] = !r || !manage ? [] : [
    ...(r.canStopClock.length ? [{ key: 's', description: 'Stop the clock', run: () => focusForm('stop-title') }] : []),
    ...(paused && open ? [{ key: 'r', description: 'Restart the clock', run: () => focusForm('restart-title') }] : []),
    ...(r.canExtend ? [{ key: 'e', description: 'Extend the time', run: () => focusForm('extend-title') }] : []),
    { key: 'n', description: 'Add a note', run: () => focusForm('note-title') },
  ];
  usePageShortcuts(shortcuts);

  if (request.isPending) return <p className="govuk-body">Loading the request…</p>;
  if (request.isError) return <NotLoaded title="Request" what="The request" error={request.error} back="Back to the register" backTo="/requests/register" />;
  const d = request.data;
  const onChanged = () => void queryClient.invalidateQueries({ queryKey: ['requests'] });
  const stages = d.clockCase.policy.complaintStages;
  const nextStage = d.type === 'complaint' && d.complaintStage < stages.length ? stages[d.complaintStage]!.name : undefined;

  return (
    <>
      <Link className="govuk-back-link" to="/requests/register">Register</Link>
      {banner && <NotificationBanner key={banner.n} success heading={banner.text} />}
      <span className="govuk-caption-l">{REQUEST_TYPES[d.type]}</span>
      <h1 className="govuk-heading-l">{d.reference}</h1>
      <RequestsNav />
      <Details request={d} />
      {calendar.isError && <p className="govuk-body">The calendar could not be loaded, so the due date cannot be worked out here. {calendar.error.message}</p>}
      <ClockPanel request={d} clock={clock} />

      {manage && (
        <section aria-labelledby="actions-title">
          <h2 className="govuk-heading-m" id="actions-title">What you can do now</h2>
          {d.nextStatuses.length > 0 && <StatusForm request={d} done={done} />}
          {d.canStopClock.length > 0 && <StopClockForm request={d} done={done} />}
          {paused && open && <RestartClockForm request={d} done={done} />}
          {d.canExtend && <ExtendForm request={d} done={done} noticeBy={clock?.extensionNoticeBy} />}
          {open && <AssignForm request={d} done={done} />}
          {nextStage && <EscalateForm request={d} done={done} nextStage={nextStage} />}
          {!open && <ReopenForm request={d} done={done} />}
          <NoteForm request={d} done={done} />
        </section>
      )}

      <h2 className="govuk-heading-m">History</h2>
      <RequestHistory events={d.events} />

      <CaseworkSections request={d} onChanged={onChanged} />
      <DisclosureSections request={d} onChanged={onChanged} />
      <CorrespondenceSections request={d} onChanged={onChanged} />
      <ShortcutList shortcuts={shortcuts} />
    </>
  );
}

function Details({ request: d }: { request: RequestDetail }) {
  const stages = d.clockCase.policy.complaintStages;
  return (
    <dl className="govuk-summary-list">
      <Row label="Status">{STATUSES[d.status]}</Row>
      <Row label="Received">{formatUkDay(d.receivedOn)}, by {CHANNELS[d.channel].toLowerCase()}</Row>
      <Row label="Requester">
        {d.requester.name}{d.requester.organisation && `, ${d.requester.organisation}`}
        {d.requester.email && <><br />{d.requester.email}</>}
        {d.requester.phone && <><br />{d.requester.phone}</>}
        {d.requester.address && <><br /><span className="vigil-prewrap">{d.requester.address}</span></>}
      </Row>
      {d.organisation && <Row label="Partner organisation">{d.organisation.name}</Row>}
      <Row label="What is asked for"><span className="vigil-prewrap">{d.summary}</span></Row>
      <Row label="Owner">{d.owner?.name ?? 'No owner yet'}</Row>
      {d.place && <Row label="Place">{d.place}</Row>}
      {(d.timeFrom || d.timeTo) && <Row label="Time asked about">{d.timeFrom ? formatDateTime(d.timeFrom) : '?'} to {d.timeTo ? formatDateTime(d.timeTo) : '?'}</Row>}
      {d.cameras.length > 0 && (
        <Row label="Cameras">
          <ul className="govuk-list">{d.cameras.map((c) => <li key={c.id}><Link className="govuk-link" to="/estate/cameras/$id" params={{ id: c.id }}>{c.reference} {c.name}</Link></li>)}</ul>
        </Row>
      )}
      {d.personDescription && <Row label="What they look like"><span className="vigil-prewrap">{d.personDescription}</span></Row>}
      {d.clothing && <Row label="What they wore"><span className="vigil-prewrap">{d.clothing}</span></Row>}
      {d.authority && (
        <Row label="Authority">
          Crime reference {d.authority.crimeReference}; {d.authority.exemption}<br />
          {d.authority.officerRank} {d.authority.officerName}, number {d.authority.officerNumber}
        </Row>
      )}
      {d.type === 'complaint' && <Row label="Stage">{stages[d.complaintStage - 1]?.name ?? `Stage ${d.complaintStage}`}, from {formatUkDay(d.stageReceivedOn)}{d.isDataProtectionComplaint ? '; about personal data' : ''}</Row>}
      {d.extended && d.extensionReason && <Row label="Why extended"><span className="vigil-prewrap">{d.extensionReason}</span></Row>}
      {d.outcome && <Row label="Outcome"><span className="vigil-prewrap">{d.outcome}</span></Row>}
      {d.closedAt && <Row label="Closed">{formatDateTime(d.closedAt)}</Row>}
    </dl>
  );
}
