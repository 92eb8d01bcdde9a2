import type { RequestDetail } from '../../../../domain/requests/contract';
import { can } from '../../../api/auth';
import { useSession } from '../../../lib/session';
import { FoiCasework } from './FoiCasework';
import { SarCasework } from './SarCasework';

/**
 * The casework part of a request's page: a SAR's identity check and searches (SarCasework.tsx), an
 * FOI's exemptions and disclosure log entry (FoiCasework.tsx). It reloads the request through onChanged after any step.
 */
export function CaseworkSections({ request, onChanged }: { request: RequestDetail; onChanged: () => void }) {
  const canManage = can(useSession(), 'requests.manage');
  if (request.type === 'sar') return <SarCasework request={request} onChanged={onChanged} canManage={canManage} />;
  if (request.type === 'foi') return <FoiCasework request={request} onChanged={onChanged} canManage={canManage} />;
  return null;
}
