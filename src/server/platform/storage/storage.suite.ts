import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, ObjectIntegrityError, sha256Of, type ObjectStore } from './storage';

// The one test suite both stores pass (file-store.media.test.ts, s3-store.media.test.ts).

export interface StoreUnderTest {
  store: ObjectStore;
  /** Writes `bytes` over a stored object, behind the store's back. */
  tamper(sha256: string, bytes: Uint8Array): Promise<void>;
  /** Removes a stored object behind the store's back. */
  drop(sha256: string): Promise<void>;
  /** The temporary files or keys the store holds now. */
  temporaries(): Promise<string[]>;
  /** Leaves a temporary file or key as a write cut short by a crash would. */
  leaveTemporary(): Promise<void>;
  /** The most the process's memory may grow while a file of several hundred megabytes passes. */
  memoryBound: number;
  close(): Promise<void>;
}

/** Several hundred megabytes, streamed from a generator and never held whole. */
const BIG = 320 * 1024 * 1024;
const MiB = 1024 * 1024;

export function describeObjectStore(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`the ${name} object store`, () => {
    let t: StoreUnderTest;
    let store: ObjectStore;
    const work = mkdtempSync(path.join(os.tmpdir(), 'vigil-store-suite-'));
    beforeAll(async () => { t = await open(); store = t.store; });
    afterAll(async () => { await t?.close(); rmSync(work, { recursive: true, force: true }); });

    const objectCount = async () => { let n = 0; for await (const _ of store.list()) n += 1; return n; };
    const readAll = async (stream: AsyncIterable<Buffer> | undefined) => {
      const parts: Buffer[] = [];
      for await (const chunk of stream!) parts.push(chunk);
      return Buffer.concat(parts);
    };

    it.each([0, 1, CHUNK_SIZE, CHUNK_SIZE + 1])('stores a file of %i bytes under the SHA-256 that sha256sum gives it, and gives back the same bytes', async (size) => {
      const file = await writeGenerated({ dir: work, size, seed: `sizes-${size}` });
      const expected = await sha256sum(file);
      const stored = await store.putFile(file);
      expect(stored).toEqual({ sha256: expected, size, created: true });
      expect(await store.stat(expected)).toEqual({ size });
      expect((await readAll(await store.read(expected))).equals(readFileSync(file))).toBe(true);
      expect(await store.check(expected)).toEqual({ state: 'ok', actual: expected, size });
    });

    it(`streams ${BIG / MiB} MiB in and out in bounded memory, with sha256sum's hash`, async () => {
      const file = await writeGenerated({ dir: work, size: BIG, seed: 'big' });
      const expected = await sha256sum(file);
      const memory = peakMemory();
      let progress = 0;
      const stored = await store.putStream(generated({ size: BIG, seed: 'big' }), { onProgress: (n) => { progress = n; memory.sample(); } });
      expect(stored).toEqual({ sha256: expected, size: BIG, created: true });
      expect(progress).toBe(BIG);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of (await store.read(expected))!) { hash.update(chunk); size += chunk.length; memory.sample(); }
      expect({ sha256: hash.digest('hex'), size }).toEqual({ sha256: expected, size: BIG });
      expect(await store.putFile(file, { onProgress: memory.sample })).toEqual({ sha256: expected, size: BIG, created: false });
      expect(memory.growth()).toBeLessThan(t.memoryBound);
      rmSync(file);
    });

    it('keeps the same bytes once, however they arrive', async () => {
      const data = Buffer.from('the same bytes, twice');
      const first = await store.put(data);
      expect(first).toEqual({ sha256: sha256Of(data), size: data.length, created: true });
      const count = await objectCount();
      expect(await store.put(data.toString('utf8'))).toEqual({ ...first, created: false });
      expect(await store.putStream(Readable.from([data.subarray(0, 3), data.subarray(3)]))).toEqual({ ...first, created: false });
      expect(await objectCount()).toBe(count);
      expect(await store.find(first.sha256)).toEqual(data);
    });

    it('keeps nothing when the bytes do not hash to the expected SHA-256', async () => {
      const data = Buffer.from('not what was announced');
      const wrong = sha256Of(Buffer.from('what was announced'));
      await expect(store.putStream(Readable.from([data]), { expectedSha256: wrong })).rejects.toMatchObject({ code: 'storage.hash_mismatch', details: { expected: wrong, actual: sha256Of(data) } });
      expect(await store.stat(sha256Of(data))).toBeUndefined();
      expect(await t.temporaries()).toEqual([]);
      expect(await store.putStream(Readable.from([data]), { expectedSha256: sha256Of(data) })).toMatchObject({ created: true });
    });

    it('keeps nothing of a source that fails midway', async () => {
      const count = await objectCount();
      async function* failing() {
        yield* generated({ size: 3 * CHUNK_SIZE, seed: 'failing' });
        throw new Error('the camera disconnected');
      }
      await expect(store.putStream(failing())).rejects.toThrow('the camera disconnected');
      expect(await objectCount()).toBe(count);
      expect(await t.temporaries()).toEqual([]);
    });

    it('stops on an abort, while bytes flow and while the source is stalled, and keeps nothing', async () => {
      const count = await objectCount();
      const flowing = new AbortController();
      const endless = generated({ size: Number.MAX_SAFE_INTEGER, seed: 'endless' });
      await expect(store.putStream(endless, { signal: flowing.signal, onProgress: (n) => { if (n >= 3 * MiB) flowing.abort(); } })).rejects.toMatchObject({ name: 'AbortError' });
      const stalled = new AbortController();
      async function* stalling() {
        yield Buffer.from('the first bytes');
        await new Promise(() => {}); // never another
      }
      await expect(store.putStream(stalling(), { signal: stalled.signal, onProgress: () => stalled.abort() })).rejects.toMatchObject({ name: 'AbortError' });
      await expect(store.putStream(Readable.from([Buffer.from('too late')]), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
      expect(await objectCount()).toBe(count);
      expect(await t.temporaries()).toEqual([]);
    });

    it('ends a read of altered bytes with an ObjectIntegrityError before the last of them, and check() says so', async () => {
      const data = Buffer.concat([...await collect(generated({ size: 2 * CHUNK_SIZE + 100, seed: 'tamper' }))]);
      const { sha256 } = await store.put(data);
      const altered = Buffer.from(data);
      altered[10] ^= 0xff;
      await t.tamper(sha256, altered);
      let received = 0;
      const failure = await (async () => {
        for await (const chunk of (await store.read(sha256))!) received += chunk.length;
      })().catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ObjectIntegrityError);
      expect(failure).toMatchObject({ sha256, actual: sha256Of(altered) });
      expect(received).toBeLessThan(data.length);
      await expect(store.find(sha256)).rejects.toBeInstanceOf(ObjectIntegrityError);
      expect(await store.check(sha256)).toEqual({ state: 'mismatch', actual: sha256Of(altered), size: altered.length });
      if (store.kind === 's3') {
        await expect(store.withLocalFile(sha256, async () => 'used')).rejects.toBeInstanceOf(ObjectIntegrityError); // a checked copy or none
      }
    });

    it('reports a missing object as missing', async () => {
      const { sha256 } = await store.put(Buffer.from('to go missing'));
      await t.drop(sha256);
      expect(await store.check(sha256)).toEqual({ state: 'missing' });
      expect(await store.check('0'.repeat(64))).toEqual({ state: 'missing' });
      expect(await store.stat(sha256)).toBeUndefined();
      expect(await store.read(sha256)).toBeUndefined();
      expect(await store.readRange(sha256, { start: 0, end: 1 })).toBeUndefined();
      expect(await store.find(sha256)).toBeUndefined();
      await expect(store.withLocalFile(sha256, async () => 'used')).rejects.toMatchObject({ code: 'storage.object_missing' });
    });

    it('reads a range of bytes, inclusive, as the player asks for them', async () => {
      const data = Buffer.from('0123456789abcdefghij');
      const { sha256 } = await store.put(data);
      expect((await readAll(await store.readRange(sha256, { start: 5, end: 9 }))).toString()).toBe('56789');
      expect((await readAll(await store.readRange(sha256, { start: 19, end: 19 }))).toString()).toBe('j');
      expect((await readAll(await store.readRange(sha256, { start: 15, end: 1000 }))).toString()).toBe('fghij');
      await expect(store.readRange(sha256, { start: 20, end: 25 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.readRange(sha256, { start: 5, end: 4 })).rejects.toBeInstanceOf(RangeError);
    });

    it('lists what it holds and removes an object for good', async () => {
      const a = await store.put(Buffer.from('listed a'));
      const b = await store.put(Buffer.from('listed and removed b'));
      const listed = await collect(store.list());
      expect(listed).toContainEqual({ sha256: a.sha256, size: a.size });
      expect(listed).toContainEqual({ sha256: b.sha256, size: b.size });
      await store.remove(b.sha256);
      const after = await collect(store.list());
      expect(after).toContainEqual({ sha256: a.sha256, size: a.size });
      expect(after.map((o) => o.sha256)).not.toContain(b.sha256);
      expect(after).toHaveLength(listed.length - 1);
      expect(await store.stat(b.sha256)).toBeUndefined();
      await store.remove(b.sha256); // already gone: nothing to do
      expect(await store.put(Buffer.from('listed and removed b'))).toMatchObject({ created: true });
    });

    it('lends a local file holding the object, for ffmpeg', async () => {
      const data = Buffer.from('for ffmpeg to read');
      const { sha256 } = await store.put(data);
      let lent = '';
      const answer = await store.withLocalFile(sha256, async (file) => { lent = file; return readFileSync(file); });
      expect(answer).toEqual(data);
      expect(existsSync(lent)).toBe(store.kind === 'file'); // the file store's own file; S3's copy is removed
      await expect(store.withLocalFile(sha256, async () => { throw new Error('ffmpeg failed'); })).rejects.toThrow('ffmpeg failed');
    });

    it('sweeps away what a crash left, once it is old enough', async () => {
      await t.leaveTemporary();
      expect(await store.sweepTemporary({ olderThanMs: 3_600_000 })).toBe(0);
      expect(await t.temporaries()).toHaveLength(1);
      expect(await store.sweepTemporary({ olderThanMs: 0 })).toBe(1);
      expect(await t.temporaries()).toEqual([]);
    });

    it('refuses a name that is not a SHA-256', async () => {
      for (const attempt of [() => store.find('../../etc/passwd'), () => store.read('A'.repeat(64)), () => store.stat(''), () => store.remove('../x'), () => store.check('0'.repeat(63))]) {
        await expect(attempt()).rejects.toThrow(/not a SHA-256/);
      }
    });
  });
}

/** Pseudo-random bytes, the same for the same seed, in chunks of CHUNK_SIZE (a fresh buffer each). */
export async function* generated({ size, seed }: { size: number; seed: string }) {
  const base = Buffer.alloc(CHUNK_SIZE);
  let block = createHash('sha512').update(seed).digest();
  for (let at = 0; at < CHUNK_SIZE; at += block.length) {
    block.copy(base, at);
    block = createHash('sha512').update(block).digest();
  }
  for (let at = 0, n = 0; at < size; at += CHUNK_SIZE, n += 1) {
    const chunk = Buffer.from(base.subarray(0, Math.min(CHUNK_SIZE, size - at)));
    if (chunk.length >= 8) chunk.writeBigUInt64BE(BigInt(n)); // no two chunks alike
    yield chunk;
  }
}

async function writeGenerated({ dir, size, seed }: { dir: string; size: number; seed: string }) {
  const file = path.join(dir, `${seed}.bin`);
  await pipeline(Readable.from(generated({ size, seed })), createWriteStream(file));
  return file;
}

async function sha256sum(file: string) {
  const { stdout } = await promisify(execFile)('sha256sum', [file]);
  return stdout.split(' ')[0];
}

export async function collect<T>(items: AsyncIterable<T>) {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The most the resident memory grew over where it started, sampled as bytes pass. */
function peakMemory() {
  const start = process.memoryUsage.rss();
  let peak = start;
  return {
    sample: () => { peak = Math.max(peak, process.memoryUsage.rss()); },
    growth: () => peak - start,
  };
}
