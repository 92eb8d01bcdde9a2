import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Deps } from '../../platform/deps';
import type { DemoCouncil } from '../../platform/modules';
import { captionFontFile, locateVideoTools, runFfmpeg, type VideoTools } from '../../platform/video/video';
import { ingestRecording } from './ingest/ingest.usecases';
import * as ev from './evidence.usecases';
import { requestDerivatives } from './derivatives/derivatives.usecases';
import { makeDerivative } from './derivatives/derivatives.jobs';
import * as pk from './packages/packages.usecases';
import { buildPackage } from './packages/packages.jobs';

// The demo council's evidence: short clips made now with ffmpeg's test sources (a moving caption
// naming the camera, so they look like footage without shipping any), made exhibits from the
// footage marks of recent occurrences, with continuity (sealed, handed over, received with a
// signature), a captioned clip and a still, one legacy AVI with its playable working copy, footage
// still waiting to become exhibits, and one package released to the demo police force.

async function makeClip({ tools, dir, name, label, seconds = 6, legacy = false }: { tools: VideoTools; dir: string; name: string; label: string; seconds?: number; legacy?: boolean }) {
  const file = path.join(dir, name);
  const font = captionFontFile().replace(/\\/g, '/').replace(/:/g, '\\:');
  const caption = `drawtext=fontfile='${font}':text='${label.replace(/[':\\]/g, ' ')}':fontsize=20:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=6:x=mod(t*70\\,w-tw):y=h-th-14`;
  const encode = legacy ? ['-c:v', 'mpeg4', '-vtag', 'DIVX', '-q:v', '5', '-c:a', 'libmp3lame'] : ['-c:v', 'libx264', '-preset', 'veryfast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac'];
  await runFfmpeg({
    tools,
    args: ['-hide_banner', '-nostdin', '-y', '-f', 'lavfi', '-i', `testsrc2=size=480x270:rate=25:duration=${seconds}`, '-f', 'lavfi', '-i', `anoisesrc=color=brown:amplitude=0.05:duration=${seconds}`,
      '-vf', caption, ...encode, '-shortest', file],
  });
  return file;
}

