import { captionFilters, type Caption } from './video.caption';

// ffmpeg and ffprobe arguments, built by pure functions so that what a derivative records is what
// made it, and a test can read it. The operations (video.ts) build with the placeholders below in
// place of the input and output paths and record those; reproduceArgs() puts paths back in.
//
// Re-encodes are deterministic: one thread, bit-exact flags, no copied metadata (only ours), a fixed
// encoder setting. The same ffmpeg on the same input then writes the same bytes, so the recorded
// arguments reproduce a working copy with the same SHA-256.

export const INPUT = '{input}';
export const OUTPUT = '{output}';

const HEAD = ['-hide_banner', '-nostdin', '-y'];
const BITEXACT = ['-threads', '1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
export const H264 = ['-c:v', 'libx264', '-preset', 'medium', '-crf', '18', '-profile:v', 'high', '-pix_fmt', 'yuv420p'];
export const AAC = ['-c:a', 'aac', '-b:a', '128k', '-ar', '48000'];
// Every frame keeps its own timestamp (CCTV is often variable frame rate): none duplicated or dropped to fill a rate.
const KEEP_FRAMES = ['-vsync', 'vfr'];
// H.264 in 4:2:0 needs even sides: pad with one black row or column rather than crop a line of evidence.
const EVEN_SIDES = 'pad=ceil(iw/2)*2:ceil(ih/2)*2';

/** A caption with what it takes to draw it: the font file and the height of the picture. */
export interface DrawnCaption extends Caption { fontFile: string; frameHeight: number }

export type Container = 'mp4' | 'mov' | 'avi' | 'matroska' | 'mpegts';
export const CONTAINER_EXTENSION: Record<Container, string> = { mp4: 'mp4', mov: 'mov', avi: 'avi', matroska: 'mkv', mpegts: 'ts' };

/** Seconds as ffmpeg reads them (microseconds, its own resolution). */
export const formatSeconds = (s: number) => (Math.round(s * 1e6) / 1e6).toFixed(6);

/** Arguments that label the output: ours only, in place of whatever the input carried. */
export function metadataArgs(metadata: Record<string, string> = {}): string[] {
  return Object.entries(metadata).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

const mp4Flags = (container: Container) => (container === 'mp4' || container === 'mov' ? ['-movflags', '+faststart'] : []);

function videoFilter({ caption, even }: { caption?: DrawnCaption; even: boolean }): string[] {
  const filters = [...(even ? [EVEN_SIDES] : []), ...(caption ? captionFilters({ caption, frameHeight: caption.frameHeight, fontFile: caption.fontFile }) : [])];
  return filters.length ? ['-vf', filters.join(',')] : [];
}

export function probeArgs(file: string): string[] {
  return ['-v', 'error', '-show_error', '-show_format', '-show_streams', '-print_format', 'json', file];
}

/** The first video stream's packets (timestamps and key-frame flags, no decoding), between two times on the file's own clock. */
/** A stretch of a file to read: from fromS (or its start) to toS, or for forS seconds (this ffprobe reads nothing of an interval left open at the end). */
export interface ReadInterval { fromS?: number; toS?: number; forS?: number }

export function packetsArgs({ file, fromS, toS, intervals }: { file: string; fromS?: number; toS?: number; intervals?: ReadInterval[] }): string[] {
  const wanted = intervals ?? (fromS === undefined && toS === undefined ? [] : [{ fromS, toS }]);
  const end = (i: ReadInterval) => (i.forS !== undefined ? `+${formatSeconds(i.forS)}` : i.toS === undefined ? '' : formatSeconds(i.toS));
  const interval = (i: ReadInterval) => `${i.fromS === undefined ? '' : formatSeconds(i.fromS)}%${end(i)}`;
  const read = wanted.length ? ['-read_intervals', wanted.map(interval).join(',')] : [];
  return ['-v', 'error', '-select_streams', 'v:0', ...read, '-show_entries', 'packet=pts,duration,flags:stream=time_base:format=start_time', '-print_format', 'json', file];
}

/** Decodes every picture of the first video stream and counts them (errors go to stderr). */
export function decodeCheckArgs(file: string): string[] {
  return ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-print_format', 'json', file];
}

export interface ClipSpec {
  input: string; output: string;
  /** Where the cut starts and ends, in seconds from the start of the file. */
  startS: number; endS: number;
  /** copy: the packets as they are, from the key frame at startS; reencode: frame-accurate H.264/AAC MP4. */
  mode: 'copy' | 'reencode';
  caption?: DrawnCaption;
  metadata?: Record<string, string>;
  /** For copy only (a re-encode is always MP4): the input's own kind of container, see copyContainerFor. */
  container?: Container;
}

export function clipArgs({ input, output, startS, endS, mode, caption, metadata, container = 'mp4' }: ClipSpec): string[] {
  if (!(endS > startS) || startS < 0) throw new RangeError(`clip from ${startS} to ${endS} s`);
  const cut = ['-ss', formatSeconds(startS), '-i', input, '-t', formatSeconds(endS - startS)];
  if (mode === 'copy') {
    if (caption) throw new RangeError('a caption needs a re-encode');
    return [...HEAD, ...cut, '-map', '0:v', '-map', '0:a?', '-c', 'copy', '-map_metadata', '-1', '-map_chapters', '-1', ...metadataArgs(metadata),
      '-fflags', '+bitexact', ...mp4Flags(container), '-f', container, output];
  }
  return [...HEAD, ...cut, ...encodeToMp4({ caption, metadata }), output];
}

export function transcodeArgs({ input, output, caption, metadata }: { input: string; output: string; caption?: DrawnCaption; metadata?: Record<string, string> }): string[] {
  return [...HEAD, '-i', input, ...encodeToMp4({ caption, metadata }), output];
}

function encodeToMp4({ caption, metadata }: { caption?: DrawnCaption; metadata?: Record<string, string> }): string[] {
  return ['-map', '0:v:0', '-map', '0:a:0?', ...videoFilter({ caption, even: true }), ...KEEP_FRAMES, ...H264, ...AAC, ...BITEXACT,
    '-max_muxing_queue_size', '4096', '-map_metadata', '-1', '-map_chapters', '-1', ...metadataArgs(metadata), ...mp4Flags('mp4'), '-f', 'mp4'];
}

/** One PNG of the frame on screen at atS (seconds from the start of the file). */
export function stillArgs({ input, output, atS, caption }: { input: string; output: string; atS: number; caption?: DrawnCaption }): string[] {
  return [...HEAD, '-ss', formatSeconds(atS), '-i', input, '-map', '0:v:0', '-frames:v', '1', ...videoFilter({ caption, even: false }),
    '-c:v', 'png', '-pix_fmt', 'rgb24', ...BITEXACT, '-map_metadata', '-1', '-f', 'image2', '-update', '1', output];
}

/** The container a stream-copy clip keeps: the input's own kind where ffmpeg writes it, else Matroska (which holds nearly any codec). */
export function copyContainerFor(formatName: string): Container {
  const names = formatName.split(',');
  if (names.includes('mp4') || names.includes('mov')) return 'mp4';
  if (names.includes('avi')) return 'avi';
  if (names.includes('mpegts')) return 'mpegts';
  return 'matroska';
}

/** Recorded arguments with real paths in place of the placeholders: run them with the recorded ffmpeg to make the derivative again. */
export function reproduceArgs({ args, input, output }: { args: string[]; input: string; output: string }): string[] {
  return args.map((a) => (a === INPUT ? input : a === OUTPUT ? output : a));
}

export interface WorkingCopyLabel {
  exhibitRef?: string; camera?: string;
  /** True (corrected) times of the first and last frame. */
  recordedFrom?: Date; recordedTo?: Date;
  clockOffsetS?: number;
  parentSha256?: string;
}

/** MP4 (iTunes-style) tags a digital evidence system reads: title, comment, description, date and the creation time. */
export function workingCopyMetadata(label: WorkingCopyLabel): Record<string, string> {
  const parts = [
    label.exhibitRef && `Exhibit ${label.exhibitRef}`,
    label.camera && `Camera ${label.camera}`,
    label.recordedFrom && `Recorded ${label.recordedFrom.toISOString()}${label.recordedTo ? ` to ${label.recordedTo.toISOString()}` : ''} (true time, UTC)`,
    label.clockOffsetS !== undefined && `Recorder clock offset ${label.clockOffsetS >= 0 ? '+' : ''}${label.clockOffsetS} s (true minus recorder)`,
    label.parentSha256 && `Working copy of master SHA-256 ${label.parentSha256}`,
  ].filter((p): p is string => Boolean(p));
  const text = parts.join('. ');
  return {
    ...(label.exhibitRef ? { title: `${label.exhibitRef} working copy` } : {}),
    ...(text ? { comment: text, description: text } : {}),
    ...(label.recordedFrom ? { date: label.recordedFrom.toISOString(), creation_time: label.recordedFrom.toISOString() } : {}),
  };
}
