import { formatDate, formatTimestamp, londonParts } from '../calendar/london';
import { CONTINUITY_KINDS } from './contract';

// How a package's documents (the manifest in words, the continuity record, the witness statement)
// say times, durations, sizes and handlings: UK time, plain English, every digit that matters.

const pad = (n: number) => String(n).padStart(2, '0');

/** "23/11/2025, 14:05:09" UK time; '—' for none. */
export const ukTimestamp = (iso: string | null | undefined) => formatTimestamp(iso) || '—';

/** "14:05:09" UK time. */
export function ukClock(iso: string): string {
  const p = londonParts(new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "23 November 2025 at 14:05:09", UK time, for prose. */
export const ukWhen = (iso: string) => `${formatDate(iso)} at ${ukClock(iso)}`;

/** "1 h 2 min 5 s", "1 min 50 s", "0.4 s". */
export function describeDuration(seconds: number): string {
  const s = Math.abs(seconds);
  const whole = Math.floor(s);
  const fraction = Math.round((s - whole) * 1000) / 1000;
  const [h, m, sec] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), (whole % 60) + fraction];
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', sec || (!h && !m) ? `${Number(sec.toFixed(3))} s` : ''];
  return parts.filter(Boolean).join(' ');
}

export interface ClockCheck { recorderShowed: string; trueTime: string; offsetSeconds: number }

/**
 * "the recorder showed 14:03:10 when the true time was 14:05:00 (recorder 1 min 50 s slow)". The
 * direction comes from the two readings themselves, not from the sign of a stored offset.
 */
export function describeClock(clock: ClockCheck): string {
  const diff = (Date.parse(clock.trueTime) - Date.parse(clock.recorderShowed)) / 1000;
  const sameDay = formatDate(clock.recorderShowed) === formatDate(clock.trueTime);
  const showed = sameDay ? ukClock(clock.recorderShowed) : ukWhen(clock.recorderShowed);
  const truth = sameDay ? ukClock(clock.trueTime) : ukWhen(clock.trueTime);
  const verdict = diff === 0 ? 'recorder correct' : `recorder ${describeDuration(diff)} ${diff > 0 ? 'slow' : 'fast'}`;
  return `the recorder showed ${showed} when the true time was ${truth} (${verdict})`;
}

/** "1,234,567 bytes (1.2 MB)". */
export function describeSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let unit = '';
  for (const u of units) { if (v < 1000) break; v /= 1000; unit = u; }
  return `${bytes.toLocaleString('en-GB')} byte${bytes === 1 ? '' : 's'}${unit ? ` (${v.toFixed(1)} ${unit})` : ''}`;
}

export const CONTINUITY_KIND_WORDS: Record<keyof typeof CONTINUITY_KINDS, string> = CONTINUITY_KINDS;

const named = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : String(v));

// The details continuity events carry, in words; anything else is shown as it is.
const DETAIL_WORDS: Record<string, [string, (v: unknown) => string]> = {
  bagNumber: ['Bag number', String],
  to: ['Handed to', named],
  from: ['From', named],
  handoverSeq: ['Hand-over event', (v) => `#${v}`],
  signatureSha256: ['Signature image SHA-256', String],
  derivative: ['Copy', (v) => { const d = v as { reference?: string; sha256?: string }; return [d.reference, d.sha256 && `SHA-256 ${d.sha256}`].filter(Boolean).join(', '); }],
  parentSha256: ['Made from SHA-256', String],
  ffmpegVersion: ['ffmpeg version', String],
  ffmpegArgs: ['ffmpeg arguments', (v) => (Array.isArray(v) ? v.join(' ') : String(v))],
  file: ['File', (v) => { const f = v as { reference?: string; sha256?: string }; return [f.reference, f.sha256 && `SHA-256 ${f.sha256}`].filter(Boolean).join(', '); }],
  package: ['Package', (v) => { const p = v as { reference?: string; sha256?: string }; return [p.reference, p.sha256 && `SHA-256 ${p.sha256}`].filter(Boolean).join(', '); }],
  recordedFrom: ['Recorded from', (v) => ukTimestamp(v as string)],
  recordedTo: ['Recorded to', (v) => ukTimestamp(v as string)],
  clock: ['Recorder clock', (v) => describeClock(v as ClockCheck)],
  realStartS: ['Really starts at', (v) => `${Number(v).toFixed(3)} s into the master`],
  realEndS: ['Really ends at', (v) => `${Number(v).toFixed(3)} s into the master`],
  occurrenceIds: ['Occurrences linked', (v) => (Array.isArray(v) ? `${v.length}` : String(v))],
  organisation: ['Organisation', named],
  lawfulBasis: ['Lawful basis', String],
  crimeReference: ['Crime reference', String],
  releaseId: ['Release', String],
  masters: ['Masters', (v) => (Array.isArray(v) ? v.map((m) => [m.name, m.sha256 && `SHA-256 ${m.sha256}`].filter(Boolean).join(', ')).join('; ') : String(v))],
};

/** An event's details as label–value pairs, known ones in words, the rest as JSON; nulls left out. */
export function describeEventDetails(details: Record<string, unknown>): [string, string][] {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const known = DETAIL_WORDS[k];
      if (known) {
        try { return [known[0], known[1](v)]; } catch { /* shown as it is below */ }
      }
      return [k, typeof v === 'string' ? v : JSON.stringify(v)];
    });
}
