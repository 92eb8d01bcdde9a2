import { z } from '@hono/zod-openapi';

// Small helpers for declaring OpenAPI request bodies and responses.

export const Problem = z.object({
  type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
export const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
export const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
export const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const commonResponses = { 400: problemResponse('Invalid input'), 401: problemResponse('Not signed in'), 403: problemResponse('Not allowed'), 404: problemResponse('Not found') };

/** What /api/openapi.json says about the API as a whole; each tag an operation uses is described here. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Vigil API',
    version: '1',
    description: 'Operations platform for council community-safety teams. Sign in with POST /api/v1/auth/sign-in; send the session cookie, and X-CSRF-Token on writes.',
    license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
  },
  servers: [{ url: '/', description: 'This Vigil server' }],
  tags: [
    { name: 'Meta', description: 'The council\'s name and colour, the version, and the modules a user may open.' },
    { name: 'Sign-in and account', description: 'Signing in (password, then two-factor code), sessions, and a user\'s own password and authenticator.' },
    { name: 'Users', description: 'User administration: accounts, roles, organisations and teams.' },
    { name: 'Settings', description: 'Security policy set by administrators (which roles must use two-factor authentication).' },
    { name: 'Cameras', description: 'The camera register.' },
    { name: 'Occurrences', description: 'The control-room occurrence log: occurrences, their append-only timelines, search, counts, exports and personal data.' },
    { name: 'Procedures and categories', description: 'Occurrence categories and the standard operating procedure steps of each.' },
    { name: 'Shared with partners', description: 'What partner agencies see of the occurrences shared with their organisation.' },
    { name: 'Shift handover', description: 'Shift handovers, outstanding actions that carry over until done, and the supervisor\'s overview and alerts.' },
    { name: 'Maps', description: 'The base map Vigil serves from its own PMTiles file: style, vector tiles and label glyphs.' },
    { name: 'Evidence', description: 'Footage in (resumable uploads, ffprobe), exhibits, working copies and stills (ffmpeg jobs), continuity with its hash chain, and the integrity check.' },
    { name: 'Evidence packages', description: 'Signed disclosure packages, the producer\'s witness statement, releases to partner organisations, and checking a package.' },
    { name: 'Released to partners', description: 'What partner agencies see of the packages released to their organisation: download and acknowledge.' },
    { name: 'Spare parts', description: 'Council-owned spare parts per store, reorder levels, and the append-only movements ledger: received, signed out to the contractor with a signature, returned, counted.' },
    { name: 'Requests', description: 'Information requests on their clocks: footage requests from partners and the public, subject access, FOI, complaints, members\' enquiries and viewings; partner agencies\' own requests.' },
    { name: 'Out of hours', description: 'The out-of-hours service: emergency calls and their triage and referral on the on-call rota, lone workers on timed check-ins with an escalation ladder, staff absence, alarms and building patrols, major incidents (M/ETHANE, timeline, decision log).' },
    { name: 'Calendar', description: 'The calendar the request clocks count on: GOV.UK bank holidays imported beyond the copy in the release, and the council\'s closure days.' },
    { name: 'Field', description: 'Community protection officers in the field: handheld devices, their PCN number blocks and data keys, photos, the sync that accepts each record made on a device once, patrols as lone-working sessions, car-park machine inspections, defects and ASB reports, parish and town council contracts and their billing, the team leader\'s view.' },
    { name: 'Enforcement', description: 'Penalty charge notices on the penalty-charge engine (dated charges and codes, payments, informal challenges, notices to owner, representations, appeals, charge certificates, orders for recovery) and fixed penalty notices (payments, withdrawals, prosecutions and case files); the officer\'s notebook and the reference data the handheld caches.' },
    { name: 'Audit', description: 'The hash-chained audit trail: events, export and verification.' },
    { name: 'Maintenance', description: 'The maintenance contract: contracts with their working hours, closure days and dated SLA terms.' },
  ],
};
