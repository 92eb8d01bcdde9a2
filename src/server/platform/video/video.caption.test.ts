import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  captionFilters, clockSegments, escapeDrawtextArgument, escapeDrawtextText, escapeGraph, escapeOptionValue, formatClockOffset, londonOffsetS,
} from './video.caption';

/** ffmpeg's av_get_token: reads up to an unescaped, unquoted terminator; `\` escapes, '...' quotes; unescaped whitespace trimmed at the ends. */
function getToken(s: string, terms: string): { token: string; rest: string } {
  let i = 0;
  while (i < s.length && ' \n\t\r'.includes(s[i])) i++;
  let out = '';
  let keep = 0; // length of out that trailing-whitespace trimming may not cut
  while (i < s.length && !terms.includes(s[i])) {
    if (s[i] === '\\' && i + 1 < s.length) {
      out += s[i + 1];
      keep = out.length;
      i += 2;
    } else if (s[i] === "'") {
      i++;
      while (i < s.length && s[i] !== "'") out += s[i++];
      keep = out.length;
      i++;
    } else {
      out += s[i++];
      if (!' \n\t\r'.includes(out.at(-1)!)) keep = out.length;
    }
  }
  return { token: out.slice(0, keep), rest: s.slice(i) };
}

/** drawtext's expansion of literal text (no %{...} in it). */
const expandLiteral = (s: string) => s.replace(/\\(.)/gs, '$1');

const text = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\t]/.test(s));

describe('caption escaping', () => {
  it('any text survives the filtergraph, the option and drawtext parsing unchanged, without splitting the filter', () => {
    fc.assert(fc.property(text, (line) => {
      const graph = escapeGraph(`text=${escapeOptionValue(escapeDrawtextText(line))}`);
      const filter = getToken(graph, '[],;');
      expect(filter.rest).toBe('');
      const value = getToken(filter.token.slice('text='.length), ':');
      expect(value.rest).toBe('');
      expect(expandLiteral(value.token)).toBe(line);
    }));
  });

  it('an argument inside %{...} comes back whole', () => {
    fc.assert(fc.property(text, (arg) => {
      const { token, rest } = getToken(escapeDrawtextArgument(arg), ':}');
      expect(rest).toBe('');
      expect(token).toBe(arg);
    }));
  });
});

describe('London time for the clock', () => {
  it("is GMT in winter and BST in summer, from Node's own time-zone data", () => {
    expect(londonOffsetS(new Date('2025-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetS(new Date('2025-07-15T12:00:00.750Z'))).toBe(3600);
  });

  it('splits the clock where the clocks change inside the video, and only there', () => {
    expect(clockSegments({ firstFrameAt: new Date('2025-03-30T00:59:58Z'), durationS: 4 })).toEqual([{ fromS: 0, toS: 2, offsetS: 0 }, { fromS: 2, offsetS: 3600 }]);
    expect(clockSegments({ firstFrameAt: new Date('2025-10-26T00:59:59.5Z'), durationS: 10 })).toEqual([{ fromS: 0, toS: 0.5, offsetS: 3600 }, { fromS: 0.5, offsetS: 0 }]);
    expect(clockSegments({ firstFrameAt: new Date('2025-03-30T02:00:00Z'), durationS: 3600 })).toEqual([{ fromS: 0, offsetS: 3600 }]);
    expect(clockSegments({ firstFrameAt: new Date('2025-03-30T00:59:58Z') })).toEqual([{ fromS: 0, offsetS: 0 }]);
  });

  it('says how the recorder clock was corrected', () => {
    expect(formatClockOffset(110)).toBe('+1 min 50 s');
    expect(formatClockOffset(-3)).toBe('-3 s');
    expect(formatClockOffset(3605)).toBe('+1 h 0 min 5 s');
  });
});

describe('captionFilters', () => {
  const fontFile = '/fonts/noto.woff';

  it('draws each fixed line and a clock whose epoch is the true time plus London\'s offset', () => {
    const filters = captionFilters({ fontFile, frameHeight: 432, caption: { lines: ['ABC/1', 'Cam 12'], firstFrameAt: new Date('2025-07-23T14:05:02Z'), clockOffsetS: 110 } });
    expect(filters).toHaveLength(3);
    expect(filters[0]).toContain('text=ABC/1');
    expect(filters[2]).toContain(`gmtime\\\\:${1753279502 + 3600}.000\\\\:`);
    expect(filters[2]).toContain('BST (recorder clock +1 min 50 s)');
    expect(filters.every((f) => f.startsWith(`drawtext=fontfile=${fontFile}:`))).toBe(true);
    // Bottom left, one row each, top to bottom.
    const ys = filters.map((f) => Number(/:y=(\d+)/.exec(f)![1]));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(ys[2]).toBeLessThan(432);
  });

  it('draws two clocks across a change, each enabled on its side, and none without a time', () => {
    const across = captionFilters({ fontFile, frameHeight: 240, caption: { lines: ['ABC/2'], firstFrameAt: new Date('2025-10-26T00:59:58Z'), durationS: 4 } });
    expect(across).toHaveLength(3);
    expect(across[1]).toContain('BST');
    expect(across[1]).toContain('enable=lt(t\\,2)');
    expect(across[2]).toContain('GMT');
    expect(across[2]).toContain('enable=gte(t\\,2)');
    expect(captionFilters({ fontFile, frameHeight: 240, caption: { lines: ['ABC/3', ' ', 'two\nlines'] } })).toHaveLength(2);
  });
});
