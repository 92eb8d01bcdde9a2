import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkPackageContents, isKeptName, type PackageProblem, type PackageVerification, type ReadEntry } from './package.check';

// Verifies a disclosure package offline, as `vigil evidence verify-package FILE.zip` and the web page
// do: reads the zip one entry at a time (constant memory, whatever the size of the footage), hashes
// every entry, keeps only the small files the checks need, then checks them (package.check.ts).

export type { PackageProblem, PackageVerification } from './package.check';

// A manifest, signature, key, SHA256SUMS or continuity record bigger than this is not one Vigil made.
const KEEP_LIMIT = 64 * 1024 * 1024;

function readEntry(zip: ZipFile, entry: Entry, keep: boolean): Promise<{ read: ReadEntry; bytes?: Buffer; tooBig?: boolean }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (keep && !tooBig) { if (size > KEEP_LIMIT) { tooBig = true; chunks.length = 0; } else chunks.push(chunk); }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve({ read: { sha256: hash.digest('hex'), size }, bytes: keep && !tooBig ? Buffer.concat(chunks) : undefined, tooBig }));
    });
  });
}

/** Reads every entry of the zip; problems reading it (a damaged zip, an entry twice) are reported, not thrown. */
async function readPackage(file: string) {
  const entries = new Map<string, ReadEntry>();
  const kept = new Map<string, Buffer>();
  const problems: PackageProblem[] = [];
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    problems.push({ reason: `the file is not a zip that can be read: ${(e as Error).message}` });
    return { entries, kept, problems };
  }
  await new Promise<void>((resolve) => {
    let stopped = false;
    const stop = (reason: string) => { if (stopped) return; stopped = true; problems.push({ reason }); zip.close(); resolve(); };
    const next = () => { if (!stopped) zip.readEntry(); };
    zip.on('error', (e: Error) => stop(`the zip is damaged: ${e.message}`));
    zip.on('end', () => { stopped = true; resolve(); });
    zip.on('entry', (entry: Entry) => {
      const path = entry.fileName;
      if (path.endsWith('/')) return next();
      if (entries.has(path)) { problems.push({ path, reason: 'the zip holds two entries with this name' }); return next(); }
      readEntry(zip, entry, isKeptName(path)).then(({ read, bytes, tooBig }) => {
        entries.set(path, read);
        if (bytes) kept.set(path, bytes);
        if (tooBig) problems.push({ path, reason: `larger than ${KEEP_LIMIT} bytes: not a file Vigil makes` });
        next();
      }, (e: Error) => {
        problems.push({ path, reason: `could not be read from the zip: ${e.message}` });
        next();
      });
    });
    zip.readEntry();
  });
  return { entries, kept, problems };
}

/**
 * Checks a package: every file's SHA-256 and size against the signed manifest, SHA256SUMS, the
 * signature (and, given `expectedFingerprint`, that the key is the council's), and every exhibit's
 * continuity chain up to its pinned head.
 */
export async function verifyPackage({ file, expectedFingerprint }: { file: string; expectedFingerprint?: string }): Promise<PackageVerification> {
  const { entries, kept, problems } = await readPackage(file);
  return checkPackageContents({ entries, kept, expectedFingerprint, readProblems: problems });
}
