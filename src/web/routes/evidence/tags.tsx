import { EXHIBIT_STATES, JOB_STATES } from '../../api/evidence';
import { RELEASE_STATES } from '../../api/evidencePackages';
import { labelOf } from '../../../domain/labels';

// States as GOV.UK tags: the colour says at a glance, the words say it to everyone.

const EXHIBIT_COLOURS: Record<string, string> = { held: 'green', awaiting_receipt: 'yellow', sealed: 'blue', destroyed: 'grey' };
const JOB_COLOURS: Record<string, string> = { queued: 'grey', running: 'light-blue', done: 'green', failed: 'red' };
const RELEASE_COLOURS: Record<string, string> = { active: 'green', expired: 'grey', revoked: 'red' };

const tag = (colour: string | undefined, text: string) => <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{text}</strong>;

export const ExhibitStateTag = ({ state }: { state: string }) => tag(EXHIBIT_COLOURS[state], labelOf(EXHIBIT_STATES, state));
export const JobStateTag = ({ state }: { state: string }) => tag(JOB_COLOURS[state], labelOf(JOB_STATES, state));
export const ReleaseStateTag = ({ state }: { state: string }) => tag(RELEASE_COLOURS[state], labelOf(RELEASE_STATES, state));
