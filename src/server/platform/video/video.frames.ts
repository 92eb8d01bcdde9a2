import { packetsArgs, type ReadInterval } from './video.args';
import { ffprobeFailed, invalidRange } from './video.errors';
import { runFfprobe, type VideoTools } from './video.run';

// Where the frames are: read from the video stream's packets (timestamps and key-frame flags, no
// decoding), so that a cut starts on a real frame and says which. Times here are seconds from the
// start of the file (its first timestamp), as ffmpeg's -ss counts them.

export interface Frame { s: number; endS: number | null; key: boolean }

const EPSILON = 1e-6;

async function readFrames({ tools, file, signal, ...window }: { tools: VideoTools; file: string; fromS?: number; toS?: number; intervals?: ReadInterval[]; signal?: AbortSignal }): Promise<Frame[] & { fileStartS?: number }> {
  const run = await runFfprobe({ tools, args: packetsArgs({ file, ...window }), signal });
  if (run.exitCode !== 0) throw ffprobeFailed({ file, stderrTail: run.stderrTail });
  const json = JSON.parse(run.stdout) as { packets?: { pts?: number; duration?: number; flags?: string }[]; streams?: { time_base?: string }[]; format?: { start_time?: string } };
  const [num, den] = (json.streams?.[0]?.time_base ?? '1/1').split('/').map(Number);
  const frames = (json.packets ?? [])
    .filter((p) => typeof p.pts === 'number' && !p.flags?.includes('D')) // D: decoded only to help others, never shown
    .map((p) => ({ s: (p.pts! * num) / den, endS: typeof p.duration === 'number' && p.duration > 0 ? ((p.pts! + p.duration) * num) / den : null, key: p.flags?.includes('K') ?? false }))
    .sort((a, b) => a.s - b.s);
  const start = Number(json.format?.start_time);
  return Object.assign(frames, { fileStartS: Number.isFinite(start) ? start : undefined });
}

/** The frames around atS: from the key frame at or before it (as ffmpeg's seek lands) to a second after it. */
export async function framesAround({ tools, file, startTimeS, atS, signal }: { tools: VideoTools; file: string; startTimeS: number | null; atS: number; signal?: AbortSignal }): Promise<Frame[]> {
  const base = startTimeS ?? 0;
  const relative = (frames: Frame[]) => frames.map((f) => ({ ...f, s: f.s - base, endS: f.endS === null ? null : f.endS - base }));
  const frames = relative(await readFrames({ tools, file, fromS: base + atS, toS: base + atS + 1, signal }));
  if (frames.some((f) => f.key && f.s <= atS + EPSILON)) return frames;
  return relative(await readFrames({ tools, file, toS: base + atS + 1, signal })); // no key frame found by seeking: read from the start
}

const latest = (frames: Frame[]) => frames.reduce<Frame | undefined>((a, f) => (a && a.s >= f.s ? a : f), undefined);

/** Where a stream copy can begin: the key frame at or before atS. */
export const keyFrameAtOrBefore = (frames: Frame[], atS: number) => latest(frames.filter((f) => f.key && f.s <= atS + EPSILON));

/** The frame on screen at atS (the first one, if atS comes before any). */
export const frameOnScreen = (frames: Frame[], atS: number) => latest(frames.filter((f) => f.s <= atS + EPSILON)) ?? frames[0];

/** The frame that starts nearest atS: a clip begun there starts at most half a frame from the request. */
export const frameStartingNearest = (frames: Frame[], atS: number) =>
  frames.reduce<Frame | undefined>((best, f) => (best === undefined || Math.abs(f.s - atS) < Math.abs(best.s - atS) ? f : best), undefined);

/** The frame boundary (a frame's start or end) nearest atS: a clip ended there ends at most half a frame from the request. */
export function nearestBoundary(frames: Frame[], atS: number): number | undefined {
  const boundaries = frames.flatMap((f) => (f.endS === null ? [f.s] : [f.s, f.endS]));
  return boundaries.reduce<number | undefined>((best, b) => (best === undefined || Math.abs(b - atS) < Math.abs(best - atS) ? b : best), undefined);
}

/** A frame time as ffmpeg's -ss (microseconds), rounded up so that the seek lands on that frame and no earlier one. */
export const seekTo = (frameS: number) => Math.max(0, Math.ceil(frameS * 1e6 - 1e-3) / 1e6);

export function requireFrame<T>(value: T | undefined, atS: number): T {
  if (value === undefined) throw invalidRange({ reason: `The recording has no picture at ${atS} s.` });
  return value;
}

/**
 * Where the output's pictures begin and end, in seconds from the start of the output file (its first
 * timestamp: an MPEG-TS muxer starts its clock at 1.4 s, not 0). Given the length expected, only its
 * first and last seconds are read; should the end not be where expected, the whole of it is.
 */
export async function measureOutput({ tools, file, expectedS, signal }: { tools: VideoTools; file: string; expectedS?: number; signal?: AbortSignal }): Promise<{ firstS: number; endS: number }> {
  if (expectedS !== undefined && expectedS > 4 * EDGE_S) {
    const edges = await measureEdges({ tools, file, expectedS, signal });
    if (edges && Math.abs(edges.endS - expectedS) <= 1) return edges;
  }
  return measureFrames(await readFrames({ tools, file, signal }), file);
}

/** The same from the output's first seconds and the seconds around where it is expected to end. */
export async function measureEdges({ tools, file, expectedS, signal }: { tools: VideoTools; file: string; expectedS: number; signal?: AbortSignal }) {
  const frames = await readFrames({ tools, file, signal, intervals: [{ forS: EDGE_S }, { fromS: expectedS - EDGE_S, forS: 3 * EDGE_S }] });
  return frames.length ? measureFrames(frames, file) : undefined;
}

/** Seconds read at each end of an output to find where its pictures begin and end. */
const EDGE_S = 3;

function measureFrames(frames: Frame[] & { fileStartS?: number }, file: string) {
  if (!frames.length) throw ffprobeFailed({ file, stderrTail: 'the output has no video packets' });
  const zero = frames.fileStartS ?? 0;
  // A frame's length where the container gives none: the typical gap between neighbouring frames.
  const gaps = frames.slice(1).map((f, i) => f.s - frames[i].s).filter((g) => g > 0).sort((a, b) => a - b);
  const step = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const end = frames.reduce((e, f) => Math.max(e, f.endS ?? f.s + step), frames[0].s);
  return { firstS: frames[0].s - zero, endS: end - zero };
}
