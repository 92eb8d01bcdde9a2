import { Link } from '@tanstack/react-router';
import { useTitle } from '../../components/useTitle';
import { can } from '../../api/auth';
import { useSession } from '../../lib/session';

const PARTS = [
  { path: '/ooh/calls/settings', name: 'Call categories and response times', text: 'Each category of call, its priority levels and the response each needs, who on the rota it is referred to, and how long they have to acknowledge.' },
  { path: '/ooh/rota', name: 'On-call rota', text: 'Who is on call for each duty, when, and who comes next if they do not answer (kept by the control-room manager).', permission: 'ooh.use' },
  { path: '/ooh/lone-workers/settings', name: 'Lone-working escalation ladder', text: 'The steps taken when a lone worker misses a check-in, how long after each other, and the script for each.' },
  { path: '/ooh/buildings/settings', name: 'Buildings, patrol checklists and access', text: 'The council’s buildings, the checks on a night patrol of each, and who may be let in out of hours.' },
] as { path: string; name: string; text: string; permission?: string }[];

/** The out-of-hours service's set-up, for the control-room manager and administrators: one link per part. */
export function OohSettingsPage() {
  useTitle('Out-of-hours set-up');
  const session = useSession();
  return (
    <>
      <h1 className="govuk-heading-l">Out-of-hours set-up</h1>
      <dl className="govuk-summary-list">
        {PARTS.filter((p) => !p.permission || can(session, p.permission)).map((p) => (
          <div className="govuk-summary-list__row" key={p.path}>
            <dt className="govuk-summary-list__key"><Link className="govuk-link" to={p.path as never}>{p.name}</Link></dt>
            <dd className="govuk-summary-list__value">{p.text}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
