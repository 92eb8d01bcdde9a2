import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  clipArgs, copyContainerFor, CONTAINER_EXTENSION, decodeCheckArgs, INPUT, OUTPUT, reproduceArgs, stillArgs, transcodeArgs, workingCopyMetadata,
  type Container, type DrawnCaption,
} from './video.args';
import { captionFontMissing, captionNeedsReencode, invalidRange, noTimestamps, notAVideo } from './video.errors';
import { frameOnScreen, frameStartingNearest, framesAround, keyFrameAtOrBefore, measureOutput, nearestBoundary, requireFrame, seekTo } from './video.frames';
import { probeFile, type VideoProbe } from './video.probe';
import { runFfmpeg, runFfprobe, type FfmpegRun, type VideoTools } from './video.run';

// The video operations the evidence module (and later redaction) runs: each builds its arguments
// with the placeholders {input} and {output}, runs them on the real paths, and returns the
// arguments with the placeholders (reproduceArgs puts paths back), the exact ffmpeg version, and
// where the output really starts and ends on the input's clock. Masters are only ever read.

export { probeFile, isBrowserPlayable, needsWorkingCopy } from './video.probe';
export type { ProbeOutcome, VideoProbe, VideoStream, AudioStream } from './video.probe';
export { locateVideoTools, runFfmpeg, runFfprobe } from './video.run';
export type { VideoTools, VideoToolSettings, FfmpegRun } from './video.run';
export { reproduceArgs, workingCopyMetadata, CONTAINER_EXTENSION, INPUT, OUTPUT } from './video.args';
export type { Container, WorkingCopyLabel } from './video.args';

/** Who and what a working copy is of: written into its metadata, and burned in when a caption is asked for. */
export interface Labelling {
  exhibitRef?: string; camera?: string;
  /** What the recorder's clock showed at the input's time 0 (its first frame). */
  recorderStartAt?: Date;
  /** True time minus the recorder's time, in seconds ("recorder showed 14:03:10 when the true time was 14:05:00": +110). */
  clockOffsetS?: number;
  /** The master's (or parent's) SHA-256. */
  parentSha256?: string;
}

export interface Derivation {
  /** The arguments ffmpeg ran with, {input} and {output} in place of the paths. */
  args: string[];
  ffmpegVersion: string; ffprobeVersion: string;
  /** The font a caption was drawn with (its path is in args), and its SHA-256. */
  captionFont?: { file: string; sha256: string };
}

/** What every operation takes. probe: the input's, if already known (saves a run of ffprobe). caption: burn in the label's exhibit reference, camera and clock. */
export interface VideoOperation {
  tools: VideoTools; input: string; output: string; probe?: VideoProbe;
  label?: Labelling; caption?: boolean; fontFile?: string; signal?: AbortSignal; timeoutMs?: number;
}
type Run = VideoOperation;
type Progress = { onProgress?: (fraction: number, outTimeS: number) => void };

const require = createRequire(import.meta.url);
/** Noto Sans (SIL OFL), from the npm package: FreeType reads its WOFF, and nothing is fetched at run time. */
export function captionFontFile(): string {
  try {
    return require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff');
  } catch (err) {
    throw captionFontMissing({ reason: err instanceof Error ? err.message.split('\n')[0] : String(err) });
  }
}

export interface DecodeCheck { ok: boolean; frames: number | null; problems: string; args: string[]; ffprobeVersion: string }

/**
 * Decodes every picture of the file's first video stream. Where an encoder is not repeatable bit
 * for bit (another ffmpeg, a hardware encoder), this is the check that a derivative is whole: it
 * decodes without an error, and to as many frames as it should.
 */
export async function checkDecodes({ tools, file, expectedFrames, signal }: { tools: VideoTools; file: string; expectedFrames?: number; signal?: AbortSignal }): Promise<DecodeCheck> {
  const run = await runFfprobe({ tools, args: decodeCheckArgs(file), signal, timeoutMs: 6 * 3600_000 });
  let frames: number | null = null;
  try {
    frames = Number((JSON.parse(run.stdout) as { streams?: { nb_read_frames?: string }[] }).streams?.[0]?.nb_read_frames ?? NaN);
    if (!Number.isFinite(frames)) frames = null;
  } catch {
    frames = null;
  }
  const problems = [run.stderrTail.trim(), expectedFrames !== undefined && frames !== expectedFrames ? `${frames ?? 'no'} frames decoded, ${expectedFrames} expected` : '']
    .filter(Boolean).join('\n');
  return { ok: run.exitCode === 0 && frames !== null && frames > 0 && !problems, frames, problems, args: run.args, ffprobeVersion: run.ffprobeVersion };
}

