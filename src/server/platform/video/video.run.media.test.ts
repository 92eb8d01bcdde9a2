import { chmodSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/video';
import { ensureExecutable, locateVideoTools, runFfmpeg } from './video.run';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('locateVideoTools', () => {
  it("finds the npm packages' binaries once per process and records their exact versions", async () => {
    const tools = await locateVideoTools();
    expect(tools.ffmpegVersion).toMatch(/^ffmpeg version \S+/);
    expect(tools.ffprobeVersion).toMatch(/^ffprobe version \S+/);
    expect(tools.ffmpeg).toContain('@ffmpeg-installer');
    expect(tools.ffprobe).toContain('@ffprobe-installer');
    expect(locateVideoTools()).toBe(locateVideoTools());
  });

  it('uses the binaries FFMPEG_PATH and FFPROBE_PATH name, in the server\'s own environment', async () => {
    const packaged = await locateVideoTools();
    symlinkSync(packaged.ffmpeg, tmp.file('site-ffmpeg'));
    const tools = await locateVideoTools({ ffmpegPath: tmp.file('site-ffmpeg') });
    expect(tools.ffmpeg).toBe(tmp.file('site-ffmpeg'));
    expect(tools.ffmpegVersion).toBe(packaged.ffmpegVersion);
    expect(tools.ffmpegEnv).toBeUndefined();
    expect(tools.ffprobe).toBe(packaged.ffprobe);
    await expect(locateVideoTools({ ffprobePath: tmp.file('nowhere') })).rejects.toMatchObject({ code: 'video.tool_missing' });
  });

  it('lets everyone run a package binary that arrived executable by its owner only', async () => {
    const file = tmp.file('tool');
    writeFileSync(file, '#!/bin/sh\necho tool\n');
    chmodSync(file, 0o744);
    await ensureExecutable({ tool: 'ffprobe', file, fix: true });
    expect(statSync(file).mode & 0o777).toBe(0o755);

    const notRunnable = tmp.file('not-runnable');
    writeFileSync(notRunnable, '#!/bin/sh\n');
    chmodSync(notRunnable, 0o644);
    await expect(ensureExecutable({ tool: 'ffmpeg', file: notRunnable, fix: false })).rejects.toMatchObject({ code: 'video.tool_missing' });
    expect(statSync(notRunnable).mode & 0o777).toBe(0o644); // a site's own binary is not ours to change
  });
});

describe('runFfmpeg', () => {
  const endless = ['-hide_banner', '-nostdin', '-y', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=25', '-f', 'null', '-'];

  it('reports progress from -progress that only goes up and ends at 1', async () => {
    const tools = await locateVideoTools();
    const seen: [number, number][] = [];
    // -re: two seconds of input take two seconds, so reports come at their half-second pace on any machine.
    const args = ['-hide_banner', '-nostdin', '-y', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=25:duration=2', '-f', 'null', '-'];
    await runFfmpeg({ tools, args, durationS: 2, onProgress: (fraction, outTimeS) => seen.push([fraction, outTimeS]) });
    const fractions = seen.map(([f]) => f);
    expect(fractions.at(-1)).toBe(1);
    expect(seen.at(-1)![1]).toBeCloseTo(2, 1);
    expect(fractions.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(2);
    expect(fractions.slice(1).every((f, i) => f >= fractions[i])).toBe(true);
  });

  it('fails with what ffmpeg said', async () => {
    const tools = await locateVideoTools();
    const failed = runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-i', tmp.file('missing.mp4'), '-f', 'null', '-'] });
    await expect(failed).rejects.toMatchObject({ code: 'video.ffmpeg_failed', details: { stderrTail: expect.stringMatching(/No such file/) } });
  });

  it('stops ffmpeg at its time limit, and when cancelled', async () => {
    const tools = await locateVideoTools();
    await expect(runFfmpeg({ tools, args: endless, timeoutMs: 300 })).rejects.toMatchObject({ code: 'video.ffmpeg_timeout' });
    const controller = new AbortController();
    const running = runFfmpeg({ tools, args: endless, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ code: 'video.cancelled' });
  });
});
