// ffmpeg's -progress output: blocks of key=value lines, each ended by progress=continue, the last
// by progress=end. out_time_us is the output's position in microseconds (ffmpeg 4.1 calls it
// out_time_ms, in microseconds all the same); out_time is the same as HH:MM:SS.micro.

export interface ProgressReport { outTimeS: number; end: boolean }

/** Feed it stdout as it comes; it returns the blocks that finished in each chunk. */
export function createProgressReader() {
  let pending = '';
  let outTimeS: number | undefined;
  return (chunk: string): ProgressReport[] => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const reports: ProgressReport[] = [];
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      const seconds = key === 'out_time_us' || key === 'out_time_ms' ? Number(value) / 1e6 : key === 'out_time' ? parseClock(value) : undefined;
      if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0) outTimeS = seconds;
      if (key === 'progress') reports.push({ outTimeS: outTimeS ?? 0, end: value === 'end' });
    }
    return reports;
  };
}

function parseClock(value: string): number | undefined {
  const m = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!m) return undefined;
  return (m[1] ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]));
}

/** How far along the work is, never going back, 1 at the end. */
export function progressFraction({ report, durationS, previous }: { report: ProgressReport; durationS?: number; previous: number }): number {
  if (report.end) return 1;
  if (!durationS || durationS <= 0) return previous;
  return Math.max(previous, Math.min(0.999, report.outTimeS / durationS));
}
