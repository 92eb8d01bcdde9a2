import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeOrganisation, makeUser, testDeps } from '../../../../test/support/deps';
import type { Deps } from '../../platform/deps';
import * as ev from './evidence.usecases';
import * as occurrences from '../occurrences/occurrences.usecases';
import { insertCameras } from '../estate';
import { findExhibitDetail } from './evidence.views';
import { listContinuityEvents } from './continuity/continuity.repository';
import { checkContinuityChain } from './continuity/continuity.models';
import { itemSha256 } from './evidence.models';

// Exhibits against a real PostgreSQL: references unique and gap-free under concurrency, the
// continuity chain as the database keeps it, and hand-overs completed only by their receiver.

const deps: Deps = testDeps();
const PROBE = { container: 'mov,mp4,m4a,3gp,3g2,mj2', durationS: 30, startTime: null, video: { codec: 'h264', width: 768, height: 432, fps: 12.5 }, audio: null };
// A 1×1 PNG, as the signature pad sends one.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function staff(name: string, organisationId: string) {
  const u = await makeUser(deps, { roles: ['enforcement_officer'], organisationId });
  await deps.db.updateTable('users').set({ display_name: name }).where('id', '=', u.id).execute();
  return { ...u, actor: { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id } };
}

async function aRecording(by: string, { format = 'video' as 'video' | 'unreadable' } = {}) {
  return (await deps.db.insertInto('recordings').values({
    sha256: randomBytes(32).toString('hex'), size_bytes: 1234, original_name: `${randomBytes(3).toString('hex')}.mp4`, source: 'upload', format,
    probe: format === 'video' ? JSON.stringify(PROBE) : null, ingested_by: by, ffprobe_version: 'test',
  }).returning(['id', 'sha256', 'original_name']).executeTakeFirstOrThrow());
}

const exhibitOf = (recordingIds: string[], extra: Partial<Parameters<typeof ev.createExhibit>[1]['input']> = {}) =>
  ({ description: 'Footage of the assault outside the Coopers Arms', recordingIds, cameraIds: [], occurrenceIds: [], location: 'CCTV control room', ...extra });

describe('exhibit references', () => {
  it("are the producer's initials and their own sequence, gap-free when made at once, and a failed one gives its number back", async () => {
    const org = (await makeOrganisation(deps)).id;
    const ann = await staff(`Ann ${randomBytes(2).toString('hex')} Zebedee`, org);
    const recordings = await Promise.all(Array.from({ length: 12 }, () => aRecording(ann.id)));
    const results = await Promise.allSettled(recordings.map((r, i) => ev.createExhibit(deps, {
      actor: ann.actor,
      // Two of them name a camera that does not exist: refused, and their numbers are not used up.
      input: exhibitOf([r.id], i % 5 === 3 ? { cameraIds: ['00000000-0000-4000-8000-000000000000'] } : {}),
    })));
    const made = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ reference: string }>).value.reference);
    expect(made).toHaveLength(10);
    const [initials] = made[0].split('/');
    expect(initials).toMatch(/^A[A-Z]*Z\d*$/);
    expect(made.map((ref) => Number(ref.split('/')[1])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(made.every((ref) => ref.startsWith(`${initials}/`))).toBe(true);
  });

  it('gives two producers with the same initials different ones, and never the same reference twice', async () => {
    const org = (await makeOrganisation(deps)).id;
    const tag = randomBytes(2).toString('hex');
    const a = await staff(`Quentin ${tag} Quill`, org);
    const b = await staff(`Quincy ${tag} Quarrie`, org);
    const ra = await ev.createExhibit(deps, { actor: a.actor, input: exhibitOf([(await aRecording(a.id)).id]) });
    const rb = await ev.createExhibit(deps, { actor: b.actor, input: exhibitOf([(await aRecording(b.id)).id]) });
    expect(ra.reference.split('/')[0]).not.toBe(rb.reference.split('/')[0]);
  });

  it('refuses a recording that is already an exhibit, and keeps nothing', async () => {
    const org = (await makeOrganisation(deps)).id;
    const p = await staff('Pat Reilly', org);
    const r = await aRecording(p.id);
    const first = await ev.createExhibit(deps, { actor: p.actor, input: exhibitOf([r.id]) });
    await expect(ev.createExhibit(deps, { actor: p.actor, input: exhibitOf([r.id]) }))
      .rejects.toMatchObject({ fieldErrors: [{ path: 'recordingIds', message: expect.stringContaining(`is already exhibit ${first.reference}`) }] });
    const mine = await deps.db.selectFrom('exhibits').select('reference').where('producer_id', '=', p.id).execute();
    expect(mine).toHaveLength(1);
  });
});

