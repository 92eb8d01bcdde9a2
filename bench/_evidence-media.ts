import { statSync } from 'node:fs';
import path from 'node:path';
import { runFfmpeg, type VideoTools } from '../src/server/platform/video/video';

// Footage for bench/evidence.ts, made with ffmpeg's own sources at the start of the run: a 10 s
// 1280x720 H.264/AAC seed (the only encode), looped by stream copy into a master of `seconds`, and
// that looped again by stream copy into an MP4 of `bytes` (real video the upload endpoint accepts
// and stores, made at disk speed).

const HEAD = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];
const SEED_SECONDS = 10;

/** A 1280x720 25 fps H.264 (key frame every 2 s) and AAC MP4 of `seconds` (a multiple of 10). */
export async function makeMaster({ tools, dir, seconds }: { tools: VideoTools; dir: string; seconds: number }): Promise<string> {
  const seed = path.join(dir, 'seed.mp4');
  const master = path.join(dir, `master-${seconds}s.mp4`);
  await runFfmpeg({
    tools, args: [...HEAD, '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${SEED_SECONDS}`, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${SEED_SECONDS}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', seed],
  });
  await runFfmpeg({ tools, args: [...HEAD, '-stream_loop', String(Math.ceil(seconds / SEED_SECONDS) - 1), '-i', seed, '-c', 'copy', '-f', 'mp4', master] });
  return master;
}

/** An MP4 of about `bytes` (ffmpeg stops at the size; the index follows), from `master` looped. */
export async function makeLargeVideo({ tools, master, file, bytes }: { tools: VideoTools; master: string; file: string; bytes: number }) {
  await runFfmpeg({ tools, args: [...HEAD, '-stream_loop', '-1', '-i', master, '-c', 'copy', '-fs', String(bytes), '-f', 'mp4', file] });
  return statSync(file).size;
}
