import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text as plainText, uniqueArray } from '../validation';
import { CameraRef, instant, paging, pathId, PersonRef, Ref, sha256Hex } from '../primitives';

// The evidence module's contract between server and web app: footage that came in (recordings),
// exhibits made of it, their working copies and stills, and their continuity. Packages and their
// release to partners are in ./packages.ts.

export const CONTINUITY_KINDS = {
  produced: 'Produced',
  copied: 'Copy made',
  viewed: 'Viewed',
  exported: 'Put in a disclosure package',
  handed_over: 'Handed over',
  received: 'Received',
  rejected: 'Refused on hand-over',
  returned: 'Returned to store',
  sealed: 'Sealed in a bag',
  released: 'Released to a partner',
  downloaded: 'Downloaded by a partner',
  release_revoked: 'Release revoked',
  destroyed: 'Destroyed',
} as const;
export const ContinuityKind = codesOf(CONTINUITY_KINDS);

/** Where an exhibit stands, from its continuity. */
export const EXHIBIT_STATES = {
  held: 'Held',
  awaiting_receipt: 'Awaiting receipt',
  sealed: 'Sealed',
  destroyed: 'Destroyed',
} as const;
export const ExhibitState = codesOf(EXHIBIT_STATES);

export const DERIVATIVE_KINDS = { working_copy: 'Working copy', clip: 'Clip', still: 'Still' } as const;
export const DerivativeKind = codesOf(DERIVATIVE_KINDS);
export const CLIP_MODES = { copy: 'Exact cut (stream copy, starts on a key frame)', reencode: 'Frame-accurate cut (re-encoded)' } as const;
export const JOB_STATES = { queued: 'Waiting', running: 'In progress', done: 'Done', failed: 'Failed' } as const;

export const RECORDING_FORMATS = { video: 'Video', unreadable: 'Kept as exported (format not readable here)' } as const;

export const EXHIBIT_SORTS = {
  created_desc: 'Newest first', created_asc: 'Oldest first', reference_asc: 'Reference (A to Z)', recorded_desc: 'Recorded (newest first)',
} as const;

// ---- Recordings (footage as it came in) ----

export const ProbeSummary = z.object({
  container: z.string(),
  durationS: z.number().nullable(),
  startTime: instant.nullable(),
  video: z.object({ codec: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable(), fps: z.number().nullable() }).nullable(),
  audio: z.object({ codec: z.string(), sampleRate: z.number().int().nullable(), channels: z.number().int().nullable() }).nullable(),
}).meta({ id: 'ProbeSummary' });

