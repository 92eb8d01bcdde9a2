import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, sealed, silentLog, testClock, testConfig } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import { fileObjectStore, type ObjectStore } from '../../../platform/storage';
import * as ev from '../evidence.usecases';
import * as occ from '../../occurrences/occurrences.usecases';
import { requestPackage } from '../packages/packages.usecases';
import { listContinuityEvents } from '../continuity/continuity.repository';
import { checkContinuityChain } from '../continuity/continuity.models';
import { findExhibitFile } from '../evidence.views';
import { verifyEvidence } from '../verify/verify.usecases';
import { applyEvidenceRetention, destroyDueRecordings } from './retention.apply';
import * as rt from './retention.usecases';
import { addMonths } from './retention.models';

// Retention against a real PostgreSQL and a real file store. The nightly run reaches every row, so
// this file has a database of its own; the clock is set, never waited for.

const DAY = 86_400_000;
const PROBE = { container: 'mov,mp4,m4a,3gp,3g2,mj2', durationS: 30, startTime: null, video: { codec: 'h264', width: 768, height: 432, fps: 12.5 }, audio: null };
let handle: OwnDatabase;
let deps: Deps;
let store: ObjectStore;
let root: string;
const clock = testClock();

beforeAll(async () => {
  handle = await ownDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-retention-'));
  store = fileObjectStore({ root });
  deps = { db: handle.db, config: testConfig(), clock, log: silentLog, storage: store };
});
afterAll(async () => {
  await handle.drop();
  rmSync(root, { recursive: true, force: true });
});

async function officer(organisationId?: string) {
  const u = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: organisationId ?? (await makeOrganisation(deps)).id });
  return { ...u, actor: { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id } };
}
type Officer = Awaited<ReturnType<typeof officer>>;

/** A recording whose bytes are in the store, that came in `ageDays` ago by the test clock. */
async function aRecording(by: Officer, { ageDays = 0, bytes = randomBytes(2000) }: { ageDays?: number; bytes?: Buffer } = {}) {
  const stored = await store.put(bytes);
  return deps.db.insertInto('recordings').values({
    sha256: stored.sha256, size_bytes: stored.size, original_name: `${randomBytes(3).toString('hex')}.mp4`, source: 'upload', format: 'video',
    probe: JSON.stringify(PROBE), ingested_by: by.id, ffprobe_version: 'test', ingested_at: new Date(clock.now().getTime() - ageDays * DAY),
  }).returning(['id', 'sha256', 'size_bytes', 'original_name']).executeTakeFirstOrThrow();
}

const anExhibit = (by: Officer, recordingIds: string[], occurrenceIds: string[] = []) =>
  ev.createExhibit(deps, { actor: by.actor, input: { description: 'Assault outside the Coopers Arms', recordingIds, cameraIds: [], occurrenceIds, location: 'CCTV control room' } });

async function anOccurrence(by: Officer) {
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow();
  return (await occ.openOccurrence(deps, { actor: by.actor, input: { source: 'camera_patrol', categoryId: category.id, priority: 'normal', summary: 'Fight outside the bar' } })).id;
}

const destructionsOf = (column: 'recording_id' | 'derivative_id', id: string) =>
  deps.db.selectFrom('evidence_destructions as x').leftJoin('evidence_destruction_removals as m', 'm.destruction_id', 'x.id').selectAll('x').select('m.outcome').where(column, '=', id).execute();
const isDestroyed = async (recordingId: string) => !!(await deps.db.selectFrom('recordings').select('destroyed_at').where('id', '=', recordingId).executeTakeFirstOrThrow()).destroyed_at;
const inStore = async (sha256: string) => (await store.stat(sha256)) !== undefined;

