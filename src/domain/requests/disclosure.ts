import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text, uniqueArray } from '../validation';
import { instant, PersonRef } from '../primitives';
import { LAWFUL_BASES } from '../evidence/packages';
import type { RequestType } from './workflow';

// Footage requests through to disclosure, and viewings: which recordings a request concerns, the
// decision on it (and its rules), and the viewing diary. Pure: the server asks these before it writes.

export { LAWFUL_BASES };
export const DECISIONS = { disclose_full: 'Disclose in full', disclose_part: 'Disclose in part', refuse: 'Refuse' } as const;
export type Decision = keyof typeof DECISIONS;
export const VIEWING_OUTCOMES = { viewed: 'Viewed', cancelled: 'Cancelled', no_show: 'Did not attend' } as const;
export type ViewingOutcome = keyof typeof VIEWING_OUTCOMES;

/** The kinds of request a disclosure decision is made on. */
export const DISCLOSABLE: readonly RequestType[] = ['agency_footage', 'third_party_footage', 'sar'];
export const isDisclosable = (t: string) => (DISCLOSABLE as readonly string[]).includes(t);

// ---- Which recordings a request concerns ----

/** How long after the time asked about a recording without an embedded start time may still hold it. */
export const UNTIMED_WINDOW_DAYS = 31;

export interface RecordingTimes { startTime: string | null; durationS: number | null; ingestedAt: Date }
export type Match = 'overlaps' | 'untimed';

/**
 * Whether a recording may hold the time asked about. With the start time the recorder embedded (and
 * its duration) it is exact: the recording overlaps the range, or it does not. Without one, only when
 * it came in tells anything: it was recorded before it came in, so one that came in before the range
 * began cannot hold it; one that came in during the range or within 31 days after it may ("untimed":
 * a person looks before it is held).
 */
export function footageMatch(rec: RecordingTimes, range: { from: Date; to: Date }): Match | null {
  if (rec.startTime) {
    const start = new Date(rec.startTime).getTime();
    const end = start + Math.max(0, rec.durationS ?? 0) * 1000;
    return start <= range.to.getTime() && end >= range.from.getTime() ? 'overlaps' : null;
  }
  const latest = range.to.getTime() + UNTIMED_WINDOW_DAYS * 86_400_000;
  const at = rec.ingestedAt.getTime();
  return at >= range.from.getTime() && at <= latest ? 'untimed' : null;
}

/** The reason a request's hold gives: "Request REQ-2026-000012: assault outside the Red Lion…". */
export function holdReason({ reference, summary }: { reference: string; summary: string }): string {
  const s = summary.replace(/\s+/g, ' ').trim();
  return `Request ${reference}: ${s.length > 200 ? `${s.slice(0, 199)}…` : s}`;
}

// ---- The decision ----

export interface DecisionCase {
  type: string;
  closed: boolean;
  decision: Decision;
  reasons: string;
  lawfulBasis?: string | null;
  authority: { crimeReference?: string } | null;
}

/** Why this decision may not be recorded on this request; undefined when it may. */
export function decisionProblem(c: DecisionCase): { path?: string; message: string } | undefined {
  if (!isDisclosable(c.type)) return { message: 'A decision to disclose or refuse is made only on a footage request or a subject access request.' };
  if (c.closed) return { message: 'This request is closed: reopen it first.' };
  if (c.decision === 'refuse') return c.reasons.trim().length < 3 ? { path: 'reasons', message: 'Enter the reasons for refusing (at least 3 characters)' } : undefined;
  if (!c.lawfulBasis) return { path: 'lawfulBasis', message: 'Choose the lawful basis for disclosing' };
  if (c.type === 'agency_footage' && !c.authority) return { path: 'decision', message: 'An agency’s request can be disclosed only with its authority (crime reference, exemption, officer): record it first.' };
  if (c.decision === 'disclose_part' && c.reasons.trim().length < 3) return { path: 'reasons', message: 'Enter what is withheld and why (at least 3 characters)' };
  if (c.lawfulBasis === 'dpa_sch2_crime' && !c.authority?.crimeReference) return { path: 'lawfulBasis', message: 'Disclosure for the prevention or detection of crime needs the crime reference in the agency’s authority' };
  return undefined;
}

