import { z } from 'zod';
import { fileSafeReference } from '../../../../domain/references/exhibits';
import { sha256Hex } from '../../../../domain/primitives';
export { fileSafeReference };
import { canonicalJson } from '../../../platform/audit/audit.hash';

// A disclosure package's manifest: every file in the zip with its SHA-256 and size, what each
// exhibit is (cameras, recorded times, the recorder's clock), and the head of each exhibit's
// continuity chain, pinned so that a chain cut short is detected. The council signs the exact bytes
// of manifest.json (canonical JSON: keys sorted, no spaces), so a recipient who checks the signature
// and the hashes knows who made the package and that nothing in it changed. The schema is also the
// verifier's first check of a manifest it did not make.

export const PACKAGE_FORMAT = 'vigil-disclosure-package/1';

const sha256 = sha256Hex;
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 instant');
// A path inside the zip: relative, "/"-separated, no "." or ".." steps, nothing a file system refuses.
const zipPath = z.string().min(1).max(400).regex(/^(?!\/)(?!.*\/\/)(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9 ._()/-]+$/);

export const FILE_ROLES = ['master', 'working_copy', 'clip', 'still'] as const;
export const DOCUMENT_ROLES = ['continuity_record', 'continuity_json', 'witness_statement', 'readme', 'manifest_text'] as const;

export const ManifestFile = z.object({
  path: zipPath,
  role: z.enum(FILE_ROLES),
  /** A working copy's, clip's or still's own reference (AB/3/WC1); none for a master. */
  reference: z.string().optional(),
  sha256,
  size: z.number().int().min(0),
  mediaType: z.string(),
  /** The master's SHA-256 a derivative was made from, and how, so anyone can make it again. */
  derivedFrom: sha256.optional(),
  ffmpegVersion: z.string().optional(),
  ffmpegArgs: z.array(z.string()).optional(),
});

export const ManifestExhibit = z.object({
  reference: z.string().min(1),
  description: z.string(),
  cameras: z.array(z.object({ id: z.string(), name: z.string(), reference: z.string().optional() })),
  recordedFrom: instant.nullable(),
  recordedTo: instant.nullable(),
  clock: z.object({ recorderShowed: instant, trueTime: instant, offsetSeconds: z.number() }).nullable(),
  continuityHead: z.object({ seq: z.number().int().min(0), hash: sha256 }),
  files: z.array(ManifestFile),
});

export const ManifestDocument = z.object({ path: zipPath, role: z.enum(DOCUMENT_ROLES), sha256, size: z.number().int().min(0) });

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  reference: z.string().min(1),
  council: z.string(),
  recipient: z.string(),
  purpose: z.string(),
  builtAt: instant,
  builtBy: z.string(),
  signingKey: z.object({ algorithm: z.literal('ed25519'), fingerprint: sha256, publicKeyPem: z.string() }),
  exhibits: z.array(ManifestExhibit),
  documents: z.array(ManifestDocument),
});

export type ManifestFile = z.output<typeof ManifestFile>;
export type ManifestExhibit = z.output<typeof ManifestExhibit>;
export type ManifestDocument = z.output<typeof ManifestDocument>;
export type PackageManifest = z.output<typeof PackageManifest>;
export type FileRole = ManifestFile['role'];

/** Names fixed by the format, at the zip's root. */
export const PACKAGE_NAMES = {
  manifest: 'manifest.json', signature: 'manifest.json.sig', publicKey: 'public-key.pem', sums: 'SHA256SUMS',
  manifestText: 'MANIFEST.txt', readme: 'README.txt', continuityRecord: 'continuity-record.pdf', witnessStatement: 'witness-statement.pdf',
} as const;

/** The exact bytes that are signed and written as manifest.json. */
export const manifestBytes = (manifest: PackageManifest): Buffer => Buffer.from(canonicalJson(manifest), 'utf8');

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** A file name any file system takes: unusual characters become "_", no leading dot, at most 120 characters. */
export function fileSafeName(name: string): string {
  let safe = name.normalize('NFC').replace(/[^A-Za-z0-9 ._()-]/g, '_').replace(/^[. ]+|[. ]+$/g, '').replace(/ {2,}/g, ' ');
  if (!safe) safe = 'file';
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (safe.length > 120) {
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, 120 - ext.length) + ext;
  }
  return safe;
}

const EXTENSIONS: Record<string, string> = { 'video/mp4': '.mp4', 'image/png': '.png', 'image/jpeg': '.jpg', 'video/quicktime': '.mov' };

/** Where each thing goes in the zip. */
export const packagePaths = {
  master: ({ exhibitReference, name }: { exhibitReference: string; name: string }) => `exhibits/${fileSafeReference(exhibitReference)}/master/${fileSafeName(name)}`,
  derivative: ({ exhibitReference, reference, role, mediaType }: { exhibitReference: string; reference: string; role: FileRole; mediaType: string }) =>
    `exhibits/${fileSafeReference(exhibitReference)}/${role === 'still' ? 'stills' : 'working-copies'}/${fileSafeReference(reference)}${EXTENSIONS[mediaType] ?? (role === 'still' ? '.png' : '.mp4')}`,
  continuity: (exhibitReference: string) => `continuity/${fileSafeReference(exhibitReference)}.json`,
};

/** The path, or the same with " (2)", " (3)" … before the extension when it is taken already. */
export function uniquePath(path: string, taken: Set<string>): string {
  let candidate = path;
  const dot = path.lastIndexOf('.');
  const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Every path the manifest lists, with its recorded hash and size, in the order they go in the zip. */
export function listedEntries(manifest: PackageManifest): { path: string; sha256: string; size: number }[] {
  return [...manifest.exhibits.flatMap((e) => e.files), ...manifest.documents].map(({ path, sha256: hash, size }) => ({ path, sha256: hash, size }));
}
