import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyFingerprint } from '../../../platform/signing/signing';
import { preparePackage } from './package.build';
import { fixtureExhibit, PRODUCER } from './package.fixtures';
import { listedEntries } from './package.manifest';
import { SIGNATURE_COMMANDS } from './package.texts';
import { draftWitnessStatement } from './statement.models';

const pair = generateSigningKeyPair();
const key = { ...pair, fingerprint: keyFingerprint(pair.publicKeyPem) };
const exhibit = fixtureExhibit({ reference: 'AB/3', master: Buffer.from('master'), copy: Buffer.from('copy') });
const noBytes = async () => (async function* () { /* not read here */ })();

async function prepare() {
  return preparePackage({
    reference: 'PKG-2025-000007', council: 'Northtown Borough Council', recipient: 'Northshire Police', purpose: 'Assault investigation',
    builtAt: new Date('2025-07-01T09:00:00Z'), builtBy: 'Ann Brown', key,
    exhibits: [{
      ...exhibit, cameras: [{ id: 'c1', name: 'Market Street north', reference: 'CAM-012' }],
      masters: exhibit.masters.map((m) => ({ ...m, mediaType: 'video/x-msvideo', open: noBytes })),
      derivatives: exhibit.derivatives.map((d) => ({ ...d, size: 4, mediaType: 'video/mp4', ffmpegArgs: ['-i', 'in.avi', 'out.mp4'], open: noBytes })),
    }],
    statement: { body: draftWitnessStatement({ producer: PRODUCER, exhibits: [exhibit] }), isFinal: false },
  });
}

describe('MANIFEST.txt and README.txt', () => {
  it('lists every file and document with its SHA-256, the cameras, UK times and the clock in words', async () => {
    const { manifest, documents } = await prepare();
    const text = documents.find((d) => d.path === 'MANIFEST.txt')!.bytes.toString('utf8');
    for (const e of listedEntries(manifest).filter((e) => e.path !== 'MANIFEST.txt')) {
      expect(text).toContain(e.path);
      expect(text).toContain(`SHA-256 ${e.sha256}`);
    }
    expect(text).toContain('Built:     01/07/2025, 10:00:00 UK time, by Ann Brown');
    expect(text).toContain('Cameras:        CAM-012 Market Street north');
    expect(text).toContain('Recorded:       23/11/2025, 14:00:00 to 23/11/2025, 14:10:00');
    expect(text).toContain('Recorder clock: the recorder showed 14:03:10 when the true time was 14:05:00 (recorder 1 min 50 s slow)');
    expect(text).toContain(`Continuity:     5 event(s); the last is #5 with chain hash ${exhibit.events[4].hash}`);
    expect(text).toContain('Working copy AB/3/WC1, 4 bytes, video/mp4');
    expect(text).toContain('ffmpeg arguments: -i in.avi out.mp4');
    expect(text).toContain('\r\n');
  });

  it('tells the recipient how to check hashes and the signature with common tools, and how to play the files', async () => {
    const { documents } = await prepare();
    const readme = documents.find((d) => d.path === 'README.txt')!.bytes.toString('utf8');
    for (const tool of ['sha256sum -c SHA256SUMS', 'shasum -a 256 -c SHA256SUMS', 'certutil -hashfile "exhibits\\AB_3\\master\\NVR export 0001.avi" SHA256', 'Get-FileHash -Algorithm SHA256', ...Object.values(SIGNATURE_COMMANDS)]) {
      expect(readme).toContain(tool);
    }
    expect(readme).toContain(key.fingerprint);
    expect(readme).toMatch(/H\.264\/AAC MP4[\s\S]*manufacturer's player/);
  });

  it('pins each chain head and lists every document in the signed manifest', async () => {
    const { manifest } = await prepare();
    expect(manifest.exhibits[0].continuityHead).toEqual({ seq: 5, hash: exhibit.events[4].hash });
    expect(manifest.documents.map((d) => [d.path, d.role])).toEqual([
      ['continuity/AB_3.json', 'continuity_json'], ['continuity-record.pdf', 'continuity_record'], ['witness-statement.pdf', 'witness_statement'],
      ['README.txt', 'readme'], ['MANIFEST.txt', 'manifest_text'],
    ]);
  });
});
