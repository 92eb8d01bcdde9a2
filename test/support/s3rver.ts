import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * s3rver (an S3 API on the file system, from npm) on loopback in a child process, with one bucket:
 * the S3-compatible store's tests run against it because no real S3 server installs from npm.
 */
export async function startS3rver({ bucket = 'vigil-test' }: { bucket?: string } = {}) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'vigil-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', fileURLToPath(new URL('./s3rver-child.cjs', import.meta.url)), directory, bucket], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line') as Promise<string[]>,
    once(child, 'exit').then(([code]) => { throw new Error(`s3rver exited (${code}) before it listened`); }),
  ]);
  return {
    endpoint: `http://127.0.0.1:${Number(line)}`,
    bucket,
    async stop() {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
