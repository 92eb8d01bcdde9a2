import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text, uniqueArray } from '../validation';
import { CameraRef, instant, PersonRef, sha256Hex } from '../primitives';
import { day } from './contract';

// Casework on a subject access request (identity checked, searches for the requester's images and
// the stills found) and on an FOI request (exemptions applied, the answer for the disclosure log).
// The rules are pure functions of the request's history; the contract is what the API takes and gives.

// ---- SAR: identity ----

export const IDENTITY_METHODS = {
  passport: 'Passport',
  driving_licence: 'Driving licence',
  utility_bill_and_photo: 'Utility bill and a photograph',
  known_to_officer: 'Known to the officer',
  other: 'Other (say how in the note)',
} as const;
export type IdentityMethod = keyof typeof IDENTITY_METHODS;

export const RecordIdentity = z.object({
  method: codesOf(IDENTITY_METHODS, 'Choose how the requester’s identity was verified'),
  verifiedBy: line({ message: 'Enter who verified the identity' }).trim().min(2, 'Enter who verified the identity').max(200, 'Keep the name to 200 characters or fewer'),
  on: day('the day the identity was verified').describe('Not in the future, nor before the request was received'),
  note: text().trim().max(2000, 'Keep the note to 2000 characters or fewer').default(''),
}).superRefine((v, ctx) => {
  if (v.method === 'other' && v.note.length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say in the note how the identity was verified' });
}).meta({ id: 'RecordIdentity' });
export type RecordIdentity = z.output<typeof RecordIdentity>;

type EventLike = { seq: number; kind: string; details: Record<string, unknown>; correctsSeq: number | null; at?: string };

/** The entries of one kind still in force: those no later entry of the same kind corrects. */
function inForce<E extends EventLike>(events: readonly E[], kind: string): E[] {
  const own = events.filter((e) => e.kind === kind);
  const corrected = new Set(own.map((e) => e.correctsSeq).filter((s): s is number => s !== null));
  return own.filter((e) => !corrected.has(e.seq));
}

/** The latest identity check recorded on a SAR (a later one stands in for an earlier), or null. */
export function identityOf(events: readonly EventLike[]): { method: IdentityMethod; verifiedBy: string; on: string; note: string; seq: number } | null {
  const last = inForce(events, 'identity-verified').at(-1);
  if (!last) return null;
  const d = last.details as { method: IdentityMethod; verifiedBy: string; on: string; note?: string };
  return { method: d.method, verifiedBy: d.verifiedBy, on: d.on, note: d.note ?? '', seq: last.seq };
}

// ---- SAR: searches ----

export const STILL_MAX_BYTES = 10 * 1024 * 1024;
export const STILLS_PER_SEARCH = 20;

export const RecordSearch = z.object({
  cameraId: z.uuid({ message: 'Choose a camera from the register' }).optional(),
  searchedFrom: dateTime({ message: 'Enter the start of the footage searched as a date and time' }),
  searchedTo: dateTime({ message: 'Enter the end of the footage searched as a date and time' }),
  found: z.boolean({ message: 'Say whether the requester was found' }),
  othersVisible: z.boolean({ message: 'Say whether anyone else is visible' }).default(false),
  notes: text().trim().max(4000, 'Keep the notes to 4000 characters or fewer').default(''),
  stills: uniqueArray(sha256Hex, { what: 'still', max: STILLS_PER_SEARCH }).default([]),
}).superRefine((v, ctx) => {
  if (v.searchedFrom > v.searchedTo) ctx.addIssue({ code: 'custom', path: ['searchedTo'], message: 'The end of the footage searched must be after its start' });
  if (!v.cameraId && v.notes.length < 3) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'Choose a camera, or say in the notes where was searched' });
  if (!v.found && v.othersVisible) ctx.addIssue({ code: 'custom', path: ['othersVisible'], message: 'Others can be visible only in images where the requester was found' });
  if (!v.found && v.stills.length) ctx.addIssue({ code: 'custom', path: ['stills'], message: 'Add stills only to a search that found the requester' });
}).meta({ id: 'RecordSearch' });
export type RecordSearch = z.output<typeof RecordSearch>;

export const StillStored = z.object({
  sha256: z.string().describe('The SHA-256 of the image: name it in a search’s stills'),
  contentType: z.enum(['image/jpeg', 'image/png']).describe('The kind of image, from its bytes'),
  size: z.number().int().describe('Bytes'),
}).meta({ id: 'RequestStillStored' });

export const SearchView = z.object({
  id: z.uuid(),
  camera: CameraRef.nullable(),
  searchedFrom: instant,
  searchedTo: instant,
  found: z.boolean(),
  othersVisible: z.boolean().describe('People other than the requester are in the images: they need redacting before release'),
  notes: z.string(),
  stills: z.array(z.string()).describe('SHA-256 of each still'),
  recordedBy: PersonRef.nullable(),
  recordedAt: instant,
}).meta({ id: 'RequestSearch' });
export type SearchView = z.infer<typeof SearchView>;

export const SearchList = z.object({
  searches: z.array(SearchView),
  redactionNeeded: z.boolean().describe('A search found the requester in images where others are visible: redact before release'),
}).meta({ id: 'RequestSearchList' });
export type SearchList = z.infer<typeof SearchList>;

/** Images must be redacted before release when any search found the requester with others visible. */
export const redactionNeeded = (searches: readonly { found: boolean; othersVisible: boolean }[]) => searches.some((s) => s.found && s.othersVisible);

// ---- FOI: exemptions ----