describe('continuity', () => {
  it('starts with "produced" quoting the master’s hash, and is a chain the database refuses to change', async () => {
    const org = (await makeOrganisation(deps)).id;
    const p = await staff('Dana Okafor', org);
    const r1 = await aRecording(p.id);
    const r2 = await aRecording(p.id);
    const made = await ev.createExhibit(deps, { actor: p.actor, input: exhibitOf([r1.id, r2.id], { clock: { recorderShowed: new Date('2026-11-01T14:03:10Z'), trueTime: new Date('2026-11-01T14:05:00Z') } }) });
    const detail = (await findExhibitDetail(deps.db, made.id))!;
    expect(detail.events.map((e) => e.kind)).toEqual(['produced']);
    expect(detail.itemSha256).toBe(itemSha256([{ sha256: r1.sha256, name: r1.original_name }, { sha256: r2.sha256, name: r2.original_name }]));
    expect(detail.clock?.offsetSeconds).toBe(110);
    expect(detail.state).toBe('held');
    expect(detail.holder?.id).toBe(p.id);

    await expect(sql`update continuity_events set reason = 'nothing happened' where exhibit_id = ${made.id}`.execute(deps.db)).rejects.toThrow(/append-only|refuse/i);
    await expect(sql`delete from continuity_events where exhibit_id = ${made.id}`.execute(deps.db)).rejects.toThrow(/append-only|refuse/i);
    const events = await listContinuityEvents(deps.db, made.id);
    expect(checkContinuityChain({ events, exhibitReference: made.reference })).toEqual([]);
  });

  it('completes a hand-over only when the receiver signs for it, and only the receiver may', async () => {
    const org = (await makeOrganisation(deps)).id;
    const from = await staff('Fiona Hale', org);
    const to = await staff('Tom Ware', org);
    const other = await staff('Olu Adeyemi', org);
    const made = await ev.createExhibit(deps, { actor: from.actor, input: exhibitOf([(await aRecording(from.id)).id]) });

    await ev.recordHandling(deps, { actor: from.actor, exhibitId: made.id, input: { kind: 'sealed', bagNumber: 'EV0042117', location: 'Control room', reason: '' } });
    await ev.recordHandling(deps, { actor: from.actor, exhibitId: made.id, input: { kind: 'handed_over', toUserId: to.id, location: 'Control room', reason: 'For the police collection' } });
    let detail = (await findExhibitDetail(deps.db, made.id))!;
    expect(detail.state).toBe('awaiting_receipt');
    expect(detail.pendingHandover?.to.id).toBe(to.id);

    const receive = { kind: 'received' as const, location: 'Evidence store', reason: '', signaturePng: SIGNATURE };
    await expect(ev.recordHandling(deps, { actor: other.actor, exhibitId: made.id, input: receive })).rejects.toThrow('only they can receive');
    await expect(ev.recordHandling(deps, { actor: from.actor, exhibitId: made.id, input: { kind: 'returned', location: 'Store', reason: 'Changed my mind' } })).rejects.toThrow('waiting for Tom Ware');
    await ev.recordHandling(deps, { actor: to.actor, exhibitId: made.id, input: receive });

    detail = (await findExhibitDetail(deps.db, made.id))!;
    expect(detail.events.map((e) => e.kind)).toEqual(['produced', 'sealed', 'handed_over', 'received']);
    expect(detail.holder?.id).toBe(to.id);
    expect(detail.pendingHandover).toBeNull();
    const received = detail.events[3];
    expect(received.details.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await deps.storage.find(received.details.signatureSha256 as string)).toEqual(Buffer.from(SIGNATURE.split(',')[1], 'base64'));
    expect(received.itemSha256).toBe(detail.itemSha256);
    expect(detail.events[1].details.bagNumber).toBe('EV0042117');
  });
});

describe('footage marks', () => {
  it('become exhibits in one step, one per mark, with its camera and times, linked to the occurrence', async () => {
    const org = (await makeOrganisation(deps)).id;
    const p = await staff('Ravi Shah', org);
    const [camera] = await insertCameras(deps.db, [{ reference: `T-${randomBytes(3).toString('hex').toUpperCase()}`, name: 'Market Street', location_text: 'Market Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]);
    const cat = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow();
    const occ = await occurrences.openOccurrence(deps, { actor: p.actor, input: { source: 'camera_patrol', categoryId: cat.id, priority: 'normal', summary: 'Fight outside the bar' } });
    const marks = [];
    for (const minutes of [20, 10]) {
      const from = new Date(Date.now() - minutes * 60_000);
      const mark = await occurrences.markFootage(deps, { actor: p.actor, occurrenceId: occ.id, cameraId: camera.id, from, to: new Date(from.getTime() + 5 * 60_000) });
      marks.push({ id: mark.id, footage_from: from });
    }
    const recordings = [await aRecording(p.id), await aRecording(p.id)];
    const made = await ev.createExhibitsFromFootage(deps, {
      actor: p.actor, occurrenceId: occ.id,
      input: { items: marks.map((m, i) => ({ footageEntryId: m.id, recordingIds: [recordings[i].id] })), location: 'CCTV control room' },
    });
    expect(made.exhibits).toHaveLength(2);
    const first = (await findExhibitDetail(deps.db, made.exhibits[0].id))!;
    expect(first.cameras.map((c) => c.id)).toEqual([camera.id]);
    expect(first.recordedFrom).toBe(marks[0].footage_from!.toISOString());
    expect(first.occurrences.map((o) => o.id)).toEqual([occ.id]);
    // A mark already made an exhibit cannot be made one again.
    await expect(ev.createExhibitsFromFootage(deps, {
      actor: p.actor, occurrenceId: occ.id, input: { items: [{ footageEntryId: marks[0].id, recordingIds: [(await aRecording(p.id)).id] }], location: 'CCTV control room' },
    })).rejects.toThrow();
  });
});
