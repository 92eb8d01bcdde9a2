import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_PAGE_SIZE, auditCsvHref, auditEventsQuery, type AuditFilters } from '../../api/audit';
import type { AuditEvent } from '../../api/types';
import { Pagination } from '../../components/Pagination';
import { useTitle } from '../../components/useTitle';
import type { FormErrors } from '../../lib/errors';
import { formatDateTime, isValidDay } from '../../../domain/calendar/london';
import { AuditFilterForm } from './AuditFilterForm';
import { VerifyChain } from './VerifyChain';

export function validateAuditSearch(search: Record<string, unknown>): AuditFilters {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const day = (v: unknown) => (typeof v === 'string' && isValidDay(v) ? v : undefined);
  const outcome = ['success', 'failure', 'denied'].includes(String(search.outcome)) ? (search.outcome as AuditFilters['outcome']) : undefined;
  const page = Number(search.page);
  return {
    from: day(search.from), to: day(search.to), actor: str(search.actor), action: str(search.action),
    recordType: str(search.recordType), recordId: str(search.recordId), outcome,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

const OUTCOME_TAG: Record<AuditEvent['outcome'], string> = { success: 'govuk-tag--green', failure: 'govuk-tag--red', denied: 'govuk-tag--orange' };

export function AuditPage({ search }: { search: AuditFilters }) {
  const [errors, setErrors] = useState<FormErrors>();
  useTitle('Audit trail', { error: !!errors });
  const navigate = useNavigate();
  const events = useQuery(auditEventsQuery({ ...search, page: search.page ?? 1 }));
  const { page: _page, ...filters } = search;

  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">Every change, and every look at personal data or footage, in the order it happened. Times are UK time.</p>
      <AuditFilterForm filters={filters} onErrors={setErrors} onFilter={(f) => void navigate({ to: '/audit', search: f })} />

      <p className="govuk-body">
        <a className="govuk-link" href={auditCsvHref(filters)} download>Export CSV</a>
        <span className="govuk-body-s"> – the events that match these filters, as a spreadsheet file</span>
      </p>
      <VerifyChain />

      {events.isPending && <p className="govuk-body">Loading events…</p>}
      {events.isError && <p className="govuk-body">Events could not be loaded. {events.error.message}</p>}
      {events.data && (
        <>
          <div className="vigil-table-wrap">
            <table className="govuk-table govuk-table--small-text-until-tablet">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {events.data.total === 1 ? '1 event' : `${events.data.total} events`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">When</th>
                  <th scope="col" className="govuk-table__header">User</th>
                  <th scope="col" className="govuk-table__header">Action</th>
                  <th scope="col" className="govuk-table__header">Record</th>
                  <th scope="col" className="govuk-table__header">Outcome</th>
                  <th scope="col" className="govuk-table__header">Details</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {events.data.items.map((e) => (
                  <tr className="govuk-table__row" key={e.id}>
                    <td className="govuk-table__cell vigil-nowrap">{formatDateTime(e.at, { seconds: true })}</td>
                    <td className="govuk-table__cell">{e.actorUsername ?? 'System'}</td>
                    <td className="govuk-table__cell">{e.action}</td>
                    <td className="govuk-table__cell"><RecordCell event={e} /></td>
                    <td className="govuk-table__cell"><strong className={`govuk-tag ${OUTCOME_TAG[e.outcome] ?? ''}`}>{e.outcome}</strong></td>
                    <td className="govuk-table__cell"><EventDetails event={e} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {events.data.items.length === 0 && <p className="govuk-body">No events match these filters.</p>}
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize || AUDIT_PAGE_SIZE}
            total={events.data.total}
            to="/audit"
            search={(p) => ({ ...filters, page: p > 1 ? p : undefined })}
            label="audit events"
          />
        </>
      )}
    </>
  );
}

/** The record's type and a name people recognise (from the details) above its ID. */
function RecordCell({ event }: { event: AuditEvent }) {
  const details = (event.details && typeof event.details === 'object' ? event.details : {}) as Record<string, unknown>;
  const name = [details.username, details.name, details.reference].find((v) => typeof v === 'string') as string | undefined;
  if (!event.recordType && !event.recordId) return <>–</>;
  return (
    <>
      {[event.recordType, name].filter(Boolean).join(' ')}
      {event.recordId && <span className="vigil-secondary-text vigil-break">{event.recordId}</span>}
    </>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  const hasDetails = !!event.details && typeof event.details === 'object' && Object.keys(event.details).length > 0;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Event {event.seq}</span>
      </summary>
      <div className="govuk-details__text govuk-body-s">
        <dl>
          <dt className="govuk-!-font-weight-bold">From</dt>
          <dd>{event.ip ?? 'Unknown'}{event.userAgent ? ` – ${event.userAgent}` : ''}</dd>
          {hasDetails && (
            <>
              <dt className="govuk-!-font-weight-bold">Details</dt>
              <dd><pre className="vigil-break vigil-pre">{JSON.stringify(event.details, null, 2)}</pre></dd>
            </>
          )}
          <dt className="govuk-!-font-weight-bold">Hash</dt>
          <dd className="vigil-break"><code>{event.hash}</code></dd>
        </dl>
      </div>
    </details>
  );
}