/** FOI Act 2000 sections a CCTV request may meet; `qualified` ones need the public-interest test. */
export const FOI_EXEMPTIONS = {
  's.12 (cost)': { label: 's.12: cost of compliance exceeds the appropriate limit', qualified: false },
  's.14 (vexatious)': { label: 's.14: vexatious or repeated request', qualified: false },
  's.21': { label: 's.21: information reasonably accessible by other means', qualified: false },
  's.22': { label: 's.22: information intended for future publication', qualified: true },
  's.23': { label: 's.23: information supplied by, or relating to, security bodies', qualified: false },
  's.24(1)': { label: 's.24(1): national security', qualified: true },
  's.30(1)': { label: 's.30(1): investigations and proceedings', qualified: true },
  's.31(1)(a)': { label: 's.31(1)(a): law enforcement: prevention or detection of crime', qualified: true },
  's.31(1)(b)': { label: 's.31(1)(b): law enforcement: apprehension or prosecution of offenders', qualified: true },
  's.38': { label: 's.38: health and safety', qualified: true },
  's.40(1)': { label: 's.40(1): the requester’s own personal data (handle as a subject access request)', qualified: false },
  's.40(2)': { label: 's.40(2): personal data of others', qualified: false },
  's.41': { label: 's.41: information provided in confidence', qualified: false },
  's.43(2)': { label: 's.43(2): commercial interests', qualified: true },
} as const;
export type FoiSection = keyof typeof FOI_EXEMPTIONS;
export const FOI_SECTION_LABELS = Object.fromEntries(Object.entries(FOI_EXEMPTIONS).map(([k, v]) => [k, v.label])) as Record<FoiSection, string>;

/** Whether the sections need the public-interest test (any qualified exemption among them). */
export const publicInterestTestRequired = (sections: readonly string[]) => sections.some((s) => (FOI_EXEMPTIONS as Record<string, { qualified: boolean }>)[s]?.qualified === true);

export const ApplyExemptions = z.object({
  sections: uniqueArray(codesOf(FOI_SECTION_LABELS, 'Choose sections of the FOI Act from the list'), { what: 'section', max: 14 }),
  note: text().trim().max(4000, 'Keep the note to 4000 characters or fewer').default(''),
  publicInterest: text().trim().max(4000, 'Keep the public-interest test to 4000 characters or fewer').default('')
    .describe('How the public interest was weighed: required when a qualified exemption is applied'),
  correctsSeq: z.number().int().min(1).optional().describe('The earlier exemption entry this one replaces'),
}).superRefine((v, ctx) => {
  if (!v.sections.length && v.correctsSeq === undefined) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'Choose at least one section' });
  if (publicInterestTestRequired(v.sections) && v.publicInterest.length < 10) {
    ctx.addIssue({ code: 'custom', path: ['publicInterest'], message: 'A qualified exemption needs the public-interest test: say how the balance fell (at least 10 characters)' });
  }
}).meta({ id: 'ApplyExemptions' });
export type ApplyExemptions = z.output<typeof ApplyExemptions>;

/** Stored in an event's details as one string (details hold plain values). */
export const joinSections = (sections: readonly string[]) => sections.join(', ');
export const splitSections = (joined: unknown) => (typeof joined === 'string' && joined ? joined.split(', ') : []);

/** The exemptions in force on a request: every 'exemption-applied' entry no later one corrects, in order, each section once. */
export function exemptionsInForce(events: readonly EventLike[]): string[] {
  const out: string[] = [];
  for (const e of inForce(events, 'exemption-applied')) for (const s of splitSections(e.details.sections)) if (!out.includes(s)) out.push(s);
  return out;
}

// ---- FOI: disclosure log ----

export const RecordDisclosure = z.object({
  title: line({ message: 'Enter a title for the log' }).trim().min(3, 'Enter a title for the log (at least 3 characters)').max(300, 'Keep the title to 300 characters or fewer'),
  answer: text({ message: 'Enter the answer released' }).trim().min(3, 'Enter the answer released').max(20000, 'Keep the answer to 20000 characters or fewer'),
  publish: z.boolean({ message: 'Say whether to publish it in the disclosure log' }),
}).meta({ id: 'RecordDisclosure' });
export type RecordDisclosure = z.output<typeof RecordDisclosure>;

/** The statuses after which an FOI's released answer may be logged. */
export const DISCLOSABLE_STATUSES: readonly string[] = ['responded', 'refused'];

/** The entry for display: the latest 'disclosure-logged' entry (a newer one replaces an older). */
export function disclosureOf(events: readonly EventLike[]): { title: string; answer: string; publish: boolean; seq: number; at?: string } | null {
  const last = events.filter((e) => e.kind === 'disclosure-logged').at(-1);
  if (!last) return null;
  const d = last.details as { title: string; answer: string; publish: boolean };
  return { title: d.title, answer: d.answer, publish: d.publish, seq: last.seq, at: last.at };
}

export const DisclosureLogEntry = z.object({
  reference: z.string().describe('The request’s reference'),
  receivedOn: z.string().describe('The day the request was received'),
  respondedOn: z.string().nullable().describe('The day it was answered'),
  title: z.string().describe('What was asked, in a line'),
  exemptions: z.array(z.string()).describe('Sections of the FOI Act applied'),
  answer: z.string().describe('The answer released'),
}).meta({ id: 'DisclosureLogEntry' });
export type DisclosureLogEntry = z.infer<typeof DisclosureLogEntry>;
export const DisclosureLog = z.object({ entries: z.array(DisclosureLogEntry) }).meta({ id: 'DisclosureLog' });
export const DISCLOSURE_LOG_CSV_HEADER = ['reference', 'received_on', 'responded_on', 'title', 'exemptions', 'answer'];
