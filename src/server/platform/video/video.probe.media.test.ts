import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestVideo, sampleClip, tempDir } from '../../../../test/support/video';
import { isBrowserPlayable, needsWorkingCopy, probeFile, type ProbeOutcome } from './video.probe';
import { locateVideoTools, runFfmpeg, type VideoTools } from './video.run';

let tools: VideoTools;
const tmp = tempDir();
beforeAll(async () => {
  tools = await locateVideoTools();
});
afterAll(() => tmp.remove());

const probe = (file: string) => probeFile({ tools, file });
const videoOf = (outcome: ProbeOutcome) => {
  if (outcome.kind !== 'video') throw new Error(`expected a video, got ${outcome.kind}: ${outcome.reason}`);
  return outcome.probe;
};
const ffmpeg = (args: string[]) => runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', ...args] });

describe('probeFile on video', () => {
  it('records container, codecs, duration, size, frame rate and the ffprobe call of the real sample', async () => {
    const outcome = await probe(sampleClip);
    const p = videoOf(outcome);
    expect(p.container).toContain('mp4');
    expect(p.containerLongName).toMatch(/QuickTime/);
    expect(p.durationS).toBeCloseTo(30.16, 2);
    expect(p.startTimeS).toBe(0);
    expect(p.sizeBytes).toBe(statSync(sampleClip).size);
    expect(p.video).toMatchObject({ codec: 'h264', width: 768, height: 432, fps: 12.5, fpsRational: '25/2', pixelFormat: 'yuv420p' });
    expect(p.audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(isBrowserPlayable(p)).toBe(true);
    expect(needsWorkingCopy(p)).toBe(false);
    expect(outcome.ffprobeVersion).toMatch(/^ffprobe version \S+/);
    expect(outcome.args.at(-1)).toBe(sampleClip);
  });

  it('reads an embedded creation time and a start time that is not zero', async () => {
    const file = tmp.file('ts-start.ts');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-output_ts_offset', '10', '-f', 'mpegts', file]);
    const ts = videoOf(await probe(file));
    expect(ts.startTimeS).toBeGreaterThan(10);
    expect(isBrowserPlayable(ts)).toBe(false); // H.264, but in MPEG-TS

    const mov = tmp.file('created.mov');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-metadata', 'creation_time=2025-11-23T14:05:09Z', mov]);
    expect(videoOf(await probe(mov)).creationTime).toBe('2025-11-23T14:05:09.000Z');
  });

  it('takes legacy AVIs (DivX-style MPEG-4 part 2, Motion JPEG) as video that needs a working copy', async () => {
    const divx = await makeTestVideo({ tools, output: tmp.file('divx.avi'), seconds: 2, codec: ['-c:v', 'mpeg4', '-vtag', 'DIVX', '-c:a', 'libmp3lame'] });
    const mjpeg = await makeTestVideo({ tools, output: tmp.file('mjpeg.avi'), seconds: 2, codec: ['-c:v', 'mjpeg', '-c:a', 'pcm_s16le'] });
    const d = videoOf(await probe(divx));
    expect(d).toMatchObject({ container: 'avi', video: { codec: 'mpeg4', width: 320, height: 240, fps: 25 }, audio: { codec: 'mp3' } });
    const m = videoOf(await probe(mjpeg));
    expect(m).toMatchObject({ container: 'avi', video: { codec: 'mjpeg' }, audio: { codec: 'pcm_s16le' } });
    expect([needsWorkingCopy(d), needsWorkingCopy(m)]).toEqual([true, true]);
  });
});

describe('probeFile refuses what is not video', () => {
  it.each([
    ['a text file', 'statement.txt', () => Buffer.from('I, the undersigned, saw the following on camera 12 at 14:05.\n')],
    ['a zip', 'export.zip', () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(2000)])],
    ['a PDF', 'report.pdf', () => Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\n', 'latin1')],
    ['a program', 'player', () => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), randomBytes(4000)])],
    ['an empty file', 'empty.mp4', () => Buffer.alloc(0)],
  ])('%s', async (_what, name, bytes) => {
    const file = tmp.file(name);
    writeFileSync(file, bytes());
    const outcome = await probe(file);
    expect(outcome.kind).toBe('not_video');
  });

  it('an image and audio-only files, saying what they are', async () => {
    const png = tmp.file('still.png');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=64x48', '-frames:v', '1', png]);
    const wav = tmp.file('tone.wav');
    const mp3 = tmp.file('tone.mp3');
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1', wav]);
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1', mp3]);
    const [p, w, m] = await Promise.all([probe(png), probe(wav), probe(mp3)]);
    expect(p).toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/image/) });
    expect(w).toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/audio/) });
    expect(m).toMatchObject({ kind: 'not_video', reason: expect.stringMatching(/audio/) });
  });
});

describe('probeFile on cut-short and unknown files', () => {
  it('an MP4 cut in half (index at the end) is truncated', async () => {
    const file = await makeTestVideo({ tools, output: tmp.file('whole.mp4'), seconds: 3 });
    const half = tmp.file('half.mp4');
    writeFileSync(half, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
    expect(await probe(half)).toMatchObject({ kind: 'truncated', reason: expect.stringMatching(/cut short.*'mdat'/) });
  });

  it('an MP4 with its index at the front and the media cut short is truncated, though ffprobe alone reads it', async () => {
    const fast = tmp.file('fast.mp4');
    await makeTestVideo({ tools, output: fast, seconds: 3, codec: ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart'] });
    truncateSync(fast, statSync(fast).size - 5000);
    const outcome = await probe(fast);
    expect(outcome).toMatchObject({ kind: 'truncated', reason: expect.stringMatching(/'mdat'/) });
  });

  it('an MP4 whose recording never finished (no index) and an AVI shorter than its header says are truncated', async () => {
    const unfinished = tmp.file('unfinished.mp4');
    await makeTestVideo({ tools, output: unfinished, seconds: 2 });
    const bytes = readFileSync(unfinished);
    const moov = bytes.indexOf('moov') - 4; // at the end: drop it, as a recorder that lost power would
    writeFileSync(unfinished, bytes.subarray(0, moov));
    expect(await probe(unfinished)).toMatchObject({ kind: 'truncated', reason: expect.stringMatching(/no 'moov'/) });

    const avi = await makeTestVideo({ tools, output: tmp.file('cut.avi'), seconds: 2, codec: ['-c:v', 'mjpeg', '-c:a', 'pcm_s16le'] });
    truncateSync(avi, Math.floor(statSync(avi).size * 0.7));
    expect(await probe(avi)).toMatchObject({ kind: 'truncated', reason: expect.stringMatching(/AVI header declares/) });
  });

  it('a file ffprobe cannot read, with an unknown header, is kept with a note', async () => {
    const file = tmp.file('export.vms');
    writeFileSync(file, Buffer.concat([Buffer.from('VMSX\x01\x00\x00\x00', 'latin1'), randomBytes(100_000)]));
    const outcome = await probe(file);
    expect(outcome).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/ffprobe cannot read/), note: expect.stringMatching(/Kept as the master/) });
  });
});
