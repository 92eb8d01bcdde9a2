// The signature pad's geometry: pointer positions into the canvas's own pixels, strokes into smooth
// curves, and the size of a typed name that fills the box. Pure, for tests.

export interface Point { x: number; y: number }

/** A pointer's position in the canvas's pixels (the canvas is drawn at the screen's pixel density, shown at CSS size). */
export function canvasPoint({ clientX, clientY, rect, width, height }: {
  clientX: number; clientY: number; rect: { left: number; top: number; width: number; height: number }; width: number; height: number;
}): Point {
  const sx = rect.width ? width / rect.width : 1;
  const sy = rect.height ? height / rect.height : 1;
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return { x: clamp((clientX - rect.left) * sx, width), y: clamp((clientY - rect.top) * sy, height) };
}

export type Segment = { kind: 'dot'; at: Point } | { kind: 'curve'; from: Point; control: Point; to: Point };

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * A stroke as smooth pieces: a quadratic curve through each sampled point, from midpoint to
 * midpoint, so that a fast stroke (few samples) is not drawn as a polygon. A tap is a dot.
 */
export function strokeSegments(points: readonly Point[]): Segment[] {
  if (points.length === 0) return [];
  if (points.length === 1) return [{ kind: 'dot', at: points[0] }];
  const segments: Segment[] = [];
  let from = points[0];
  for (let i = 1; i < points.length - 1; i++) {
    const to = mid(points[i], points[i + 1]);
    segments.push({ kind: 'curve', from, control: points[i], to });
    from = to;
  }
  const last = points[points.length - 1];
  segments.push({ kind: 'curve', from, control: mid(from, last), to: last });
  return segments;
}

/** The largest font size, between min and max, at which `measure(size)` (the text's width) fits `width`. */
export function fitFontSize({ measure, width, max, min }: { measure: (size: number) => number; width: number; max: number; min: number }): number {
  let lo = min;
  let hi = max;
  if (measure(hi) <= width) return hi;
  while (hi - lo > 0.5) {
    const size = (lo + hi) / 2;
    if (measure(size) <= width) lo = size;
    else hi = size;
  }
  return Math.floor(lo);
}

/** Handwriting-like fonts most systems have, then any cursive: a typed signature still looks signed. */
export const SIGNATURE_FONT = '"Segoe Script", "Bradley Hand", "Brush Script MT", "Lucida Handwriting", "Comic Sans MS", cursive';
