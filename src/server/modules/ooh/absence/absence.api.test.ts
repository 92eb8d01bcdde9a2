import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { testDeps, uniq } from '../../../../../test/support/deps';
import { ABSENCES_CSV_HEADER } from './absence.routes';
import { absenceArea } from './absence.area';

// Staff absence through the API: reported overnight, read and marked seen by the manager next morning.

let now = new Date('2026-06-10T02:00:00Z'); // 03:00 BST
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const report = (over: Record<string, unknown> = {}) => ({
  organisation: uniq('Northfield District Council'), personName: 'Lucy Evans', reportedBy: 'Lucy Evans', reportedVia: 'text',
  reportedAt: '2026-06-10T01:30:00Z', reason: 'sickness', shiftStart: '2026-06-10T18:00:00Z', shiftEnd: '2026-06-11T06:00:00Z', cover: '', notes: '', ...over,
});

describe('staff absence', () => {
  it('is reported by the officer and marked seen by the manager, unseen first, once', async () => {
    now = new Date('2026-06-10T02:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['ooh_officer']);
    const first = await officer.post('/api/v1/ooh/absences', report());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ noCover: true, cover: '', seen: null, reason: 'sickness' });
    const org = first.body.organisation as string;
    const covered = await officer.post('/api/v1/ooh/absences', report({ organisation: org, personName: 'Ann Other', cover: 'Kate Byrne' }));
    expect(covered.body.noCover).toBe(false);

    now = new Date('2026-06-10T07:30:00Z');
    const { client: manager } = await signedInAs(deps, app, ['supervisor']);
    const seen = await manager.post(`/api/v1/ooh/absences/${covered.body.id}/seen`);
    expect(seen.body.seen).toMatchObject({ at: '2026-06-10T07:30:00.000Z' });
    now = new Date('2026-06-10T07:35:00Z');
    const again = await manager.post(`/api/v1/ooh/absences/${covered.body.id}/seen`);
    expect(again.body, again.text).toHaveProperty("seen");
    expect(again.body.seen.at).toBe('2026-06-10T07:30:00.000Z');

    const list = await manager.get(`/api/v1/ooh/absences?organisation=${encodeURIComponent(org)}&sort=person_asc`);
    expect(list.body.from).toBe('2026-06-09T17:00:00.000Z'); // 18:00 BST yesterday
    expect(list.body.items.map((a: { personName: string }) => a.personName)).toEqual(['Lucy Evans', 'Ann Other']); // unseen first
    expect(list.body).toMatchObject({ total: 2, unseen: 1 });
    expect((await manager.get(`/api/v1/ooh/absences?organisation=${encodeURIComponent(org)}&cover=no_cover`)).body.total).toBe(1);
    expect((await manager.get(`/api/v1/ooh/absences?organisation=${encodeURIComponent(org)}&seen=seen`)).body.items[0].personName).toBe('Ann Other');

    const csv = await manager.get(`/api/v1/ooh/absences.csv?organisation=${encodeURIComponent(org)}`);
    const rows = parse(csv.text) as string[][];
    expect(rows[0]).toEqual(ABSENCES_CSV_HEADER);
    expect(rows).toHaveLength(3);

    const shift = await absenceArea.shift!(deps.db, now);
    const mine = shift[0]!.items.filter((i) => i.text.includes(org));
    expect(mine.map((i) => i.urgent).sort()).toEqual([false, true]);
  });

  it('is corrected by a new report pointing at the old, which leaves the list; a second correction of the same is refused', async () => {
    now = new Date('2026-06-10T02:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['ooh_officer']);
    const old = await officer.post('/api/v1/ooh/absences', report());
    const fixed = await officer.post('/api/v1/ooh/absences', report({ organisation: old.body.organisation, cover: 'Tom Reilly', correctsId: old.body.id }));
    expect(fixed.body).toMatchObject({ correctsId: old.body.id, noCover: false });
    const list = await officer.get(`/api/v1/ooh/absences?organisation=${encodeURIComponent(old.body.organisation)}`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([fixed.body.id]);
    expect((await officer.post('/api/v1/ooh/absences', report({ correctsId: old.body.id }))).body.code).toBe('ooh.absence_already_corrected');
    await expect(sql`update ooh_absences set cover = 'x' where id = ${old.body.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
  });

  it('says what to fix and writes nothing when the report is wrong', async () => {
    now = new Date('2026-06-10T02:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['ooh_officer']);
    const org = uniq('Bad Council');
    const bad = await officer.post('/api/v1/ooh/absences', report({ organisation: org, shiftEnd: '2026-06-10T17:00:00Z' }));
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'shiftEnd', message: 'Enter a shift end after its start' }] } });
    const empty = await officer.post('/api/v1/ooh/absences', report({ organisation: org, personName: ' ', reason: 'flu' }));
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['personName', 'reason']);
    expect((await officer.get(`/api/v1/ooh/absences?organisation=${encodeURIComponent(org)}`)).body.total).toBe(0);
  });
});
