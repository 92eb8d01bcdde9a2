import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grayPixels, makeTestVideo, meanDifference, sampleClip, sha256File, tempDir } from '../../../../test/support/video';
import { captionFontFile, cutClip, probeFile, reproduceArgs, runFfmpeg, runFfprobe, type VideoProbe } from './video';
import { locateVideoTools, type VideoTools } from './video.run';
import { measureEdges, measureOutput } from './video.frames';

let tools: VideoTools;
let generated: string; // 25 fps, a key frame every second, 4 s
const tmp = tempDir();
const FRAME = 1 / 25;
beforeAll(async () => {
  tools = await locateVideoTools();
  generated = await makeTestVideo({ tools, output: tmp.file('generated.mp4'), seconds: 4 });
});
afterAll(() => tmp.remove());

async function probeOf(file: string): Promise<VideoProbe> {
  const outcome = await probeFile({ tools, file });
  if (outcome.kind !== 'video') throw new Error(outcome.reason);
  return outcome.probe;
}

/** The grey pixels of frame n of a file (decoded, counted from 0) or of its first frame. */
async function frameOf({ file, n = 0, name }: { file: string; n?: number; name: string }) {
  const png = tmp.file(`${name}.png`);
  await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-i', file, '-vf', `select=eq(n\\,${n})`, '-vsync', 'vfr', '-frames:v', '1', png] });
  const { width, height } = (await probeOf(file)).video;
  return { pixels: await grayPixels({ tools, file: png, width, height }), width, height };
}

