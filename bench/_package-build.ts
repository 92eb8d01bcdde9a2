import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileObjectStore } from '../src/server/platform/storage';
import { generateSigningKeyPair, keyFingerprint } from '../src/server/platform/signing/signing';
import { preparePackage, type PackageExhibitInput } from '../src/server/modules/evidence/packages/package.build';
import { fixtureExhibit, PRODUCER } from '../src/server/modules/evidence/packages/package.fixtures';
import { writePackageZip } from '../src/server/modules/evidence/packages/package.zip';
import { draftWitnessStatement } from '../src/server/modules/evidence/packages/statement.models';
import { median } from './_support';

// Package build of `bytes` of exhibits (four masters of random bytes, which do not compress), timed
// beside `zip -0` of the same files in the same run, interleaved, medians compared. For
// bench/evidence.ts: target at most 1.3 times zip -0. The build is the job's own path
// (packages.jobs.ts): the masters are objects in a file object store (VIGIL_DATA_DIR/objects), each
// read back with its hash checked (as gatherExhibits opens them), and the zip streams through a
// PassThrough into the store's putStream (hashed, fsynced, linked), its hash compared with the
// writer's. Only the database work around it is left out.

async function makeFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const block = randomBytes(4 << 20);
  await pipeline(async function* () {
    for (let left = size, i = 0; left > 0; left -= block.length, i++) {
      const chunk = Buffer.from(block.subarray(0, Math.min(left, block.length)));
      chunk.writeUInt32LE(i, 0); // no two blocks alike
      hash.update(chunk);
      yield chunk;
    }
  }, createWriteStream(file));
  return hash.digest('hex');
}

export async function measurePackageBuild({ dir, bytes, runs = 3 }: { dir: string; bytes: number; runs?: number }) {
  const per = Math.floor(bytes / 4);
  const storage = fileObjectStore({ root: path.join(dir, 'objects') });
  const masters: { file: string; sha256: string; size: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, `master-${i}.avi`);
    const sha256 = await makeFile(file, per);
    await storage.adoptFile({ file, sha256 }); // linked into the store: the same file, so zip -0 reads the same bytes
    masters.push({ file, sha256, size: per });
  }
  const pair = generateSigningKeyPair();
  const key = { ...pair, fingerprint: keyFingerprint(pair.publicKeyPem) };
  const exhibits: PackageExhibitInput[] = masters.map((m, i) => {
    const fx = fixtureExhibit({ reference: `AB/${i + 1}`, master: Buffer.alloc(0), copy: Buffer.alloc(0) });
    return {
      ...fx, cameras: [{ id: `c${i}`, name: 'Market Street north' }], derivatives: [],
      masters: [{ name: path.basename(m.file), sha256: m.sha256, size: m.size, mediaType: 'video/x-msvideo', open: async () => (await storage.read(m.sha256))! }],
    };
  });
  const ours = async () => {
    const started = performance.now();
    const prepared = await preparePackage({
      reference: 'PKG-BENCH', council: 'Bench Council', recipient: 'Bench Police', purpose: 'benchmark', builtAt: new Date(), builtBy: 'bench', key, exhibits,
      statement: { body: draftWitnessStatement({ producer: PRODUCER, exhibits: exhibits.map((e) => ({ ...e, masters: e.masters.map(({ name, sha256, size }) => ({ name, sha256, size })), derivatives: [] })) }), isFinal: false },
    });
    const pipe = new PassThrough({ highWaterMark: 1 << 20 });
    const [written, stored] = await Promise.all([
      writePackageZip({ ...prepared, output: pipe }),
      storage.putStream(pipe).catch((err) => { pipe.destroy(err); throw err; }),
    ]);
    const ms = performance.now() - started;
    if (written.sha256 !== stored.sha256) throw new Error(`the package was stored as ${stored.sha256} but written as ${written.sha256}`);
    await storage.remove(stored.sha256);
    return ms;
  };
  const zip0 = () => {
    const out = path.join(dir, 'zip0.zip');
    const started = performance.now();
    const r = spawnSync('zip', ['-0', '-q', '-j', out, ...masters.map((m) => m.file)]);
    const ms = performance.now() - started;
    if (r.status !== 0) throw new Error(`zip -0 exited ${r.status}: ${r.stderr}`);
    rmSync(out);
    return ms;
  };
  // Warm the page cache once for both.
  zip0();
  const [a, b]: number[][] = [[], []];
  for (let i = 0; i < runs; i++) { b.push(zip0()); a.push(await ours()); }
  rmSync(path.join(dir, 'objects'), { recursive: true, force: true });
  for (const m of masters) rmSync(m.file);
  return { ours: median(a), zip0: median(b), oursRuns: a, zip0Runs: b };
}

