import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createProgressReader, progressFraction } from './video.progress';
import { ffmpegCancelled, ffmpegFailed, ffmpegTimedOut, videoToolMissing } from './video.errors';

// The adapter: finds the binaries, spawns them with an argument array (never a shell), reports
// progress, enforces a timeout and returns what happened. What to run is decided elsewhere
// (video.args.ts); every run says which exact ffmpeg ran which arguments.

export interface VideoTools {
  ffmpeg: string; ffprobe: string;
  /** The first line of `-version`, exactly as the binary prints it. */
  ffmpegVersion: string; ffprobeVersion: string;
  /** The environment each runs in; undefined: the server's own. */
  ffmpegEnv?: Record<string, string>; ffprobeEnv?: Record<string, string>;
}

export interface VideoToolSettings { ffmpegPath?: string; ffprobePath?: string }

const STDERR_TAIL = 8 * 1024;
// The npm packages' binaries are static builds whose glibc iconv loads the machine's gconv modules
// and crashes on them (ffprobe 2023 segfaults on every MPEG-TS, at its service names). With no
// modules to find, iconv fails cleanly and ffmpeg carries on. Nothing else in their environment
// matters to them, so they get only this; a binary named in the settings keeps the server's.
const PACKAGE_ENV = { GCONV_PATH: '/nonexistent/vigil-no-gconv' };
const found = new Map<string, Promise<VideoTools>>();

/** The binaries named in settings (FFMPEG_PATH, FFPROBE_PATH), else the npm packages' own; looked up once per process. */
export function locateVideoTools(settings: VideoToolSettings = {}): Promise<VideoTools> {
  const key = `${settings.ffmpegPath ?? ''}\n${settings.ffprobePath ?? ''}`;
  let tools = found.get(key);
  if (!tools) {
    tools = findTools(settings);
    found.set(key, tools);
    tools.catch(() => found.delete(key)); // a failed look-up is tried again next time
  }
  return tools;
}

async function findTools(settings: VideoToolSettings): Promise<VideoTools> {
  const ffmpeg = settings.ffmpegPath ?? (await packagePath('ffmpeg', () => import('@ffmpeg-installer/ffmpeg')));
  const ffprobe = settings.ffprobePath ?? (await packagePath('ffprobe', () => import('@ffprobe-installer/ffprobe')));
  // Packages installed as root may leave the binary executable by its owner only: let everyone run it.
  await ensureExecutable({ tool: 'ffmpeg', file: ffmpeg, fix: !settings.ffmpegPath });
  await ensureExecutable({ tool: 'ffprobe', file: ffprobe, fix: !settings.ffprobePath });
  const ffmpegEnv = settings.ffmpegPath ? undefined : PACKAGE_ENV;
  const ffprobeEnv = settings.ffprobePath ? undefined : PACKAGE_ENV;
  const [ffmpegVersion, ffprobeVersion] = await Promise.all([versionOf({ tool: 'ffmpeg', file: ffmpeg, env: ffmpegEnv }), versionOf({ tool: 'ffprobe', file: ffprobe, env: ffprobeEnv })]);
  return { ffmpeg, ffprobe, ffmpegVersion, ffprobeVersion, ffmpegEnv, ffprobeEnv };
}

async function packagePath(tool: 'ffmpeg' | 'ffprobe', load: () => Promise<{ default: { path: string } }>): Promise<string> {
  try {
    return (await load()).default.path;
  } catch (err) {
    throw videoToolMissing({ tool, reason: `the npm package's binary is missing (${String(err instanceof Error ? err.message : err)})` });
  }
}

export async function ensureExecutable({ tool, file, fix }: { tool: 'ffmpeg' | 'ffprobe'; file: string; fix: boolean }) {
  let mode: number;
  try {
    mode = (await fs.stat(file)).mode;
  } catch {
    throw videoToolMissing({ tool, reason: `${file} does not exist` });
  }
  if (fix && (mode & 0o111) !== 0o111) await fs.chmod(file, mode | 0o111).catch(() => undefined); // not ours to change: access says
  try {
    await fs.access(file, fs.constants.X_OK);
  } catch {
    throw videoToolMissing({ tool, reason: `${file} is not executable by this user (chmod a+x it)` });
  }
}