describe('recordings not made exhibits', () => {
  it('are destroyed past their period with a destruction record, then their bytes; held, packaged, open-linked and recent ones stay', async () => {
    const p = await officer();
    const past = await aRecording(p, { ageDays: 32 });
    const recent = await aRecording(p, { ageDays: 30 });
    const held = await aRecording(p, { ageDays: 40 });
    await rt.placeHold(deps, { actor: p.actor, subject: { recordingId: held.id }, reason: 'Police request SP/12345/26' });
    const heldThenReleased = await aRecording(p, { ageDays: 40 });
    const hold = await rt.placeHold(deps, { actor: p.actor, subject: { recordingId: heldThenReleased.id }, reason: 'Insurer asked, then withdrew' });
    await rt.releaseHold(deps, { actor: p.actor, holdId: hold.id, reason: 'The insurer withdrew the claim' });
    const packaged = await aRecording(p, { ageDays: 40 });
    const packagedExhibit = await anExhibit(p, [packaged.id]);
    await requestPackage(deps, { actor: p.actor, input: { exhibitIds: [packagedExhibit.id], recipientName: 'Staffordshire Police', purpose: 'Assault', includeMasters: true } });
    const linked = await aRecording(p, { ageDays: 40 });
    await anExhibit(p, [linked.id], [await anOccurrence(p)]);

    const run = await applyEvidenceRetention(deps);
    expect(run).toMatchObject({ recordingsDestroyed: 2, bytesRemoved: 2, bytesPending: 0 });

    for (const r of [past, heldThenReleased]) {
      expect(await isDestroyed(r.id)).toBe(true);
      expect(await inStore(r.sha256)).toBe(false);
      const [record] = await destructionsOf('recording_id', r.id);
      expect(record).toMatchObject({
        sha256: r.sha256, size_bytes: r.size_bytes, rule: 'routine-31-days', destroyed_by: null, outcome: 'removed',
        reason: 'Not made an exhibit within the retention period of its class, Routine recordings (31 days)',
      });
      expect(record.destroyed_at.getTime()).toBe(clock.now().getTime());
    }
    for (const r of [recent, held, packaged, linked]) {
      expect(await isDestroyed(r.id)).toBe(false);
      expect(await inStore(r.sha256)).toBe(true);
      expect(await destructionsOf('recording_id', r.id)).toEqual([]);
    }
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select('details').where('action', '=', 'recording.destroyed').where('record_id', '=', past.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ sha256: past.sha256, rule: 'routine-31-days' });

    // Nothing destroyed is reported missing by the integrity check, and nothing is done twice.
    expect((await verifyEvidence(deps)).problems).toEqual([]);
    expect(await applyEvidenceRetention(deps)).toMatchObject({ recordingsDestroyed: 0, bytesRemoved: 0 });
  });

  it('follow their class: a longer class keeps a recording past the routine period, and an unknown class is refused', async () => {
    const admin = await makeUser(deps, { roles: ['admin'] });
    const adminActor = { actorId: admin.id, actorUsername: admin.username, ip: null, userAgent: null };
    await rt.updateEvidenceRetention(deps, { actor: adminActor, settings: { classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }, { key: 'police_request', name: 'Police request', days: 90 }], exhibitReviewMonths: 6 } });
    const p = await officer();
    const r = await aRecording(p, { ageDays: 45 });
    const set = await rt.setRecordingRetentionClass(deps, { actor: p.actor, recordingId: r.id, retentionClass: 'police_request' });
    expect(set.deleteAfter).toBe(new Date(clock.now().getTime() + 45 * DAY).toISOString());
    await expect(rt.setRecordingRetentionClass(deps, { actor: p.actor, recordingId: r.id, retentionClass: 'nope' })).rejects.toMatchObject({ fieldErrors: [{ path: 'retentionClass' }] });

    await applyEvidenceRetention(deps);
    expect(await isDestroyed(r.id)).toBe(false);
    // A class recordings are in cannot be removed.
    await expect(rt.updateEvidenceRetention(deps, { actor: adminActor, settings: { classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }], exhibitReviewMonths: 6 } }))
      .rejects.toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'classes', message: expect.stringContaining('police_request') }] });

    clock.advance(46 * DAY);
    await applyEvidenceRetention(deps);
    expect((await destructionsOf('recording_id', r.id))[0]).toMatchObject({ rule: 'police_request-90-days', outcome: 'removed' });
    // Once none is in it, it can go; the change is audited with before and after.
    await rt.updateEvidenceRetention(deps, { actor: adminActor, settings: { classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }], exhibitReviewMonths: 6 } });
    const [change] = await (await sealed(deps.db)).selectFrom('audit_events').select('details').where('action', '=', 'settings.changed').where('record_id', '=', 'evidence.retention').orderBy('seq', 'desc').limit(1).execute();
    expect(change.details).toMatchObject({ before: { classes: [{ key: 'routine' }, { key: 'police_request', days: 90 }] }, after: { classes: [{ key: 'routine' }] } });
  });
});

