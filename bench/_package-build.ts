import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { generateSigningKeyPair, keyFingerprint } from '../src/server/platform/signing/signing';
import { preparePackage, type PackageExhibitInput } from '../src/server/modules/evidence/packages/package.build';
import { fixtureExhibit, PRODUCER } from '../src/server/modules/evidence/packages/package.fixtures';
import { writePackageZip } from '../src/server/modules/evidence/packages/package.zip';
import { draftWitnessStatement } from '../src/server/modules/evidence/packages/statement.models';

// Package build of `bytes` of exhibits (four masters of random bytes, which do not compress), timed
// beside `zip -0` of the same files in the same run, interleaved, medians compared. For
// bench/evidence.ts: target at most 1.3 times zip -0.

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
  const masters: { file: string; sha256: string; size: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, `master-${i}.avi`);
    masters.push({ file, sha256: await makeFile(file, per), size: per });
  }
  const pair = generateSigningKeyPair();
  const key = { ...pair, fingerprint: keyFingerprint(pair.publicKeyPem) };
  const exhibits: PackageExhibitInput[] = masters.map((m, i) => {
    const fx = fixtureExhibit({ reference: `AB/${i + 1}`, master: Buffer.alloc(0), copy: Buffer.alloc(0) });
    return {
      ...fx, cameras: [{ id: `c${i}`, name: 'Market Street north' }], derivatives: [],
      masters: [{ name: path.basename(m.file), sha256: m.sha256, size: m.size, mediaType: 'video/x-msvideo', open: async () => createReadStream(m.file, { highWaterMark: 1 << 20 }) }],
    };
  });
  const ours = async () => {
    const out = path.join(dir, 'package.zip');
    const started = performance.now();
    const prepared = await preparePackage({
      reference: 'PKG-BENCH', council: 'Bench Council', recipient: 'Bench Police', purpose: 'benchmark', builtAt: new Date(), builtBy: 'bench', key, exhibits,
      statement: { body: draftWitnessStatement({ producer: PRODUCER, exhibits: exhibits.map((e) => ({ ...e, masters: e.masters.map(({ name, sha256, size }) => ({ name, sha256, size })), derivatives: [] })) }), isFinal: false },
    });
    await writePackageZip({ ...prepared, output: createWriteStream(out) });
    const ms = performance.now() - started;
    rmSync(out);
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
  for (const m of masters) rmSync(m.file);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { ours: median(a), zip0: median(b), oursRuns: a, zip0Runs: b };
}

