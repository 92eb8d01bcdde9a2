import { describe, expect, it } from 'vitest';
import { canvasPoint, fitFontSize, strokeSegments } from './signature';

describe('signature pad geometry', () => {
  it('maps a pointer to the canvas pixels, at any pixel density, and keeps it in the box', () => {
    const rect = { left: 100, top: 50, width: 300, height: 100 };
    expect(canvasPoint({ clientX: 250, clientY: 100, rect, width: 600, height: 200 })).toEqual({ x: 300, y: 100 });
    expect(canvasPoint({ clientX: 90, clientY: 400, rect, width: 600, height: 200 })).toEqual({ x: 0, y: 200 });
  });

  it('draws a tap as a dot and a stroke as joined curves through its points', () => {
    expect(strokeSegments([])).toEqual([]);
    expect(strokeSegments([{ x: 1, y: 1 }])).toEqual([{ kind: 'dot', at: { x: 1, y: 1 } }]);
    const points = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 10 }];
    const segments = strokeSegments(points);
    expect(segments).toHaveLength(3);
    // Starts at the first point, ends at the last, each piece beginning where the previous ended.
    expect(segments[0]).toMatchObject({ from: { x: 0, y: 0 }, control: { x: 10, y: 0 } });
    expect(segments.at(-1)).toMatchObject({ to: { x: 20, y: 10 } });
    for (let i = 1; i < segments.length; i++) {
      const [a, b] = [segments[i - 1], segments[i]];
      if (a.kind === 'curve' && b.kind === 'curve') expect(b.from).toEqual(a.to);
    }
  });

  it('makes a typed name as large as fits the box', () => {
    const measure = (size: number) => size * 10; // ten characters, each as wide as the font is tall
    expect(fitFontSize({ measure, width: 1000, max: 64, min: 12 })).toBe(64);
    const size = fitFontSize({ measure, width: 300, max: 64, min: 12 });
    expect(measure(size)).toBeLessThanOrEqual(300);
    expect(size).toBeGreaterThanOrEqual(29);
    expect(fitFontSize({ measure, width: 50, max: 64, min: 12 })).toBe(12);
  });
});
