import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text } from '../validation';
import { isValidDay } from '../calendar/london';
import { CameraRef, instant, PersonRef, sha256Hex } from '../primitives';

// Mobile camera deployments under the Surveillance Camera Code of Practice: a request with its
// justification, a coordinator's decision, deployment with signage, reviews and removal.

export const DEPLOYMENT_STATES = {
  requested: 'Awaiting decision', approved: 'Approved', refused: 'Refused', withdrawn: 'Withdrawn', deployed: 'Deployed', removed: 'Removed',
} as const;
export const DEPLOYMENT_EVENT_KINDS = {
  requested: 'Requested', approved: 'Approved', refused: 'Refused', withdrawn: 'Withdrawn', deployed: 'Deployed', reviewed: 'Reviewed', removed: 'Removed',
} as const;
/** `removal_due`: the last review found the camera no longer necessary or proportionate, so it must come down (Code principle 2). */
export const REVIEW_STATUSES = { not_due: 'Not due', due_soon: 'Due soon', overdue: 'Overdue', removal_due: 'Take down' } as const;
export const DeploymentState = codesOf(DEPLOYMENT_STATES);
export const DeploymentEventKind = codesOf(DEPLOYMENT_EVENT_KINDS);
export const ReviewStatus = codesOf(REVIEW_STATUSES);
export type DeploymentState = z.infer<typeof DeploymentState>;
export type DeploymentEventKind = z.infer<typeof DeploymentEventKind>;
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** The Code asks for review at least annually; Vigil's default for a redeployable camera is 90 days. */
export const DEFAULT_REVIEW_PERIOD_DAYS = 90;
export const REVIEW_PERIOD_LIMITS = { min: 7, max: 365 } as const;
/** A review this many days away or fewer is shown as due soon. */
export const REVIEW_DUE_SOON_DAYS = 14;
export const SIGNAGE_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const SIGNAGE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** A London day as YYYY-MM-DD. */
export const day = (what: string) => z.string({ message: `Enter ${what}` }).refine(isValidDay, `Enter ${what} as a real date, YYYY-MM-DD`).meta({ format: 'date' });

const words = (what: string, { min = 3, max = 4000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const latitude = z.number({ message: 'Enter the latitude as a number' }).min(-90, 'Latitude is between -90 and 90').max(90, 'Latitude is between -90 and 90');
const longitude = z.number({ message: 'Enter the longitude as a number' }).min(-180, 'Longitude is between -180 and 180').max(180, 'Longitude is between -180 and 180');
const wholeDays = (what: string, min: number, max: number) =>
  z.number({ message: `Enter ${what} as a number of days` }).int(`Enter ${what} as a whole number of days`).min(min, `${what} must be at least ${min} days`.replace(/^./, (c) => c.toUpperCase())).max(max, `${what} must be ${max} days or fewer`.replace(/^./, (c) => c.toUpperCase()));

// ---- Evidence: incident counts around the point ----

export const IncidentCountsQuery = z.object({
  latitude: z.coerce.number().min(-90).max(90), longitude: z.coerce.number().min(-180).max(180),
  radiusM: z.coerce.number().int().min(25, 'Choose a radius of at least 25 metres').max(2000, 'Choose a radius of 2000 metres or less').default(250),
  from: day('the first day of the period'), to: day('the last day of the period'),
}).refine((q) => q.from <= q.to, { path: ['to'], message: 'The last day must be on or after the first day' });
export const IncidentCounts = z.object({
  radiusM: z.number().int(), from: z.string(), to: z.string(), total: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), name: z.string(), count: z.number().int() })),
}).meta({ id: 'IncidentCounts' });
export type IncidentCounts = z.infer<typeof IncidentCounts>;

// ---- Requests ----

export const RequestDeployment = z.object({
  locationText: line({ message: 'Enter where the camera would go' }).trim().min(3, 'Enter where the camera would go (a street and landmark)').max(200, 'Keep the location to 200 characters or fewer'),
  latitude, longitude,
  problem: words('the problem the camera would address', { min: 10 }),
  evidencePeriod: z.object({
    radiusM: z.number().int().min(25, 'Choose a radius of at least 25 metres').max(2000, 'Choose a radius of 2000 metres or less').default(250),
    from: day('the first day of the evidence period'), to: day('the last day of the evidence period'),
  }).refine((p) => p.from <= p.to, { path: ['to'], message: 'The last day must be on or after the first day' }),
  proposedDays: wholeDays('the proposed duration', 1, 730),
  alternatives: words('the alternatives considered (and why they are not enough)'),
  dpiaReference: line({ message: 'Enter the DPIA reference' }).trim().min(2, 'Enter the DPIA reference').max(100, 'Keep the DPIA reference to 100 characters or fewer'),
}).meta({ id: 'RequestDeployment' });

