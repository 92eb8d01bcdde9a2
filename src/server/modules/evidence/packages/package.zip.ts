import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { verifyDetached } from '../../../platform/signing/signing';
import { useNativeCrc32 } from './package.crc';
import { manifestBytes, PACKAGE_NAMES, type ManifestDocument, type PackageManifest } from './package.manifest';
import { renderSha256Sums } from './package.texts';
import { packageFileChanged, packageInconsistent } from './packages.errors';

// Writes a disclosure package as a zip, streamed: each file is opened only when its turn comes, goes
// through in chunks (never whole in memory), is hashed again on the way (by the store's checked read,
// or here) and stored as it is (video
// does not compress), and the zip itself is hashed as it is written. Zip64 is used where sizes or
// offsets pass 4 GB. Every entry is dated with the manifest's build time.

useNativeCrc32();

export interface PackageFileSource {
  path: string;
  size: number;
  /** The SHA-256 the database holds for the file; the bytes streamed must match it. */
  sha256: string;
  open: () => Promise<AsyncIterable<Uint8Array> | NodeJS.ReadableStream>;
  /**
   * The stream `open` gives checks the SHA-256 itself and ends with an error on a mismatch (the object
   * store's read does): the writer then only counts the bytes, saving a second pass of SHA-256.
   */
  checkedBySource?: boolean;
}
export interface PackageDocument { path: string; bytes: Buffer }

const TRAILING_ROLES: ManifestDocument['role'][] = ['manifest_text', 'readme'];
// PDFs and JSON are small; JSON and text compress well, PDFs already are.
const compressible = (path: string) => /\.(json|txt)$/i.test(path) || path === PACKAGE_NAMES.sums;
const PROGRESS_STEP = 8 * 1024 * 1024;

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Refuses inputs that do not match the manifest they are meant to be, before a byte is written. */
function checkAgainstManifest({ files, documents, manifest, signature }: { files: PackageFileSource[]; documents: PackageDocument[]; manifest: PackageManifest; signature: string }) {
  const problems: string[] = [];
  const listed = new Map([...manifest.exhibits.flatMap((e) => e.files), ...manifest.documents].map((e) => [e.path, e]));
  const given = [...files, ...documents.map((d) => ({ path: d.path, size: d.bytes.length, sha256: sha256Hex(d.bytes) }))];
  for (const g of given) {
    const l = listed.get(g.path);
    if (!l) problems.push(`${g.path} is not in the manifest`);
    else if (l.sha256 !== g.sha256 || l.size !== g.size) problems.push(`${g.path} is not the file the manifest lists`);
    listed.delete(g.path);
  }
  for (const path of listed.keys()) problems.push(`${path} is in the manifest but was not given`);
  if (new Set(given.map((g) => g.path.toLowerCase())).size !== given.length) problems.push('two entries have the same path');
  if (!verifyDetached({ publicKeyPem: manifest.signingKey.publicKeyPem, data: manifestBytes(manifest), signature })) problems.push('the signature does not match the manifest');
  if (problems.length) throw packageInconsistent({ problems });
}

/** Hashes and counts a file's bytes on their way into the zip; fails at the end if they are not the recorded ones. */
function checking(file: PackageFileSource, onBytes: (n: number) => void) {
  const hash = file.checkedBySource ? undefined : createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      hash?.update(chunk);
      size += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      const actual = hash ? hash.digest('hex') : file.sha256;
      done(actual === file.sha256 && size === file.size ? null : packageFileChanged({ path: file.path, expected: file.sha256, actual, size }));
    },
  });
}

/** Hashes and counts the zip as it goes to the output. */
function tee() {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) { hash.update(chunk); size += chunk.length; done(null, chunk); },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

const isNodeStream = (s: unknown): s is NodeJS.ReadableStream => !!s && typeof (s as NodeJS.ReadableStream).pipe === 'function';

/**
 * Writes the package to `output` and returns the zip's own SHA-256 and size. On a file whose bytes
 * are not its recorded SHA-256, or any read error, it stops with that error and `output` is
 * destroyed: the caller removes what was written.
 */
export async function writePackageZip({ files, documents, manifest, signature, output, onProgress }: {
  files: PackageFileSource[]; documents: PackageDocument[]; manifest: PackageManifest; signature: string;
  output: NodeJS.WritableStream; onProgress?: (bytesDone: number, bytesTotal: number) => void;
}): Promise<{ sha256: string; size: number }> {
  checkAgainstManifest({ files, documents, manifest, signature });
  const mtime = new Date(manifest.builtAt);
  const zip = new ZipFile();
  const out = tee();
  const fail = (err: unknown) => { (zip.outputStream as Readable).destroy(err instanceof Error ? err : new Error(String(err))); };
  zip.on('error', fail);

  const manifestJson = manifestBytes(manifest);
  const signatureFile = Buffer.from(`${signature}\n`, 'utf8');
  const publicKey = Buffer.from(manifest.signingKey.publicKeyPem, 'utf8');
  const roleOf = new Map(manifest.documents.map((d) => [d.path, d.role]));
  const rank = (d: PackageDocument) => TRAILING_ROLES.indexOf(roleOf.get(d.path)!);
  const trailing = documents.filter((d) => rank(d) >= 0).sort((a, b) => rank(a) - rank(b));
  const leading = documents.filter((d) => !trailing.includes(d));
  const checked = [...leading, { path: PACKAGE_NAMES.manifest, bytes: manifestJson }, { path: PACKAGE_NAMES.signature, bytes: signatureFile }, { path: PACKAGE_NAMES.publicKey, bytes: publicKey }];
  const sums = renderSha256Sums([...files, ...[...checked, ...trailing].map((d) => ({ path: d.path, sha256: sha256Hex(d.bytes) }))]);

  const total = files.reduce((n, f) => n + f.size, 0) + [...checked, ...trailing].reduce((n, d) => n + d.bytes.length, sums.length);
  let done = 0;
  let reported = 0;
  const advance = (n: number) => {
    done += n;
    if (done - reported >= PROGRESS_STEP || done === total) { reported = done; onProgress?.(done, total); }
  };

  for (const file of files) {
    zip.addReadStreamLazy(file.path, { compress: false, size: file.size, mtime }, (cb) => {
      file.open().then((source) => {
        const readable = isNodeStream(source) ? source : Readable.from(source);
        const check = checking(file, advance);
        readable.on('error', fail);
        check.on('error', fail);
        cb(null, readable.pipe(check));
      }, fail);
    });
  }
  for (const d of [...checked, { path: PACKAGE_NAMES.sums, bytes: sums }, ...trailing]) {
    zip.addBuffer(d.bytes, d.path, { compress: compressible(d.path), mtime });
    advance(d.bytes.length);
  }
  zip.end();
  await pipeline(zip.outputStream, out.stream, output);
  return out.result();
}
