import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cutClip, reproduceArgs, type VideoTools } from '../src/server/platform/video/video';

// A clip as the worker makes it (cutClip with an exhibit's label: probing the master, reading the
// packets around the cut, ffmpeg, measuring where the output really begins and ends) beside the
// bare ffmpeg command doing the same cut: the product's own recorded arguments with the paths put
// back and its progress reporting taken out, spawned directly. The two must write the same bytes
// (the arguments are bit-exact), which shows they did the same work. Interleaved; medians compared.

export interface ClipCut { mode: 'copy' | 'reencode'; startS: number; endS: number }
export interface ClipFigures { cut: ClipCut; ours: number[]; bare: number[] }

const PROGRESS = new Set(['-progress', 'pipe:1', '-nostats']);
const LABEL = { exhibitRef: 'BEN/1', camera: 'C012 Market Street north', clockOffsetS: 110, recorderStartAt: new Date('2026-03-14T21:30:00Z'), parentSha256: 'a'.repeat(64) };
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export async function measureClip({ tools, master, dir, cut, runs }: { tools: VideoTools; master: string; dir: string; cut: ClipCut; runs: number }): Promise<ClipFigures> {
  const oursOut = path.join(dir, `ours-${cut.mode}.mp4`);
  const bareOut = path.join(dir, `bare-${cut.mode}.mp4`);
  const product = async () => {
    const started = performance.now();
    const clip = await cutClip({ tools, input: master, output: oursOut, label: LABEL, ...cut });
    return { ms: performance.now() - started, args: clip.args };
  };
  const bare = (args: string[]) => {
    const started = performance.now();
    const r = spawnSync(tools.ffmpeg, args, { env: tools.ffmpegEnv, stdio: 'ignore' });
    const ms = performance.now() - started;
    if (r.status !== 0) throw new Error(`bare ffmpeg exited ${r.status}`);
    return ms;
  };
  // The first run of each warms the page cache and the binaries, and gives the arguments.
  const { args } = await product();
  const bareArgs = reproduceArgs({ args, input: master, output: bareOut }).filter((a) => !PROGRESS.has(a));
  bare(bareArgs);
  if (sha256(oursOut) !== sha256(bareOut)) throw new Error(`the bare ffmpeg command did not make the same ${cut.mode} clip: ${bareArgs.join(' ')}`);
  const figures: ClipFigures = { cut, ours: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    figures.bare.push(bare(bareArgs));
    figures.ours.push((await product()).ms);
  }
  rmSync(oursOut, { force: true });
  rmSync(bareOut, { force: true });
  return figures;
}
