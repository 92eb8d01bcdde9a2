import { can } from '../api/auth';
import type { Session } from '../api/types';
import { useSession } from '../lib/session';
import { ForbiddenPage } from '../routes/errors/NotFound';

/** Renders a page for a signed-in user with the permission (or any one of several), or says they may not see it. */
export function Gate({ permission, children }: { permission: string | readonly string[]; children: (session: Session) => React.ReactNode }) {
  const session = useSession();
  if (!session) return null;
  const allowed = (typeof permission === 'string' ? [permission] : permission).some((p) => can(session, p));
  return allowed ? <>{children(session)}</> : <ForbiddenPage />;
}
