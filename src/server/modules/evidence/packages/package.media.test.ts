import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyFingerprint, signDetached } from '../../../platform/signing/signing';
import { preparePackage, type PackageExhibitInput, type PreparedPackage } from './package.build';
import { fixtureExhibit, PRODUCER, sha256Of } from './package.fixtures';
import { manifestBytes, PACKAGE_NAMES, type PackageManifest } from './package.manifest';
import { SIGNATURE_COMMANDS } from './package.texts';
import { verifyPackage } from './package.verify';
import { writePackageZip } from './package.zip';
import { runVerifyPackage } from './packages.cli';
import { draftWitnessStatement } from './statement.models';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const has = (tool: string) => { try { execSync(`command -v ${tool}`, { stdio: 'ignore' }); return true; } catch { return false; } };

const pair = generateSigningKeyPair();
const key = { ...pair, fingerprint: keyFingerprint(pair.publicKeyPem) };

/** Two exhibits with generated master and working-copy files on disk. */
function makeExhibits(): PackageExhibitInput[] {
  return ['AB/3', 'AB/4'].map((reference, i) => {
    const master = Buffer.alloc(300_000 + i * 1000, `master ${reference} `);
    const copy = Buffer.alloc(120_000, `copy ${reference} `);
    const fixture = fixtureExhibit({ reference, master, copy, masterName: i ? 'CH01 2025/11/23 14:00.dav' : 'NVR export 0001.avi' });
    const files = [master, copy].map((bytes, n) => { const p = path.join(dir, `${reference.replace('/', '_')}-${n}`); writeFileSync(p, bytes); return p; });
    const open = (p: string) => async () => createReadStream(p, { highWaterMark: 1 << 20 });
    return {
      ...fixture, cameras: fixture.cameras.map((c, n) => ({ id: `cam-${n}`, ...c })),
      masters: fixture.masters.map((m) => ({ ...m, mediaType: 'application/octet-stream', open: open(files[0]) })),
      derivatives: fixture.derivatives.map((d) => ({ ...d, size: copy.length, mediaType: 'video/mp4', ffmpegArgs: ['-i', 'master', '-c:v', 'libx264', 'out.mp4'], open: open(files[1]) })),
    };
  });
}

async function build({ exhibits = makeExhibits(), name = 'package.zip', signWith = key, onProgress }: {
  exhibits?: PackageExhibitInput[]; name?: string; signWith?: typeof key; onProgress?: (done: number, total: number) => void;
} = {}) {
  const prepared = await preparePackage({
    reference: 'PKG-2025-000007', council: 'Northtown Borough Council', recipient: 'Northshire Police, PC 1234 Smith', purpose: 'Investigation of assault, crime ref NS/12345/25',
    builtAt: new Date('2025-11-25T10:00:00Z'), builtBy: 'Ann Brown', key: signWith, exhibits,
    statement: { body: draftWitnessStatement({ producer: PRODUCER, exhibits }), isFinal: false },
  });
  const file = path.join(dir, name);
  const written = await writePackageZip({ ...prepared, output: createWriteStream(file), onProgress });
  return { file, written, prepared };
}

/** Every entry of a (small) zip, in order. */
async function readZip(file: string): Promise<[string, Buffer][]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: [string, Buffer][] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve).on('error', reject).on('entry', (entry: yauzl.Entry) => {
      zip.openReadStreamPromise(entry).then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        out.push([entry.fileName, Buffer.concat(chunks)]);
        zip.readEntry();
      }, reject);
    });
    zip.readEntry();
  });
  return out;
}

/** A copy of the zip with entries changed (a function of their bytes), removed (null) or added. */
async function rewrite(file: string, edits: Record<string, ((b: Buffer) => Buffer | null)>, add: [string, Buffer][] = []) {
  const out = path.join(dir, `tampered-${Math.random().toString(36).slice(2)}.zip`);
  const zip = new ZipFile();
  for (const [name, bytes] of await readZip(file)) {
    const edited = edits[name] ? edits[name](bytes) : bytes;
    if (edited) zip.addBuffer(edited, name);
  }
  for (const [name, bytes] of add) zip.addBuffer(bytes, name);
  zip.end();
  await new Promise<void>((res, rej) => zip.outputStream.pipe(createWriteStream(out)).on('finish', res).on('error', rej));
  return out;
}

