import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text } from '../validation';
import { instant } from '../primitives';
import { AGENCIES, INCIDENT_TYPES, METHANE_STATUSES, methaneProblems, type MethaneMessage } from './methane';
import { ACTION_STATUSES, TIMELINE_SOURCES } from './incidents';

// The major-incidents part of the out-of-hours contract (see contract.ts): the M/ETHANE message,
// declaring an incident, and its log (timeline, decisions, actions, handovers, closing).


const words = (what: string, { min = 3, max = 4000 }: { min?: number; max?: number } = {}) =>
  text({ message: `Enter ${what}` }).trim().min(min, `Enter ${what} (at least ${min} characters)`).max(max, `Keep ${what} to ${max} characters or fewer`);
const optional = (what: string, max = 2000) => text().trim().max(max, `Keep ${what} to ${max} characters or fewer`).default('');
const shortLine = (what: string, max = 200) => line({ message: `Enter ${what}` }).trim().max(max, `Keep ${what} to ${max} characters or fewer`).default('');
const count = (what: string) => z.number({ message: `Enter ${what} as a whole number` }).int(`Enter ${what} as a whole number`).min(0, `Enter ${what} as 0 or more`).max(100_000, `Enter ${what} as a smaller number`);

export const OohMethaneService = z.object({
  agency: codesOf(AGENCIES, 'Choose the agency'),
  present: count('the number present').default(0),
  required: count('the number required').default(0),
  notes: shortLine('the note'),
}).meta({ id: 'OohMethaneService' });

/** The M/ETHANE message, structured. A declared major incident needs every letter (see methane.ts). */
export const OohMethane = z.object({
  status: codesOf(METHANE_STATUSES, 'Choose whether a major incident is declared').describe('M: declared, standby, not declared (ETHANE) or stand down'),
  location: z.object({
    street: shortLine('the street'), landmarks: shortLine('the landmarks', 500), postcode: shortLine('the postcode', 10),
    latitude: z.number({ message: 'Enter the latitude as a number' }).min(-90, 'Enter a latitude between -90 and 90').max(90, 'Enter a latitude between -90 and 90').nullable().default(null),
    longitude: z.number({ message: 'Enter the longitude as a number' }).min(-180, 'Enter a longitude between -180 and 180').max(180, 'Enter a longitude between -180 and 180').nullable().default(null),
    what3words: shortLine('the what3words address', 100),
  }).describe('E: exact location'),
  type: codesOf(INCIDENT_TYPES, 'Choose the type of incident').describe('T: type of incident'),
  typeDetail: shortLine('what kind of incident it is', 200),
  hazards: z.object({ present: optional('the hazards present'), potential: optional('the potential hazards') }).describe('H: hazards present and potential'),
  access: z.object({
    routesIn: optional('the route in', 1000), routesOut: optional('the route out', 1000),
    rendezvousPoint: optional('the rendezvous point', 500), areasToAvoid: optional('the areas to avoid', 1000),
  }).describe('A: access'),
  casualties: z.object({
    number: count('the number of casualties').nullable().default(null), details: optional('the type and severity of the casualties'), estimated: z.boolean().default(false),
  }).describe('N: number of casualties'),
  services: z.array(OohMethaneService).max(20, 'Give 20 agencies or fewer').default([]).describe('E: emergency services present and required'),
}).superRefine((m, ctx) => {
  for (const p of methaneProblems(m as MethaneMessage)) ctx.addIssue({ code: 'custom', path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: p.message });
}).meta({ id: 'OohMethane' });
export type OohMethane = z.output<typeof OohMethane>;

export const OohDeclareIncident = z.object({
  title: words('a short title for the incident', { min: 3, max: 200 }),
  exercise: z.boolean().default(false).describe('An exercise: marked EXERCISE EXERCISE EXERCISE on every page and document'),
  message: OohMethane,
}).meta({ id: 'OohDeclareIncident' });
export type OohDeclareIncident = z.output<typeof OohDeclareIncident>;

export const OohUpdateMethane = z.object({
  message: OohMethane,
  basedOn: z.number().int().min(1).optional().describe('The version the sender was looking at: refused (409) when a newer one came in meanwhile'),
}).meta({ id: 'OohUpdateMethane' });

const when = (what: string) => dateTime({ message: `Enter the time ${what} as a date and time` }).optional().describe('Now when left out');

export const OohAddTimelineEntry = z.object({
  receivedAt: when('it was received'),
  source: codesOf(TIMELINE_SOURCES, 'Choose who the information came from'),
  sourceName: shortLine('who it came from'),
  content: words('what was received'),
  correctsSeq: z.number().int().min(1).optional().describe('The entry this one corrects'),
}).meta({ id: 'OohAddTimelineEntry' });

