import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM script without types
import { buildServer, isServerBuildStale } from '../scripts/ensure-server-build.mjs';
import { locateVideoTools } from '../src/server/platform/video/video';
import { measureClip } from './_evidence-clip';
import { measureIngest } from './_evidence-ingest';
import { makeLargeVideo, makeMaster } from './_evidence-media';
import { measurePackageBuild } from './_package-build';
import { median, result } from './_support';

// Evidence, each figure beside a baseline measured in the same run (runs interleaved, medians
// compared; every run is printed):
// 1. Ingest of a 2 GiB MP4 through the upload endpoint (tus, from a separate process, into the real
//    server) beside `sha256sum` of the same file from the page cache. Target: at least 0.9 of
//    sha256sum's rate, and the server's peak resident memory under 250 MB.
// 2. A clip by stream copy (10 minutes of a 30-minute master: an incident as a control room exports
//    it) and by re-encode (6 s of a 120 s master), 1280x720 H.264/AAC, as the worker cuts it, beside
//    the bare ffmpeg command making the same bytes. Target: at most 1.1×. A 60 s copy is printed
//    too: the product's fixed cost (three short ffprobe runs that find the key frame and measure
//    where the clip really begins and ends, about 50 ms) is a larger share of so quick a copy.
// 3. A disclosure package of 2 GiB of exhibits built into the object store beside `zip -0` of the
//    same files. Target: at most 1.3×.
// BENCH_RUNS (3), BENCH_INGEST_BYTES and BENCH_PACKAGE_BYTES (2 GiB each) change the sizes.

const runs = Number(process.env.BENCH_RUNS ?? 3);
const INGEST_BYTES = Number(process.env.BENCH_INGEST_BYTES ?? 2 * 1024 ** 3);
const PACKAGE_BYTES = Number(process.env.BENCH_PACKAGE_BYTES ?? 2 * 1024 ** 3);
const MB = 1e6;

if (isServerBuildStale() && (await buildServer()) !== 0) process.exit(1);
// At the most: the upload file, its stored copy and a second upload in progress (ingest), then the
// masters and the package (package build), one after the other.
const needed = Math.max(3 * INGEST_BYTES, 2 * PACKAGE_BYTES) + 1024 ** 3;
const { bavail, bsize } = statfsSync(os.tmpdir());
if (bavail * bsize < needed) throw new Error(`${os.tmpdir()} has ${(bavail * bsize / 1024 ** 3).toFixed(1)} GiB free; this bench needs ${(needed / 1024 ** 3).toFixed(1)} GiB`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-evidence-'));
const say = (line: string) => process.stdout.write(`${line}\n`);
const list = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(', ');
try {
  const tools = await locateVideoTools();
  say(`ffmpeg: ${tools.ffmpegVersion}`);
  const master = await makeMaster({ tools, dir, seconds: 120 });
  const long = await makeMaster({ tools, dir, seconds: 1800 });

  const copy = await measureClip({ tools, master: long, dir, cut: { mode: 'copy', startS: 600.3, endS: 1200.3 }, runs: Math.max(9, runs) });
  const shortCopy = await measureClip({ tools, master, dir, cut: { mode: 'copy', startS: 30.3, endS: 90.3 }, runs: Math.max(5, runs) });
  const reencode = await measureClip({ tools, master, dir, cut: { mode: 'reencode', startS: 40.2, endS: 46.2 }, runs });
  for (const c of [copy, shortCopy, reencode]) {
    say(`clip by ${c.cut.mode} ${c.cut.startS}-${c.cut.endS} s: cutClip median ${median(c.ours).toFixed(0)} ms (${list(c.ours)}); bare ffmpeg median ${median(c.bare).toFixed(0)} ms (${list(c.bare)})`);
  }

  const upload = path.join(dir, 'upload.mp4');
  const size = await makeLargeVideo({ tools, master, file: upload, bytes: INGEST_BYTES });
  say(`ingest file: ${(size / MB).toFixed(0)} MB of MP4 (the master looped by stream copy)`);
  const ingest = await measureIngest({ file: upload, runs });
  rmSync(upload);
  const rate = (ms: number) => ingest.size / MB / (ms / 1000);
  const ingestRates = ingest.uploadMs.map(rate);
  const shaRates = ingest.sha256sumMs.map(rate);
  say(`ingest through the upload endpoint: median ${median(ingestRates).toFixed(0)} MB/s (${list(ingestRates)}); sha256sum: median ${median(shaRates).toFixed(0)} MB/s (${list(shaRates)})`);
  say(`server resident memory: ${(ingest.startRssBytes / MB).toFixed(0)} MB when started, peak ${(ingest.peakRssBytes / MB).toFixed(0)} MB (VmHWM)`);

  const pkg = await measurePackageBuild({ dir, bytes: PACKAGE_BYTES, runs });
  say(`package build of ${(PACKAGE_BYTES / MB).toFixed(0)} MB: median ${pkg.ours.toFixed(0)} ms (${list(pkg.oursRuns)}); zip -0: median ${pkg.zip0.toFixed(0)} ms (${list(pkg.zip0Runs)})`);

  const ingestRate = median(ingestRates);
  const shaRate = median(shaRates);
  result({ bench: 'evidence', metric: 'ingest-throughput', value: Math.round(ingestRate), unit: 'MB/s', baseline: Math.round(shaRate), ratio: ingestRate / shaRate, target: '>=0.9', pass: ingestRate / shaRate >= 0.9 });
  const peak = ingest.peakRssBytes / MB;
  result({ bench: 'evidence', metric: 'ingest-peak-rss', value: Math.round(peak), unit: 'MB', baseline: Math.round(ingest.startRssBytes / MB), target: '<250MB', pass: peak < 250 });
  for (const [metric, c] of [['clip-copy', copy], ['clip-reencode', reencode]] as const) {
    const [ours, bare] = [median(c.ours), median(c.bare)];
    result({ bench: 'evidence', metric, value: Math.round(ours), unit: 'ms', baseline: Math.round(bare), ratio: ours / bare, target: '<=1.1', pass: ours / bare <= 1.1 });
  }
  result({ bench: 'evidence', metric: 'package-build', value: Math.round(pkg.ours), unit: 'ms', baseline: Math.round(pkg.zip0), ratio: pkg.ours / pkg.zip0, target: '<=1.3', pass: pkg.ours / pkg.zip0 <= 1.3 });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