/** The status a request closes in when what was decided is done. */
export function closingStatus(type: string, decision: Decision): 'disclosed' | 'partly_disclosed' | 'refused' | 'responded' {
  if (decision === 'refuse') return 'refused';
  if (type === 'sar') return 'responded';
  return decision === 'disclose_full' ? 'disclosed' : 'partly_disclosed';
}

// ---- Viewings ----

export interface Booking { id: string; room: string; startsAt: Date; endsAt: Date; state: string }

/** The live booking of the same room that overlaps [startsAt, endsAt), if any (end-to-start is not a clash). */
export function roomClash(bookings: readonly Booking[], want: { room: string; startsAt: Date; endsAt: Date; exceptId?: string }): Booking | undefined {
  const room = want.room.trim().toLowerCase();
  return bookings.find((b) => b.id !== want.exceptId && b.state === 'booked' && b.room.trim().toLowerCase() === room
    && b.startsAt < want.endsAt && want.startsAt < b.endsAt);
}

/** Why a viewing may not be recorded; undefined when it may. */
export function viewingRecordProblem(v: { state: string; outcome: ViewingOutcome; viewed: string; copied: string; exhibitId?: string | null }): { path?: string; message: string } | undefined {
  if (v.state !== 'booked') return { message: 'This viewing has already been recorded.' };
  if (v.outcome !== 'viewed' && (v.viewed || v.copied || v.exhibitId)) return { path: 'state', message: 'Only a viewing that took place records what was viewed or copied' };
  if (v.outcome === 'viewed' && v.viewed.trim().length < 3) return { path: 'viewed', message: 'Enter what was viewed (at least 3 characters)' };
  return undefined;
}

// ---- Contract ----

const words = (what: string, { min = 0, max = 4000 } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);

export const DecisionCode = codesOf(DECISIONS, 'Choose disclose in full, disclose in part or refuse');
export const LawfulBasis = codesOf(LAWFUL_BASES, 'Choose the lawful basis for disclosing');

export const RecordDecision = z.object({
  decision: DecisionCode,
  lawfulBasis: LawfulBasis.nullable().optional().describe('Required to disclose'),
  lawfulBasisDetail: words('the detail of the lawful basis', { max: 1000 }).default(''),
  reasons: words('the reasons', { max: 4000 }).default('').describe('Required to refuse or to disclose in part'),
}).superRefine((v, ctx) => {
  if (v.lawfulBasis === 'other' && v.lawfulBasisDetail.length < 3) ctx.addIssue({ code: 'custom', path: ['lawfulBasisDetail'], message: 'Explain the lawful basis' });
}).meta({ id: 'RecordDecision' });

export const PlaceHolds = z.object({
  recordingIds: uniqueArray(z.uuid(), { what: 'recording', max: 500 }).optional().describe('Hold just these candidates (for example untimed ones, after looking); left out, every recording whose time overlaps'),
}).meta({ id: 'PlaceRequestHolds' });
export const LinkExhibits = z.object({
  exhibitIds: uniqueArray(z.uuid(), { what: 'exhibit', max: 100 }).min(1, 'Choose the exhibits to link'),
}).meta({ id: 'LinkRequestExhibits' });
export const ReleaseDisclosure = z.object({
  expiresAt: dateTime({ message: 'Enter when the recipient’s access ends' }).optional().describe('When access ends (released through Vigil); 90 days from now when left out'),
  note: words('a note', { max: 2000 }).default(''),
}).meta({ id: 'ReleaseDisclosure' });

export const CandidateRecording = z.object({
  id: z.uuid(), name: z.string().describe('The file name it came in as'), camera: z.object({ id: z.uuid(), reference: z.string(), name: z.string() }).nullable(),
  startTime: instant.nullable().describe('The start time the recorder embedded, if any'), durationS: z.number().nullable(), ingestedAt: instant,
  match: z.enum(['overlaps', 'untimed']).describe('overlaps: its recorded time overlaps the time asked about; untimed: no embedded time, came in during or soon after it'),
  heldByRequest: z.boolean().describe('A live hold placed for this request keeps it'), held: z.boolean().describe('Any live hold keeps it'),
  exhibit: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
}).meta({ id: 'RequestCandidateRecording' });
export type CandidateRecording = z.infer<typeof CandidateRecording>;

