import { describe, expect, it } from 'vitest';
import { describeExpiry, describeProbe, ffmpegVersionOf, formatBytes, shortHash } from './words';

describe('evidence words', () => {
  it('shortens a hash to its ends', () => {
    expect(shortHash('3f7a9c1e' + '0'.repeat(52) + 'b04d')).toBe('3f7a9c1e…b04d');
    expect(shortHash('abc')).toBe('abc');
  });

  it('gives sizes at a glance', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(52_000_000)).toBe('52 MB');
    expect(formatBytes(2_000_000_000)).toBe('2.0 GB');
  });

  it('says what ffprobe found', () => {
    expect(describeProbe({
      container: 'mov,mp4,m4a,3gp,3g2,mj2', durationS: 62, startTime: '2025-11-23T14:05:09Z',
      video: { codec: 'h264', width: 1920, height: 1080, fps: 25 }, audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    })).toBe('mov,mp4,m4a,3gp,3g2,mj2; 1 min 2 s; video H.264 1920×1080 at 25 fps; audio AAC 48000 Hz, 2 channels; starts 23 Nov 2025, 14:05:09 by its own clock');
    expect(describeProbe({ container: 'avi', durationS: null, startTime: null, video: { codec: 'mpeg4', width: null, height: null, fps: 30000 / 1001 }, audio: null }))
      .toBe('avi; length unknown; video MPEG-4 part 2 at 29.97 fps; no audio');
    expect(describeProbe(null)).toMatch(/kept as exported/);
  });

  it('says a release that ends at midnight ends at the end of the day before', () => {
    expect(describeExpiry('2026-04-27T23:00:00.000Z')).toBe('End of 27 April 2026'); // midnight BST
    expect(describeExpiry('2026-01-15T00:00:00.000Z')).toBe('End of 14 January 2026'); // midnight GMT
    expect(describeExpiry('2026-01-15T12:30:00.000Z')).toBe('15 Jan 2026, 12:30');
  });

  it('takes the version out of ffmpeg\'s banner', () => {
    expect(ffmpegVersionOf('ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/ Copyright (c) 2000-2018 the FFmpeg developers')).toBe('N-47683-g0e8eb07980-static');
    expect(ffmpegVersionOf('7.1')).toBe('7.1');
  });
});