export const OohLogDecision = z.object({
  decision: words('the decision', { max: 2000 }),
  rationale: words('why it was decided (the rationale)'),
  options: optional('the options considered', 4000),
  decidedByName: line({ message: 'Enter who decided' }).trim().min(2, 'Enter who decided').max(200, 'Keep the name to 200 characters or fewer'),
  decidedByRole: shortLine('their role'),
  decidedAt: when('it was decided'),
  revisesSeq: z.number().int().min(1).optional().describe('The earlier decision this one revises'),
}).meta({ id: 'OohLogDecision' });

export const OohAddAction = z.object({
  action: words('the action', { max: 2000 }),
  ownerName: line({ message: 'Enter who owns the action' }).trim().min(2, 'Enter who owns the action').max(200, 'Keep the name to 200 characters or fewer'),
  ownerOrganisation: shortLine('their organisation'),
  dueAt: dateTime({ message: 'Enter when it is due as a date and time' }).optional(),
}).meta({ id: 'OohAddAction' });

export const OohUpdateAction = z.object({
  status: codesOf(ACTION_STATUSES, 'Choose where the action stands'),
  note: optional('the note'),
}).meta({ id: 'OohUpdateAction' });

export const OohHandOverIncident = z.object({
  toUserId: z.uuid({ message: 'Choose the officer taking over' }),
  summary: words('a summary of the situation'),
  outstanding: optional('the outstanding actions', 4000),
}).meta({ id: 'OohHandOverIncident' });

export const OohCloseIncident = z.object({
  closedAt: when('it was stood down'),
  note: words('a closing note'),
}).meta({ id: 'OohCloseIncident' });

// ---- Replies ----

const who = z.string().nullable().describe('Who recorded it (their name)');

export const OohMethaneVersion = z.object({
  version: z.number().int(),
  sentAt: instant, by: who,
  message: OohMethane,
  summary: z.string().describe('One line: status, type, where, casualties'),
  changes: z.array(z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() })).describe('What changed from the version before (empty for the first)'),
}).meta({ id: 'OohMethaneVersion' });

export const OohIncidentTimelineEntry = z.object({
  seq: z.number().int(), receivedAt: instant, source: codesOf(TIMELINE_SOURCES), sourceName: z.string(), content: z.string(),
  correctsSeq: z.number().int().nullable(), correctedBySeq: z.number().int().nullable().describe('A later entry that corrects this one'),
  recordedBy: who, recordedAt: instant,
}).meta({ id: 'OohIncidentTimelineEntry' });

export const OohIncidentDecision = z.object({
  seq: z.number().int(), decision: z.string(), rationale: z.string(), options: z.string(), decidedByName: z.string(), decidedByRole: z.string(),
  decidedAt: instant, revisesSeq: z.number().int().nullable(), revisedBySeq: z.number().int().nullable().describe('A later decision that revises this one'),
  recordedBy: who, recordedAt: instant,
}).meta({ id: 'OohIncidentDecision' });

export const OohIncidentAction = z.object({
  seq: z.number().int(), action: z.string(), ownerName: z.string(), ownerOrganisation: z.string(), dueAt: instant.nullable(),
  status: codesOf(ACTION_STATUSES), recordedBy: who, recordedAt: instant,
  updates: z.array(z.object({ status: codesOf(ACTION_STATUSES), note: z.string(), by: who, at: instant })),
}).meta({ id: 'OohIncidentAction' });

export const OohIncidentHandover = z.object({
  seq: z.number().int(), from: who, to: z.object({ id: z.uuid(), name: z.string() }), summary: z.string(), outstanding: z.string(), handedAt: instant,
  acknowledgedAt: instant.nullable(), acknowledgedBy: z.string().nullable(),
}).meta({ id: 'OohIncidentHandover' });

export const OohIncidentSummary = z.object({
  id: z.uuid(), reference: z.string().describe('MI-YYYY-NNN'), title: z.string(), exercise: z.boolean(),
  open: z.boolean(), declaredAt: instant, closedAt: instant.nullable(),
  status: codesOf(METHANE_STATUSES).describe('The latest M/ETHANE message’s M'), summary: z.string().describe('The latest M/ETHANE message in a line'),
  versions: z.number().int(),
}).meta({ id: 'OohIncidentSummary' });
export type OohIncidentSummary = z.infer<typeof OohIncidentSummary>;

export const OohIncidentList = z.object({ items: z.array(OohIncidentSummary) }).meta({ id: 'OohIncidentList' });
export type OohIncidentList = z.infer<typeof OohIncidentList>;

export const OohIncident = OohIncidentSummary.extend({
  declaredBy: who, closedBy: z.string().nullable(), closingNote: z.string(),
  methane: z.array(OohMethaneVersion).describe('Every M/ETHANE message, oldest first'),
  timeline: z.array(OohIncidentTimelineEntry), decisions: z.array(OohIncidentDecision), actions: z.array(OohIncidentAction), handovers: z.array(OohIncidentHandover),
}).meta({ id: 'OohIncident' });
export type OohIncident = z.infer<typeof OohIncident>;

export const OohIncidentOfficers = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }).meta({ id: 'OohIncidentOfficers' });
export type OohIncidentOfficers = z.infer<typeof OohIncidentOfficers>;