/** A signature as the pad would send it: a name written on white. */
async function makeSignature({ tools, dir, name }: { tools: VideoTools; dir: string; name: string }) {
  const file = path.join(dir, `${name.replace(/\W/g, '')}.png`);
  const font = captionFontFile().replace(/:/g, '\\:');
  await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-f', 'lavfi', '-i', 'color=white:s=360x120', '-frames:v', '1', '-vf', `drawtext=fontfile='${font}':text='${name}':fontsize=38:fontcolor=0x1d2a6b:x=24:y=40`, file] });
  const { readFile } = await import('node:fs/promises');
  return `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
}

export async function seedDemoEvidence(deps: Deps, council: DemoCouncil) {
  const tools = await locateVideoTools(deps.config.video);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-demo-footage-'));
  const actorOf = (username: string) => {
    const u = council.users[username];
    return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: 'demo seed' }, userId: u.id };
  };
  const officer = actorOf('enforcement');
  const operator = actorOf('operator');
  try {
    const marks = await deps.db.selectFrom('occurrence_entries as oe').innerJoin('cameras as c', 'c.id', 'oe.camera_id').innerJoin('occurrences as o', 'o.id', 'oe.occurrence_id')
      .select(['oe.id', 'oe.occurrence_id', 'oe.recorded_at', 'c.reference', 'c.name', 'o.reference as occurrence']).where('oe.kind', '=', 'footage').orderBy('oe.recorded_at', 'desc').limit(3).execute();
    const exhibits: { id: string; reference: string }[] = [];
    for (const [i, mark] of marks.entries()) {
      const file = await makeClip({ tools, dir, name: `${mark.reference}-${i + 1}.mp4`, label: `${mark.reference} ${mark.name}` });
      const { recording } = await ingestRecording(deps, { actor: operator, input: { file, originalName: `${mark.reference}_export_${i + 1}.mp4`, source: 'import' } });
      const made = await ev.createExhibitsFromFootage(deps, {
        actor: operator, occurrenceId: mark.occurrence_id,
        input: { items: [{ footageEntryId: mark.id, recordingIds: [recording.id] }], location: 'CCTV control room', clock: i === 0 ? { recorderShowed: new Date(mark.recorded_at.getTime() - 110_000), trueTime: mark.recorded_at } : null },
      });
      exhibits.push(made.exhibits[0]);
    }
    // The legacy recorder: an AVI in DivX, kept as it is, with a playable working copy.
    const avi = await makeClip({ tools, dir, name: 'bus-station.avi', label: 'CAM 21 Bus station (old recorder)', legacy: true });
    const { recording: legacy } = await ingestRecording(deps, { actor: officer, input: { file: avi, originalName: 'BUS_STN_CH03_0412.avi', source: 'import' } });
    const legacyExhibit = await ev.createExhibit(deps, { actor: officer, input: { description: 'Bus station concourse, channel 3 export from the old recorder', recordingIds: [legacy.id], cameraIds: [], occurrenceIds: [], location: 'Enforcement office' } });
    exhibits.push(legacyExhibit);
    const queued = await deps.db.selectFrom('exhibit_derivatives').select('id').where('exhibit_id', '=', legacyExhibit.id).execute();
    for (const d of queued) await makeDerivative(deps, { derivativeId: d.id });

    // Footage in, not yet an exhibit (routine retention will delete it unless it becomes one).
    for (const n of [1, 2]) {
      const file = await makeClip({ tools, dir, name: `patrol-${n}.mp4`, label: `CAM 0${n + 2} Camera patrol`, seconds: 4 });
      await ingestRecording(deps, { actor: operator, input: { file, originalName: `patrol_${n}.mp4`, source: 'upload' } });
    }

    const first = exhibits[0];
    if (first) {
      const recordingId = (await deps.db.selectFrom('exhibit_recordings').select('recording_id').where('exhibit_id', '=', first.id).executeTakeFirstOrThrow()).recording_id;
      await ev.recordHandling(deps, { actor: operator, exhibitId: first.id, input: { kind: 'sealed', bagNumber: 'EV0042117', location: 'CCTV control room', reason: 'Master copied to the evidence store and sealed' } });
      await ev.recordHandling(deps, { actor: operator, exhibitId: first.id, input: { kind: 'handed_over', toUserId: officer.userId, location: 'CCTV control room', reason: 'For disclosure to the police' } });
      await ev.recordHandling(deps, { actor: officer, exhibitId: first.id, input: { kind: 'received', location: 'Enforcement office', reason: '', signaturePng: await makeSignature({ tools, dir, name: 'K Walsh' }) } });
      const asked = await requestDerivatives(deps, { actor: officer, exhibitId: first.id, input: { kind: 'clip', recordingId, mode: 'reencode', caption: true, startS: 1, endS: 5, purpose: 'Court-playable clip of the incident' } });
      const still = await requestDerivatives(deps, { actor: officer, exhibitId: first.id, input: { kind: 'still', recordingId, caption: true, atS: [2.5], purpose: 'Still for the witness appeal' } });
      for (const d of [...asked.derivatives, ...still.derivatives]) await makeDerivative(deps, { derivativeId: d.id });

      const pkg = await pk.requestPackage(deps, { actor: officer, input: { exhibitIds: [first.id], recipientName: 'Staffordshire Police, PC 4471 Ellis', recipientOrganisationId: council.organisations.police, purpose: 'Assault outside licensed premises: footage requested by the officer in the case', includeMasters: true } });
      await buildPackage(deps, { packageId: pkg.id });
      await pk.releasePackage(deps, {
        actor: officer, packageId: pkg.id,
        input: { organisationId: council.organisations.police, lawfulBasis: 'dpa_sch2_crime', lawfulBasisDetail: '', crimeReference: 'SP/26/4471/12', requestingOfficer: 'PC 4471 Jordan Ellis', expiresAt: new Date(deps.clock.now().getTime() + 30 * 86400_000) },
      });
    }
    return { exhibits: exhibits.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