describe('cutClip by re-encode', () => {
  it('starts and ends at the frame boundaries nearest the request: start, end and length within one frame', async () => {
    const output = tmp.file('reencoded.mp4');
    const clip = await cutClip({ tools, input: generated, output, startS: 1.31, endS: 3.11, mode: 'reencode' });
    expect(clip.realStartS).toBeCloseTo(1.32, 6); // frame 33 starts at 1.32 s, nearer 1.31 s than frame 32 (1.28 s)
    expect(clip.realEndS).toBeCloseTo(3.12, 6);
    expect(Math.abs(clip.realEndS - 3.11)).toBeLessThanOrEqual(FRAME + 1e-6);
    expect(Math.abs(clip.durationS - (3.11 - 1.31))).toBeLessThanOrEqual(FRAME + 1e-6);
    const probe = await probeOf(output);
    expect(probe).toMatchObject({ container: expect.stringContaining('mp4'), video: { codec: 'h264', pixelFormat: 'yuv420p' }, audio: { codec: 'aac' } });
    expect(probe.durationS! - clip.durationS).toBeLessThan(FRAME);

    // The picture it begins with is the input's frame 33, not its neighbours.
    const first = await frameOf({ file: output, name: 'reencoded-first' });
    const diff = async (n: number) => meanDifference({ a: first.pixels, b: (await frameOf({ file: generated, n, name: `in-${n}` })).pixels, width: first.width, box: { x: 0, y: 0, w: first.width, h: first.height } });
    const [before, at, after] = [await diff(32), await diff(33), await diff(34)];
    expect(at).toBeLessThan(before);
    expect(at).toBeLessThan(after);
  });

  it('counts from the start of a file whose clock does not start at zero', async () => {
    const ts = tmp.file('offset.ts');
    await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-output_ts_offset', '10', '-f', 'mpegts', ts] });
    const clip = await cutClip({ tools, input: ts, output: tmp.file('from-offset.mp4'), startS: 1, endS: 2, mode: 'reencode' });
    expect(Math.abs(clip.realStartS - 1)).toBeLessThan(FRAME);
    expect(Math.abs(clip.durationS - 1)).toBeLessThanOrEqual(FRAME + 1e-6);
  });

  it('records arguments that make the same bytes again with the same ffmpeg', async () => {
    const output = tmp.file('labelled.mp4');
    const clip = await cutClip({
      tools, input: sampleClip, output, startS: 2, endS: 4, mode: 'reencode', caption: true,
      label: { exhibitRef: 'ABC/1', camera: 'Cam 12 High St', recorderStartAt: new Date('2025-11-23T14:03:10Z'), clockOffsetS: 110, parentSha256: 'a'.repeat(64) },
    });
    expect(clip.args).toContain('{input}');
    expect(clip.args.at(-1)).toBe('{output}');
    expect(clip.ffmpegVersion).toMatch(/^ffmpeg version /);
    expect(clip.captionFont).toEqual({ file: captionFontFile(), sha256: sha256File(captionFontFile()) });
    const again = tmp.file('labelled-again.mp4');
    await runFfmpeg({ tools, args: reproduceArgs({ args: clip.args, input: sampleClip, output: again }) });
    expect(sha256File(again)).toBe(sha256File(output));

    // The labels a digital evidence system reads, and the recorded times: true time = recorder + 110 s, from the clip's start.
    const tags = JSON.parse((await runFfprobe({ tools, args: ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', output] })).stdout).format.tags;
    expect(tags).toMatchObject({ title: 'ABC/1 working copy', creation_time: '2025-11-23T14:05:02.000000Z' });
    expect(tags.comment).toContain('Camera Cam 12 High St');
    expect(tags.comment).toContain('Recorder clock offset +110 s');
    expect(tags.comment).toContain(`master SHA-256 ${'a'.repeat(64)}`);
  });

  it('draws the clock right across the change from BST to GMT', async () => {
    // 26 October 2025: clocks go back at 01:00 UTC. The clip starts two seconds before.
    const clip = await cutClip({
      tools, input: generated, output: tmp.file('clock-change.mp4'), startS: 0, endS: 4, mode: 'reencode', caption: true,
      label: { exhibitRef: 'ABC/2', recorderStartAt: new Date('2025-10-26T00:59:58Z') },
    });
    const filter = clip.args[clip.args.indexOf('-vf') + 1];
    expect(filter).toContain('lt(t\\,2)');
    expect(filter).toContain('gte(t\\,2)');
  });

  it('passes progress on, ending at 1', async () => {
    const seen: number[] = [];
    await cutClip({ tools, input: generated, output: tmp.file('progress.mp4'), startS: 0, endS: 2, mode: 'reencode', onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
  });
});

describe('cutClip by stream copy', () => {
  it('starts at the key frame at or before the request and records where it really cut', async () => {
    // The sample's key frames are at 0, 4.8, 9.6, ... s.
    const output = tmp.file('copied.mp4');
    const clip = await cutClip({ tools, input: sampleClip, output, startS: 6, endS: 9, mode: 'copy' });
    expect(clip.container).toBe('mp4');
    expect(clip.realStartS).toBeCloseTo(4.8, 6);
    expect(clip.realEndS).toBeGreaterThanOrEqual(9 - 1 / 12.5);
    expect(clip.durationS).toBeCloseTo(clip.realEndS - clip.realStartS, 6);
    const probe = await probeOf(output);
    expect(Math.abs(probe.video.durationS! - clip.durationS)).toBeLessThan(2 / 12.5);

    // Copied, not re-encoded: its first picture is the input's key frame at 4.8 s (frame 60), pixel for pixel.
    const first = await frameOf({ file: output, name: 'copied-first' });
    const keyFrame = await frameOf({ file: sampleClip, n: 60, name: 'sample-60' });
    expect(first.pixels.equals(keyFrame.pixels)).toBe(true);

    const again = tmp.file('copied-again.mp4');
    await runFfmpeg({ tools, args: reproduceArgs({ args: clip.args, input: sampleClip, output: again }) });
    expect(sha256File(again)).toBe(sha256File(output));
  });

  it('keeps an AVI an AVI, and starts where asked when every frame is a key frame (Motion JPEG)', async () => {
    const avi = await makeTestVideo({ tools, output: tmp.file('mjpeg.avi'), seconds: 3, codec: ['-c:v', 'mjpeg', '-c:a', 'pcm_s16le'] });
    const output = tmp.file('mjpeg-clip.avi');
    const clip = await cutClip({ tools, input: avi, output, startS: 1.2, endS: 2.2, mode: 'copy' });
    expect(clip).toMatchObject({ container: 'avi', extension: 'avi' });
    expect(clip.realStartS).toBeCloseTo(1.2, 6);
    expect(Math.abs(clip.durationS - 1)).toBeLessThanOrEqual(FRAME + 1e-6);
    expect((await probeOf(output))).toMatchObject({ container: 'avi', video: { codec: 'mjpeg' } });
  });

  it('keeps an MPEG-TS an MPEG-TS and counts from its start, though the muxer starts the copy\'s clock at 1.4 s', async () => {
    const ts = tmp.file('copy-offset.ts');
    await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=12', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-output_ts_offset', '10', '-f', 'mpegts', ts] });
    const clip = await cutClip({ tools, input: ts, output: tmp.file('copy-offset-clip.ts'), startS: 2.5, endS: 10.5, mode: 'copy' });
    expect(clip.container).toBe('mpegts');
    expect(clip.realStartS).toBeCloseTo(2, 3); // the key frame at or before 2.5 s
    expect(Math.abs(clip.realEndS - 10.5)).toBeLessThanOrEqual(FRAME + 1e-6);
    expect(clip.durationS).toBeCloseTo(clip.realEndS - clip.realStartS, 6);
  });

  it('finds a long copy\'s start and end from its first and last seconds as it would from every packet', async () => {
    const long = await makeTestVideo({ tools, output: tmp.file('long.mp4'), seconds: 30 });
    const output = tmp.file('long-copy.mp4');
    const clip = await cutClip({ tools, input: long, output, startS: 1.5, endS: 28.5, mode: 'copy' });
    const everyPacket = await measureOutput({ tools, file: output });
    const edges = await measureEdges({ tools, file: output, expectedS: 27 });
    expect(edges).toEqual(everyPacket);
    expect(await measureOutput({ tools, file: output, expectedS: 27 })).toEqual(everyPacket);
    expect(clip.durationS).toBeCloseTo(everyPacket.endS - everyPacket.firstS, 6);
    // Told the wrong length, it reads the whole output rather than guess.
    expect(await measureOutput({ tools, file: output, expectedS: 60 })).toEqual(everyPacket);
  });

  it('refuses a caption, which needs a re-encode', async () => {
    await expect(cutClip({ tools, input: generated, output: tmp.file('no.mp4'), startS: 0, endS: 1, mode: 'copy', caption: true }))
      .rejects.toMatchObject({ code: 'video.caption_needs_reencode' });
  });

  it('refuses a range outside the recording', async () => {
    await expect(cutClip({ tools, input: generated, output: tmp.file('no.mp4'), startS: 5, endS: 6, mode: 'copy' })).rejects.toMatchObject({ code: 'video.invalid_range' });
    await expect(cutClip({ tools, input: generated, output: tmp.file('no.mp4'), startS: 2, endS: 1, mode: 'reencode' })).rejects.toMatchObject({ code: 'video.invalid_range' });
  });
});
