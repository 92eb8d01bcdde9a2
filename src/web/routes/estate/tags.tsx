import { CAMERA_STATUSES } from '../../api/estate';
import { labelOf } from '../../../domain/labels';

// A camera's status as a GOV.UK tag: the colour at a glance (as on the map), the words for everyone.
const COLOURS: Record<string, string> = { operational: 'green', degraded: 'orange', faulty: 'red', out_of_service: 'grey', decommissioned: 'grey' };

export const CameraStatusTag = ({ status }: { status: string }) => (
  <strong className={`govuk-tag govuk-tag--${COLOURS[status] ?? 'grey'}`}>{labelOf(CAMERA_STATUSES, status)}</strong>
);
