import { describe, expect, it } from 'vitest';
import {
  clipArgs, copyContainerFor, formatSeconds, INPUT, metadataArgs, OUTPUT, packetsArgs, probeArgs, reproduceArgs, stillArgs, transcodeArgs, workingCopyMetadata,
} from './video.args';

const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
const DETERMINISTIC = ['-threads', '1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
const caption = { lines: ['ABC/1'], fontFile: '/f.woff', frameHeight: 240 };

describe('clipArgs', () => {
  it('stream copy: seeks before the input, keeps every video and audio stream as it is, lasts end minus start', () => {
    const args = clipArgs({ input: INPUT, output: OUTPUT, startS: 4.8, endS: 9, mode: 'copy', container: 'avi' });
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(after(args, '-ss')).toBe('4.800000');
    expect(after(args, '-t')).toBe('4.200000');
    expect(after(args, '-c')).toBe('copy');
    expect(args).not.toContain('-vf');
    expect(args).not.toContain('-movflags'); // MP4 only
    expect(args.slice(-3)).toEqual(['-f', 'avi', OUTPUT]);
    expect(() => clipArgs({ input: INPUT, output: OUTPUT, startS: 0, endS: 1, mode: 'copy', caption })).toThrow(RangeError);
  });

  it('re-encode: H.264/AAC MP4 with fixed, single-threaded, bit-exact settings and only our metadata', () => {
    const args = clipArgs({ input: INPUT, output: OUTPUT, startS: 1.32, endS: 3.12, mode: 'reencode', metadata: { title: 'ABC/1 working copy' } });
    expect(after(args, '-c:v')).toBe('libx264');
    expect(after(args, '-crf')).toBe('18');
    expect(after(args, '-preset')).toBe('medium');
    expect(after(args, '-pix_fmt')).toBe('yuv420p');
    expect(after(args, '-c:a')).toBe('aac');
    expect(after(args, '-ar')).toBe('48000');
    expect(after(args, '-vsync')).toBe('vfr');
    expect(args.join(' ')).toContain(DETERMINISTIC.join(' '));
    expect(args.indexOf('-map_metadata')).toBeLessThan(args.indexOf('-metadata'));
    expect(after(args, '-metadata')).toBe('title=ABC/1 working copy');
    expect(after(args, '-movflags')).toBe('+faststart');
    expect(after(args, '-vf')).toBe('pad=ceil(iw/2)*2:ceil(ih/2)*2');
    expect(args.at(-1)).toBe(OUTPUT);
  });

  it('draws a caption after padding, and refuses a clip that ends before it starts', () => {
    const args = clipArgs({ input: INPUT, output: OUTPUT, startS: 0, endS: 1, mode: 'reencode', caption });
    expect(after(args, '-vf')).toMatch(/^pad=[^,]+,drawtext=fontfile=\/f\.woff:text=ABC\/1:/);
    expect(() => clipArgs({ input: INPUT, output: OUTPUT, startS: 2, endS: 2, mode: 'reencode' })).toThrow(RangeError);
  });
});

describe('the other builders', () => {
  it('transcode: the whole input, first video and audio stream, same encoder settings as a clip', () => {
    const args = transcodeArgs({ input: INPUT, output: OUTPUT });
    expect(args).not.toContain('-ss');
    expect(after(args, '-i')).toBe(INPUT);
    expect(args.filter((a) => a === '-map')).toHaveLength(2);
    const clip = clipArgs({ input: INPUT, output: OUTPUT, startS: 0, endS: 1, mode: 'reencode' });
    expect(args.slice(args.indexOf('-map'))).toEqual(clip.slice(clip.indexOf('-map')));
  });

  it('still: one PNG frame, bit-exact, from the seek point', () => {
    const args = stillArgs({ input: INPUT, output: OUTPUT, atS: 10.08, caption });
    expect(after(args, '-ss')).toBe('10.080000');
    expect(after(args, '-frames:v')).toBe('1');
    expect(after(args, '-c:v')).toBe('png');
    expect(after(args, '-vf')).toMatch(/^drawtext=/); // no padding: a PNG may have odd sides
    expect(args.join(' ')).toContain(DETERMINISTIC.join(' '));
    expect(args.slice(-5)).toEqual(['-f', 'image2', '-update', '1', OUTPUT]);
  });

  it('probe and packets: JSON from ffprobe, packets read between two times', () => {
    expect(probeArgs('/x.mp4')).toEqual(['-v', 'error', '-show_error', '-show_format', '-show_streams', '-print_format', 'json', '/x.mp4']);
    expect(after(packetsArgs({ file: '/x.mp4', fromS: 10, toS: 11.5 }), '-read_intervals')).toBe('10.000000%11.500000');
    expect(after(packetsArgs({ file: '/x.mp4', toS: 2 }), '-read_intervals')).toBe('%2.000000');
    expect(packetsArgs({ file: '/x.mp4' })).not.toContain('-read_intervals');
    expect(after(packetsArgs({ file: '/x.mp4', intervals: [{ forS: 3 }, { fromS: 57, toS: 60 }, { fromS: 58, forS: 9 }] }), '-read_intervals')).toBe('%+3.000000,57.000000%60.000000,58.000000%+9.000000');
  });

  it('seconds to the microsecond, as ffmpeg reads them', () => {
    expect(formatSeconds(1.0343666)).toBe('1.034367');
    expect(formatSeconds(0)).toBe('0.000000');
  });
});

describe('recorded arguments', () => {
  it('reproduceArgs puts paths in place of the placeholders and nothing else', () => {
    const args = ['-i', INPUT, '-metadata', 'comment={input}x', OUTPUT];
    expect(reproduceArgs({ args, input: '/in.avi', output: '/out.mp4' })).toEqual(['-i', '/in.avi', '-metadata', 'comment={input}x', '/out.mp4']);
  });

  it('a stream copy keeps the input\'s kind of container where ffmpeg writes it', () => {
    expect(copyContainerFor('mov,mp4,m4a,3gp,3g2,mj2')).toBe('mp4');
    expect(copyContainerFor('avi')).toBe('avi');
    expect(copyContainerFor('mpegts')).toBe('mpegts');
    expect(copyContainerFor('h264')).toBe('matroska');
  });

  it('labels a working copy for a digital evidence system', () => {
    const meta = workingCopyMetadata({
      exhibitRef: 'ABC/1', camera: 'Cam 12', recordedFrom: new Date('2025-11-23T14:05:00Z'), recordedTo: new Date('2025-11-23T14:06:00Z'), clockOffsetS: 110, parentSha256: 'f'.repeat(64),
    });
    expect(meta).toEqual({
      title: 'ABC/1 working copy',
      comment: `Exhibit ABC/1. Camera Cam 12. Recorded 2025-11-23T14:05:00.000Z to 2025-11-23T14:06:00.000Z (true time, UTC). Recorder clock offset +110 s (true minus recorder). Working copy of master SHA-256 ${'f'.repeat(64)}`,
      description: expect.any(String), date: '2025-11-23T14:05:00.000Z', creation_time: '2025-11-23T14:05:00.000Z',
    });
    expect(workingCopyMetadata({})).toEqual({});
    expect(metadataArgs({ title: 'a=b' })).toEqual(['-metadata', 'title=a=b']);
  });
});
