import { createHash } from 'node:crypto';
import type { WitnessStatementBody } from '../../../../domain/evidence/statement';
import { signDetached } from '../../../platform/signing/signing';
import { CONTINUITY_GENESIS, type ContinuityLink } from '../continuity/continuity.models';
import { renderContinuityRecord } from './continuity.pdf';
import {
  manifestBytes, PACKAGE_FORMAT, PACKAGE_NAMES, packagePaths, PackageManifest, uniquePath,
  type FileRole, type ManifestDocument, type ManifestExhibit, type ManifestFile,
} from './package.manifest';
import { renderManifestText, renderReadme } from './package.texts';
import type { PackageDocument, PackageFileSource } from './package.zip';
import type { ClockCheck } from '../../../../domain/evidence/words';
import { renderWitnessStatement } from './statement.pdf';

// Everything a package holds, made from plain data the evidence module gathers: the files' paths in
// the zip, the documents (continuity as JSON and PDF, the witness statement, MANIFEST.txt,
// README.txt), the manifest and its signature. The file bytes are not read here: each file comes
// with `open`, and writePackageZip streams and re-checks it.

type Open = PackageFileSource['open'];
type Checked = Pick<PackageFileSource, 'checkedBySource'>;

export interface PackageExhibitInput {
  reference: string;
  description: string;
  cameras: { id: string; name: string; reference?: string }[];
  recordedFrom: string | null;
  recordedTo: string | null;
  clock: ClockCheck | null;
  masters: ({ name: string; sha256: string; size: number; mediaType: string; open: Open } & Checked)[];
  derivatives: ({
    reference: string; kind: Exclude<FileRole, 'master'>; sha256: string; size: number; mediaType: string;
    derivedFrom: string; ffmpegVersion: string | null; ffmpegArgs: string[] | null; open: Open;
  } & Checked)[];
  /** The exhibit's continuity events up to now, in order; their head is pinned in the manifest. */
  events: ContinuityLink[];
}

export interface PreparedPackage {
  manifest: PackageManifest;
  signature: string;
  files: PackageFileSource[];
  documents: PackageDocument[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const described = (path: string, role: ManifestDocument['role'], bytes: Buffer): ManifestDocument => ({ path, role, sha256: sha256(bytes), size: bytes.length });

function headOf(events: ContinuityLink[]) {
  const last = events.reduce<ContinuityLink | undefined>((a, e) => (!a || e.seq > a.seq ? e : a), undefined);
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: CONTINUITY_GENESIS };
}

/** Lays the exhibits' files out in the zip, with unique, file-system-safe paths. */
function layOut(exhibits: PackageExhibitInput[]): { exhibits: ManifestExhibit[]; files: PackageFileSource[] } {
  const taken = new Set<string>();
  const files: PackageFileSource[] = [];
  const laid = exhibits.map((ex): ManifestExhibit => {
    const entries: ManifestFile[] = [];
    for (const m of ex.masters) {
      const path = uniquePath(packagePaths.master({ exhibitReference: ex.reference, name: m.name }), taken);
      entries.push({ path, role: 'master', sha256: m.sha256, size: m.size, mediaType: m.mediaType });
      files.push({ path, sha256: m.sha256, size: m.size, open: m.open, checkedBySource: m.checkedBySource });
    }
    for (const d of ex.derivatives) {
      const path = uniquePath(packagePaths.derivative({ exhibitReference: ex.reference, reference: d.reference, role: d.kind, mediaType: d.mediaType }), taken);
      entries.push({
        path, role: d.kind, reference: d.reference, sha256: d.sha256, size: d.size, mediaType: d.mediaType, derivedFrom: d.derivedFrom,
        ...(d.ffmpegVersion ? { ffmpegVersion: d.ffmpegVersion } : {}), ...(d.ffmpegArgs ? { ffmpegArgs: d.ffmpegArgs } : {}),
      });
      files.push({ path, sha256: d.sha256, size: d.size, open: d.open, checkedBySource: d.checkedBySource });
    }
    return {
      reference: ex.reference, description: ex.description, cameras: ex.cameras, recordedFrom: ex.recordedFrom, recordedTo: ex.recordedTo,
      clock: ex.clock, continuityHead: headOf(ex.events), files: entries,
    };
  });
  return { exhibits: laid, files };
}

/**
 * The package's contents, signed. `statement` is the producer's statement as it stands (a draft
 * until they make it final in the app).
 */
export async function preparePackage({ reference, council, recipient, purpose, builtAt, builtBy, key, exhibits, statement }: {
  reference: string; council: string; recipient: string; purpose: string; builtAt: Date; builtBy: string;
  key: { publicKeyPem: string; privateKeyPem: string; fingerprint: string };
  exhibits: PackageExhibitInput[];
  statement: { body: WitnessStatementBody; isFinal: boolean };
}): Promise<PreparedPackage> {
  const laid = layOut(exhibits);
  const head = {
    format: PACKAGE_FORMAT, reference, council, recipient, purpose, builtAt: builtAt.toISOString(), builtBy,
    signingKey: { algorithm: 'ed25519', fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem },
    exhibits: laid.exhibits,
  } as const;
  const documents: PackageDocument[] = [];
  const listed: ManifestDocument[] = [];
  const add = (path: string, role: ManifestDocument['role'], bytes: Buffer) => { documents.push({ path, bytes }); listed.push(described(path, role, bytes)); };

  for (const ex of exhibits) {
    const events = [...ex.events].sort((a, b) => a.seq - b.seq);
    add(packagePaths.continuity(ex.reference), 'continuity_json', Buffer.from(`${JSON.stringify(events, null, 2)}\n`, 'utf8'));
  }
  add(PACKAGE_NAMES.continuityRecord, 'continuity_record', await renderContinuityRecord({
    council, packageReference: reference, generatedAt: builtAt, signingKeyFingerprint: key.fingerprint,
    exhibits: exhibits.map((ex) => ({ reference: ex.reference, description: ex.description, cameras: ex.cameras, masters: ex.masters, events: ex.events })),
  }));
  add(PACKAGE_NAMES.witnessStatement, 'witness_statement', await renderWitnessStatement({ statement: statement.body, isFinal: statement.isFinal }));
  add(PACKAGE_NAMES.readme, 'readme', renderReadme(head));
  // MANIFEST.txt lists every document before it; it cannot list its own hash, so it goes in last.
  add(PACKAGE_NAMES.manifestText, 'manifest_text', renderManifestText(PackageManifest.parse({ ...head, documents: listed })));

  const manifest = PackageManifest.parse({ ...head, documents: listed });
  const signature = signDetached({ privateKeyPem: key.privateKeyPem, data: manifestBytes(manifest) });
  return { manifest, signature, files: laid.files, documents };
}
