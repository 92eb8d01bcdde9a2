import { deflateSync } from 'node:zlib';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { londonDay, londonWallClock } from '../../../../domain/calendar/london';
import { RequestDeployment } from '../../../../domain/estate/deployments';
import { addDays } from './deployments.models';
import { insertMobileCameras } from './deployments.repository';
import * as uc from './deployments.usecases';

// The demo's mobile cameras (M01..M05) and their deployments, one in every state: removed,
// deployed with a review due soon, deployed and overdue, deployed and not due, approved, awaiting a
// decision, refused. Real street points of Burton upon Trent town centre (police.uk street points).

export const DEMO_MOBILE_CAMERAS = ['M01', 'M02', 'M03', 'M04', 'M05'].map((reference, i) => ({
  reference, name: `Redeployable camera ${i + 1}`, location_text: 'Depot, Wetmore Road, Burton upon Trent', latitude: 52.807318, longitude: -1.625952,
}));

type Step = { days: number } & (
  | { kind: 'approved' | 'refused'; reasons: string }
  | { kind: 'deployed'; camera: string; periodDays?: number }
  | { kind: 'reviewed'; notes: string; nextInDays?: number }
  | { kind: 'removed'; reason: string }
);
interface Story { where: string; lat: number; lon: number; problem: string; alternatives: string; requestedDaysAgo: number; steps: Step[] }

const ASB = 'Repeated anti-social behaviour and criminal damage reported by residents and shopkeepers';
const STORIES: Story[] = [
  {
    where: 'Ordish Street, by the shops', lat: 52.801187, lon: -1.637321, requestedDaysAgo: 230,
    problem: `${ASB}; groups gathering in the evening after the takeaway closes.`, alternatives: 'Extra patrols by community protection officers for six weeks reduced but did not stop it; lighting already improved.',
    steps: [
      { kind: 'approved', days: 228, reasons: 'Evidence of persistent harm, patrols tried; proportionate for a fixed period with signage.' },
      { kind: 'deployed', days: 225, camera: 'M01' },
      { kind: 'reviewed', days: 140, notes: 'Incidents down by half since deployment; keep for one more period.' },
      { kind: 'removed', days: 40, reason: 'Problem resolved: no incidents near the camera in the last six weeks.' },
    ],
  },
  {
    where: 'Peel Street, near Clarence Street', lat: 52.798596, lon: -1.642608, requestedDaysAgo: 86,
    problem: 'Drug dealing reported at the junction, with needles found in the alleyway; residents afraid to use the path.', alternatives: 'Police operation in the spring; alleyway gating is being consulted on.',
    steps: [{ kind: 'approved', days: 84, reasons: 'Supported by the police and the ward councillors; DPIA signed off.' }, { kind: 'deployed', days: 80, camera: 'M02' }],
  },
  {
    where: 'Queen Street', lat: 52.796846, lon: -1.640665, requestedDaysAgo: 200,
    problem: 'Fly-tipping on the corner every week, often at night; clearance costs rising.', alternatives: 'Letters to residents, a warning sign and a bulky-waste amnesty: tipping continued.',
    steps: [
      { kind: 'approved', days: 198, reasons: 'Repeated tipping with clearance cost; a camera is the least intrusive way to identify vehicles.' },
      { kind: 'deployed', days: 195, camera: 'M03' },
      { kind: 'reviewed', days: 100, notes: 'Two prosecutions from footage; tipping less frequent but continuing.' },
    ],
  },
  {
    where: 'James Street, by the community centre', lat: 52.799844, lon: -1.639097, requestedDaysAgo: 25,
    problem: 'Vehicle crime in the community centre car park on event evenings.', alternatives: 'Centre staff now lock the gate after events; thefts continued from the street side.',
    steps: [{ kind: 'approved', days: 24, reasons: 'Proportionate for event evenings; review at 60 days.' }, { kind: 'deployed', days: 20, camera: 'M05', periodDays: 60 }],
  },
  {
    where: 'Sheffield Street', lat: 52.798993, lon: -1.640128, requestedDaysAgo: 9,
    problem: 'Criminal damage to parked cars and garden walls, most weekends since the summer.', alternatives: 'Neighbourhood watch leaflets; police patrols on Friday and Saturday nights.',
    steps: [{ kind: 'approved', days: 5, reasons: 'Pattern of weekend damage shown in the log; signage to go up with the camera.' }],
  },
  {
    where: 'Broadway Street', lat: 52.795674, lon: -1.642513, requestedDaysAgo: 3,
    problem: 'Youths riding off-road motorbikes along the street and the riverside path in the evenings.', alternatives: 'Police off-road bike team asked; barriers on the path entrances being priced.',
    steps: [],
  },
  {
    where: 'Anglesey Road', lat: 52.802106, lon: -1.644151, requestedDaysAgo: 60,
    problem: 'A neighbour dispute: one resident asks for a camera facing the other\'s house.', alternatives: 'Mediation offered.',
    steps: [{ kind: 'refused', days: 57, reasons: 'A private dispute, not a public-space problem: a camera here would intrude on private homes and is not proportionate. Mediation and the police are the right route.' }],
  },
];