export const Recording = z.object({
  id: z.uuid(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  originalName: z.string(),
  source: z.enum(['upload', 'import']),
  format: codesOf(RECORDING_FORMATS),
  probe: ProbeSummary.nullable(),
  note: z.string().nullable(),
  /** Plays in a browser as it is (H.264 in MP4); otherwise a working copy is made to play. */
  playable: z.boolean(),
  camera: CameraRef.nullable(),
  exhibit: Ref.nullable(),
  ingestedBy: PersonRef,
  ingestedAt: instant,
  /** When routine retention deletes it unless it becomes an exhibit or is held. */
  deleteAfter: instant.nullable(),
}).meta({ id: 'Recording' });

export const RecordingFilter = z.object({
  unassigned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...paging,
});
export const RecordingPage = z.object({ items: z.array(Recording), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'RecordingPage' });

/** Why a file was refused, for the upload page and `vigil evidence import`. */
export const INGEST_REFUSALS = {
  not_video: 'Not a video file',
  truncated: 'The file is incomplete (truncated)',
  empty: 'The file is empty',
} as const;

// ---- Exhibits ----

export const ClockCheck = z.object({
  recorderShowed: dateTime({ message: 'Enter the time the recorder showed' }),
  trueTime: dateTime({ message: 'Enter the true time at that moment' }),
}).meta({ id: 'ClockCheck' });

const description = plainText({ message: 'Describe the exhibit' }).trim().min(3, 'Describe the exhibit (at least 3 characters)').max(2000, 'Keep the description to 2000 characters or fewer');
const where = line().trim().max(200, 'Keep the place to 200 characters or fewer');
const why = plainText().trim().max(1000, 'Keep the reason to 1000 characters or fewer');

export const CreateExhibit = z.object({
  description,
  recordingIds: uniqueArray(z.uuid(), { what: 'recording', max: 50 }).min(1, 'Choose the recording(s) this exhibit is'),
  cameraIds: uniqueArray(z.uuid(), { what: 'camera', max: 20 }).default([]),
  recordedFrom: dateTime({ message: 'Enter when the footage starts' }).nullable().optional(),
  recordedTo: dateTime({ message: 'Enter when the footage ends' }).nullable().optional(),
  clock: ClockCheck.nullable().optional(),
  occurrenceIds: uniqueArray(z.uuid(), { what: 'occurrence', max: 20 }).default([]),
  location: where.min(2, 'Enter where the exhibit was produced (for example: CCTV control room)').default('CCTV control room'),
}).refine((e) => !e.recordedFrom || !e.recordedTo || e.recordedFrom <= e.recordedTo, { path: ['recordedTo'], message: 'The footage must end after it starts' })
  .meta({ id: 'CreateExhibit' });

/** The footage marks an occurrence holds, made exhibits in one step: one exhibit per mark, with its recording(s). */
export const ExhibitsFromFootage = z.object({
  items: z.array(z.object({
    footageEntryId: z.uuid(),
    recordingIds: uniqueArray(z.uuid(), { what: 'recording', max: 50 }).min(1, 'Choose the recording(s) for this footage'),
    description: description.optional(),
  })).min(1, 'Choose at least one footage mark').max(50),
  clock: ClockCheck.nullable().optional(),
  location: where.min(2).default('CCTV control room'),
}).meta({ id: 'ExhibitsFromFootage' });

export const ExhibitFilter = z.object({
  q: line().trim().max(200).optional(),
  producerId: z.uuid().optional(),
  cameraId: z.uuid().optional(),
  occurrenceId: z.uuid().optional(),
  state: ExhibitState.optional(),
  from: dateTime().optional(),
  to: dateTime().optional(),
  sort: codesOf(EXHIBIT_SORTS).default('created_desc'),
});
export const ExhibitSearch = ExhibitFilter.extend(paging);

export const ExhibitListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  description: z.string(),
  producer: PersonRef,
  cameras: z.array(CameraRef),
  recordedFrom: instant.nullable(),
  recordedTo: instant.nullable(),
  createdAt: instant,
  state: ExhibitState,
  /** Who holds it now (the last to receive it), or who it is on its way to. */
  holder: PersonRef.nullable(),
  masters: z.number().int(),
  occurrences: z.array(Ref),
}).meta({ id: 'ExhibitListItem' });
export const ExhibitPage = z.object({ items: z.array(ExhibitListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'ExhibitPage' });

/** What an event records beyond who, when, where and why, by kind; every field is optional. */
export const ContinuityDetails = z.object({
  masters: z.array(z.object({ name: z.string(), sha256: z.string(), size: z.number() })).optional(),
  recordedFrom: instant.nullable().optional(),
  recordedTo: instant.nullable().optional(),
  clock: z.object({ recorderShowed: instant, trueTime: instant }).nullable().optional(),
  occurrenceIds: z.array(z.uuid()).optional(),
  to: PersonRef.optional(),
  from: PersonRef.nullable().optional(),
  handoverSeq: z.number().int().optional(),
  signatureSha256: z.string().optional(),
  bagNumber: z.string().optional(),
  derivative: z.object({ reference: z.string(), sha256: z.string(), size: z.number() }).optional(),
  parentSha256: z.string().optional(),
  ffmpegVersion: z.string().optional(),
  ffmpegArgs: z.array(z.string()).optional(),
  realStartS: z.number().nullable().optional(),
  realEndS: z.number().nullable().optional(),
  file: z.object({ reference: z.string(), sha256: z.string(), download: z.boolean().optional() }).optional(),
  package: z.object({ reference: z.string(), sha256: z.string().nullable(), size: z.number().optional(), manifestSha256: z.string().optional() }).optional(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).optional(),
  lawfulBasis: z.string().optional(),
  crimeReference: z.string().optional(),
  releaseId: z.uuid().optional(),
}).meta({ id: 'ContinuityDetails' });

export const ContinuityEvent = z.object({
  seq: z.number().int(),
  kind: ContinuityKind,
  at: instant,
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  location: z.string(),
  reason: z.string(),
  itemSha256: z.string(),
  details: ContinuityDetails,
  hash: z.string(),
}).meta({ id: 'ContinuityEvent' });

export const Derivative = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: DerivativeKind,
  recordingId: z.uuid(),
  parentSha256: z.string(),
  mode: z.enum(['copy', 'reencode', 'still']),
  startS: z.number().nullable(),
  endS: z.number().nullable(),
  caption: z.boolean(),
  purpose: z.string(),
  state: codesOf(JOB_STATES),
  progress: z.number(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  mediaType: z.string().nullable(),
  ffmpegVersion: z.string().nullable(),
  ffmpegArgs: z.array(z.string()).nullable(),
  realStartS: z.number().nullable(),
  realEndS: z.number().nullable(),
  failure: z.string().nullable(),
  requestedBy: PersonRef,
  requestedAt: instant,
  completedAt: instant.nullable(),
}).meta({ id: 'Derivative' });

