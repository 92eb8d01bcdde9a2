import { z } from 'zod';
import { keyFingerprint, verifyDetached } from '../../../platform/signing/signing';
import { checkContinuityChain, type ContinuityLink } from '../continuity/continuity.models';
import { listedEntries, PACKAGE_NAMES, packagePaths, PackageManifest } from './package.manifest';
import { parseSha256Sums } from './package.texts';

// What `verify-package` decides, from what it read out of the zip (each entry's SHA-256 and size, and
// the bytes of the small files it needs): whether the manifest is the council's (its signature, and
// the key's fingerprint when the council's is known), whether every file is the one the manifest
// lists, whether SHA256SUMS agrees, and whether every exhibit's continuity chain is whole up to the
// head the manifest pins. Every problem is reported, not just the first.

export interface PackageProblem { path?: string; exhibitReference?: string; seq?: number; reason: string }
export interface PackageVerification {
  ok: boolean;
  reference: string | null;
  signedBy: { fingerprint: string } | null;
  checked: { files: number; exhibits: number; events: number };
  problems: PackageProblem[];
}
export interface ReadEntry { sha256: string; size: number }

/** Names whose bytes the checks need (small documents only: the verifier caps what it keeps). */
export const isKeptName = (path: string) =>
  path === PACKAGE_NAMES.manifest || path === PACKAGE_NAMES.signature || path === PACKAGE_NAMES.publicKey || path === PACKAGE_NAMES.sums || /^continuity\/[^/]+\.json$/.test(path);

const FIXED = new Set<string>([PACKAGE_NAMES.manifest, PACKAGE_NAMES.signature, PACKAGE_NAMES.publicKey, PACKAGE_NAMES.sums]);

// Loose: a key added to an event must stay in it, so that its content hash no longer matches.
const Link = z.looseObject({
  seq: z.number().int(), kind: z.string(), at: z.string(), exhibitReference: z.string(), details: z.record(z.string(), z.unknown()),
  contentHash: z.string(), prevHash: z.string(), hash: z.string(),
});

export const normaliseFingerprint = (fp: string) => fp.replace(/[\s:]/g, '').toLowerCase();

function parseJson(bytes: Buffer | undefined): { value?: unknown; error?: string } {
  if (!bytes) return { error: 'missing' };
  try { return { value: JSON.parse(bytes.toString('utf8')) }; } catch (e) { return { error: (e as Error).message }; }
}

function checkSignature({ manifest, kept, expectedFingerprint, problems }: {
  manifest: PackageManifest | undefined; kept: Map<string, Buffer>; expectedFingerprint?: string; problems: PackageProblem[];
}): { fingerprint: string } | null {
  const pem = kept.get(PACKAGE_NAMES.publicKey)?.toString('utf8');
  const signature = kept.get(PACKAGE_NAMES.signature)?.toString('utf8');
  if (!pem) { problems.push({ path: PACKAGE_NAMES.publicKey, reason: 'the public key is missing, so the signature cannot be checked' }); return null; }
  let fingerprint: string;
  try { fingerprint = keyFingerprint(pem); } catch { problems.push({ path: PACKAGE_NAMES.publicKey, reason: 'the public key cannot be read' }); return null; }
  if (!signature) problems.push({ path: PACKAGE_NAMES.signature, reason: 'the signature is missing: who made the package cannot be proved' });
  else if (!verifyDetached({ publicKeyPem: pem, data: kept.get(PACKAGE_NAMES.manifest) ?? Buffer.alloc(0), signature })) {
    problems.push({ path: PACKAGE_NAMES.manifest, reason: 'the signature does not match manifest.json: the manifest was changed after it was signed, or signed with another key' });
  }
  if (manifest && (manifest.signingKey.publicKeyPem.trim() !== pem.trim() || manifest.signingKey.fingerprint !== fingerprint)) {
    problems.push({ path: PACKAGE_NAMES.publicKey, reason: 'public-key.pem is not the key the manifest names' });
  }
  if (expectedFingerprint && normaliseFingerprint(expectedFingerprint) !== fingerprint) {
    problems.push({ path: PACKAGE_NAMES.publicKey, reason: `the package was signed with key ${fingerprint}, not the council's key ${normaliseFingerprint(expectedFingerprint)}` });
  }
  return { fingerprint };
}

