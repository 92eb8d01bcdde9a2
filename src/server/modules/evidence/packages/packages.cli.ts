import type { Db } from '../../../platform/db/db';
import { ensureSigningKey, formatFingerprint } from '../../../platform/signing/signing';
import { PACKAGE_NAMES } from './package.manifest';
import { verifyPackage, type PackageProblem } from './package.verify';

// `vigil evidence verify-package FILE.zip` and `vigil evidence public-key`. Each returns the exit
// code instead of exiting, and writes through `write` (standard output unless a test gives another).

type Write = (line: string) => void;
const stdout: Write = (line) => { process.stdout.write(`${line}\n`); };

const CHECKS = [
  ['zip', 'The zip can be read'],
  ['signature', 'The manifest is signed by the key in the package'],
  ['files', 'Every file matches its SHA-256 and size in the manifest, and nothing was added'],
  ['sums', 'SHA256SUMS agrees with the files'],
  ['continuity', 'Every continuity chain is whole, up to the head the manifest pins'],
] as const;
type Check = (typeof CHECKS)[number][0];

function checkOf(p: PackageProblem): Check {
  if (!p.path) return 'zip';
  if (p.exhibitReference) return 'continuity';
  if (p.path === PACKAGE_NAMES.signature || p.path === PACKAGE_NAMES.publicKey || p.path === PACKAGE_NAMES.manifest) return 'signature';
  if (p.path === PACKAGE_NAMES.sums || p.reason.includes(PACKAGE_NAMES.sums)) return 'sums';
  return 'files';
}

const describe = (p: PackageProblem) =>
  [p.exhibitReference && `exhibit ${p.exhibitReference}`, p.seq !== undefined && `event ${p.seq}`, p.path].filter(Boolean).join(', ') + `: ${p.reason}`;

/** Verifies a package offline; 0 when everything checks, 1 on any problem. */
export async function runVerifyPackage({ file, json = false, expectedFingerprint, write = stdout }: {
  file: string; json?: boolean; expectedFingerprint?: string; write?: Write;
}): Promise<number> {
  const result = await verifyPackage({ file, expectedFingerprint });
  if (json) {
    write(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  write(`Package ${result.reference ?? '(no readable manifest)'} in ${file}`);
  if (result.signedBy) write(`Signed with key ${formatFingerprint(result.signedBy.fingerprint)}`);
  write(expectedFingerprint
    ? `Expected the council's key ${formatFingerprint(expectedFingerprint.replace(/[\s:]/g, '').toLowerCase())}`
    : 'The key was not compared with the council\'s: give --key FINGERPRINT (from `vigil evidence public-key` or the council) to check it');
  write(`Checked ${result.checked.files} file(s), ${result.checked.exhibits} exhibit(s), ${result.checked.events} continuity event(s)`);
  for (const [check, label] of CHECKS) {
    const found = result.problems.filter((p) => checkOf(p) === check);
    write(`${found.length ? 'FAIL' : 'ok  '}  ${label}`);
    for (const p of found) write(`        ${describe(p)}`);
  }
  write(result.ok
    ? 'VERIFIED: every file, the signature and every continuity chain check.'
    : `NOT VERIFIED: ${result.problems.length} problem(s). Do not rely on this package; ask the council for a fresh copy.`);
  return result.ok ? 0 : 1;
}

/** Prints the council's public signing key and its fingerprint, making the key first if there is none. */
export async function runPublicKey({ db, write = stdout }: { db: Db; write?: Write }): Promise<number> {
  const key = await ensureSigningKey(db);
  write(key.publicKeyPem.trimEnd());
  write('');
  write(`Fingerprint (SHA-256 of the key): ${key.fingerprint}`);
  write(`To read aloud: ${formatFingerprint(key.fingerprint)}`);
  write(`Made: ${key.createdAt.toISOString()}`);
  return 0;
}
