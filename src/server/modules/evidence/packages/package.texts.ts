import { formatFingerprint } from '../../../platform/signing/signing';
import { PACKAGE_NAMES, type ManifestFile, type PackageManifest } from './package.manifest';
import { describeClock, describeSize, ukTimestamp } from '../../../../domain/evidence/words';

// The plain-text files a recipient reads first: MANIFEST.txt (the manifest in words), README.txt (how
// to check the hashes and the signature with common tools, and how to play the files) and SHA256SUMS
// (for `sha256sum -c`). Text files use CRLF line ends so that Notepad shows them as well as any editor.

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const ROLE_WORDS: Record<ManifestFile['role'], string> = { master: 'Master', working_copy: 'Working copy', clip: 'Clip', still: 'Still' };

/** The commands README.txt gives for the signature; the media tests run exactly these. */
export const SIGNATURE_COMMANDS = {
  decode: `openssl base64 -d -A -in ${PACKAGE_NAMES.signature} -out manifest.sig.bin`,
  verify: `openssl pkeyutl -verify -pubin -inkey ${PACKAGE_NAMES.publicKey} -rawin -in ${PACKAGE_NAMES.manifest} -sigfile manifest.sig.bin`,
  fingerprint: `openssl pkey -pubin -in ${PACKAGE_NAMES.publicKey} -outform DER | openssl dgst -sha256`,
};

/** SHA256SUMS in the format `sha256sum -c` and `shasum -a 256 -c` read: hash, two spaces, path. */
export function renderSha256Sums(entries: { path: string; sha256: string }[]): Buffer {
  return Buffer.from(entries.map((e) => `${e.sha256}  ${e.path}\n`).join(''), 'utf8');
}

/** The lines of a SHA256SUMS file; undefined for a line that is not one (reported by the verifier). */
export function parseSha256Sums(text: string): ({ path: string; sha256: string } | undefined)[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    const m = /^([0-9a-fA-F]{64}) [ *](.+?)\r?$/.exec(l);
    return m ? { sha256: m[1].toLowerCase(), path: m[2] } : undefined;
  });
}

function fileLines(f: ManifestFile): string[] {
  const made = f.derivedFrom ? [`      Made from the file with SHA-256 ${f.derivedFrom}${f.ffmpegVersion ? ` with ffmpeg ${f.ffmpegVersion}` : ''}`] : [];
  const args = f.ffmpegArgs?.length ? [`      ffmpeg arguments: ${f.ffmpegArgs.join(' ')}`] : [];
  return [`    ${f.path}`, `      ${ROLE_WORDS[f.role]}${f.reference ? ` ${f.reference}` : ''}, ${describeSize(f.size)}, ${f.mediaType}`, `      SHA-256 ${f.sha256}`, ...made, ...args];
}

/** MANIFEST.txt: every file with its SHA-256 and size, and what each exhibit is, in UK time. */
export function renderManifestText(manifest: PackageManifest): Buffer {
  const lines = [
    `DISCLOSURE PACKAGE ${manifest.reference}`,
    '',
    `Made by:   ${manifest.council}`,
    `For:       ${manifest.recipient}`,
    `Purpose:   ${manifest.purpose}`,
    `Built:     ${ukTimestamp(manifest.builtAt)} UK time, by ${manifest.builtBy}`,
    `Signed by: the council's Ed25519 key, fingerprint ${formatFingerprint(manifest.signingKey.fingerprint)}`,
    '',
    'Times are UK time (GMT or BST as it was on the day); manifest.json gives the same times in UTC.',
    'This file lists every file in the package with its size and SHA-256, except itself and the files',
    `that check it (${PACKAGE_NAMES.manifest}, ${PACKAGE_NAMES.signature}, ${PACKAGE_NAMES.publicKey}, ${PACKAGE_NAMES.sums}). README.txt says how to check them.`,
  ];
  for (const ex of manifest.exhibits) {
    lines.push('', `EXHIBIT ${ex.reference}`, `  ${ex.description}`);
    lines.push(`  Cameras:        ${ex.cameras.map((c) => (c.reference ? `${c.reference} ${c.name}` : c.name)).join('; ') || '(none recorded)'}`);
    lines.push(`  Recorded:       ${ex.recordedFrom ? `${ukTimestamp(ex.recordedFrom)} to ${ukTimestamp(ex.recordedTo)}` : '(not recorded)'}`);
    lines.push(`  Recorder clock: ${ex.clock ? describeClock(ex.clock) : 'not checked against the true time'}`);
    lines.push(`  Continuity:     ${ex.continuityHead.seq} event(s); the last is #${ex.continuityHead.seq} with chain hash ${ex.continuityHead.hash}`);
    lines.push('  Files:');
    for (const f of ex.files) lines.push(...fileLines(f));
  }
  lines.push('', 'DOCUMENTS');
  for (const d of manifest.documents) lines.push(`    ${d.path}`, `      ${describeSize(d.size)}`, `      SHA-256 ${d.sha256}`);
  return Buffer.from(crlf(lines), 'utf8');
}

