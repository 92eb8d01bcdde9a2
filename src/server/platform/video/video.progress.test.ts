import { describe, expect, it } from 'vitest';
import { createProgressReader, progressFraction } from './video.progress';
import { frameOnScreen, frameStartingNearest, keyFrameAtOrBefore, nearestBoundary, seekTo, type Frame } from './video.frames';

describe("ffmpeg's -progress output", () => {
  it('reports each block when it ends, across chunk boundaries, in any of the three time forms', () => {
    const read = createProgressReader();
    expect(read('frame=10\nout_time_ms=400000\nout_time=00:00:00.400000\nprog')).toEqual([]);
    expect(read('ress=continue\nout_time_us=1500000\nprogress=continue\n')).toEqual([{ outTimeS: 0.4, end: false }, { outTimeS: 1.5, end: false }]);
    expect(read('out_time_us=N/A\nout_time=01:00:02.250000\nprogress=end\n')).toEqual([{ outTimeS: 3602.25, end: true }]);
  });

  it('turns it into a fraction that never goes back, short of 1 until the end', () => {
    const f = (outTimeS: number, previous: number, end = false) => progressFraction({ report: { outTimeS, end }, durationS: 10, previous });
    expect(f(2.5, 0)).toBe(0.25);
    expect(f(1, 0.25)).toBe(0.25);
    expect(f(12, 0.5)).toBe(0.999);
    expect(f(9, 0.5, true)).toBe(1);
    expect(progressFraction({ report: { outTimeS: 5, end: false }, previous: 0.1 })).toBe(0.1);
  });
});

describe('choosing frames', () => {
  // 10 fps with a key frame every second, starting at 0.
  const frames: Frame[] = Array.from({ length: 30 }, (_, i) => ({ s: i / 10, endS: (i + 1) / 10, key: i % 10 === 0 }));

  it('a stream copy starts at the key frame at or before the time', () => {
    expect(keyFrameAtOrBefore(frames, 1.95)?.s).toBe(1);
    expect(keyFrameAtOrBefore(frames, 2)?.s).toBe(2);
    expect(keyFrameAtOrBefore(frames.filter((f) => f.s > 0.5), 0.7)).toBeUndefined();
  });

  it('a still shows the frame on screen; a re-encoded cut takes the nearest boundary', () => {
    expect(frameOnScreen(frames, 1.26)?.s).toBe(1.2);
    expect(frameOnScreen(frames, -1)?.s).toBe(0);
    expect(frameStartingNearest(frames, 1.26)?.s).toBe(1.3);
    expect(frameStartingNearest(frames, 1.24)?.s).toBe(1.2);
    expect(nearestBoundary(frames, 2.96)).toBe(3); // the last frame's end
    expect(nearestBoundary([{ s: 0, endS: null, key: true }, { s: 0.1, endS: null, key: false }], 0.2)).toBe(0.1);
  });

  it('seeks to the microsecond at or after the frame', () => {
    expect(seekTo(1001 / 30000)).toBe(0.033367);
    expect(seekTo(2.28)).toBe(2.28);
    expect(seekTo(-0.00001)).toBe(0);
  });
});
