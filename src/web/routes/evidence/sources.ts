import { DERIVATIVE_KINDS, type ExhibitDetail } from '../../api/evidence';
import { DEFAULT_FPS } from './frames';

// What the player can play of an exhibit: each master a browser plays as it is, and each working
// copy or clip that is done. A clip starts part-way into its master, so the player's time is moved
// by its start to give the master's time (a clip asked for "from here" means here in the master).

export interface Source {
  sha256: string;
  label: string;
  recordingId: string;
  /** The master's time at the start of this file. */
  offsetS: number;
  fps: number;
  /** From ffprobe, for a master; the browser knows it for copies. */
  durationS: number | null;
}

export function playableSources(exhibit: Pick<ExhibitDetail, 'recordings' | 'derivatives'>): Source[] {
  const fpsOf = (recordingId: string) => exhibit.recordings.find((r) => r.id === recordingId)?.probe?.video?.fps || DEFAULT_FPS;
  const masters = exhibit.recordings.filter((r) => r.playable).map((r) => ({
    sha256: r.sha256, label: `Master: ${r.originalName}`, recordingId: r.id, offsetS: 0, fps: fpsOf(r.id), durationS: r.probe?.durationS ?? null,
  }));
  const copies = exhibit.derivatives
    .filter((d) => d.state === 'done' && d.sha256 && d.kind !== 'still')
    .map((d) => ({
      sha256: d.sha256!, label: `${d.reference}: ${DERIVATIVE_KINDS[d.kind].toLowerCase()}${d.caption ? ', captioned' : ''}`, recordingId: d.recordingId,
      offsetS: d.kind === 'clip' ? d.realStartS ?? d.startS ?? 0 : 0, fps: fpsOf(d.recordingId), durationS: null,
    }));
  return [...masters, ...copies];
}
