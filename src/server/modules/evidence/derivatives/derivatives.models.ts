import type { z } from 'zod';
import type { ProbeSummary } from '../../../../domain/evidence/contract';

// Pure decisions about working copies: whether a master plays in a browser as it is, how long it
// is, and what true time its first frame shows (for the burned-in caption).

type Probe = z.output<typeof ProbeSummary>;

const asProbe = (probe: unknown): Probe | null => (probe && typeof probe === 'object' ? (probe as Probe) : null);

/** H.264 in MP4/MOV, with AAC or no sound: what every browser plays. */
export function isProbeBrowserPlayable(probe: unknown): boolean {
  const p = asProbe(probe);
  if (!p?.video) return false;
  return /(^|,)(mov|mp4)(,|$)/.test(p.container) && p.video.codec === 'h264' && (!p.audio || p.audio.codec === 'aac');
}

export const probeDuration = (probe: unknown): number | null => asProbe(probe)?.durationS ?? null;

/**
 * What the recorder's clock showed at the recording's first frame, for the burned-in caption
 * (which adds the clock offset to show true time): the start time the recorder embedded in the
 * file, or else the exhibit's recorded start (a true time) less the offset. Undefined when neither
 * is known: the caption then shows no time.
 */
export function recorderStartOf({ probe, recordedFrom, clockOffsetMs }: { probe: unknown; recordedFrom: Date | null; clockOffsetMs: number }): Date | undefined {
  const embedded = asProbe(probe)?.startTime;
  if (embedded) return new Date(embedded);
  return recordedFrom ? new Date(recordedFrom.getTime() - clockOffsetMs) : undefined;
}
