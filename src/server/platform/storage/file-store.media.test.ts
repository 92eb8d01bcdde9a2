import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileObjectStore } from './file-store';
import pino from 'pino';
import type { Deps } from '../deps';
import { JOB_DEFINITIONS } from '../../jobs';
import { sha256Of } from './storage';
import { sweepTemporaryObjectsJob } from './storage.jobs';
import { describeObjectStore } from './storage.suite';

// The file-system store: the shared suite, then what only a file system shows (layout, modes,
// links, a process killed in the middle of a write).

const roots: string[] = [];
afterAll(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });
const newRoot = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-objects-'));
  roots.push(root);
  return root;
};
const pathIn = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
const temporaries = (root: string) => { try { return readdirSync(path.join(root, 'tmp')); } catch { return []; } };

describeObjectStore('file', async () => {
  const root = newRoot();
  return {
    store: fileObjectStore({ root }),
    async tamper(sha256, bytes) {
      const file = pathIn(root, sha256);
      chmodSync(file, 0o644);
      writeFileSync(file, bytes);
      chmodSync(file, 0o444);
    },
    async drop(sha256) { rmSync(pathIn(root, sha256)); },
    async temporaries() { return temporaries(root); },
    async leaveTemporary() {
      mkdirSync(path.join(root, 'tmp'), { recursive: true });
      writeFileSync(path.join(root, 'tmp', 'cut-short.part'), 'half a file');
    },
    async close() {},
    memoryBound: 64 * 1024 * 1024, // a chunk or two in flight, and garbage not yet collected
  };
});

describe('the file store on disk', () => {
  it('keeps an object read-only at root/ab/cd/<sha256>, where audit anchors already are', async () => {
    const root = newRoot();
    const data = Buffer.from('head 42:abc\n');
    const stored = await fileObjectStore({ root }).put(data);
    expect(stored).toEqual({ sha256: sha256Of(data), size: data.length, created: true });
    expect(statSync(pathIn(root, stored.sha256)).mode & 0o222).toBe(0); // nobody may write to it
    expect(readdirSync(root).sort()).toEqual([stored.sha256.slice(0, 2), 'tmp']);
  });

  it('never rewrites an object: the same bytes again, even at once, leave the first file as it was', async () => {
    const root = newRoot();
    const store = fileObjectStore({ root });
    const data = Buffer.from('the same bytes');
    const first = await store.put(data);
    const before = statSync(pathIn(root, first.sha256));
    const again = await Promise.all([store.put(data), store.put(data), store.put(data)]);
    expect(again.map((a) => a.created)).toEqual([false, false, false]);
    const after = statSync(pathIn(root, first.sha256));
    expect([after.ino, after.mtimeMs, after.nlink]).toEqual([before.ino, before.mtimeMs, 1]);
    expect(temporaries(root)).toEqual([]);

    const fresh = Buffer.from('new bytes, four writers at once');
    const racing = await Promise.all([1, 2, 3, 4].map(() => store.put(fresh)));
    expect(racing.filter((r) => r.created)).toHaveLength(1);
  });

  it('leaves nothing under a real name when the writing process is killed, and the sweep removes its temporary file', async () => {
    const root = newRoot();
    const fileStore = fileURLToPath(new URL('./file-store.ts', import.meta.url));
    // A process writing an endless stream, killed once some of it is on disk.
    const code = `
      const { fileObjectStore } = await import(${JSON.stringify(fileStore)});
      async function* endless() { for (;;) yield Buffer.alloc(1024 * 1024, 7); }
      let said = false;
      await fileObjectStore({ root: ${JSON.stringify(root)} }).putStream(endless(), { onProgress: (n) => { if (n > 8 * 1024 * 1024 && !said) { said = true; console.log('writing'); } } });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    await once(createInterface({ input: child.stdout }), 'line');
    child.kill('SIGKILL');
    await exited;

    const store = fileObjectStore({ root });
    const objects = [];
    for await (const o of store.list()) objects.push(o);
    expect(objects).toEqual([]);
    expect(temporaries(root)).toHaveLength(1);
    expect(statSync(path.join(root, 'tmp', temporaries(root)[0])).size).toBeGreaterThan(8 * 1024 * 1024);
    expect(await store.sweepTemporary({ olderThanMs: 0 })).toBe(1);
    expect(temporaries(root)).toEqual([]);
  });

  it('sweeps every night what writes cut short left more than a day ago, and nothing newer', async () => {
    const root = newRoot();
    mkdirSync(path.join(root, 'tmp'));
    for (const name of ['yesterday.part', 'now.part']) writeFileSync(path.join(root, 'tmp', name), 'half a file');
    const dayAndAMinute = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(path.join(root, 'tmp', 'yesterday.part'), dayAndAMinute, dayAndAMinute);
    const deps = { storage: fileObjectStore({ root }), log: pino({ level: 'silent' }) } as Partial<Deps> as Deps;
    expect(await sweepTemporaryObjectsJob.handler(deps, {})).toBe('done');
    expect(temporaries(root)).toEqual(['now.part']);
    expect(await sweepTemporaryObjectsJob.handler(deps, {})).toBe('skipped');
    expect(JOB_DEFINITIONS).toContain(sweepTemporaryObjectsJob);
  });
});
