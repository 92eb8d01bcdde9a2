import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grayPixels, makeTestVideo, meanDifference, sampleClip, sha256File, tempDir } from '../../../../test/support/video';
import { checkDecodes, cutClip, isBrowserPlayable, probeFile, renderStill, reproduceArgs, runFfmpeg, transcodeToMp4, type VideoProbe } from './video';
import { captionLayout } from './video.caption';
import { locateVideoTools, type VideoTools } from './video.run';

// Working copies other than clips: stills with and without the caption, and whole transcodes of
// legacy recordings into MP4 that a browser plays.

let tools: VideoTools;
const tmp = tempDir();
beforeAll(async () => {
  tools = await locateVideoTools();
});
afterAll(() => tmp.remove());

async function probeOf(file: string): Promise<VideoProbe> {
  const outcome = await probeFile({ tools, file });
  if (outcome.kind !== 'video') throw new Error(outcome.reason);
  return outcome.probe;
}

const label = { exhibitRef: 'ABC/1', camera: 'Cam 12 High St', recorderStartAt: new Date('2025-11-23T14:03:10Z'), clockOffsetS: 110 };

describe('renderStill', () => {
  it('draws the caption into the picture, and only there', async () => {
    const [width, height] = [768, 432];
    const plain = await renderStill({ tools, input: sampleClip, output: tmp.file('plain.png'), atS: 10 });
    const captioned = await renderStill({ tools, input: sampleClip, output: tmp.file('captioned.png'), atS: 10, caption: true, label });
    expect(plain.frameS).toBeCloseTo(10, 6);
    expect(captioned.frameS).toBe(plain.frameS);
    const a = await grayPixels({ tools, file: tmp.file('plain.png'), width, height });
    const b = await grayPixels({ tools, file: tmp.file('captioned.png'), width, height });
    const { margin, rowY, fontSize } = captionLayout({ frameHeight: height, lineCount: 3 });
    const captionArea = { x: margin, y: rowY(0), w: 10 * fontSize, h: height - margin - rowY(0) };
    expect(meanDifference({ a, b, width, box: captionArea })).toBeGreaterThan(20);
    expect(meanDifference({ a, b, width, box: { x: width / 2, y: 0, w: width / 2, h: height / 2 } })).toBe(0);
  });

  it('takes the frame on screen at the time asked, and its recorded arguments make the same PNG again', async () => {
    const still = await renderStill({ tools, input: sampleClip, output: tmp.file('at.png'), atS: 10.15, caption: true, label });
    expect(still.frameS).toBeCloseTo(10.08, 6); // 12.5 fps: frames at 10.08 and 10.16
    const again = tmp.file('at-again.png');
    await runFfmpeg({ tools, args: reproduceArgs({ args: still.args, input: sampleClip, output: again }) });
    expect(sha256File(again)).toBe(sha256File(tmp.file('at.png')));
  });

  it('refuses a time outside the recording', async () => {
    await expect(renderStill({ tools, input: sampleClip, output: tmp.file('late.png'), atS: 31 })).rejects.toMatchObject({ code: 'video.invalid_range' });
  });
});

describe('transcodeToMp4', () => {
  it.each([
    ['DivX-style MPEG-4 part 2', ['-c:v', 'mpeg4', '-vtag', 'DIVX', '-c:a', 'libmp3lame']],
    ['Motion JPEG', ['-c:v', 'mjpeg', '-c:a', 'pcm_s16le']],
  ])('makes a playable H.264/AAC MP4 of a %s AVI, every frame kept, and leaves the AVI as it was', async (_name, codec) => {
    const input = await makeTestVideo({ tools, output: tmp.file(`${codec[1]}.avi`), seconds: 2, codec });
    const before = sha256File(input);
    const source = await probeOf(input);
    expect(isBrowserPlayable(source)).toBe(false);
    const output = tmp.file(`${codec[1]}.mp4`);
    const result = await transcodeToMp4({ tools, input, output, label: { ...label, parentSha256: before } });
    const copy = await probeOf(output);
    expect(isBrowserPlayable(copy)).toBe(true);
    expect(copy).toMatchObject({ video: { codec: 'h264', width: 320, height: 240 }, audio: { codec: 'aac' } });
    expect(Math.abs(copy.durationS! - source.durationS!)).toBeLessThan(0.1);
    const frames = await countFrames(input);
    expect(await countFrames(output)).toBe(frames);
    expect(await checkDecodes({ tools, file: output, expectedFrames: frames })).toMatchObject({ ok: true, frames, problems: '' });
    expect(result.args).toEqual(expect.arrayContaining(['-threads', '1', '+bitexact', '{input}', '{output}']));
    expect(sha256File(input)).toBe(before);
  });

  it('makes a playable copy of a bare H.264 stream with no timestamps, and refuses to cut one', async () => {
    const input = await makeTestVideo({ tools, output: tmp.file('bare.264'), seconds: 2, audio: false, codec: ['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'h264'] });
    const source = await probeOf(input);
    expect(source).toMatchObject({ container: 'h264', durationS: null });
    await transcodeToMp4({ tools, input, output: tmp.file('bare.mp4') });
    expect(isBrowserPlayable(await probeOf(tmp.file('bare.mp4')))).toBe(true);
    expect(await countFrames(tmp.file('bare.mp4'))).toBe(50);
    await expect(cutClip({ tools, input, output: tmp.file('bare-clip.mp4'), startS: 0, endS: 1, mode: 'reencode' })).rejects.toMatchObject({ code: 'video.no_timestamps' });
  });

  it('pads an odd-sized picture to even sides rather than crop it', async () => {
    // testsrc2 makes even sides only: scale its picture to odd ones, kept whole in 4:4:4.
    const input = await makeTestVideo({ tools, output: tmp.file('odd.mkv'), seconds: 1, codec: ['-vf', 'scale=161:121', '-c:v', 'ffv1', '-pix_fmt', 'yuv444p', '-c:a', 'flac'] });
    expect((await probeOf(input)).video).toMatchObject({ width: 161, height: 121 });
    await transcodeToMp4({ tools, input, output: tmp.file('odd.mp4') });
    expect((await probeOf(tmp.file('odd.mp4'))).video).toMatchObject({ width: 162, height: 122 });
  });
});

describe('checkDecodes', () => {
  it('finds a derivative whose bytes were damaged, where comparing hashes cannot be done', async () => {
    const file = await makeTestVideo({ tools, output: tmp.file('damaged.mp4'), seconds: 3, audio: false });
    expect(await checkDecodes({ tools, file, expectedFrames: 75 })).toMatchObject({ ok: true, frames: 75 });
    expect(await checkDecodes({ tools, file, expectedFrames: 74 })).toMatchObject({ ok: false, problems: '75 frames decoded, 74 expected' });
    const bytes = readFileSync(file);
    const mdat = bytes.indexOf('mdat');
    for (let at = mdat + 2000; at < bytes.length - 2000; at += 3000) bytes.fill(0xa5, at, at + 100);
    writeFileSync(file, bytes);
    const damaged = await checkDecodes({ tools, file, expectedFrames: 75 });
    expect(damaged.ok).toBe(false);
    expect(damaged.problems).not.toBe('');
  });
});

async function countFrames(file: string): Promise<number> {
  const raw = tmp.file('count.y');
  await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-i', file, '-map', '0:v:0', '-vsync', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', '8x8', raw] });
  return statSync(raw).size / 64;
}