const flipByte = (at: number) => (b: Buffer) => { const c = Buffer.from(b); c[at] ^= 0x01; return c; };
const json = (b: Buffer) => JSON.parse(b.toString('utf8'));

describe('a disclosure package', () => {
  let good: Awaited<ReturnType<typeof build>>;
  let masterPath: string;
  beforeAll(async () => {
    good = await build();
    masterPath = good.prepared.manifest.exhibits[0].files[0].path;
  });

  it('is a zip of the files, documents, manifest, signature and key, in that order, hashed as written', async () => {
    const entries = (await readZip(good.file)).map(([name]) => name);
    expect(entries).toEqual([
      'exhibits/AB_3/master/NVR export 0001.avi', 'exhibits/AB_3/working-copies/AB_3-WC1.mp4',
      'exhibits/AB_4/master/CH01 2025_11_23 14_00.dav', 'exhibits/AB_4/working-copies/AB_4-WC1.mp4',
      'continuity/AB_3.json', 'continuity/AB_4.json', 'continuity-record.pdf', 'witness-statement.pdf',
      'manifest.json', 'manifest.json.sig', 'public-key.pem', 'SHA256SUMS', 'MANIFEST.txt', 'README.txt',
    ]);
    expect(good.written).toEqual({ sha256: sha256Of(readFileSync(good.file)), size: statSync(good.file).size });
    const manifest = json((await readZip(good.file)).find(([n]) => n === 'manifest.json')![1]) as PackageManifest;
    expect(manifest.exhibits[0]).toMatchObject({
      reference: 'AB/3', recordedFrom: '2025-11-23T14:00:00.000Z', clock: { recorderShowed: '2025-11-23T14:03:10.000Z', trueTime: '2025-11-23T14:05:00.000Z' },
      continuityHead: { seq: 5, hash: good.prepared.manifest.exhibits[0].continuityHead.hash }, cameras: [{ name: 'Market Street north' }],
    });
    expect(manifest.exhibits[0].files[1]).toMatchObject({ role: 'working_copy', reference: 'AB/3/WC1', derivedFrom: manifest.exhibits[0].files[0].sha256, ffmpegVersion: '4.1' });
  });

  it('verifies: every hash, the signature, the council key and every chain', async () => {
    const result = await verifyPackage({ file: good.file, expectedFingerprint: key.fingerprint });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, reference: 'PKG-2025-000007', signedBy: { fingerprint: key.fingerprint }, checked: { files: 14, exhibits: 2, events: 10 } });
  });

  it('checks with common tools as its README says: unzip -t, sha256sum -c and openssl', async () => {
    const out = path.join(dir, 'unzipped');
    mkdirSync(out);
    if (has('unzip')) {
      expect(execFileSync('unzip', ['-t', good.file]).toString()).toMatch(/No errors detected/);
      execFileSync('unzip', ['-q', good.file, '-d', out]);
    } else {
      for (const [name, bytes] of await readZip(good.file)) { mkdirSync(path.dirname(path.join(out, name)), { recursive: true }); writeFileSync(path.join(out, name), bytes); }
    }
    if (has('sha256sum')) expect(execSync('sha256sum -c SHA256SUMS', { cwd: out }).toString().trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    const readme = readFileSync(path.join(out, 'README.txt'), 'utf8');
    for (const command of Object.values(SIGNATURE_COMMANDS)) expect(readme).toContain(command);
    if (!has('openssl')) return;
    execSync(SIGNATURE_COMMANDS.decode, { cwd: out });
    expect(execSync(SIGNATURE_COMMANDS.verify, { cwd: out }).toString()).toMatch(/Signature Verified Successfully/);
    expect(execSync(SIGNATURE_COMMANDS.fingerprint, { cwd: out }).toString()).toContain(key.fingerprint);
    writeFileSync(path.join(out, 'manifest.json'), readFileSync(path.join(out, 'manifest.json'), 'utf8').replace('Northshire', 'Southshire'));
    expect(() => execSync(SIGNATURE_COMMANDS.verify, { cwd: out, stdio: 'pipe' })).toThrow();
  });

  it('is not made when a file is not the one its SHA-256 was recorded for', async () => {
    const exhibits = makeExhibits();
    exhibits[1].masters[0].open = async () => (async function* () { yield Buffer.alloc(exhibits[1].masters[0].size, 'something else'); })();
    await expect(build({ exhibits, name: 'refused.zip' })).rejects.toMatchObject({ code: 'evidence.package_file_changed', details: { path: 'exhibits/AB_4/master/CH01 2025_11_23 14_00.dav' } });
  });

  it('leaves the check to a source that checks its own SHA-256, but still stops on its error or a wrong length', async () => {
    const exhibits = makeExhibits();
    const master = exhibits[0].masters[0];
    const bytes = Buffer.alloc(master.size, 'anything');
    master.checkedBySource = true;
    master.open = async () => (async function* () { yield bytes; throw new Error('stored object now hashes to something else'); })();
    await expect(build({ exhibits, name: 'source-refused.zip' })).rejects.toThrow('now hashes to something else');
    master.open = async () => (async function* () { yield bytes.subarray(1); })();
    await expect(build({ exhibits, name: 'short.zip' })).rejects.toMatchObject({ code: 'evidence.package_file_changed' });
  });

  const problemsOf = async (file: string, expectedFingerprint?: string) => {
    const result = await verifyPackage({ file, expectedFingerprint });
    expect(result.ok).toBe(false);
    return result.problems;
  };

  it('detects a file altered by one byte', async () => {
    const problems = await problemsOf(await rewrite(good.file, { [masterPath]: flipByte(1000) }));
    expect(problems).toContainEqual({ path: masterPath, reason: expect.stringMatching(/^its SHA-256 is [0-9a-f]{64}, not [0-9a-f]{64} as the manifest lists: the file was changed$/) });
  });

  it('detects a file removed, and one added', async () => {
    const problems = await problemsOf(await rewrite(good.file, { [masterPath]: () => null }, [['exhibits/AB_3/master/extra.avi', Buffer.from('x')]]));
    expect(problems).toContainEqual({ path: masterPath, reason: 'listed in the manifest but missing from the package' });
    expect(problems).toContainEqual({ path: 'exhibits/AB_3/master/extra.avi', reason: 'not listed in the manifest: added after the package was made' });
  });

  it('detects a continuity chain cut short by its pinned head', async () => {
    const truncate = (b: Buffer) => Buffer.from(JSON.stringify(json(b).slice(0, -1)));
    const problems = await problemsOf(await rewrite(good.file, { 'continuity/AB_3.json': truncate }));
    expect(problems).toContainEqual({ path: 'continuity/AB_3.json', exhibitReference: 'AB/3', seq: 5, reason: 'the chain ends at event 4 but event 5 was pinned as its head: event(s) removed' });
  });

  it('detects an event altered', async () => {
    const alter = (b: Buffer) => { const events = json(b); events[2].location = 'Car park'; return Buffer.from(JSON.stringify(events)); };
    const problems = await problemsOf(await rewrite(good.file, { 'continuity/AB_4.json': alter }));
    expect(problems).toContainEqual({ path: 'continuity/AB_4.json', exhibitReference: 'AB/4', seq: 3, reason: 'its content does not match its hash: the event was altered' });
  });

  it('detects the manifest altered: the signature fails', async () => {
    const problems = await problemsOf(await rewrite(good.file, { 'manifest.json': (b) => Buffer.from(b.toString('utf8').replace('Northshire', 'Southshire')) }));
    expect(problems).toContainEqual({ path: 'manifest.json', reason: 'the signature does not match manifest.json: the manifest was changed after it was signed, or signed with another key' });
  });

  it('detects a package re-signed with another key, given the council key', async () => {
    const other = generateSigningKeyPair();
    const forged = { ...other, fingerprint: keyFingerprint(other.publicKeyPem) };
    const { manifest } = good.prepared as PreparedPackage;
    const reManifest: PackageManifest = { ...manifest, recipient: 'Someone else', signingKey: { algorithm: 'ed25519', fingerprint: forged.fingerprint, publicKeyPem: forged.publicKeyPem } };
    const sums = (b: Buffer) => Buffer.from(b.toString('utf8').split('\n').filter((l) => !/ (manifest\.json(\.sig)?|public-key\.pem)$/.test(l)).join('\n'));
    const file = await rewrite(good.file, {
      'manifest.json': () => manifestBytes(reManifest), 'manifest.json.sig': () => Buffer.from(signDetached({ privateKeyPem: forged.privateKeyPem, data: manifestBytes(reManifest) })),
      'public-key.pem': () => Buffer.from(forged.publicKeyPem), SHA256SUMS: sums,
    });
    // Whole in itself: only the council's fingerprint shows it is not theirs.
    expect((await verifyPackage({ file })).problems.filter((p) => p.path !== PACKAGE_NAMES.sums && !p.reason.includes('SHA256SUMS'))).toEqual([]);
    expect(await problemsOf(file, key.fingerprint)).toContainEqual({ path: 'public-key.pem', reason: `the package was signed with key ${forged.fingerprint}, not the council's key ${key.fingerprint}` });
  });

  it('detects the public key swapped on its own', async () => {
    const problems = await problemsOf(await rewrite(good.file, { 'public-key.pem': () => Buffer.from(generateSigningKeyPair().publicKeyPem) }), key.fingerprint);
    expect(problems.map((p) => p.reason)).toEqual(expect.arrayContaining([
      'the signature does not match manifest.json: the manifest was changed after it was signed, or signed with another key',
      'public-key.pem is not the key the manifest names',
      expect.stringMatching(/^the package was signed with key [0-9a-f]{64}, not the council's key /),
    ]));
  });

  it('says a file that is not a zip is not one', async () => {
    const file = path.join(dir, 'not.zip');
    writeFileSync(file, 'hello');
    expect((await verifyPackage({ file })).problems[0].reason).toMatch(/^the file is not a zip that can be read/);
  });

  it('prints each check and a verdict from the command line, exit code 1 on a problem', async () => {
    const lines: string[] = [];
    expect(await runVerifyPackage({ file: good.file, expectedFingerprint: key.fingerprint.replace(/(.{4})/g, '$1 '), write: (l) => lines.push(l) })).toBe(0);
    expect(lines.join('\n')).toMatch(/ok {4}Every file matches its SHA-256[\s\S]*ok {4}Every continuity chain is whole[\s\S]*VERIFIED: every file/);
    lines.length = 0;
    const tampered = await rewrite(good.file, { [masterPath]: flipByte(5) });
    expect(await runVerifyPackage({ file: tampered, write: (l) => lines.push(l) })).toBe(1);
    expect(lines).toContain('FAIL  Every file matches its SHA-256 and size in the manifest, and nothing was added');
    expect(lines.some((l) => l.includes(`${masterPath}: its SHA-256 is`))).toBe(true);
    expect(lines.at(-1)).toMatch(/^NOT VERIFIED: \d+ problem\(s\)/);
    lines.length = 0;
    expect(await runVerifyPackage({ file: tampered, json: true, write: (l) => lines.push(l) })).toBe(1);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ ok: false, reference: 'PKG-2025-000007' });
  });
});

