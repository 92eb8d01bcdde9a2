import type { ProbeSummary } from '../../api/evidence';
import { formatDate, formatDateTime, londonParts } from '../../../domain/calendar/london';
import { describeDuration } from '../../../domain/evidence/words';

// How the evidence pages say hashes, sizes, clocks and what ffprobe found. The wording of sizes,
// durations, clock offsets and continuity details is the package documents' own, so that the screen
// and the paper say the same thing.
// (Pure, and to move to src/domain/evidence/ so that the web app need not reach into the server's folder.)
export { describeClock, describeDuration, describeEventDetails, describeSize } from '../../../domain/evidence/words';

/** "3f7a9c1e…b04d": enough to tell hashes apart at a glance; the full one goes beside it for reading aloud. */
export const shortHash = (sha256: string) => (sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256);

/** "1.2 GB": a size at a glance. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let unit = '';
  for (const u of units) { if (v < 1000) break; v /= 1000; unit = u; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${unit}`;
}

const CODECS: Record<string, string> = { h264: 'H.264', hevc: 'H.265', mpeg4: 'MPEG-4 part 2', mjpeg: 'Motion JPEG', aac: 'AAC', mp3: 'MP3', pcm_s16le: 'PCM' };
const codec = (name: string) => CODECS[name] ?? name;
const fps = (n: number) => `${Number(n.toFixed(3))} fps`;

/** What ffprobe found, in one line: "mov,mp4,m4a; 1 min 2 s; video H.264 1920×1080 at 25 fps; audio AAC 48000 Hz, 2 channels; starts 23 Nov 2025, 14:05:09". */
export function describeProbe(probe: ProbeSummary | null): string {
  if (!probe) return 'Not readable here: kept as exported';
  const v = probe.video;
  const a = probe.audio;
  return [
    probe.container,
    probe.durationS !== null ? describeDuration(probe.durationS) : 'length unknown',
    v ? `video ${codec(v.codec)}${v.width && v.height ? ` ${v.width}×${v.height}` : ''}${v.fps ? ` at ${fps(v.fps)}` : ''}` : 'no video',
    a ? `audio ${codec(a.codec)}${a.sampleRate ? ` ${a.sampleRate} Hz` : ''}${a.channels ? `, ${a.channels} channel${a.channels === 1 ? '' : 's'}` : ''}` : 'no audio',
    probe.startTime ? `starts ${formatDateTime(probe.startTime, { seconds: true })} by its own clock` : '',
  ].filter(Boolean).join('; ');
}

/**
 * When access ends, as people say it: a release ends at midnight UK time (the start of the day
 * after the one chosen), which reads as "End of 27 April 2026", not "28 Apr 2026, 00:00".
 */
export function describeExpiry(iso: string): string {
  const at = new Date(iso);
  const p = londonParts(at);
  return p.hour === 0 && p.minute === 0 && p.second === 0 ? `End of ${formatDate(new Date(at.getTime() - 1000))}` : formatDateTime(iso);
}

/** "ffmpeg version 7.1.1-static https://… Copyright …" -> "7.1.1-static": the version, as a table shows it (the whole line goes in the details). */
export function ffmpegVersionOf(banner: string): string {
  return /version\s+(\S+)/.exec(banner)?.[1] ?? banner;
}