export const DecideDeployment = z.object({
  decision: z.enum(['approve', 'refuse'], { message: 'Choose approve or refuse' }),
  reasons: words('the reasons for the decision'),
}).meta({ id: 'DecideDeployment' });

export const WithdrawDeployment = z.object({ reason: words('why the request is withdrawn') }).meta({ id: 'WithdrawDeployment' });

export const DeployCamera = z.object({
  cameraId: z.uuid({ message: 'Choose the mobile camera' }),
  deployedOn: day('the day the camera was put up'),
  signagePhotoSha256: sha256Hex,
  reviewPeriodDays: wholeDays('the review period', REVIEW_PERIOD_LIMITS.min, REVIEW_PERIOD_LIMITS.max).default(DEFAULT_REVIEW_PERIOD_DAYS),
}).meta({ id: 'DeployCamera' });

export const ReviewDeployment = z.object({
  reviewedOn: day('the day of the review'),
  isNecessary: z.boolean({ message: 'Say whether the camera is still necessary' }),
  isProportionate: z.boolean({ message: 'Say whether the camera is still proportionate' }),
  notes: text().trim().max(4000, 'Keep the notes to 4000 characters or fewer').default(''),
  /** Unset: the review date plus the deployment's review period. None when the camera is found no longer justified: it is to come down. */
  nextReviewOn: day('the next review date').optional(),
}).refine((r) => r.isNecessary && r.isProportionate || r.notes.length >= 3, { path: ['notes'], message: 'Say why it is no longer necessary or proportionate, and what happens next' })
  .refine((r) => r.isNecessary && r.isProportionate || r.nextReviewOn === undefined, { path: ['nextReviewOn'], message: 'A camera no longer necessary or proportionate is taken down, not reviewed again: leave the next review date empty' })
  .meta({ id: 'ReviewDeployment' });

export const RemoveCamera = z.object({ removedOn: day('the day the camera was taken down'), reason: words('why it was taken down') }).meta({ id: 'RemoveCamera' });

export const SignagePhoto = z.object({ sha256: z.string(), contentType: z.enum(SIGNAGE_PHOTO_TYPES), size: z.number().int() }).meta({ id: 'SignagePhoto' });

// ---- Replies ----

export const DeploymentEvent = z.object({
  seq: z.number().int(), kind: DeploymentEventKind, at: instant, by: PersonRef, reason: z.string().nullable(), onDay: z.string().nullable(),
  camera: CameraRef.nullable(), signagePhotoSha256: z.string().nullable(), reviewPeriodDays: z.number().int().nullable(),
  isNecessary: z.boolean().nullable(), isProportionate: z.boolean().nullable(), reviewDueOn: z.string().nullable(),
}).meta({ id: 'DeploymentEvent' });

export const DeploymentSummary = z.object({
  id: z.uuid(), reference: z.string(), state: DeploymentState, locationText: z.string(), latitude: z.number(), longitude: z.number(),
  problem: z.string(), proposedDays: z.number().int(), dpiaReference: z.string(), requestedBy: PersonRef, requestedAt: instant,
  camera: CameraRef.nullable(), deployedOn: z.string().nullable(), removedOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(), reviewStatus: ReviewStatus.nullable(),
}).meta({ id: 'DeploymentSummary' });

export const Deployment = DeploymentSummary.extend({
  alternatives: z.string(), evidence: IncidentCounts, events: z.array(DeploymentEvent),
}).meta({ id: 'Deployment' });
export type Deployment = z.infer<typeof Deployment>;

export const DeploymentsQuery = z.object({ state: DeploymentState.optional() });
export const DeploymentList = z.object({ items: z.array(DeploymentSummary) }).meta({ id: 'DeploymentList' });

export const ReviewsDue = z.object({
  overdue: z.number().int(), dueSoon: z.number().int(), items: z.array(DeploymentSummary),
}).meta({ id: 'DeploymentReviewsDue' });

/** Where each mobile camera is and has been: its deployments over time, for the map and the timeline. */
export const MobileCameraHistory = z.object({
  items: z.array(z.object({
    camera: CameraRef, current: z.object({ deploymentId: z.uuid(), reference: z.string() }).nullable(),
    deployments: z.array(z.object({
      deploymentId: z.uuid(), reference: z.string(), locationText: z.string(), latitude: z.number(), longitude: z.number(), from: z.string(), to: z.string().nullable(),
    })),
  })),
}).meta({ id: 'MobileCameraHistory' });
