import { useEffect } from 'react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../api/auth';
import { handoversWaitingQuery, type HandoverSummary } from '../api/occurrences';
import type { Session } from '../api/types';
import { formatDateTime } from '../../domain/calendar/london';
import { NotificationBanner } from './NotificationBanner';

const addressedTo = (h: HandoverSummary) => (h.to?.kind === 'team' ? `the ${h.to.name} team` : 'you');

/**
 * On every page, until it is acknowledged: a handover addressed to the signed-in operator (or their
 * team). Checked again on each page the operator opens (their own action, so the idle clock is
 * fair) rather than by polling in the background.
 */
export function HandoverBanner({ session }: { session: Session }) {
  const enabled = session.stage === 'active' && can(session, 'occurrences.write');
  const waiting = useQuery({ ...handoversWaitingQuery, enabled });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const queryClient = useQueryClient();
  useEffect(() => {
    if (enabled) void queryClient.invalidateQueries({ queryKey: handoversWaitingQuery.queryKey });
  }, [enabled, pathname, queryClient]);

  const items = waiting.data ?? [];
  if (!enabled || items.length === 0) return null;
  return (
    <NotificationBanner title="Handover waiting" heading={items.length === 1
      ? <>{items[0].from} has handed over to {addressedTo(items[0])}</>
      : <>{items.length} handovers wait for you</>}>
      {items.length === 1 ? (
        <p className="govuk-body">
          <Link className="govuk-notification-banner__link" to="/occurrences/handover/$id" params={{ id: items[0].id }}>Read and acknowledge the handover</Link>
          {' '}from {formatDateTime(items[0].createdAt)}.
        </p>
      ) : (
        <ul className="govuk-list">
          {items.map((h) => (
            <li key={h.id}>
              <Link className="govuk-notification-banner__link" to="/occurrences/handover/$id" params={{ id: h.id }}>
                Handover from {h.from} to {addressedTo(h)}, {formatDateTime(h.createdAt)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </NotificationBanner>
  );
}
