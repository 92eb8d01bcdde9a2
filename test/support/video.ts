import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg, type VideoTools } from '../../src/server/platform/video/video.run';

// Test footage made at test time with ffmpeg's own sources (a moving pattern with a frame counter,
// and a tone), a few seconds each, in a temporary folder.

export const sampleClip = path.resolve(import.meta.dirname, '../fixtures/video/car-detection.mp4');

export function tempDir(prefix = 'vigil-video-'): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestVideo {
  output: string; seconds?: number; size?: string; rate?: number;
  /** Encoder arguments; H.264 with a key frame every second and AAC by default. */
  codec?: string[]; audio?: boolean;
}

export async function makeTestVideo({ tools, output, seconds = 4, size = '320x240', rate = 25, codec, audio = true }: TestVideo & { tools: VideoTools }) {
  const sources = ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`, ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`] : [])];
  const encode = codec ?? ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(rate), '-pix_fmt', 'yuv420p', ...(audio ? ['-c:a', 'aac'] : [])];
  await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', ...sources, ...encode, '-shortest', output] });
  return output;
}

export const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The picture's pixels as 8-bit grey, decoded by ffmpeg (no image library needed). */
export async function grayPixels({ tools, file, width, height }: { tools: VideoTools; file: string; width: number; height: number }): Promise<Buffer> {
  const raw = `${file}.gray`;
  await runFfmpeg({ tools, args: ['-hide_banner', '-nostdin', '-y', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', raw] });
  const pixels = readFileSync(raw);
  if (pixels.length !== width * height) throw new Error(`expected ${width}x${height} grey pixels, got ${pixels.length} bytes`);
  return pixels;
}

/** Mean absolute difference of two grey pictures inside a rectangle. */
export function meanDifference({ a, b, width, box }: { a: Buffer; b: Buffer; width: number; box: { x: number; y: number; w: number; h: number } }): number {
  let sum = 0;
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) sum += Math.abs(a[y * width + x] - b[y * width + x]);
  return sum / (box.w * box.h);
}
