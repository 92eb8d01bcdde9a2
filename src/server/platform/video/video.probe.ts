import fs from 'node:fs/promises';
import { probeArgs } from './video.args';
import { runFfprobe, type VideoTools } from './video.run';
import { inspectStructure, type Structure } from './video.structure';

// What a file is, for ingest: a video (with what ffprobe says of it), not a video, a video cut
// short, or something ffprobe cannot read, which may be a recorder's own format and is kept as
// the master with a note. Not video and cut short are refused; the reason says why in plain words.

export interface VideoStream {
  index: number; codec: string; codecLongName: string; profile: string | null;
  width: number; height: number; pixelFormat: string | null;
  /** Frames per second (average where the file says, else the base rate), and the same as ffprobe's rational. */
  fps: number | null; fpsRational: string | null;
  durationS: number | null; frames: number | null;
}
export interface AudioStream { index: number; codec: string; codecLongName: string; sampleRate: number | null; channels: number | null; channelLayout: string | null }
export interface OtherStream { index: number; type: string; codec: string | null }

export interface VideoProbe {
  /** ffprobe's format name ('mov,mp4,m4a,3gp,3g2,mj2', 'avi', 'matroska,webm', ...) and its long name. */
  container: string; containerLongName: string;
  sizeBytes: number;
  durationS: number | null;
  /** The timestamp of the file's first frame on its own clock (often 0; not a date). */
  startTimeS: number | null;
  bitRate: number | null;
  /** The creation time the file carries (ISO 8601), if any: the recorder's clock, not proof of the true time. */
  creationTime: string | null;
  /** A SMPTE timecode the file carries, if any. */
  timecode: string | null;
  video: VideoStream;
  audio: AudioStream | null;
  streams: (VideoStream & { type: 'video' } | AudioStream & { type: 'audio' } | OtherStream)[];
}

interface Recorded { args: string[]; ffprobeVersion: string }
export type ProbeOutcome =
  | Recorded & { kind: 'video'; probe: VideoProbe }
  | Recorded & { kind: 'not_video'; reason: string }
  | Recorded & { kind: 'truncated'; reason: string }
  | Recorded & { kind: 'unreadable'; reason: string; note: string };

const HEAD_BYTES = 64 * 1024;
// Formats ffprobe reads as a "video" stream that are not video: single images and text shown as pictures.
const IMAGE_FORMAT = /(^|,)(image2|[a-z0-9]+_pipe|gif|apng|webp|ico|tty|bin|xbin|adf|idf)(,|$)/;
// Below this, ffprobe guessed from the file's name rather than recognised its contents.
const CONFIDENT_PROBE_SCORE = 25;

export async function probeFile({ tools, file, signal }: { tools: VideoTools; file: string; signal?: AbortSignal }): Promise<ProbeOutcome> {
  const args = probeArgs(file);
  const recorded = { args, ffprobeVersion: tools.ffprobeVersion };
  const structure = await readStructure(file);
  if (structure.size === 0) return { ...recorded, kind: 'not_video', reason: 'The file is empty.' };
  if (structure.truncated) return { ...recorded, kind: 'truncated', reason: structure.truncated };
  const run = await runFfprobe({ tools, args, signal });
  const json = parseJson(run.stdout);
  const outcome = classify({ json, structure, stderr: run.exitCode === 0 ? '' : run.stderrTail });
  return { ...recorded, ...outcome };
}

async function readStructure(file: string): Promise<Structure & { size: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    };
    const head = await read(0, HEAD_BYTES);
    return { ...(await inspectStructure({ head, size, read })), size };
  } finally {
    await handle.close();
  }
}

type Classified = { kind: 'video'; probe: VideoProbe } | { kind: 'not_video' | 'truncated'; reason: string } | { kind: 'unreadable'; reason: string; note: string };

