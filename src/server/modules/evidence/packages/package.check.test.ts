import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyFingerprint, signDetached } from '../../../platform/signing/signing';
import { sealContinuityEvent, type ContinuityLink } from '../continuity/continuity.models';
import { checkPackageContents, type ReadEntry } from './package.check';
import { fixtureExhibit } from './package.fixtures';
import { manifestBytes, PACKAGE_FORMAT, type PackageManifest } from './package.manifest';
import { renderSha256Sums } from './package.texts';

// The checks on what was read out of a zip, without a zip: the shapes a hostile package could take.

const pair = generateSigningKeyPair();
const fingerprint = keyFingerprint(pair.publicKeyPem);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const { events } = fixtureExhibit({ reference: 'AB/3', master: Buffer.from('m'), copy: Buffer.from('c') });

/** A package's contents as the verifier would read them, with the continuity record given. */
function contents({ chain = events, head = { seq: events.at(-1)!.seq, hash: events.at(-1)!.hash } }: { chain?: unknown; head?: { seq: number; hash: string } } = {}) {
  const continuity = Buffer.from(JSON.stringify(chain));
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT, reference: 'PKG-1', council: 'C', recipient: 'R', purpose: 'P', builtAt: '2025-11-25T10:00:00.000Z', builtBy: 'A',
    signingKey: { algorithm: 'ed25519', fingerprint, publicKeyPem: pair.publicKeyPem },
    exhibits: [{ reference: 'AB/3', description: 'd', cameras: [], recordedFrom: null, recordedTo: null, clock: null, continuityHead: head, files: [] }],
    documents: [{ path: 'continuity/AB_3.json', role: 'continuity_json', sha256: sha(continuity), size: continuity.length }],
  };
  const json = manifestBytes(manifest);
  const files: [string, Buffer][] = [
    ['continuity/AB_3.json', continuity], ['manifest.json', json],
    ['manifest.json.sig', Buffer.from(signDetached({ privateKeyPem: pair.privateKeyPem, data: json }))], ['public-key.pem', Buffer.from(pair.publicKeyPem)],
  ];
  files.push(['SHA256SUMS', renderSha256Sums(files.map(([path, b]) => ({ path, sha256: sha(b) })))]);
  const entries = new Map<string, ReadEntry>(files.map(([p, b]) => [p, { sha256: sha(b), size: b.length }]));
  return { entries, kept: new Map(files) };
}

const reasons = (c: ReturnType<typeof contents>) => checkPackageContents(c).problems.map((p) => p.reason);

describe('checking a package', () => {
  it('passes a whole package, and counts what it checked', () => {
    expect(checkPackageContents(contents())).toMatchObject({ ok: true, problems: [], checked: { files: 5, exhibits: 1, events: 5 }, signedBy: { fingerprint } });
  });

  it('says a zip without a manifest is not a Vigil package', () => {
    const c = contents();
    c.kept.delete('manifest.json');
    expect(reasons(c)).toContain('missing: this is not a Vigil disclosure package');
  });

  it('finds an event added to a record after the head the manifest pins', () => {
    const extra = sealContinuityEvent({ head: events.at(-1), event: { ...events[0], kind: 'viewed', details: {} } });
    expect(reasons(contents({ chain: [...events, extra], head: { seq: 5, hash: events[4].hash } }))).toContain('event 6 comes after the head the manifest pins (5)');
  });

  it('finds a field added to an event, which its content hash does not cover', () => {
    const chain = events.map((e, i): ContinuityLink & { note?: string } => (i === 1 ? { ...e, note: 'added later' } : e));
    expect(reasons(contents({ chain }))).toContain('its content does not match its hash: the event was altered');
  });

  it('finds another exhibit\'s events in the record', () => {
    const other = fixtureExhibit({ reference: 'AB/4', master: Buffer.from('m'), copy: Buffer.from('c') }).events;
    expect(reasons(contents({ chain: other, head: { seq: 5, hash: other[4].hash } }))).toContain('event 1 belongs to exhibit AB/4');
  });

  it('finds a record that is not a list of events', () => {
    expect(reasons(contents({ chain: { events } }))).toContain('the continuity record is not a list of continuity events');
  });
});