/** A small PNG standing in for a photo of the sign: a yellow CCTV sign on a post against a wall. */
function signagePhoto(): Uint8Array {
  const [w, h] = [160, 120];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0; // no filter
    for (let x = 0; x < w; x++) {
      const sign = x >= 40 && x < 120 && y >= 15 && y < 75;
      const border = sign && (x < 44 || x >= 116 || y < 19 || y >= 71);
      const band = sign && y >= 35 && y < 45 && x >= 55 && x < 105; // the camera symbol's place
      const post = x >= 76 && x < 84 && y >= 75;
      const rgb = border || band ? [11, 12, 12] : sign ? [255, 221, 0] : post ? [90, 90, 90] : [150 + (y % 7), 120, 100];
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

function crc32(bytes: Buffer) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export async function seedDemoDeployments(deps: Deps, council: DemoCouncil) {
  const cameras = new Map((await insertMobileCameras(deps.db, DEMO_MOBILE_CAMERAS)).map((c) => [c.reference, c.id]));
  const missing = DEMO_MOBILE_CAMERAS.filter((c) => !cameras.has(c.reference)).map((c) => c.reference);
  if (missing.length) throw new Error(`demo: ${missing.join(', ')} must be mobile cameras (another seed registered them as another kind)`);
  const person = (username: string) => {
    const u = council.users[username];
    return { userId: u.id, audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: 'demo seed' } };
  };
  const requester = person('enforcement');
  const coordinator = person('coordinator');
  const today = londonDay(deps.clock.now());
  /** Mid-morning London time, `days` days ago. */
  const at = (days: number) => londonWallClock(addDays(today, -days), { hour: 10, minute: 30 })!;
  const on = (days: number) => ({ ...deps, clock: { now: () => at(days) } });
  const photo = await uc.storeSignagePhoto(deps, { actor: requester, bytes: signagePhoto() });

  for (const s of STORIES) {
    const input = RequestDeployment.parse({
      locationText: `${s.where}, Burton upon Trent`, latitude: s.lat, longitude: s.lon, problem: s.problem, alternatives: s.alternatives,
      evidencePeriod: { radiusM: 250, from: addDays(today, -s.requestedDaysAgo - 90), to: addDays(today, -s.requestedDaysAgo - 1) },
      proposedDays: 180, dpiaReference: `DPIA-MOB-${String(STORIES.indexOf(s) + 11).padStart(3, '0')}`,
    });
    const { id } = await uc.requestDeployment(on(s.requestedDaysAgo), { actor: requester, input });
    for (const st of s.steps) {
      const d = on(st.days);
      const day = addDays(today, -st.days);
      if (st.kind === 'approved' || st.kind === 'refused') {
        await uc.decideDeployment(d, { actor: coordinator, deploymentId: id, input: { decision: st.kind === 'approved' ? 'approve' : 'refuse', reasons: st.reasons } });
      } else if (st.kind === 'deployed') {
        await uc.deployCamera(d, { actor: requester, deploymentId: id, input: { cameraId: cameras.get(st.camera)!, deployedOn: day, signagePhotoSha256: photo.sha256, reviewPeriodDays: st.periodDays ?? 90 } });
      } else if (st.kind === 'reviewed') {
        await uc.reviewDeployment(d, { actor: coordinator, deploymentId: id, input: { reviewedOn: day, isNecessary: true, isProportionate: true, notes: st.notes, nextReviewOn: st.nextInDays ? addDays(day, st.nextInDays) : undefined } });
      } else if (st.kind === 'removed') {
        await uc.removeCamera(d, { actor: requester, deploymentId: id, input: { removedOn: day, reason: st.reason } });
      }
    }
  }
  return { mobileDeployments: STORIES.length };
}
