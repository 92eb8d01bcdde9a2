import { randomBytes } from 'node:crypto';
import { REQUEST_HANDLERS, REQUEST_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeOrganisation, makeUser, uniq } from '../../../../../test/support/deps';
import { anExhibit } from '../../evidence/evidence.walk';
import { insertCameras } from '../../estate';
import type { ReceiveRequest } from '../../../../domain/requests/contract';
import { aRequest, handlerActor } from '../register/register.walk';
import * as uc from './disclosure.usecases';

// Disclosure's part of the route × role table (test/support/walk.ts), written by hand.

export const AUTHORITY = { crimeReference: 'CR/0451/26', exemption: 'DPA 2018 Sch 2 Pt 1 para 2', officerName: 'PC Sam Jones', officerRank: 'Constable', officerNumber: '4471' };

/** A camera of the register, new each time (so a request's footage is its own). */
export async function aCamera(ctx: Pick<WalkCtx, 'deps'>) {
  const [camera] = await insertCameras(ctx.deps.db, [{ reference: `RQ-${randomBytes(4).toString('hex').toUpperCase()}`, name: 'Request walk', location_text: 'Market Place', latitude: 52.8, longitude: -1.63, kind: 'fixed' }]);
  return camera!.id;
}

/** A recording of a camera with the start time its recorder embedded (30 seconds long). */
export async function aTimedRecording(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>, { cameraId, startTime }: { cameraId: string; startTime: string | null }) {
  const u = await makeUser(ctx.deps, { roles: ['operator'], organisationId: ctx.councilOrgId });
  const probe = { container: 'mov,mp4', durationS: 30, startTime, video: null, audio: null };
  const r = await ctx.deps.db.insertInto('recordings').values({
    sha256: randomBytes(32).toString('hex'), size_bytes: 1000, original_name: uniq('cam') + '.mp4', source: 'upload', format: 'video', probe: JSON.stringify(probe),
    ingested_by: u.id, ffprobe_version: 'walk', camera_id: cameraId,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** An agency's footage request (its organisation external), of a camera, 20:00–21:00 yesterday, with one recording that overlaps. */
export async function anAgencyRequest(ctx: WalkCtx, over: Partial<ReceiveRequest> = {}) {
  const cameraId = await aCamera(ctx);
  const org = await makeOrganisation(ctx.deps, { external: true });
  const from = new Date(Date.now() - 86_400_000);
  const to = new Date(from.getTime() + 3_600_000);
  const r = await aRequest(ctx, {
    type: 'agency_footage', authority: AUTHORITY, cameraIds: [cameraId], timeFrom: from, timeTo: to, summary: 'Assault outside the Red Lion', ...over,
  } as Partial<ReceiveRequest>, { forOrganisation: org.id });
  ctx.bag.recordingId = await aTimedRecording(ctx, { cameraId, startTime: new Date(from.getTime() + 600_000).toISOString() });
  return r;
}

/** An agency's request decided for disclosure, with an exhibit linked. */
export async function aDecidedRequest(ctx: WalkCtx) {
  const r = await anAgencyRequest(ctx);
  const actor = await handlerActor(ctx);
  await uc.linkExhibits(ctx.deps, { actor, id: r.id, input: { exhibitIds: [await anExhibit(ctx)] } });
  await uc.recordDecision(ctx.deps, { actor, id: r.id, input: { decision: 'disclose_full', lawfulBasis: 'dpa_sch2_crime', lawfulBasisDetail: '', reasons: '' } });
  return r;
}

const on = (tail: string, make: (ctx: WalkCtx) => Promise<{ id: string }>) => async (ctx: WalkCtx) => `/api/v1/requests/${(await make(ctx)).id}${tail}`;

export const walk: Walk = {
  'GET /api/v1/requests/:id/footage': { allowed: REQUEST_READERS, path: on('/footage', anAgencyRequest) },
  'POST /api/v1/requests/:id/holds': { allowed: REQUEST_HANDLERS, path: on('/holds', anAgencyRequest), body: () => ({}) },
  'POST /api/v1/requests/:id/exhibits': {
    allowed: REQUEST_HANDLERS, path: async (ctx) => { ctx.bag.exhibitId = await anExhibit(ctx); return on('/exhibits', anAgencyRequest)(ctx); },
    body: ({ bag }) => ({ exhibitIds: [bag.exhibitId] }),
  },
  'POST /api/v1/requests/:id/decision': { allowed: REQUEST_HANDLERS, path: on('/decision', anAgencyRequest), body: () => ({ decision: 'disclose_full', lawfulBasis: 'dpa_sch2_crime' }) },
  'POST /api/v1/requests/:id/package': { allowed: REQUEST_HANDLERS, path: on('/package', aDecidedRequest), allowedStatus: () => [202] },
  'POST /api/v1/requests/:id/release': {
    allowed: REQUEST_HANDLERS,
    path: async (ctx) => {
      const r = await aDecidedRequest(ctx);
      const d = await uc.buildDisclosurePackage(ctx.deps, { actor: await handlerActor(ctx), id: r.id });
      // Built without its files (the walk's recordings have no bytes): the release is what is walked.
      await ctx.deps.db.updateTable('evidence_packages').set({ state: 'done', sha256: randomBytes(32).toString('hex'), size_bytes: 22, completed_at: new Date() }).where('id', '=', d.packages[0]!.id).execute();
      return `/api/v1/requests/${r.id}/release`;
    },
    body: () => ({ note: 'Released to the officer in the case' }),
  },
};