async function versionOf({ tool, file, env }: { tool: 'ffmpeg' | 'ffprobe'; file: string; env?: Record<string, string> }): Promise<string> {
  const run = await runProcess({ file, args: ['-hide_banner', '-version'], env, timeoutMs: 30_000, collectStdout: true });
  const first = run.stdout.split('\n')[0]?.trim();
  if (run.exitCode !== 0 || !first) throw videoToolMissing({ tool, reason: `${file} -version failed: ${run.stderrTail.trim() || `exit ${run.exitCode}`}` });
  return first;
}

export interface FfmpegRun { exitCode: number; stderrTail: string; args: string[]; ffmpegVersion: string }

/**
 * Runs ffmpeg with `args` (progress flags added in front; `args` in the reply is everything it ran
 * with). onProgress gets the fraction done (of durationS, the output's expected length) and the
 * output's position. Throws video.ffmpeg_failed with the stderr tail on failure.
 */
export async function runFfmpeg({ tools, args, durationS, onProgress, signal, timeoutMs = 6 * 3600_000 }: {
  tools: VideoTools; args: string[]; durationS?: number; onProgress?: (fraction: number, outTimeS: number) => void; signal?: AbortSignal; timeoutMs?: number;
}): Promise<FfmpegRun> {
  const full = ['-progress', 'pipe:1', '-nostats', ...args];
  const read = createProgressReader();
  let fraction = 0;
  const run = await runProcess({
    file: tools.ffmpeg, args: full, env: tools.ffmpegEnv, signal, timeoutMs,
    onStdout: (chunk) => {
      for (const report of read(chunk)) {
        fraction = progressFraction({ report, durationS, previous: fraction });
        onProgress?.(fraction, report.outTimeS);
      }
    },
  });
  if (run.exitCode !== 0) throw ffmpegFailed({ exitCode: run.exitCode, signal: run.signal, stderrTail: run.stderrTail });
  return { exitCode: 0, stderrTail: run.stderrTail, args: full, ffmpegVersion: tools.ffmpegVersion };
}

export interface FfprobeRun { exitCode: number | null; stdout: string; stderrTail: string; args: string[]; ffprobeVersion: string }

/** Runs ffprobe; a file it cannot read is an answer (exitCode, stderr), not an exception. */
export async function runFfprobe({ tools, args, signal, timeoutMs = 120_000 }: { tools: VideoTools; args: string[]; signal?: AbortSignal; timeoutMs?: number }): Promise<FfprobeRun> {
  const run = await runProcess({ file: tools.ffprobe, args, env: tools.ffprobeEnv, signal, timeoutMs, collectStdout: true });
  return { exitCode: run.exitCode, stdout: run.stdout, stderrTail: run.stderrTail, args, ffprobeVersion: tools.ffprobeVersion };
}

function runProcess({ file, args, env, signal, timeoutMs, collectStdout = false, onStdout }: {
  file: string; args: string[]; env?: Record<string, string>; signal?: AbortSignal; timeoutMs: number; collectStdout?: boolean; onStdout?: (chunk: string) => void;
}): Promise<{ exitCode: number | null; signal: string | null; stdout: string; stderrTail: string }> {
  if (signal?.aborted) return Promise.reject(ffmpegCancelled());
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    const stdout: string[] = [];
    let stderrTail = '';
    let stopped: 'timeout' | 'abort' | undefined;
    const stop = (why: 'timeout' | 'abort') => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = () => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (collectStdout) stdout.push(chunk);
      onStdout?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL);
    });
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err) => {
      finish();
      reject(err);
    });
    child.on('close', (exitCode, exitSignal) => {
      finish();
      if (stopped === 'timeout') reject(ffmpegTimedOut({ timeoutMs, stderrTail }));
      else if (stopped === 'abort') reject(ffmpegCancelled());
      else resolve({ exitCode, signal: exitSignal, stdout: stdout.join(''), stderrTail });
    });
  });
}