export interface ClipResult extends Derivation {
  mode: 'copy' | 'reencode'; container: Container; extension: string;
  requestedStartS: number; requestedEndS: number;
  /** Where the output really begins and ends, in seconds from the input's start (copy: from the key frame at or before the request). */
  realStartS: number; realEndS: number; durationS: number;
}

/**
 * A clip from startS to endS (seconds from the input's start). Re-encoded: from the frame boundary
 * nearest startS to the one nearest endS, so start, end and length are each within a frame of the
 * request. Stream copy: from the key frame at or before startS (it can begin nowhere else) to about
 * endS; the reply says where it really begins and ends.
 */
export async function cutClip({ startS, endS, mode, onProgress, ...run }: Run & Progress & { startS: number; endS: number; mode: 'copy' | 'reencode' }): Promise<ClipResult> {
  if (mode === 'copy' && run.caption) throw captionNeedsReencode();
  // The packets around the cut are read while the input is probed, on the likely guess that its
  // clock starts where the probe given says, or at 0; read again should the probe say otherwise.
  const guessS = run.probe ? run.probe.startTimeS : 0;
  const around = (startTimeS: number | null, atS: number) => framesAround({ tools: run.tools, file: run.input, startTimeS, atS, signal: run.signal });
  const early = [startS, ...(mode === 'reencode' ? [endS] : [])].map((atS) => around(guessS, atS));
  for (const read of early) read.catch(() => undefined); // not a video, or out of range: the probe says why
  const probe = await videoProbe(run);
  const { durationS } = probe;
  if (durationS === null) throw noTimestamps();
  if (!(startS >= 0) || !(endS > startS) || (durationS !== null && startS >= durationS)) {
    throw invalidRange({ reason: `A clip must start at or after 0 s, before the recording ends (${durationS ?? '?'} s), and end after it starts; asked for ${startS} s to ${endS} s.` });
  }
  const guessed = (probe.startTimeS ?? 0) === (guessS ?? 0);
  const near = (atS: number, i: number) => (guessed ? early[i] : around(probe.startTimeS, atS));
  const startFrames = await near(startS, 0);
  const first = requireFrame(mode === 'copy' ? keyFrameAtOrBefore(startFrames, startS) : frameStartingNearest(startFrames, startS), startS);
  const toEnd = durationS !== null && endS >= durationS;
  const end = mode === 'copy' || toEnd ? Math.min(endS, durationS ?? endS) : requireFrame(nearestBoundary(await near(endS, 1), endS), endS);
  if (!(end > first.s)) throw invalidRange({ reason: `A clip from ${startS} s to ${endS} s would be shorter than one frame.` });
  const seekS = seekTo(first.s);
  // A frame starting exactly at the end is not in the clip: stop a tenth of a millisecond before it.
  const lengthS = toEnd || mode === 'copy' ? end - seekS : end - first.s - 1e-4;
  const container = mode === 'copy' ? copyContainerFor(probe.container) : 'mp4';
  const caption = drawnCaption({ run, probe, zeroS: first.s, durationS: end - first.s });
  const args = clipArgs({
    input: INPUT, output: OUTPUT, startS: seekS, endS: seekS + lengthS, mode, container, caption,
    metadata: labelMetadata({ label: run.label, fromS: first.s, toS: end }),
  });
  const ran = await runFfmpeg({ tools: run.tools, args: reproduceArgs({ args, input: run.input, output: run.output }), durationS: lengthS, onProgress, signal: run.signal, timeoutMs: run.timeoutMs });
  const out = await measureOutput({ tools: run.tools, file: run.output, expectedS: lengthS, signal: run.signal });
  return {
    ...(await derivation({ ran, run, caption })),
    mode, container, extension: CONTAINER_EXTENSION[container], requestedStartS: startS, requestedEndS: endS,
    realStartS: round6(first.s + out.firstS), realEndS: round6(first.s + out.endS), durationS: round6(out.endS - out.firstS),
  };
}

export interface TranscodeResult extends Derivation { container: 'mp4'; extension: 'mp4'; durationS: number | null }