export const ExhibitDetail = ExhibitListItem.extend({
  clock: z.object({ recorderShowed: instant, trueTime: instant, offsetSeconds: z.number() }).nullable(),
  /** The SHA-256 continuity quotes for the item: the master's, or (several files) of their list. */
  itemSha256: z.string(),
  recordings: z.array(Recording),
  derivatives: z.array(Derivative),
  events: z.array(ContinuityEvent),
  pendingHandover: z.object({ to: PersonRef, at: instant, seq: z.number().int() }).nullable(),
  holds: z.array(z.object({ id: z.uuid(), reason: z.string(), placedBy: PersonRef, placedAt: instant })),
}).meta({ id: 'ExhibitDetail' });

export const ExhibitParams = z.object({ id: pathId('id') });
export const ExhibitCreated = z.object({ id: z.uuid(), reference: z.string() }).meta({ id: 'ExhibitCreated' });
export const ExhibitsCreated = z.object({ exhibits: z.array(ExhibitCreated) }).meta({ id: 'ExhibitsCreated' });

/** A handling recorded by hand. Produced, copied, exported, released, downloaded and destroyed are written by what they record. */
export const RecordHandling = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('handed_over'), toUserId: z.uuid('Choose who you are handing it to'), location: where.min(2, 'Enter where it was handed over'), reason: why.min(3, 'Enter why it was handed over') }),
  z.object({
    kind: z.enum(['received', 'rejected']), location: where.min(2, 'Enter where you received it'), reason: why.default(''),
    /** The receiver's signature drawn on screen: a PNG as a data URL. */
    signaturePng: z.string().max(400_000, 'The signature image is too large').regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Sign in the box'),
  }),
  z.object({ kind: z.literal('returned'), location: where.min(2, 'Enter where it was returned to'), reason: why.min(3, 'Enter why') }),
  z.object({ kind: z.literal('sealed'), bagNumber: line().trim().min(2, 'Enter the bag number').max(40), location: where.min(2, 'Enter where it was sealed'), reason: why.default('') }),
  z.object({ kind: z.literal('viewed'), location: where.min(2, 'Enter where it was viewed'), reason: why.min(3, 'Enter why it was viewed') }),
], { error: 'Choose what happened to the exhibit' }).meta({ id: 'RecordHandling' });

export const RequestDerivative = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working_copy'), recordingId: z.uuid(), caption: z.boolean().default(true), purpose: why.min(3, 'Enter what the copy is for') }),
  z.object({
    kind: z.literal('clip'), recordingId: z.uuid(), mode: z.enum(['copy', 'reencode']).default('reencode'), caption: z.boolean().default(true),
    startS: z.number().min(0, 'The clip cannot start before the recording'), endS: z.number().positive('Enter where the clip ends'),
    purpose: why.min(3, 'Enter what the clip is for'),
  }),
  z.object({ kind: z.literal('still'), recordingId: z.uuid(), caption: z.boolean().default(true), atS: z.array(z.number().min(0)).min(1, 'Choose a time for the still').max(20), purpose: why.min(3, 'Enter what the still is for') }),
], { error: 'Choose a working copy, a clip or a still' }).refine((r) => r.kind !== 'clip' || r.startS < r.endS, { path: ['endS'], message: 'The clip must end after it starts' })
  .meta({ id: 'RequestDerivative' });
export const DerivativesRequested = z.object({ derivatives: z.array(z.object({ id: z.uuid(), reference: z.string() })) }).meta({ id: 'DerivativesRequested' });

export const IntegrityStatus = z.object({
  latest: z.object({
    id: z.uuid(), startedAt: instant, finishedAt: instant, ok: z.boolean(), filesChecked: z.number().int(),
    problems: z.array(z.object({ kind: z.enum(['missing', 'mismatch', 'chain']), what: z.string(), sha256: z.string().optional(), reason: z.string() })),
  }).nullable(),
}).meta({ id: 'IntegrityStatus' });

export { sha256Hex };
