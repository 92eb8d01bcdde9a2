import type { Deployment, DeploymentSummary, IncidentCounts } from '../../../../domain/estate/deployments';
import type { z } from 'zod';
import type { DeploymentRow, listEvents } from './deployments.repository';
import { reviewStatus } from './deployments.models';

// Rows as the API gives them.

export function toSummary(d: DeploymentRow, now: Date): z.infer<typeof DeploymentSummary> {
  return {
    id: d.id, reference: d.reference, state: d.last_kind === 'reviewed' ? 'deployed' : d.last_kind, locationText: d.location_text, latitude: d.latitude, longitude: d.longitude,
    problem: d.problem, proposedDays: d.proposed_days, dpiaReference: d.dpia_reference, requestedBy: { id: d.requested_by, name: d.requested_by_name },
    requestedAt: d.requested_at.toISOString(),
    camera: d.camera_id ? { id: d.camera_id, reference: d.camera_reference!, name: d.camera_name! } : null,
    deployedOn: d.deployed_on, removedOn: d.removed_on, reviewDueOn: d.review_due_on,
    reviewStatus: d.review_due_on ? reviewStatus({ dueOn: d.review_due_on, now, removalDue: d.removal_due }) : null,
  };
}

export function toDeployment(d: DeploymentRow, events: Awaited<ReturnType<typeof listEvents>>, now: Date): Deployment {
  return {
    ...toSummary(d, now), alternatives: d.alternatives, evidence: d.evidence as IncidentCounts,
    events: events.map((e) => ({
      seq: e.seq, kind: e.kind, at: e.at.toISOString(), by: { id: e.by_user_id, name: e.by_name }, reason: e.reason, onDay: e.on_day,
      camera: e.camera_id ? { id: e.camera_id, reference: e.camera_reference!, name: e.camera_name! } : null,
      signagePhotoSha256: e.signage_photo_sha256, reviewPeriodDays: e.review_period_days, isNecessary: e.is_necessary, isProportionate: e.is_proportionate, reviewDueOn: e.review_due_on,
    })),
  };
}