function checkFiles({ manifest, entries, problems }: { manifest: PackageManifest; entries: Map<string, ReadEntry>; problems: PackageProblem[] }) {
  const listed = listedEntries(manifest);
  const names = new Set(listed.map((l) => l.path));
  for (const l of listed) {
    const e = entries.get(l.path);
    if (!e) problems.push({ path: l.path, reason: 'listed in the manifest but missing from the package' });
    else if (e.sha256 !== l.sha256) problems.push({ path: l.path, reason: `its SHA-256 is ${e.sha256}, not ${l.sha256} as the manifest lists: the file was changed` });
    else if (e.size !== l.size) problems.push({ path: l.path, reason: `it is ${e.size} bytes, not ${l.size} as the manifest lists` });
  }
  for (const path of entries.keys()) {
    if (!names.has(path) && !FIXED.has(path)) problems.push({ path, reason: 'not listed in the manifest: added after the package was made' });
  }
}

function checkSums({ entries, kept, problems }: { entries: Map<string, ReadEntry>; kept: Map<string, Buffer>; problems: PackageProblem[] }) {
  const text = kept.get(PACKAGE_NAMES.sums);
  if (!text) { problems.push({ path: PACKAGE_NAMES.sums, reason: 'missing' }); return; }
  const seen = new Set<string>();
  for (const line of parseSha256Sums(text.toString('utf8'))) {
    if (!line) { problems.push({ path: PACKAGE_NAMES.sums, reason: 'a line is not "SHA-256, two spaces, file name"' }); continue; }
    seen.add(line.path);
    const e = entries.get(line.path);
    if (!e) problems.push({ path: line.path, reason: `${PACKAGE_NAMES.sums} lists it but the package does not hold it` });
    else if (e.sha256 !== line.sha256) problems.push({ path: line.path, reason: `its SHA-256 is ${e.sha256}, not ${line.sha256} as ${PACKAGE_NAMES.sums} lists` });
  }
  for (const path of entries.keys()) if (path !== PACKAGE_NAMES.sums && !seen.has(path)) problems.push({ path, reason: `not listed in ${PACKAGE_NAMES.sums}` });
}

function checkChains({ manifest, kept, problems }: { manifest: PackageManifest; kept: Map<string, Buffer>; problems: PackageProblem[] }): number {
  let events = 0;
  for (const ex of manifest.exhibits) {
    const path = packagePaths.continuity(ex.reference);
    const parsed = parseJson(kept.get(path));
    const links = z.array(Link).safeParse(parsed.value);
    if (parsed.error || !links.success) {
      problems.push({ path, exhibitReference: ex.reference, reason: parsed.error === 'missing' ? 'the continuity record is missing' : 'the continuity record is not a list of continuity events' });
      continue;
    }
    const chain = links.data as unknown as ContinuityLink[];
    events += chain.length;
    for (const b of checkContinuityChain({ events: chain, pinnedHead: ex.continuityHead.seq ? ex.continuityHead : undefined, exhibitReference: ex.reference })) {
      problems.push({ path, exhibitReference: b.exhibitReference, seq: b.seq, reason: b.reason });
    }
    const stranger = chain.find((e) => e.exhibitReference !== ex.reference);
    if (stranger) problems.push({ path, exhibitReference: ex.reference, seq: stranger.seq, reason: `event ${stranger.seq} belongs to exhibit ${stranger.exhibitReference}` });
    const beyond = chain.find((e) => e.seq > ex.continuityHead.seq);
    if (beyond) problems.push({ path, exhibitReference: ex.reference, seq: beyond.seq, reason: `event ${beyond.seq} comes after the head the manifest pins (${ex.continuityHead.seq})` });
  }
  return events;
}

export function checkPackageContents({ entries, kept, expectedFingerprint, readProblems = [] }: {
  entries: Map<string, ReadEntry>; kept: Map<string, Buffer>; expectedFingerprint?: string; readProblems?: PackageProblem[];
}): PackageVerification {
  const problems = [...readProblems];
  const json = parseJson(kept.get(PACKAGE_NAMES.manifest));
  const parsed = json.error ? undefined : PackageManifest.safeParse(json.value);
  const manifest = parsed?.success ? parsed.data : undefined;
  if (!manifest) {
    problems.push({
      path: PACKAGE_NAMES.manifest,
      reason: json.error === 'missing' ? 'missing: this is not a Vigil disclosure package' : `not a Vigil disclosure package manifest (${json.error ?? parsed?.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; ')})`,
    });
  }
  const signedBy = checkSignature({ manifest, kept, expectedFingerprint, problems });
  checkSums({ entries, kept, problems });
  const events = manifest ? checkChains({ manifest, kept, problems }) : 0;
  if (manifest) checkFiles({ manifest, entries, problems });
  return {
    ok: problems.length === 0, reference: manifest?.reference ?? null, signedBy,
    checked: { files: entries.size, exhibits: manifest?.exhibits.length ?? 0, events }, problems,
  };
}