describe('the run cut short between the record and the bytes', () => {
  it('leaves the record and the bytes; the next run removes them, unless the same bytes came in again meanwhile', async () => {
    const p = await officer();
    const a = await aRecording(p, { ageDays: 35 });
    const b = await aRecording(p, { ageDays: 35 });
    // The process dies after the destruction has committed, before any bytes are removed.
    expect(await destroyDueRecordings(deps)).toBeGreaterThanOrEqual(2);
    // An object-locked store refuses removal until the lock ends.
    const locked: ObjectStore = { ...store, remove: async () => { throw new Error('AccessDenied: object is under retention lock'); } };
    const refused = await applyEvidenceRetention({ ...deps, storage: locked });
    expect(refused.bytesPending).toBeGreaterThanOrEqual(2);
    for (const r of [a, b]) {
      expect(await isDestroyed(r.id)).toBe(true);
      expect(await inStore(r.sha256)).toBe(true);
      expect((await destructionsOf('recording_id', r.id))[0].outcome).toBeNull();
    }
    // b's bytes come in again as a new recording before the next run: they are its now.
    const again = await deps.db.insertInto('recordings').values({
      sha256: b.sha256, size_bytes: b.size_bytes, original_name: 'again.mp4', source: 'import', format: 'video', probe: JSON.stringify(PROBE), ingested_by: p.id, ffprobe_version: 'test', ingested_at: clock.now(),
    }).returning('id').executeTakeFirstOrThrow();

    const next = await applyEvidenceRetention(deps);
    expect(next).toMatchObject({ bytesPending: 0 });
    expect(await inStore(a.sha256)).toBe(false);
    expect((await destructionsOf('recording_id', a.id))[0].outcome).toBe('removed');
    expect(await inStore(b.sha256)).toBe(true);
    expect((await destructionsOf('recording_id', b.id))[0].outcome).toBe('in_use');
    expect(await isDestroyed(again.id)).toBe(false);
  });
});