/** The whole input as an H.264/AAC MP4 anyone can play, every frame at its own time. */
export async function transcodeToMp4({ onProgress, ...run }: Run & Progress): Promise<TranscodeResult> {
  const probe = await videoProbe(run);
  const durationS = probe.durationS ?? undefined;
  const caption = drawnCaption({ run, probe, zeroS: 0, durationS });
  const args = transcodeArgs({
    input: INPUT, output: OUTPUT, caption,
    metadata: labelMetadata({ label: run.label, fromS: 0, toS: durationS }),
  });
  const ran = await runFfmpeg({ tools: run.tools, args: reproduceArgs({ args, input: run.input, output: run.output }), durationS, onProgress, signal: run.signal, timeoutMs: run.timeoutMs });
  return { ...(await derivation({ ran, run, caption })), container: 'mp4', extension: 'mp4', durationS: probe.durationS };
}

export interface StillResult extends Derivation { requestedAtS: number; /** The time of the frame drawn, in seconds from the input's start. */ frameS: number }

/** A PNG of the frame on screen at atS (seconds from the input's start), with the caption if asked. */
export async function renderStill({ atS, ...run }: Run & { atS: number }): Promise<StillResult> {
  const probe = await videoProbe(run);
  if (probe.durationS === null) throw noTimestamps();
  if (!(atS >= 0) || (probe.durationS !== null && atS >= probe.durationS)) throw invalidRange({ reason: `A still must be taken within the recording (0 to ${probe.durationS ?? '?'} s); asked for ${atS} s.` });
  const frames = await framesAround({ tools: run.tools, file: run.input, startTimeS: probe.startTimeS, atS, signal: run.signal });
  const frame = requireFrame(frameOnScreen(frames, atS), atS);
  const caption = drawnCaption({ run, probe, zeroS: frame.s });
  const args = stillArgs({ input: INPUT, output: OUTPUT, atS: seekTo(frame.s), caption });
  const ran = await runFfmpeg({ tools: run.tools, args: reproduceArgs({ args, input: run.input, output: run.output }), signal: run.signal, timeoutMs: run.timeoutMs });
  return { ...(await derivation({ ran, run, caption })), requestedAtS: atS, frameS: round6(frame.s) };
}

const round6 = (s: number) => Math.round(s * 1e6) / 1e6;

/** What a derivative records: the arguments as run, with the placeholders back in place of the paths. */
async function derivation({ ran, run, caption }: { ran: FfmpegRun; run: Run; caption?: DrawnCaption }): Promise<Derivation> {
  return {
    args: ran.args.map((a) => (a === run.input ? INPUT : a === run.output ? OUTPUT : a)),
    ffmpegVersion: ran.ffmpegVersion, ffprobeVersion: run.tools.ffprobeVersion,
    ...(caption ? { captionFont: { file: caption.fontFile, sha256: await sha256OfFile(caption.fontFile) } } : {}),
  };
}

const sha256OfFile = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex'); // a font: tens of kilobytes

async function videoProbe({ tools, input, probe, signal }: Run): Promise<VideoProbe> {
  if (probe) return probe;
  const outcome = await probeFile({ tools, file: input, signal });
  if (outcome.kind !== 'video') throw notAVideo({ reason: outcome.reason });
  return outcome.probe;
}

function drawnCaption({ run, probe, zeroS, durationS }: { run: Run; probe: VideoProbe; zeroS: number; durationS?: number }): DrawnCaption | undefined {
  if (!run.caption) return undefined;
  const { label = {} } = run;
  const zeroAt = trueTime({ label, atS: zeroS });
  return {
    lines: [label.exhibitRef, label.camera].filter((l): l is string => Boolean(l)),
    firstFrameAt: zeroAt, clockOffsetS: label.clockOffsetS, durationS,
    fontFile: run.fontFile ?? captionFontFile(), frameHeight: probe.video.height,
  };
}

const trueTime = ({ label, atS }: { label: Labelling; atS: number }) =>
  label.recorderStartAt ? new Date(label.recorderStartAt.getTime() + Math.round(((label.clockOffsetS ?? 0) + atS) * 1000)) : undefined;

function labelMetadata({ label, fromS, toS }: { label?: Labelling; fromS: number; toS?: number }): Record<string, string> | undefined {
  if (!label) return undefined;
  return workingCopyMetadata({
    exhibitRef: label.exhibitRef, camera: label.camera, clockOffsetS: label.clockOffsetS, parentSha256: label.parentSha256,
    recordedFrom: trueTime({ label, atS: fromS }), recordedTo: toS === undefined ? undefined : trueTime({ label, atS: toS }),
  });
}
