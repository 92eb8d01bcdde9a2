import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text as plainText } from '../validation';
import { instant, paging, pathId, PersonRef, Ref } from '../primitives';

// Retention of evidence: the classes recordings are kept by and how often exhibits are reviewed
// (set by administrators), legal holds, review decisions and the destruction register.

/** The bounds an administrator may set evidence retention within. */
export const EVIDENCE_RETENTION_LIMITS = { days: { min: 1, max: 3650 }, reviewMonths: { min: 1, max: 120 }, classes: 20 } as const;

/** New footage is put in this class; it can be renamed and its period changed, never removed. */
export const ROUTINE_CLASS = 'routine';
export const RETENTION_CLASS_KEY = /^[a-z][a-z0-9_]{1,39}$/;

export const DEFAULT_EVIDENCE_RETENTION = {
  classes: [{ key: ROUTINE_CLASS, name: 'Routine recordings', days: 31 }],
  exhibitReviewMonths: 6,
};

const classKey = line({ message: 'Enter a key for the class' }).regex(RETENTION_CLASS_KEY, 'Enter a key of 2 to 40 lower-case letters, digits and underscores, starting with a letter, like police_request');

const wholeNumber = (what: string, unit: string, { min, max }: { min: number; max: number }) =>
  z.number({ message: `Enter the ${what} as a number of ${unit}` })
    .int(`Enter the ${what} as a whole number of ${unit}`)
    .min(min, `The ${what} must be at least ${min} ${min === 1 ? unit.replace(/s$/, '') : unit}`)
    .max(max, `The ${what} must be ${max} ${unit} or fewer`);

export const RetentionClass = z.object({
  key: classKey,
  name: line({ message: 'Enter a name for the class' }).trim().min(2, 'Enter a name for the class (at least 2 characters)').max(80, 'Keep the name to 80 characters or fewer'),
  days: wholeNumber('retention period', 'days', EVIDENCE_RETENTION_LIMITS.days),
}).meta({ id: 'RetentionClass' });

/**
 * How long evidence is kept: recordings that are not exhibits, by class (deleted `days` after they
 * came in); exhibits, reviewed `exhibitReviewMonths` after the last thing linked to them closed.
 */
export const EvidenceRetentionSettings = z.object({
  classes: z.array(RetentionClass)
    .min(1, 'Keep at least the routine class')
    .max(EVIDENCE_RETENTION_LIMITS.classes, `Have ${EVIDENCE_RETENTION_LIMITS.classes} classes or fewer`)
    .superRefine((classes, ctx) => {
      const seen = new Set<string>();
      classes.forEach((c, i) => {
        if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Another class has the key ${c.key}: give each class its own key`, input: c.key });
        seen.add(c.key);
      });
      if (!seen.has(ROUTINE_CLASS)) ctx.addIssue({ code: 'custom', message: `Keep the class with the key ${ROUTINE_CLASS}: new footage is put in it`, input: classes });
    }),
  exhibitReviewMonths: wholeNumber('review period', 'months', EVIDENCE_RETENTION_LIMITS.reviewMonths),
}).meta({ id: 'EvidenceRetentionSettings' });
export type EvidenceRetentionSettings = z.infer<typeof EvidenceRetentionSettings>;

const reason = (what: string) => plainText({ message: `Enter ${what}` }).trim().min(3, `Enter ${what} (at least 3 characters)`).max(1000, 'Keep the reason to 1000 characters or fewer');

// ---- Legal holds ----

export const PlaceHold = z.object({ reason: reason('why it must be kept (for example: the crime reference and who asked)') }).meta({ id: 'PlaceHold' });
export const ReleaseHold = z.object({ reason: reason('why the hold can end') }).meta({ id: 'ReleaseHold' });
export const HoldParams = z.object({ id: pathId('id') });
export const HoldPlaced = z.object({ id: z.uuid(), placedAt: instant }).meta({ id: 'HoldPlaced' });
export const HoldReleased = z.object({ id: z.uuid(), releasedAt: instant }).meta({ id: 'HoldReleased' });

export const EvidenceHold = z.object({
  id: z.uuid(),
  /** The exhibit held, or the recording (with its file name as its reference). */
  exhibit: Ref.nullable(),
  recording: Ref.nullable(),
  reason: z.string(),
  placedBy: PersonRef,
  placedAt: instant,
}).meta({ id: 'EvidenceHold' });
export const EvidenceHolds = z.object({ items: z.array(EvidenceHold) }).meta({ id: 'EvidenceHolds' });

// ---- Reviews of exhibits ----

export const REVIEW_DECISIONS = { keep: 'Keep until the next review', destroy: 'Destroy' } as const;
export const ReviewDecision = codesOf(REVIEW_DECISIONS, 'Choose whether to keep or destroy the exhibit');

export const RecordReview = z.object({
  decision: ReviewDecision,
  reason: reason('the reason for the decision'),
}).meta({ id: 'RecordReview' });
export const ReviewRecorded = z.object({
  id: z.uuid(), decision: ReviewDecision,
  /** Keep: when it comes up for review again. */
  nextReviewAt: instant.nullable(),
}).meta({ id: 'ReviewRecorded' });

export const ReviewDue = z.object({
  exhibit: z.object({ id: z.uuid(), reference: z.string(), description: z.string() }),
  createdAt: instant,
  reviewDueAt: instant,
  occurrences: z.array(z.object({ id: z.uuid(), reference: z.string(), closedAt: instant.nullable() })),
  lastReview: z.object({ decision: ReviewDecision, reason: z.string(), decidedAt: instant, decidedBy: PersonRef }).nullable(),
  /** What would stop its destruction now (a hold, a package): keep it, or end those first. */
  obstacles: z.array(z.string()),
}).meta({ id: 'ReviewDue' });
export const ReviewsDueQuery = z.object({ ...paging });
export const ReviewDuePage = z.object({ items: z.array(ReviewDue), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'ReviewDuePage' });

// ---- Recordings' classes ----

export const SetRetentionClass = z.object({ retentionClass: classKey }).meta({ id: 'SetRetentionClass' });
export const RetentionClassSet = z.object({ id: z.uuid(), retentionClass: z.string(), deleteAfter: instant.nullable() }).meta({ id: 'RetentionClassSet' });

// ---- The destruction register ----

export const BYTES_STATES = { removed: 'Removed from the store', in_use: 'Kept: the same file is held by another record', pending: 'Waiting to be removed' } as const;

export const Destruction = z.object({
  id: z.uuid(),
  what: z.enum(['recording', 'derivative']),
  /** The recording's file name or the copy's reference. */
  name: z.string(),
  exhibit: Ref.nullable(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  rule: z.string(),
  reason: z.string(),
  destroyedAt: instant,
  destroyedBy: PersonRef.nullable(),
  bytes: codesOf(BYTES_STATES),
}).meta({ id: 'Destruction' });
export const DestructionsQuery = z.object({ ...paging });
export const DestructionPage = z.object({ items: z.array(Destruction), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'DestructionPage' });