describe('a package of more than a gigabyte', () => {
  it('is built and verified in bounded memory: files stream through, never whole', async () => {
    const block = Buffer.alloc(1 << 20, 'footage ');
    const chunksOf = (n: number, salt: number) => async function* () {
      for (let i = 0; i < n; i++) { const c = Buffer.from(block); c.writeUInt32LE(i, 0); c.writeUInt32LE(salt, 4); yield c; }
    };
    const hashOf = async (gen: () => AsyncGenerator<Buffer>) => { const h = createHash('sha256'); for await (const c of gen()) h.update(c); return h.digest('hex'); };
    const sizes = [600, 500]; // MiB
    const exhibits = makeExhibits();
    exhibits.forEach((ex, i) => { ex.masters[0] = { ...ex.masters[0], size: sizes[i] << 20, open: async () => chunksOf(sizes[i], i)() }; });
    for (const [i, ex] of exhibits.entries()) ex.masters[0].sha256 = await hashOf(chunksOf(sizes[i], i));

    let peak = 0;
    const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
    const timer = setInterval(sample, 10);
    try {
      global.gc?.();
      const before = process.memoryUsage.rss();
      const progress: [number, number][] = [];
      const { file, written } = await build({ exhibits, name: 'big.zip', onProgress: (done, total) => progress.push([done, total]) });
      sample();
      // Reported as it goes, in steps, not once per chunk; ending at the total.
      expect(progress.length).toBeGreaterThan(100);
      expect(progress.length).toBeLessThan(1000);
      expect(progress.every(([done], i) => i === 0 || done > progress[i - 1][0])).toBe(true);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(written.size).toBeGreaterThan(1100 * (1 << 20));
      expect(peak - before).toBeLessThan(128 << 20);
      peak = 0;
      const result = await verifyPackage({ file });
      sample();
      expect(result.problems).toEqual([]);
      expect(peak - before).toBeLessThan(128 << 20);
      rmSync(file);
    } finally {
      clearInterval(timer);
    }
  });
});

