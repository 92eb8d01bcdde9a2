import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, makeUser, testDeps } from '../../../../../test/support/deps';
import { fileObjectStore } from '../../../platform/storage';
import type { Deps } from '../../../platform/deps';
import * as ev from '../evidence.usecases';
import { verifyEvidence } from './verify.usecases';
import { runEvidenceVerify } from '../evidence.cli';
import { requestPackage } from '../packages/packages.usecases';
import { buildPackage } from '../packages/packages.jobs';

// `vigil evidence verify` finds tampering: a stored master or copy altered or removed, a continuity
// event altered or removed behind the database's back (by someone who can switch its guard off).

const root = path.join((await import('node:os')).tmpdir(), `vigil-verify-${process.pid}-${Date.now()}`);
const deps: Deps = { ...testDeps(), storage: fileObjectStore({ root }) };
const objectPath = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

async function anExhibitWithBytes(bytes: string) {
  const org = (await makeOrganisation(deps)).id;
  const u = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: org });
  const actor = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  const stored = await deps.storage.put(bytes);
  const rec = await deps.db.insertInto('recordings').values({
    sha256: stored.sha256, size_bytes: stored.size, original_name: 'cam12.mp4', source: 'upload', format: 'unreadable', probe: null, ingested_by: u.id,
  }).returning('id').executeTakeFirstOrThrow();
  const made = await ev.createExhibit(deps, { actor, input: { description: 'Verify test', recordingIds: [rec.id], cameraIds: [], occurrenceIds: [], location: 'Control room' } });
  await ev.recordHandling(deps, { actor, exhibitId: made.id, input: { kind: 'sealed', bagNumber: 'EV1', location: 'Store', reason: '' } });
  await ev.recordHandling(deps, { actor, exhibitId: made.id, input: { kind: 'viewed', location: 'Store', reason: 'Check the seal' } });
  return { ...made, sha256: stored.sha256 };
}

/** As a superuser could: the guard switched off for one statement. */
async function behindTheGuard(statement: ReturnType<typeof sql>) {
  await deps.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

const problemsAbout = async (what: string) => (await verifyEvidence(deps)).problems.filter((p) => p.what.includes(what) || p.sha256 === what);

describe('vigil evidence verify', () => {
  it('passes what is intact, and finds an altered master, a removed one, and altered, removed or reordered continuity', async () => {
    const intact = await anExhibitWithBytes(`intact ${Date.now()}`);
    expect(await problemsAbout(intact.reference)).toEqual([]);
    expect(await problemsAbout(intact.sha256)).toEqual([]);

    const altered = await anExhibitWithBytes(`altered ${Date.now()}`);
    chmodSync(objectPath(altered.sha256), 0o644);
    writeFileSync(objectPath(altered.sha256), 'something else entirely');
    expect(await problemsAbout(altered.sha256)).toEqual([expect.objectContaining({ kind: 'mismatch' })]);

    // A working copy altered in the store.
    const copy = await deps.storage.put(`working copy ${Date.now()}`);
    const rec = await deps.db.selectFrom('exhibit_recordings').select(['recording_id']).where('exhibit_id', '=', intact.id).executeTakeFirstOrThrow();
    const by = await deps.db.selectFrom('exhibits').select('producer_id').where('id', '=', intact.id).executeTakeFirstOrThrow();
    await deps.db.insertInto('exhibit_derivatives').values({
      exhibit_id: intact.id, reference: `${intact.reference}/WC1`, kind: 'working_copy', recording_id: rec.recording_id, parent_sha256: intact.sha256, mode: 'reencode',
      purpose: 'Playable copy', state: 'done', sha256: copy.sha256, size_bytes: copy.size, media_type: 'video/mp4', ffmpeg_version: 'ffmpeg version test', ffmpeg_args: ['-i', '{input}', '{output}'], requested_by: by.producer_id,
    }).execute();
    expect(await problemsAbout(copy.sha256)).toEqual([]);
    chmodSync(objectPath(copy.sha256), 0o644);
    writeFileSync(objectPath(copy.sha256), 'not the copy that was made');
    expect(await problemsAbout(copy.sha256)).toEqual([expect.objectContaining({ kind: 'mismatch', what: `${intact.reference}/WC1` })]);

    const removed = await anExhibitWithBytes(`removed ${Date.now()}`);
    await deps.storage.remove(removed.sha256);
    expect(await problemsAbout(removed.sha256)).toEqual([expect.objectContaining({ kind: 'missing' })]);

    const edited = await anExhibitWithBytes(`edited ${Date.now()}`);
    await behindTheGuard(sql`update continuity_events set reason = 'nothing to see' where exhibit_id = ${edited.id} and seq = 3`);
    expect((await problemsAbout(edited.reference)).map((p) => p.reason)).toEqual([expect.stringContaining('event 3: its content does not match its hash')]);

    const cut = await anExhibitWithBytes(`cut ${Date.now()}`);
    await behindTheGuard(sql`delete from continuity_events where exhibit_id = ${cut.id} and seq = 3`);
    expect((await problemsAbout(cut.reference)).map((p) => p.reason)).toEqual([expect.stringContaining('the chain ends at event 2 but event 3 was pinned')]);

    const middle = await anExhibitWithBytes(`middle ${Date.now()}`);
    await behindTheGuard(sql`delete from continuity_events where exhibit_id = ${middle.id} and seq = 2`);
    expect((await problemsAbout(middle.reference)).length).toBeGreaterThan(0);

    // The command says so loudly, records it and exits 1.
    const lines: string[] = [];
    expect(await runEvidenceVerify(deps, { json: false, write: (s) => lines.push(s) })).toBe(1);
    expect(lines.at(-1)).toMatch(/^EVIDENCE INTEGRITY CHECK FAILED/);
    const audit = await deps.db.selectFrom('audit_pending').select('action').where('action', '=', 'evidence.integrity-failed').executeTakeFirst();
    const sealed = await deps.db.selectFrom('audit_events').select('action').where('action', '=', 'evidence.integrity-failed').executeTakeFirst();
    expect(audit ?? sealed).toBeDefined();
  });
});

describe('a package', () => {
  it('is not made of a stored master altered since it came in, and says which', async () => {
    const bytes = `to be packaged ${Date.now()}`;
    const exhibit = await anExhibitWithBytes(bytes);
    const producer = await deps.db.selectFrom('exhibits').select('producer_id').where('id', '=', exhibit.id).executeTakeFirstOrThrow();
    const actor = { audit: { actorId: producer.producer_id, actorUsername: 'producer', ip: null, userAgent: null }, userId: producer.producer_id };
    chmodSync(objectPath(exhibit.sha256), 0o644);
    writeFileSync(objectPath(exhibit.sha256), bytes.replace('to be', 'not to ')); // the same length, other bytes
    const pkg = await requestPackage(deps, { actor, input: { exhibitIds: [exhibit.id], recipientName: 'Police', purpose: 'Test', includeMasters: true } });
    await buildPackage(deps, { packageId: pkg.id });
    const row = await deps.db.selectFrom('evidence_packages').select(['state', 'failure', 'sha256']).where('id', '=', pkg.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'failed', sha256: null });
    expect(row.failure).toContain(exhibit.sha256);
  });
});
