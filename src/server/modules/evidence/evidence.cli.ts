import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/http/errors';
import { ingestRecording } from './ingest/ingest.usecases';
import { verifyEvidence } from './verify/verify.usecases';

// `vigil evidence import` and `vigil evidence verify`: what they print, and their exit codes. The
// database and the object store come from the caller (src/server/cli.ts).

type Write = (s: string) => void;

/** Every file under the paths given (folders walked in name order; hidden files skipped). */
export async function filesUnder(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string) => {
    const st = await fs.stat(p);
    if (st.isFile()) { out.push(p); return; }
    if (!st.isDirectory()) return;
    for (const name of (await fs.readdir(p)).sort()) if (!name.startsWith('.')) await walk(path.join(p, name));
  };
  for (const p of paths) await walk(path.resolve(p));
  return out;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export async function runEvidenceImport(deps: Deps, { paths, userId, username, json, write, progress }: {
  paths: string[]; userId: string; username: string; json: boolean; write: Write; progress?: Write;
}): Promise<number> {
  const files = await filesUnder(paths);
  const results: ({ file: string; sha256: string; size: number; recording: string; duplicate: boolean } | { file: string; refused: string })[] = [];
  const actor = { audit: { actorId: userId, actorUsername: username, ip: null, userAgent: 'vigil evidence import' }, userId };
  for (const [i, file] of files.entries()) {
    const size = (await fs.stat(file)).size;
    const label = `[${i + 1}/${files.length}] ${path.basename(file)}`;
    progress?.(`${label}: 0 of ${mb(size)}`);
    try {
      const r = await ingestRecording(deps, {
        actor, input: { file, originalName: path.basename(file), source: 'import', onProgress: (bytes) => progress?.(`${label}: ${mb(bytes)} of ${mb(size)} (${size ? Math.floor((bytes / size) * 100) : 100}%)`) },
      });
      results.push({ file, sha256: r.recording.sha256, size: Number(r.recording.size_bytes), recording: r.recording.id, duplicate: r.duplicate });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ file, refused: err.message });
    }
  }
  progress?.('');
  if (json) write(JSON.stringify({ files: results }, null, 2));
  else {
    for (const r of results) {
      write('refused' in r ? `REFUSED  ${r.file}  ${r.refused}` : `${r.sha256}  ${r.size}  ${r.file}  recording ${r.recording}${r.duplicate ? ' (already held)' : ''}`);
    }
    const refused = results.filter((r) => 'refused' in r).length;
    write(`${results.length - refused} imported, ${refused} refused.`);
  }
  return results.some((r) => 'refused' in r) ? 1 : 0;
}

export async function runEvidenceVerify(deps: Deps, { json, write, progress }: { json: boolean; write: Write; progress?: Write }): Promise<number> {
  const r = await verifyEvidence(deps, { onProgress: (done, total, what) => progress?.(what ? `checking ${done + 1} of ${total}: ${what}` : '') });
  if (json) write(JSON.stringify({ ok: r.problems.length === 0, files: r.files, events: r.events, problems: r.problems }, null, 2));
  else {
    for (const p of r.problems) write(`!! ${p.kind.toUpperCase()}  ${p.what}${p.sha256 ? `  ${p.sha256}` : ''}: ${p.reason}`);
    write(r.problems.length
      ? `EVIDENCE INTEGRITY CHECK FAILED: ${r.problems.length} problem(s) in ${r.files} file(s) and ${r.events} continuity event(s). Tell the CCTV coordinator and keep the server's logs.`
      : `Intact: ${r.files} stored file(s) match their SHA-256 and ${r.events} continuity event(s) form unbroken chains.`);
  }
  return r.problems.length ? 1 : 0;
}
