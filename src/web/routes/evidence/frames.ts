// The player's arithmetic: which frame a time is in, where a step of frames lands, and times as
// people type and read them ("1:02.480"). Pure, for tests.

/** UK CCTV is PAL: 25 frames a second when ffprobe did not say. */
export const DEFAULT_FPS = 25;

const EPSILON = 1e-6;

/** The frame shown at a time: frame n spans [n/fps, (n+1)/fps). */
export function frameAt({ timeS, fps }: { timeS: number; fps: number }): number {
  return Math.max(0, Math.floor(timeS * fps + EPSILON));
}

/**
 * Where to seek to show `by` frames on from the frame at `timeS` (negative: back), kept within the
 * recording. It seeks to the middle of the frame, so that rounding in the browser's clock never
 * shows its neighbour.
 */
export function stepFrames({ timeS, fps, by, durationS }: { timeS: number; fps: number; by: number; durationS?: number }): number {
  const last = durationS && Number.isFinite(durationS) ? Math.max(0, Math.ceil(durationS * fps - EPSILON) - 1) : Infinity;
  const frame = Math.min(last, Math.max(0, frameAt({ timeS, fps }) + by));
  return (frame + 0.5) / fps;
}

/** 62.48 -> "1:02.480"; 3725 -> "1:02:05.000". */
export function formatPlayerTime(seconds: number): string {
  const ms = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "62.48", "1:02.48" or "0:01:02.480" -> 62.48 seconds; undefined when it is not a time. */
export function parsePlayerTime(text: string): number | undefined {
  const t = text.trim();
  const m = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d+)?)$/.exec(t);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3])];
  if ((m[2] !== undefined && s >= 60) || (m[1] !== undefined && min >= 60)) return undefined;
  return h * 3600 + min * 60 + s;
}

/** "12.5, 1:02" -> [12.5, 62]; [] for nothing; undefined when one is not a time. */
export function parsePlayerTimes(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const times = parts.map(parsePlayerTime);
  return times.every((x): x is number => x !== undefined) ? times : undefined;
}