export const LinkedExhibit = z.object({ id: z.uuid(), reference: z.string(), description: z.string(), state: z.string(), linkedAt: instant }).meta({ id: 'RequestLinkedExhibit' });
export const RequestPackageRef = z.object({
  id: z.uuid(), reference: z.string(), state: z.enum(['queued', 'running', 'done', 'failed']), progress: z.number().describe('0–100'), failure: z.string().nullable(),
  recipientName: z.string(), requestedAt: instant, released: z.boolean().describe('Released to the requester’s organisation through Vigil'),
}).meta({ id: 'RequestPackageRef' });
export const DecisionRecord = z.object({
  seq: z.number().int(), decision: DecisionCode, lawfulBasis: z.string().nullable(), lawfulBasisDetail: z.string(), reasons: z.string(),
  at: instant, by: PersonRef.nullable(), correctsSeq: z.number().int().nullable(),
}).meta({ id: 'RequestDecision' });

export const Disclosure = z.object({
  requestId: z.uuid(), reference: z.string(), timeFrom: instant.nullable(), timeTo: instant.nullable(),
  candidates: z.array(CandidateRecording), exhibits: z.array(LinkedExhibit), packages: z.array(RequestPackageRef),
  decision: DecisionRecord.nullable().describe('The decision in force (the newest)'), decisions: z.array(DecisionRecord),
  untimedWindowDays: z.number().int(),
}).meta({ id: 'RequestDisclosure' });
export type Disclosure = z.infer<typeof Disclosure>;
export const HoldsPlaced = z.object({
  held: z.array(z.object({ recordingId: z.uuid(), holdId: z.uuid(), name: z.string() })).describe('Holds placed now (empty when everything was already held for this request)'),
  alreadyHeld: z.number().int(),
}).meta({ id: 'RequestHoldsPlaced' });

// Viewings

const room = line({ message: 'Enter the room' }).trim().min(2, 'Enter the room (at least 2 characters)').max(100, 'Keep the room to 100 characters or fewer');
export const BookViewing = z.object({
  startsAt: dateTime({ message: 'Enter when the viewing starts' }),
  endsAt: dateTime({ message: 'Enter when the viewing ends' }),
  room: room.default('Control room'),
  viewerName: line({ message: 'Enter the viewer’s name' }).trim().min(2, 'Enter the viewer’s name').max(200),
  viewerOrganisation: line().trim().max(200).default(''),
  viewerAuthority: words('the viewer’s authority', { max: 1000 }).default(''),
}).superRefine((v, ctx) => {
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The viewing must end after it starts' });
}).meta({ id: 'BookViewing' });
export const RecordViewing = z.object({
  state: codesOf(VIEWING_OUTCOMES, 'Choose viewed, cancelled or did not attend'),
  viewed: words('what was viewed', { max: 4000 }).default(''),
  copied: words('what was copied', { max: 4000 }).default(''),
  exhibitId: z.uuid('Choose the exhibit viewed').nullable().optional(),
}).meta({ id: 'RecordViewing' });
export const ViewingsQuery = z.object({
  from: dateTime({ message: 'Enter the start of the diary as a date and time' }).optional().describe('Default: now'),
  to: dateTime({ message: 'Enter the end of the diary as a date and time' }).optional().describe('Default: 14 days after from'),
});
export const Viewing = z.object({
  id: z.uuid(), request: z.object({ id: z.uuid(), reference: z.string(), type: z.string() }), startsAt: instant, endsAt: instant, room: z.string(),
  viewerName: z.string(), viewerOrganisation: z.string(), viewerAuthority: z.string(), state: z.enum(['booked', 'viewed', 'cancelled', 'no_show']),
  viewed: z.string(), copied: z.string(), exhibit: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  bookedBy: PersonRef.nullable(), recordedBy: PersonRef.nullable(), recordedAt: instant.nullable(),
}).meta({ id: 'Viewing' });
export type Viewing = z.infer<typeof Viewing>;
export const ViewingList = z.object({ items: z.array(Viewing), from: instant, to: instant }).meta({ id: 'ViewingList' });