/** README.txt for the recipient. */
export function renderReadme(manifest: Pick<PackageManifest, 'reference' | 'council' | 'recipient' | 'builtAt' | 'signingKey' | 'exhibits'>): Buffer {
  const example = manifest.exhibits.flatMap((e) => e.files)[0]?.path ?? 'exhibits/AB_1/master/file.avi';
  const win = example.replace(/\//g, '\\');
  const lines = [
    `HOW TO CHECK AND PLAY DISCLOSURE PACKAGE ${manifest.reference}`,
    '',
    `Made by ${manifest.council} for ${manifest.recipient} on ${ukTimestamp(manifest.builtAt)} (UK time).`,
    `Exhibits: ${manifest.exhibits.map((e) => e.reference).join(', ')}.`,
    '',
    'WHAT IS IN IT',
    '  exhibits/<REF>/master/          the master exhibit files, exactly as exported from the recorder',
    '  exhibits/<REF>/working-copies/  working copies and clips made from the masters (H.264 MP4)',
    '  exhibits/<REF>/stills/          still images (PNG)',
    `  ${PACKAGE_NAMES.continuityRecord.padEnd(30)}  every handling of each exhibit, in order (continuity)`,
    '  continuity/<REF>.json           the same record as data, with its hash chain',
    `  ${PACKAGE_NAMES.witnessStatement.padEnd(30)}  the producer's witness statement (marked DRAFT until signed)`,
    `  ${PACKAGE_NAMES.manifestText.padEnd(30)}  every file with its size and SHA-256; cameras, recorded times, clock`,
    `  ${PACKAGE_NAMES.manifest.padEnd(30)}  the same as data: this is what the council signed`,
    `  ${PACKAGE_NAMES.signature.padEnd(30)}  the council's Ed25519 signature of manifest.json (base64)`,
    `  ${PACKAGE_NAMES.publicKey.padEnd(30)}  the council's public key`,
    `  ${PACKAGE_NAMES.sums.padEnd(30)}  the SHA-256 of every other file, for sha256sum`,
    '',
    'A "/" cannot be part of a file name, so exhibit AB/3 is written AB_3 and its working copy AB/3/WC1 is AB_3-WC1.',
    '',
    '1. CHECK THAT NO FILE HAS CHANGED',
    'Unzip the package, open a terminal in the unzipped folder and run:',
    `  Linux:   sha256sum -c ${PACKAGE_NAMES.sums}`,
    `  macOS:   shasum -a 256 -c ${PACKAGE_NAMES.sums}`,
    'Every line must end in "OK". On Windows, hash a file and compare the result with MANIFEST.txt',
    '(Windows prints the hash in capitals; the letters and digits are the same):',
    `  Command Prompt:  certutil -hashfile "${win}" SHA256`,
    `  PowerShell:      Get-FileHash -Algorithm SHA256 -LiteralPath "${win}"`,
    'or check every file at once in PowerShell:',
    `  Get-Content ${PACKAGE_NAMES.sums} | ForEach-Object { $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) { "OK: $f" } else { "CHANGED: $f" } }`,
    '',
    '2. CHECK WHO MADE THE PACKAGE',
    `${manifest.council} signed manifest.json, which lists the SHA-256 of every file. With OpenSSL 3 or later:`,
    `  ${SIGNATURE_COMMANDS.decode}`,
    `  ${SIGNATURE_COMMANDS.verify}`,
    'The second command must print "Signature Verified Successfully". Then check that the key is the council\'s:',
    `  ${SIGNATURE_COMMANDS.fingerprint}`,
    'prints the key\'s fingerprint, which must be',
    `  ${manifest.signingKey.fingerprint}`,
    `  (in groups: ${formatFingerprint(manifest.signingKey.fingerprint)})`,
    'Compare it with the fingerprint the council shows on its Vigil "Signing key" page or reads to you by',
    'phone, not only with this file. A good signature by the council\'s key and matching hashes together',
    'show that the package is the council\'s and that nothing in it has changed since it was made.',
    '(With Vigil: `vigil evidence verify-package FILE.zip` checks all of this, and every continuity chain, at once.)',
    '',
    '3. PLAY THE FILES',
    '  Working copies are H.264/AAC MP4 files: any player plays them (VLC, Windows Media Player,',
    '  QuickTime, a web browser). A caption on a working copy shows the exhibit reference, the camera',
    '  and the recorded time, corrected for the recorder\'s clock where it was checked.',
    '  Masters are exactly as exported from the recorder and are never changed. Many are in the',
    '  manufacturer\'s own format and need the manufacturer\'s player; VLC plays many common formats.',
    '  Working copies are made from the masters; MANIFEST.txt gives each one\'s master and ffmpeg arguments.',
  ];
  return Buffer.from(crlf(lines), 'utf8');
}
