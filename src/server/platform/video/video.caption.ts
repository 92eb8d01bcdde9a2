import { londonParts } from '../../../domain/calendar/london';

// The burned-in caption: fixed lines (exhibit reference, camera) and a clock that runs with the
// video in London time, dd/mm/yyyy HH:MM:SS, corrected by the recorder's clock offset.
//
// The clock is drawtext's %{pts:gmtime:EPOCH:FORMAT}: the frame's timestamp plus EPOCH, printed as
// UTC. We pass EPOCH = the true UTC time of the output's first frame + London's offset from UTC at
// that moment, so the "UTC" printed is London's wall clock. ffmpeg then never consults a time-zone
// database (its own or the machine's); the offset comes from Node's bundled ICU data through
// domain/calendar/london.ts, the same one every other London time in Vigil uses. Where the clocks
// change inside the output, the clock is two drawtext filters, each enabled on its side of the change.

export interface Caption {
  /** Fixed lines above the clock: exhibit reference, camera. */
  lines: string[];
  /** True (corrected) time of the output's first frame; undefined: no clock line. */
  firstFrameAt?: Date;
  /** True time minus the recorder's time, in seconds (recorder showed 14:03:10, true 14:05:00: +110), shown beside the clock. */
  clockOffsetS?: number;
  /** How long the output runs, so that a change to or from BST inside it is drawn right. */
  durationS?: number;
}

// Each level of ffmpeg's parsing takes its own escapes (libavfilter's "Notes on filtergraph escaping").
/** drawtext's own text: `\` escapes, `%{...}` expands. */
export const escapeDrawtextText = (s: string) => s.replace(/[\\%]/g, '\\$&');
/** An argument inside %{...}: split on `:` and ended by `}`, tokenised with quotes. */
export const escapeDrawtextArgument = (s: string) => s.replace(/[\\:}']/g, '\\$&');
/** A filter option's value (key=value pairs separated by `:`). */
export const escapeOptionValue = (s: string) => s.replace(/[\\:']/g, '\\$&');
/** The filter's argument string inside the filtergraph (filters separated by `,` and `;`, links in `[]`). */
export const escapeGraph = (s: string) => s.replace(/[\\'[\],;]/g, '\\$&');

/** London's offset from UTC at an instant, in seconds (0 in GMT, 3600 in BST). */
export function londonOffsetS(at: Date): number {
  const p = londonParts(at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

export interface ClockSegment { fromS: number; toS?: number; offsetS: number }

/** The stretches of the output (seconds from its first frame) with one London offset each: one, or two across a clock change. */
export function clockSegments({ firstFrameAt, durationS }: { firstFrameAt: Date; durationS?: number }): ClockSegment[] {
  const at = (s: number) => new Date(firstFrameAt.getTime() + s * 1000);
  const first = londonOffsetS(firstFrameAt);
  if (durationS === undefined || durationS <= 0 || londonOffsetS(at(durationS)) === first) return [{ fromS: 0, offsetS: first }];
  // Clock changes are months apart, so a clip holds at most one: find it to the millisecond.
  let lo = 0;
  let hi = durationS;
  while (hi - lo > 0.001) {
    const mid = (lo + hi) / 2;
    if (londonOffsetS(at(mid)) === first) lo = mid;
    else hi = mid;
  }
  const change = Math.round(hi * 1000) / 1000;
  return [{ fromS: 0, toS: change, offsetS: first }, { fromS: change, offsetS: londonOffsetS(at(durationS)) }];
}

/** "+1 min 50 s", "-3 s", "+1 h 0 min 5 s". */
export function formatClockOffset(offsetS: number): string {
  const sign = offsetS < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetS));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (h) return `${sign}${h} h ${m} min ${s} s`;
  if (m) return `${sign}${m} min ${s} s`;
  return `${sign}${s} s`;
}

/** The caption's size and place, from the picture's height: bottom left, one line per row. */
export function captionLayout({ frameHeight, lineCount }: { frameHeight: number; lineCount: number }) {
  const fontSize = Math.max(12, Math.round(frameHeight / 27));
  const margin = Math.round(fontSize / 2);
  const lineHeight = Math.round(fontSize * 1.5);
  const rowY = (row: number) => Math.max(0, frameHeight - margin - (lineCount - row) * lineHeight);
  return { fontSize, margin, rowY };
}

/** The drawtext filters for a caption, each escaped for a filtergraph, to join with ','. */
export function captionFilters({ caption, frameHeight, fontFile }: { caption: Caption; frameHeight: number; fontFile: string }): string[] {
  const lines = caption.lines.map((l) => l.replace(/[\r\n\t]+/g, ' ').trim()).filter(Boolean);
  const clock = caption.firstFrameAt ? 1 : 0;
  const { fontSize, margin, rowY } = captionLayout({ frameHeight, lineCount: lines.length + clock });
  const borderW = Math.max(2, Math.round(fontSize / 5));
  const drawtext = ({ text, row, enable }: { text: string; row: number; enable?: string }) => {
    const options: [string, string][] = [
      ['fontfile', fontFile], ['text', text], ['fontsize', String(fontSize)], ['fontcolor', 'white'],
      ['box', '1'], ['boxcolor', 'black@0.6'], ['boxborderw', String(borderW)], ['x', String(margin)], ['y', String(rowY(row))],
    ];
    if (enable) options.push(['enable', enable]);
    return escapeGraph(`drawtext=${options.map(([k, v]) => `${k}=${escapeOptionValue(v)}`).join(':')}`);
  };
  const filters = lines.map((line, row) => drawtext({ text: escapeDrawtextText(line), row }));
  if (caption.firstFrameAt) {
    const at = caption.firstFrameAt;
    const offsetNote = caption.clockOffsetS ? ` (recorder clock ${formatClockOffset(caption.clockOffsetS)})` : '';
    for (const segment of clockSegments({ firstFrameAt: at, durationS: caption.durationS })) {
      const epoch = (at.getTime() / 1000 + segment.offsetS).toFixed(3);
      const zone = segment.offsetS === 0 ? 'GMT' : segment.offsetS === 3600 ? 'BST' : 'UK time';
      const expansion = ['pts', 'gmtime', epoch, '%d/%m/%Y %H:%M:%S'].map(escapeDrawtextArgument).join(':');
      const text = `%{${expansion}}${escapeDrawtextText(` ${zone}${offsetNote}`)}`;
      const enable = segment.toS !== undefined ? `lt(t,${segment.toS})` : segment.fromS > 0 ? `gte(t,${segment.fromS})` : undefined;
      filters.push(drawtext({ text, row: lines.length, enable }));
    }
  }
  return filters;
}
