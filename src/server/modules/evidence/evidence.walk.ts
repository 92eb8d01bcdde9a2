import { randomBytes } from 'node:crypto';
import { PARTNERS, type Walk, type WalkCtx } from '../../../../test/support/walk';
import type { Role } from '../../platform/auth/permissions';
import { makeOrganisation, makeUser } from '../../../../test/support/deps';
import { anOccurrence } from '../occurrences/occurrences.walk';
import * as ev from './evidence.usecases';
import { insertCameras } from '../estate';
import * as occ from '../occurrences/occurrences.usecases';
import * as packages from './packages/packages.usecases';

// The evidence module's part of the route × role table (test/support/walk.ts), written by hand.

/** Who handles footage and exhibits: the control room and the enforcement officers. */
export const EVIDENCE_HANDLERS: readonly Role[] = ['operator', 'supervisor', 'enforcement_officer'];

const PROBE = { container: 'mov,mp4,m4a,3gp,3g2,mj2', durationS: 30, startTime: null, video: { codec: 'h264', width: 768, height: 432, fps: 12.5 }, audio: { codec: 'aac', sampleRate: 48000, channels: 1 } };

/** A recording row (its bytes are not needed to make it an exhibit). */
export async function aRecording({ deps, councilOrgId }: WalkCtx) {
  const u = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  const r = await deps.db.insertInto('recordings').values({
    sha256: randomBytes(32).toString('hex'), size_bytes: 1000, original_name: 'walk.mp4', source: 'upload', format: 'video', probe: JSON.stringify(PROBE),
    ingested_by: u.id, ffprobe_version: 'walk',
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function producer({ deps, councilOrgId }: WalkCtx) {
  const u = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export async function anExhibit(ctx: WalkCtx) {
  const recordingId = await aRecording(ctx);
  const made = await ev.createExhibit(ctx.deps, { actor: await producer(ctx), input: { description: 'Walk exhibit', recordingIds: [recordingId], cameraIds: [], occurrenceIds: [], location: 'Control room' } });
  ctx.bag.recordingId = recordingId;
  return made.id;
}

async function aFootageMark(ctx: WalkCtx) {
  const occurrenceId = await anOccurrence(ctx);
  const camera = await ctx.deps.db.selectFrom('cameras').select('id').executeTakeFirst()
    ?? (await insertCameras(ctx.deps.db, [{ reference: 'W2', name: 'Walk test', location_text: 'Test Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]))[0];
  const p = await producer(ctx);
  const mark = await occ.markFootage(ctx.deps, { actor: p, occurrenceId, cameraId: camera.id, from: new Date(Date.now() - 600_000), to: new Date(Date.now() - 300_000) });
  ctx.bag.footageEntryId = mark.id;
  ctx.bag.recordingId = await aRecording(ctx);
  return occurrenceId;
}

const EVIDENCE_VERIFIERS: readonly Role[] = ['coordinator', 'admin'];
const ALL_SIGNED_IN = 'signed-in' as const;

async function aBuiltPackage(ctx: WalkCtx, { releaseTo }: { releaseTo?: string } = {}) {
  const exhibitId = await anExhibit(ctx);
  const p = await producer(ctx);
  const pkg = await packages.requestPackage(ctx.deps, { actor: p, input: { exhibitIds: [exhibitId], recipientName: 'Walk Police', purpose: 'Walk test', includeMasters: false } });
  // Built without its files (the walk's recordings have no bytes): the release rules are what is walked.
  await ctx.deps.db.updateTable('evidence_packages').set({ state: 'done', sha256: randomBytes(32).toString('hex'), size_bytes: 22, completed_at: new Date() }).where('id', '=', pkg.id).execute();
  ctx.bag.packageId = pkg.id;
  if (releaseTo) {
    const r = await packages.releasePackage(ctx.deps, { actor: p, packageId: pkg.id, input: { organisationId: releaseTo, lawfulBasis: 'dpa_sch2_crime', lawfulBasisDetail: '', crimeReference: 'SP/12345/26', requestingOfficer: 'PC 4471', expiresAt: new Date(Date.now() + 86400_000) } });
    ctx.bag.releaseId = r.id;
  }
  return pkg.id;
}
/** A release to the caller's own organisation where the caller is a partner, else to another partner. */
async function aRelease(ctx: WalkCtx) {
  const own = await ctx.deps.db.selectFrom('organisations').select(['id', 'is_external']).where('id', '=', ctx.user.organisationId).executeTakeFirstOrThrow();
  const to = own.is_external ? own.id : (await makeOrganisation(ctx.deps, { external: true })).id;
  await aBuiltPackage(ctx, { releaseTo: to });
  return ctx.bag.releaseId;
}

export const walk: Walk = {
  'GET /api/v1/recordings': { allowed: EVIDENCE_HANDLERS, path: () => '/api/v1/recordings?unassigned=true' },
  'GET /api/v1/exhibits': { allowed: EVIDENCE_HANDLERS, path: () => '/api/v1/exhibits?q=walk&state=held&sort=reference_asc' },
  'GET /api/v1/exhibits.csv': { allowed: EVIDENCE_HANDLERS, path: () => '/api/v1/exhibits.csv?sort=created_asc' },
  'POST /api/v1/exhibits': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => { ctx.bag.recordingId = await aRecording(ctx); return '/api/v1/exhibits'; },
    body: (ctx) => ({ description: 'CCTV of the incident outside the bar', recordingIds: [ctx.bag.recordingId] }),
  },
  'POST /api/v1/occurrences/:id/exhibits': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => `/api/v1/occurrences/${await aFootageMark(ctx)}/exhibits`,
    body: (ctx) => ({ items: [{ footageEntryId: ctx.bag.footageEntryId, recordingIds: [ctx.bag.recordingId] }] }),
  },
  'GET /api/v1/exhibits/:id': { allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}` },
  'POST /api/v1/exhibits/:id/continuity': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/continuity`,
    body: () => ({ kind: 'sealed', bagNumber: 'EV123456', location: 'Evidence store' }),
  },
  'POST /api/v1/exhibits/:id/derivatives': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/derivatives`,
    body: (ctx) => ({ kind: 'still', recordingId: ctx.bag.recordingId, atS: [1.5], purpose: 'Still for the statement' }),
    allowedStatus: () => [202],
  },
  'GET /api/v1/exhibits/:id/continuity.pdf': { allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/continuity.pdf` },
  'GET /api/v1/exhibits/:id/files/:sha256': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => `/api/v1/exhibits/${await anExhibit(ctx)}/files/${randomBytes(32).toString('hex')}`,
    allowedStatus: () => [404], // a file the exhibit does not have; serving one is shown in evidence.api.test.ts
  },
  'GET /api/v1/evidence/handlers': { allowed: EVIDENCE_HANDLERS },
  'GET /api/v1/evidence/integrity': { allowed: EVIDENCE_VERIFIERS },
  'POST /api/v1/uploads': { allowed: EVIDENCE_HANDLERS, body: () => ({}), allowedStatus: () => [412] }, // no Tus-Resumable header: the tus server's own answer
  'GET /api/v1/uploads/:id': { allowed: EVIDENCE_HANDLERS, path: () => `/api/v1/uploads/${randomBytes(16).toString('hex')}`, allowedStatus: () => [404, 405, 412] },
  'PATCH /api/v1/uploads/:id': { allowed: EVIDENCE_HANDLERS, path: () => `/api/v1/uploads/${randomBytes(16).toString('hex')}`, body: () => ({}), allowedStatus: () => [412] },
  'DELETE /api/v1/uploads/:id': { allowed: EVIDENCE_HANDLERS, path: () => `/api/v1/uploads/${randomBytes(16).toString('hex')}`, allowedStatus: () => [412] },
  'GET /api/v1/evidence-packages': { allowed: EVIDENCE_HANDLERS },
  'POST /api/v1/evidence-packages': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => { ctx.bag.exhibitId = await anExhibit(ctx); return '/api/v1/evidence-packages'; },
    body: (ctx) => ({ exhibitIds: [ctx.bag.exhibitId], recipientName: 'Staffordshire Police', purpose: 'Assault outside the Coopers Arms' }),
    allowedStatus: () => [202],
  },
  'GET /api/v1/evidence-packages/:id': { allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}` },
  'GET /api/v1/evidence-packages/:id/download': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}/download`,
    allowedStatus: () => [500], // the walk's package has no bytes: missing from the store, said loudly
  },
  'GET /api/v1/evidence-packages/:id/statement': { allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}/statement` },
  'PUT /api/v1/evidence-packages/:id/statement': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}/statement`,
    body: () => ({ name: 'Walk Producer', occupation: 'CCTV enforcement officer', narrative: ['I produced the exhibit.'], exhibits: [] }),
    allowedStatus: () => [403], // only the witness may edit their statement, and the caller is not the witness
  },
  'POST /api/v1/evidence-packages/:id/statement/final': {
    allowed: EVIDENCE_HANDLERS, path: async (ctx) => `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}/statement/final`,
    allowedStatus: () => [403],
  },
  'POST /api/v1/evidence-packages/:id/releases': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => { ctx.bag.partner = (await makeOrganisation(ctx.deps, { external: true })).id; return `/api/v1/evidence-packages/${await aBuiltPackage(ctx)}/releases`; },
    body: (ctx) => ({ organisationId: ctx.bag.partner, lawfulBasis: 'dpa_sch2_crime', crimeReference: 'SP/12345/26', expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString() }),
  },
  'POST /api/v1/evidence-releases/:id/revoke': {
    allowed: EVIDENCE_HANDLERS,
    path: async (ctx) => { await aBuiltPackage(ctx, { releaseTo: (await makeOrganisation(ctx.deps, { external: true })).id }); return `/api/v1/evidence-releases/${ctx.bag.releaseId}/revoke`; },
    body: () => ({ reason: 'Released to the wrong force' }),
  },
  'GET /api/v1/evidence/partners': { allowed: EVIDENCE_HANDLERS },
  'GET /api/v1/released': { allowed: PARTNERS },
  'GET /api/v1/released/:id/download': {
    allowed: PARTNERS, path: async (ctx) => `/api/v1/released/${await aRelease(ctx)}/download`,
    allowedStatus: () => [500], // released to the caller, but the walk's package has no bytes
  },
  'POST /api/v1/released/:id/acknowledge': { allowed: PARTNERS, path: async (ctx) => `/api/v1/released/${await aRelease(ctx)}/acknowledge` },
  'GET /api/v1/evidence/public-key': { allowed: ALL_SIGNED_IN },
  // Sent as JSON here, so refused for its type; a real check is in evidence.api.test.ts.
  'POST /api/v1/evidence/verify-package': { allowed: ALL_SIGNED_IN, body: () => 'not a zip', allowedStatus: () => [415] },
};
