import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { can } from '../api/auth';
import { api } from '../api/client';
import type { Session } from '../api/types';
import type { IntegrityStatus } from '../../domain/evidence/contract';
import { formatDateTime } from '../../domain/calendar/london';
import { NotificationBanner } from './NotificationBanner';

type Status = z.infer<typeof IntegrityStatus>;

/**
 * For coordinators and administrators, on every page: the newest integrity check of the stored
 * evidence found a file altered or missing, or a continuity chain broken. Loud until a check passes.
 */
export function IntegrityBanner({ session }: { session: Session }) {
  const enabled = session.stage === 'active' && can(session, 'evidence.verify');
  const status = useQuery({ queryKey: ['evidence-integrity'], queryFn: () => api<Status>('/evidence/integrity'), enabled, staleTime: 5 * 60_000 });
  const latest = status.data?.latest;
  if (!enabled || !latest || latest.ok) return null;
  return (
    <NotificationBanner title="Evidence integrity" heading={<>The evidence integrity check on {formatDateTime(latest.finishedAt)} found {latest.problems.length} problem{latest.problems.length === 1 ? '' : 's'}</>}>
      <ul className="govuk-list govuk-list--bullet">
        {latest.problems.slice(0, 5).map((p, i) => <li key={i}>{p.what}: {p.reason}</li>)}
      </ul>
      <p className="govuk-body">Keep the server's logs, tell whoever runs Vigil, and run <code>vigil evidence verify</code> once it is put right. The audit trail has the whole list.</p>
    </NotificationBanner>
  );
}