/** Decides from ffprobe's JSON (pure, so the rules are tested without files). */
export function classify({ json, structure, stderr }: { json: FfprobeJson | undefined; structure: Structure & { size: number }; stderr: string }): Classified {
  const format = json?.format;
  const streams = json?.streams ?? [];
  const confident = Number(format?.probe_score ?? 0) >= CONFIDENT_PROBE_SCORE;
  const videoStreams = streams.filter((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (format && confident && videoStreams.length && !IMAGE_FORMAT.test(format.format_name ?? '')) {
    return { kind: 'video', probe: toProbe({ format, streams, sizeBytes: structure.size }) };
  }
  if (structure.nonVideo) return { kind: 'not_video', reason: `This is ${structure.nonVideo}, not a video recording.` };
  if (format && confident) {
    const formatName = format.format_name ?? '';
    if (formatName === 'tty') return { kind: 'not_video', reason: 'This is a text file, not a video recording.' };
    if (videoStreams.length) return { kind: 'not_video', reason: `This is a still image (${format.format_long_name ?? formatName}), not a video recording.` };
    if (streams.some((s) => s.codec_type === 'audio')) return { kind: 'not_video', reason: `This is an audio file (${format.format_long_name ?? formatName}) with no video.` };
    if (streams.length) return { kind: 'not_video', reason: `This file (${format.format_long_name ?? formatName}) holds no video, only ${[...new Set(streams.map((s) => s.codec_type ?? 'data'))].join(' and ')}.` };
  }
  const said = stderr.trim().split('\n').pop()?.replace(/^.*?:\s(?=[A-Z])/, '') || json?.error?.string || '';
  const family = structure.family === 'other' ? undefined : { isobmff: 'MP4/MOV', avi: 'AVI', matroska: 'Matroska' }[structure.family];
  return {
    kind: 'unreadable',
    reason: `ffprobe cannot read this file${said ? ` (it says: ${said})` : ''}${family ? `, although it is laid out as ${family}` : ''}.`,
    note: 'Kept as the master exactly as it came. It may be a recorder\'s own format: play it with the player the recorder\'s maker supplies (keep it with the export), and record which one was used. No working copy can be made from it here.',
  };
}

export interface FfprobeJson {
  format?: { format_name?: string; format_long_name?: string; duration?: string; start_time?: string; bit_rate?: string; probe_score?: number; tags?: Record<string, string> };
  streams?: FfprobeStream[];
  error?: { code: number; string: string };
}
interface FfprobeStream {
  index: number; codec_type?: string; codec_name?: string; codec_long_name?: string; profile?: string; width?: number; height?: number; pix_fmt?: string;
  avg_frame_rate?: string; r_frame_rate?: string; duration?: string; nb_frames?: string; sample_rate?: string; channels?: number; channel_layout?: string;
  disposition?: { attached_pic?: number }; tags?: Record<string, string>;
}

function parseJson(text: string): FfprobeJson | undefined {
  try {
    return JSON.parse(text) as FfprobeJson;
  } catch {
    return undefined;
  }
}

const num = (v: string | number | undefined): number | null => {
  const n = Number(v);
  return v === undefined || v === '' || v === 'N/A' || !Number.isFinite(n) ? null : n;
};

function rate(rational: string | undefined): { fps: number | null; fpsRational: string | null } {
  const m = /^(\d+)\/(\d+)$/.exec(rational ?? '');
  if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) return { fps: null, fpsRational: null };
  return { fps: Number(m[1]) / Number(m[2]), fpsRational: rational! };
}

function toVideoStream(s: FfprobeStream): VideoStream {
  const avg = rate(s.avg_frame_rate);
  return {
    index: s.index, codec: s.codec_name ?? 'unknown', codecLongName: s.codec_long_name ?? '', profile: s.profile ?? null,
    width: s.width ?? 0, height: s.height ?? 0, pixelFormat: s.pix_fmt ?? null,
    ...(avg.fps !== null ? avg : rate(s.r_frame_rate)), durationS: num(s.duration), frames: num(s.nb_frames),
  };
}

const toAudioStream = (s: FfprobeStream): AudioStream => ({
  index: s.index, codec: s.codec_name ?? 'unknown', codecLongName: s.codec_long_name ?? '', sampleRate: num(s.sample_rate), channels: s.channels ?? null, channelLayout: s.channel_layout ?? null,
});

function toProbe({ format, streams, sizeBytes }: { format: NonNullable<FfprobeJson['format']>; streams: FfprobeStream[]; sizeBytes: number }): VideoProbe {
  const all = streams.map((s) =>
    s.codec_type === 'video' && !s.disposition?.attached_pic ? { type: 'video' as const, ...toVideoStream(s) }
      : s.codec_type === 'audio' ? { type: 'audio' as const, ...toAudioStream(s) }
        : { index: s.index, type: s.codec_type ?? 'data', codec: s.codec_name ?? null });
  const tag = (name: string) => format.tags?.[name] ?? streams.map((s) => s.tags?.[name]).find(Boolean) ?? null;
  const creation = tag('creation_time');
  return {
    container: format.format_name ?? 'unknown', containerLongName: format.format_long_name ?? '', sizeBytes,
    durationS: num(format.duration), startTimeS: num(format.start_time), bitRate: num(format.bit_rate),
    creationTime: creation && !Number.isNaN(Date.parse(creation)) ? new Date(creation).toISOString() : null,
    timecode: tag('timecode'),
    video: toVideoStream(streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)!),
    audio: streams.some((s) => s.codec_type === 'audio') ? toAudioStream(streams.find((s) => s.codec_type === 'audio')!) : null,
    streams: all,
  };
}

const MP4_FAMILY = /(^|,)(mov|mp4)(,|$)/;

/** Plays in every current browser as it is: H.264 (8-bit 4:2:0) in MP4 or MOV, with AAC or MP3 audio or none. */
export function isBrowserPlayable(probe: VideoProbe): boolean {
  return MP4_FAMILY.test(probe.container) && probe.video.codec === 'h264' && (probe.video.pixelFormat === 'yuv420p' || probe.video.pixelFormat === 'yuvj420p')
    && (probe.audio === null || probe.audio.codec === 'aac' || probe.audio.codec === 'mp3');
}

/** Whether people need a transcoded working copy to play it in the browser (the master stays as it is). */
export const needsWorkingCopy = (probe: VideoProbe) => !isBrowserPlayable(probe);
