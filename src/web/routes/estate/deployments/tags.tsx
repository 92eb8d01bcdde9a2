import { DEPLOYMENT_STATES, type DeploymentState, type DeploymentSummary } from '../../../api/deployments';
import { reviewWords } from './search';

// A deployment's state and its review as GOV.UK tags: the colour at a glance, the words for everyone.
// GOV.UK tags wrap at 160px; a state's two words read better on one line.
const NO_WRAP = { maxWidth: 'none', whiteSpace: 'nowrap' } as const;
const STATE_COLOURS: Record<DeploymentState, string> = { requested: 'blue', approved: 'turquoise', refused: 'red', withdrawn: 'grey', deployed: 'green', removed: 'grey' };

export const DeploymentStateTag = ({ state }: { state: DeploymentState }) => (
  <strong className={`govuk-tag govuk-tag--${STATE_COLOURS[state]}`} style={NO_WRAP}>{DEPLOYMENT_STATES[state]}</strong>
);

/** The review of a deployed camera: to take down or overdue in red, due soon in yellow, otherwise the date alone. */
export function ReviewTag({ deployment: d }: { deployment: Pick<DeploymentSummary, 'state' | 'reviewDueOn' | 'reviewStatus'> }) {
  const words = reviewWords(d);
  if (!words) return null;
  if (d.reviewStatus === 'overdue' || d.reviewStatus === 'due_soon' || d.reviewStatus === 'removal_due') {
    return <strong className={`govuk-tag govuk-tag--${d.reviewStatus === 'due_soon' ? 'yellow' : 'red'}`}>{words}</strong>;
  }
  return <>{words}</>;
}