describe('exhibits', () => {
  async function aDoneCopy(exhibitId: string, recording: { id: string; sha256: string }, by: Officer) {
    const stored = await store.put(randomBytes(500));
    return deps.db.insertInto('exhibit_derivatives').values({
      exhibit_id: exhibitId, reference: `X/${randomBytes(3).toString('hex')}/WC1`, kind: 'working_copy', recording_id: recording.id, parent_sha256: recording.sha256, mode: 'reencode',
      purpose: 'Playable copy', state: 'done', progress: 1, sha256: stored.sha256, size_bytes: stored.size, media_type: 'video/mp4', ffmpeg_version: 'test', ffmpeg_args: ['-i', 'x'],
      requested_by: by.id, requested_at: clock.now(), completed_at: clock.now(),
    }).returning(['id', 'sha256']).executeTakeFirstOrThrow();
  }
  const dueIds = async () => (await rt.listReviewsDue(deps, { offset: 0, limit: 200 })).items.map((i) => i.exhibit.id);

  it('come up for review once nothing linked is open; "keep" puts the next review off; "destroy" is carried out by the run with records and a continuity event', async () => {
    const p = await officer();
    const reviewer = await officer(p.organisationId);
    const occurrenceId = await anOccurrence(p);
    const master = await aRecording(p);
    const linked = await anExhibit(p, [master.id], [occurrenceId]);
    const copy = await aDoneCopy(linked.id, master, p);
    const alone = await anExhibit(p, [(await aRecording(p)).id]);

    clock.advance(190 * DAY);
    expect(await dueIds()).toContain(alone.id);
    expect(await dueIds()).not.toContain(linked.id); // its occurrence is open
    await occ.closeOccurrence(deps, { actor: p.actor, occurrenceId, outcome: 'dispersed' });
    const closedAt = clock.now();
    expect(await dueIds()).not.toContain(linked.id);
    clock.advance(185 * DAY);
    const due = (await rt.listReviewsDue(deps, { offset: 0, limit: 200 })).items.find((i) => i.exhibit.id === linked.id)!;
    expect(new Date(due.reviewDueAt).getTime()).toBeGreaterThan(closedAt.getTime() + 180 * DAY);
    expect(due.obstacles).toEqual([]);

    const kept = await rt.recordReview(deps, { actor: reviewer.actor, exhibitId: alone.id, input: { decision: 'keep', reason: 'Civil claim expected' } });
    expect(kept.nextReviewAt).toBe(addMonths(clock.now(), 6).toISOString());
    expect(await dueIds()).not.toContain(alone.id);

    await rt.recordReview(deps, { actor: reviewer.actor, exhibitId: linked.id, input: { decision: 'destroy', reason: 'Case closed with no further action' } });
    // Decided: still in the list, as waiting for the run, until it is destroyed.
    expect((await rt.listReviewsDue(deps, { offset: 0, limit: 200 })).items.find((i) => i.exhibit.id === linked.id)?.lastReview).toMatchObject({ decision: 'destroy' });
    const run = await applyEvidenceRetention(deps);
    expect(run.exhibitsDestroyed).toBe(1);

    const exhibit = await deps.db.selectFrom('exhibits').select(['state', 'reference']).where('id', '=', linked.id).executeTakeFirstOrThrow();
    expect(exhibit.state).toBe('destroyed');
    const events = await listContinuityEvents(deps.db, linked.id);
    expect(events.at(-1)).toMatchObject({ kind: 'destroyed', actorId: reviewer.id, reason: 'Destroyed on review: Case closed with no further action' });
    expect((events.at(-1)!.details as { files: { sha256: string }[] }).files.map((f) => f.sha256).sort()).toEqual([master.sha256, copy.sha256!].sort());
    expect(checkContinuityChain({ events, exhibitReference: exhibit.reference })).toEqual([]);
    for (const [column, id, sha256] of [['recording_id', master.id, master.sha256], ['derivative_id', copy.id, copy.sha256!]] as const) {
      expect(await destructionsOf(column, id)).toEqual([expect.objectContaining({ sha256, rule: 'exhibit-review', reason: 'Case closed with no further action', destroyed_by: reviewer.id, outcome: 'removed' })]);
      expect(await inStore(sha256)).toBe(false);
      expect(await findExhibitFile(deps.db, { exhibitId: linked.id, sha256 })).toBeUndefined();
    }
    await expect(rt.recordReview(deps, { actor: reviewer.actor, exhibitId: linked.id, input: { decision: 'keep', reason: 'Too late' } })).rejects.toMatchObject({ code: 'evidence.destroyed' });
    await expect(rt.placeHold(deps, { actor: reviewer.actor, subject: { exhibitId: linked.id }, reason: 'Too late' })).rejects.toMatchObject({ code: 'evidence.destroyed' });

    expect(await dueIds()).not.toContain(linked.id);
    clock.advance(186 * DAY);
    expect(await dueIds()).toContain(alone.id); // the kept one comes round again
  });

  it('refuse "destroy" while held, in a package or linked to an open occurrence, and the run keeps one that became so after the decision', async () => {
    const p = await officer();
    const held = await anExhibit(p, [(await aRecording(p)).id]);
    const hold = await rt.placeHold(deps, { actor: p.actor, subject: { exhibitId: held.id }, reason: 'Appeal lodged at the Crown Court' });
    const packaged = await anExhibit(p, [(await aRecording(p)).id]);
    const pkg = await requestPackage(deps, { actor: p.actor, input: { exhibitIds: [packaged.id], recipientName: 'Staffordshire Police', purpose: 'Assault', includeMasters: true } });
    const occurrenceId = await anOccurrence(p);
    const open = await anExhibit(p, [(await aRecording(p)).id], [occurrenceId]);
    const destroy = { decision: 'destroy' as const, reason: 'No longer needed' };

    await expect(rt.recordReview(deps, { actor: p.actor, exhibitId: held.id, input: destroy }))
      .rejects.toMatchObject({ code: 'evidence.destruction_refused', status: 409, details: { reasons: ['It is under a legal hold: Appeal lodged at the Crown Court'] } });
    const pkgRef = (await deps.db.selectFrom('evidence_packages').select('reference').where('id', '=', pkg.id).executeTakeFirstOrThrow()).reference;
    await expect(rt.recordReview(deps, { actor: p.actor, exhibitId: packaged.id, input: destroy })).rejects.toMatchObject({ details: { reasons: [expect.stringContaining(pkgRef)] } });
    await expect(rt.recordReview(deps, { actor: p.actor, exhibitId: open.id, input: destroy })).rejects.toMatchObject({ details: { reasons: [expect.stringMatching(/^It is linked to occurrence OCC-.* which is still open\.$/)] } });
    expect(await deps.db.selectFrom('exhibit_reviews').select('id').where('exhibit_id', 'in', [held.id, packaged.id, open.id]).execute()).toEqual([]);

    // Released, the hold no longer stops it; a hold placed after the decision (or the occurrence reopened) stops the run.
    await rt.releaseHold(deps, { actor: p.actor, holdId: hold.id, reason: 'Appeal dismissed' });
    await expect(rt.releaseHold(deps, { actor: p.actor, holdId: hold.id, reason: 'Again' })).rejects.toMatchObject({ code: 'evidence.hold_released' });
    await rt.recordReview(deps, { actor: p.actor, exhibitId: held.id, input: destroy });
    const late = await rt.placeHold(deps, { actor: p.actor, subject: { exhibitId: held.id }, reason: 'Fresh police request' });
    await occ.closeOccurrence(deps, { actor: p.actor, occurrenceId, outcome: 'dispersed' });
    await rt.recordReview(deps, { actor: p.actor, exhibitId: open.id, input: destroy });
    await occ.reopenOccurrence(deps, { actor: p.actor, occurrenceId, reason: 'Suspect identified' });

    const kept = await applyEvidenceRetention(deps);
    expect(kept).toMatchObject({ exhibitsDestroyed: 0, exhibitsKept: 2 });
    // Kept by a hold or a reopened occurrence, they stay in sight of the reviewers, with the reason.
    const waiting = (await rt.listReviewsDue(deps, { offset: 0, limit: 200 })).items.filter((i) => [held.id, open.id].includes(i.exhibit.id));
    expect(waiting.map((i) => i.obstacles)).toHaveLength(2);
    expect(waiting.map((i) => i.obstacles[0])).toEqual(expect.arrayContaining(['It is under a legal hold: Fresh police request', expect.stringMatching(/^It is linked to occurrence OCC-/)]));
    expect((await deps.db.selectFrom('exhibits').select('state').where('id', 'in', [held.id, open.id]).execute()).map((e) => e.state)).not.toContain('destroyed');

    await rt.releaseHold(deps, { actor: p.actor, holdId: late.id, reason: 'Police no longer need it' });
    expect(await applyEvidenceRetention(deps)).toMatchObject({ exhibitsDestroyed: 1, exhibitsKept: 1 });
    expect((await deps.db.selectFrom('exhibits').select('state').where('id', '=', held.id).executeTakeFirstOrThrow()).state).toBe('destroyed');
  });
});
