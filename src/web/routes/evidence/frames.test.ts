import { describe, expect, it } from 'vitest';
import { DEFAULT_FPS, formatPlayerTime, frameAt, parsePlayerTime, parsePlayerTimes, stepFrames } from './frames';

describe('frame stepping', () => {
  it('numbers frames from 0 at the start', () => {
    expect(frameAt({ timeS: 0, fps: 25 })).toBe(0);
    expect(frameAt({ timeS: 0.039, fps: 25 })).toBe(0);
    expect(frameAt({ timeS: 0.04, fps: 25 })).toBe(1);
    // 29.97 fps (NTSC): frame 1798 starts at 59.993 s.
    expect(frameAt({ timeS: 60, fps: 30000 / 1001 })).toBe(1798);
  });

  it('steps one frame forward and back, landing inside the frame', () => {
    const fps = DEFAULT_FPS;
    const next = stepFrames({ timeS: 1.0, fps, by: 1 });
    expect(frameAt({ timeS: next, fps })).toBe(26);
    expect(next).toBeCloseTo(1.06, 6);
    const back = stepFrames({ timeS: next, fps, by: -1 });
    expect(frameAt({ timeS: back, fps })).toBe(25);
    // Repeated steps never drift: ten forward then ten back is where it started.
    let t = 2.5;
    for (let i = 0; i < 10; i++) t = stepFrames({ timeS: t, fps, by: 1 });
    expect(frameAt({ timeS: t, fps })).toBe(72);
    for (let i = 0; i < 10; i++) t = stepFrames({ timeS: t, fps, by: -1 });
    expect(frameAt({ timeS: t, fps })).toBe(62);
  });

  it('stops at the first and the last frame', () => {
    expect(stepFrames({ timeS: 0, fps: 25, by: -1 })).toBeCloseTo(0.02, 6);
    // 2 s at 25 fps: frames 0..49.
    const end = stepFrames({ timeS: 1.99, fps: 25, by: 5, durationS: 2 });
    expect(frameAt({ timeS: end, fps: 25 })).toBe(49);
    expect(end).toBeLessThan(2);
  });
});

describe('player times', () => {
  it('shows hours only when there are some, always to the millisecond', () => {
    expect(formatPlayerTime(0)).toBe('0:00.000');
    expect(formatPlayerTime(62.48)).toBe('1:02.480');
    expect(formatPlayerTime(3725)).toBe('1:02:05.000');
  });

  it('reads what it shows, and plain seconds', () => {
    for (const s of [0, 0.04, 62.48, 3725.5]) expect(parsePlayerTime(formatPlayerTime(s))).toBeCloseTo(s, 3);
    expect(parsePlayerTime('12.5')).toBe(12.5);
    expect(parsePlayerTime(' 90 ')).toBe(90);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'soon', '1:75', '1:60:00', '-3', '1,5']) expect(parsePlayerTime(bad)).toBeUndefined();
  });

  it('reads a list of times for stills', () => {
    expect(parsePlayerTimes('12.5, 1:02  3')).toEqual([12.5, 62, 3]);
    expect(parsePlayerTimes('')).toEqual([]);
    expect(parsePlayerTimes('1, two')).toBeUndefined();
  });
});
