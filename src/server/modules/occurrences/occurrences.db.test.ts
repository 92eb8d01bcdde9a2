import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps';
import { makeOrganisation, makeUser, sealed, testDeps, uniq } from '../../../../test/support/deps';
import { insertCameras } from '../estate';
import { insertVersion, listPartners, listVersionSteps } from './occurrences.repository';
import * as occ from './occurrences.usecases';
import { getOccurrenceView, viewSharedOccurrence } from './occurrences.views';
import { formatReference, parseReference } from './occurrences.models';

// The occurrence use cases on a real PostgreSQL. Each test makes its own users, cameras and (where
// it needs a procedure) its own category; the shared taxonomy and settings are only read.

const deps = testDeps();
const MIN = 60_000;

async function anOperator(d: Deps = deps) {
  const user = await makeUser(d, { roles: ['operator'] });
  const actor: occ.Actor = { audit: { actorId: user.id, actorUsername: user.username, ip: '192.0.2.9', userAgent: 'test' }, userId: user.id };
  return { user, actor };
}

const categoryId = async (key = 'asb') => (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

/** A category of this test's own, with a procedure. */
async function aCategoryWithSteps(steps: { text: string; isRequired: boolean }[]) {
  const key = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const cat = await deps.db.insertInto('occurrence_categories').values({ key, name: `Test ${key}`, sort_order: 5000 }).returning('id').executeTakeFirstOrThrow();
  const version = await insertVersion(deps.db, { categoryId: cat.id, version: 1, steps, by: null, at: new Date() });
  return { id: cat.id, steps: await listVersionSteps(deps.db, version.id) };
}

async function aCamera(over: { location_text?: string; latitude?: number; longitude?: number } = {}) {
  const reference = `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const [cam] = await insertCameras(deps.db, [{ reference, name: `Cam ${reference}`, location_text: over.location_text ?? `${reference} Street`, latitude: over.latitude ?? 52.8, longitude: over.longitude ?? -1.63, kind: 'ptz' }]);
  return { id: cam.id, reference };
}

async function anOccurrence(actor: occ.Actor, input: Partial<occ.OpenInput> = {}, d: Deps = deps) {
  return occ.openOccurrence(d, { actor, input: { source: 'camera_patrol', categoryId: input.categoryId ?? await categoryId(), priority: 'normal', summary: 'Group gathering by the fountain', ...input } });
}

const entriesOf = (occurrenceId: string) => deps.db.selectFrom('occurrence_entries').selectAll().where('occurrence_id', '=', occurrenceId).orderBy('seq').execute();
const auditFor = async (recordId: string) => (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('record_id', '=', recordId).orderBy('seq').execute();

/** A year no other test opens occurrences in, so that this test's numbers are its own. */
const usedYears = new Set<number>();
function aYearOfItsOwn() {
  let y: number;
  do y = 1900 + Math.floor(Math.random() * 95); while (usedYears.has(y));
  usedYears.add(y);
  return { year: y, deps: testDeps({ clock: { now: () => new Date(Date.UTC(y, 5, 15, 12)) } }) };
}

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; status?: number; fieldErrors?: { path: string; message: string }[]; details?: Record<string, unknown>; message: string };
  }
  throw new Error('expected the promise to be rejected');
}

describe('references', () => {
  it('20 parallel openings get 20 distinct, consecutive references in the same year', async () => {
    const { year, deps: d } = aYearOfItsOwn();
    const { actor } = await anOperator();
    const cat = await categoryId();
    const opened = await Promise.all(Array.from({ length: 20 }, (_, i) => anOccurrence(actor, { categoryId: cat, summary: `Parallel ${i}` }, d)));
    const refs = opened.map((o) => o.reference);
    expect(new Set(refs).size).toBe(20);
    const parsed = refs.map((r) => parseReference(r)!);
    expect(parsed.every((p) => p.year === year)).toBe(true);
    const numbers = parsed.map((p) => p.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0] + i));
    // The row agrees with its reference.
    const rows = await deps.db.selectFrom('occurrences').select(['reference', 'year', 'number']).where('id', 'in', opened.map((o) => o.id)).execute();
    for (const r of rows) expect(r.reference).toBe(formatReference({ year: r.year, number: r.number }));
  });

  it('a creation that fails does not use up a number: the next reference follows on without a gap', async () => {
    const { year, deps: d } = aYearOfItsOwn();
    const { actor } = await anOperator();
    const first = parseReference((await anOccurrence(actor, {}, d)).reference)!;

    const unknownCamera = await rejection(anOccurrence(actor, { cameraIds: [randomUUID()] }, d));
    expect(unknownCamera).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'cameraIds' }] });
    // Fails after the number is taken (the database refuses the row), so only the rollback saves the number.
    await rejection(anOccurrence(actor, { summary: 'x'.repeat(201) }, d));
    await rejection(anOccurrence(actor, { latitude: 123, longitude: 0 }, d));
    const inactive = await deps.db.insertInto('occurrence_categories').values({ key: `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`, name: 'Retired', is_active: false }).returning('id').executeTakeFirstOrThrow();
    expect(await rejection(anOccurrence(actor, { categoryId: inactive.id }, d))).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'categoryId' }] });

    const next = parseReference((await anOccurrence(actor, {}, d)).reference)!;
    expect(next).toEqual({ year, number: first.number + 1 });
    const failed = await deps.db.selectFrom('occurrences').select('id').where('year', '=', year).where('summary', 'like', 'xxxx%').execute();
    expect(failed).toEqual([]);
  });

  it('opens with the server’s time, an opened entry, and an audit event', async () => {
    const { actor, user } = await anOperator();
    const before = Date.now();
    const o = await anOccurrence(actor, { summary: 'Man collapsed outside the station', source: 'public_call', priority: 'immediate' });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view).toMatchObject({ reference: o.reference, status: 'open', source: 'public_call', priority: 'immediate', summary: 'Man collapsed outside the station', outcome: null });
    expect(Date.parse(view.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(view.entries).toEqual([expect.objectContaining({ seq: 1, kind: 'opened', body: 'Man collapsed outside the station' })]);
    const [event] = await auditFor(o.id);
    expect(event).toMatchObject({ action: 'occurrence.opened', actor_id: user.id, record_type: 'occurrence' });
    expect(event.details).toMatchObject({ reference: o.reference });
  });

  it('refuses an observed time in the future when opening, and keeps one that is given', async () => {
    const { actor } = await anOperator();
    const future = await rejection(anOccurrence(actor, { observedAt: new Date(Date.now() + 10 * MIN) }));
    expect(future).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'observedAt' }] });
    const seen = new Date(Date.now() - 5 * MIN);
    const o = await anOccurrence(actor, { observedAt: seen });
    expect((await entriesOf(o.id))[0].observed_at).toEqual(seen);
  });
});

describe('location and cameras', () => {
  it('a camera given at opening supplies the location when none is typed', async () => {
    const { actor } = await anOperator();
    const cam = await aCamera({ location_text: 'Market Place / High Street junction', latitude: 52.801, longitude: -1.634 });
    const o = await anOccurrence(actor, { cameraIds: [cam.id] });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.location).toEqual({ text: 'Market Place / High Street junction', latitude: 52.801, longitude: -1.634 });
    expect(view.cameras.map((c) => c.id)).toEqual([cam.id]);
  });

  it('what the operator typed wins over the camera', async () => {
    const { actor } = await anOperator();
    const cam = await aCamera({ location_text: 'Bus station' });
    const o = await anOccurrence(actor, { cameraIds: [cam.id], locationText: 'Outside the Red Lion', latitude: 52.7, longitude: -1.5 });
    expect((await getOccurrenceView(deps, { id: o.id })).location).toEqual({ text: 'Outside the Red Lion', latitude: 52.7, longitude: -1.5 });
  });

  it('the first camera named gives the location, whichever order the database returns them in', async () => {
    const { actor } = await anOperator();
    const a = await aCamera({ location_text: 'Alpha Road' });
    const b = await aCamera({ location_text: 'Bravo Road' });
    const ab = await anOccurrence(actor, { cameraIds: [a.id, b.id] });
    const ba = await anOccurrence(actor, { cameraIds: [b.id, a.id] });
    expect((await getOccurrenceView(deps, { id: ab.id })).location.text).toBe('Alpha Road');
    expect((await getOccurrenceView(deps, { id: ba.id })).location.text).toBe('Bravo Road');
  });

  it('adding cameras later logs an entry and lists them; an unknown camera is refused', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const cam = await aCamera();
    const added = await occ.addCameras(deps, { actor, occurrenceId: o.id, cameraIds: [cam.id] });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.cameras.map((c) => c.reference)).toEqual([cam.reference]);
    expect(view.entries.find((e) => e.id === added.id)).toMatchObject({ kind: 'camera', body: expect.stringContaining(cam.reference) });
    expect(await rejection(occ.addCameras(deps, { actor, occurrenceId: o.id, cameraIds: [randomUUID()] }))).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'cameraIds' }] });
  });
});

describe('the timeline is append-only', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE of entries', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Original words' });

    await expect(sql`update occurrence_entries set body = 'Rewritten' where id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from occurrence_entries where id = ${e.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    await expect(deps.db.updateTable('occurrence_entries').set({ reason: 'sneaky' }).where('occurrence_id', '=', o.id).execute()).rejects.toThrow(/append-only/);
    // Inside a transaction that is always rolled back: were the trigger missing, nothing is lost.
    const truncate = deps.db.transaction().execute(async (trx) => {
      await sql`truncate occurrence_entries, occurrence_personal_data, occurrence_entry_redactions, exhibit_occurrences`.execute(trx);
      throw new Error('TRUNCATE was allowed');
    });
    await expect(truncate).rejects.toThrow(/append-only/);

    const rows = await entriesOf(o.id);
    expect(rows.map((r) => [r.seq, r.body, r.reason])).toEqual([[1, 'Group gathering by the fountain', null], [2, 'Original words', null]]);
  });

  it('10 entries added at once to one occurrence get consecutive seq numbers', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const added = await Promise.all(Array.from({ length: 10 }, (_, i) => occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: `Entry ${i}` })));
    expect(added.map((a) => a.seq).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const rows = await entriesOf(o.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(rows.slice(1).map((r) => r.body))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `Entry ${i}`)));
  });

  it('entries racing a close either land before the closed entry or are refused, each with an audit event only if written', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const adds = Array.from({ length: 12 }, (_, i) => occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: `Race ${i}` }).then(() => 'added', (e) => e.code));
    const closing = occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'dispersed' });
    const outcomes = await Promise.all(adds);
    await closing;
    expect(outcomes.every((x) => x === 'added' || x === 'occurrences.closed')).toBe(true);
    const rows = await entriesOf(o.id);
    expect(rows.at(-1)!.kind).toBe('closed'); // nothing after it
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1)); // no gaps, no duplicates
    expect(rows.filter((r) => r.kind === 'observation')).toHaveLength(outcomes.filter((x) => x === 'added').length);
    const audited = (await auditFor(o.id)).filter((x) => x.action === 'occurrence.entry-added');
    expect(audited.map((x) => (x.details as { entryId: string }).entryId).sort()).toEqual(rows.filter((r) => r.kind === 'observation').map((r) => r.id).sort());
  });

  it('entries keep the server’s time and the time observed; an observed time in the future is refused', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const seen = new Date(Date.now() - 3 * MIN);
    const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'action', body: 'Camera 4 panned to the car park', observedAt: seen });
    const row = (await entriesOf(o.id)).find((r) => r.id === e.id)!;
    expect(row).toMatchObject({ kind: 'action', observed_at: seen });
    expect(Math.abs(row.recorded_at.getTime() - Date.now())).toBeLessThan(60_000);
    const err = await rejection(occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'From the future', observedAt: new Date(Date.now() + 10 * MIN) }));
    expect(err).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'observedAt' }] });
    expect(await entriesOf(o.id)).toHaveLength(2);
  });

  it('an amendment keeps the original unchanged and shows beside it', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const original = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Two males in red jackets' });
    const amendment = await occ.amendEntry(deps, { actor, occurrenceId: o.id, entryId: original.id, body: 'Two males in blue jackets', reason: 'Colour misread on camera 3' });

    const view = await getOccurrenceView(deps, { id: o.id });
    const shown = view.entries.find((e) => e.id === original.id)!;
    expect(shown.body).toBe('Two males in red jackets');
    expect(shown.amendments).toEqual([expect.objectContaining({ id: amendment.id, kind: 'amendment', amendsId: original.id, body: 'Two males in blue jackets', reason: 'Colour misread on camera 3' })]);
    expect(view.entries.find((e) => e.id === amendment.id)).toMatchObject({ seq: amendment.seq, kind: 'amendment' });
    const rows = await entriesOf(o.id);
    expect(rows.find((r) => r.id === original.id)).toMatchObject({ body: 'Two males in red jackets', reason: null, amends_id: null });
  });

  it('an amendment must point at an entry of the same occurrence', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const other = await anOccurrence(actor);
    const elsewhere = await occ.addEntry(deps, { actor, occurrenceId: other.id, kind: 'observation', body: 'On the other occurrence' });
    for (const entryId of [elsewhere.id, randomUUID()]) {
      expect(await rejection(occ.amendEntry(deps, { actor, occurrenceId: o.id, entryId, body: 'Correction', reason: 'Wrong' })))
        .toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'entryId' }] });
    }
    expect(await entriesOf(o.id)).toHaveLength(1);
    expect((await entriesOf(other.id)).map((r) => r.kind)).toEqual(['opened', 'observation']);
  });

  it('an unknown occurrence is not found', async () => {
    const { actor } = await anOperator();
    expect(await rejection(occ.addEntry(deps, { actor, occurrenceId: randomUUID(), kind: 'observation', body: 'x' }))).toMatchObject({ code: 'http.not_found', status: 404 });
  });
});

describe('closing and reopening', () => {
  it('nothing can be added to a closed occurrence, and it cannot be closed twice', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Seen' });
    const cam = await aCamera();
    await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'no_trace' });
    const closed = { code: 'occurrences.closed', status: 409 };
    expect(await rejection(occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Late' }))).toMatchObject(closed);
    expect(await rejection(occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police' }))).toMatchObject(closed);
    expect(await rejection(occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from: new Date(Date.now() - 10 * MIN), to: new Date(Date.now() - MIN) }))).toMatchObject(closed);
    expect(await rejection(occ.amendEntry(deps, { actor, occurrenceId: o.id, entryId: e.id, body: 'x', reason: 'y' }))).toMatchObject(closed);
    expect(await rejection(occ.addCameras(deps, { actor, occurrenceId: o.id, cameraIds: [cam.id] }))).toMatchObject(closed);
    expect(await rejection(occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'arrest' }))).toMatchObject({ code: 'occurrences.already_closed', status: 409 });
    expect((await entriesOf(o.id)).map((r) => r.kind)).toEqual(['opened', 'observation', 'closed']);
    expect((await auditFor(o.id)).map((x) => x.action)).toEqual(['occurrence.opened', 'occurrence.entry-added', 'occurrence.closed']); // refusals write nothing
    expect((await getOccurrenceView(deps, { id: o.id })).outcome).toBe('no_trace');
  });

  it('closing records the outcome on the occurrence and in a closed entry', async () => {
    const { actor, user } = await anOperator();
    const o = await anOccurrence(actor);
    await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'handed_to_police', body: 'PC 1234 took over' });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view).toMatchObject({ status: 'closed', outcome: 'handed_to_police', outcomeName: 'Handed to police', closedBy: 'Test operator' });
    expect(view.closedAt).not.toBeNull();
    expect(view.entries.at(-1)).toMatchObject({ kind: 'closed', outcome: 'handed_to_police', body: expect.stringContaining('PC 1234 took over'), reason: null });
    const row = await deps.db.selectFrom('occurrences').select(['closed_by']).where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row.closed_by).toBe(user.id);
  });

  it('reopening needs the occurrence closed, records the reason, and lets the log go on', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    expect(await rejection(occ.reopenOccurrence(deps, { actor, occurrenceId: o.id, reason: 'Too soon' }))).toMatchObject({ code: 'occurrences.already_open', status: 409 });
    await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'dispersed' });
    await occ.reopenOccurrence(deps, { actor, occurrenceId: o.id, reason: 'Group has returned' });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view).toMatchObject({ status: 'open', outcome: null, closedAt: null });
    expect(view.entries.at(-1)).toMatchObject({ kind: 'reopened', reason: 'Group has returned', body: expect.stringContaining('Dispersed') });
    await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Group back at the fountain' });
    expect((await entriesOf(o.id)).map((r) => r.kind)).toEqual(['opened', 'closed', 'reopened', 'observation']);
  });
});

describe('the procedure', () => {
  it('a ticked step becomes a procedure entry and cannot be ticked twice; a step of another procedure is refused', async () => {
    const { actor } = await anOperator();
    const cat = await aCategoryWithSteps([{ text: 'Notify police', isRequired: true }, { text: 'Inform the supervisor', isRequired: false }]);
    const other = await aCategoryWithSteps([{ text: 'Elsewhere', isRequired: true }]);
    const o = await anOccurrence(actor, { categoryId: cat.id });
    expect((await getOccurrenceView(deps, { id: o.id })).procedure.map((s) => [s.text, s.isRequired, s.ticked])).toEqual([['Notify police', true, false], ['Inform the supervisor', false, false]]);

    const ticked = await occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: cat.steps[0].id, body: 'CAD 5521' });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.entries.find((e) => e.id === ticked.id)).toMatchObject({ kind: 'procedure', procedureStepId: cat.steps[0].id, body: 'Notify police: CAD 5521' });
    expect(view.procedure.map((s) => s.ticked)).toEqual([true, false]);

    expect(await rejection(occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: cat.steps[0].id }))).toMatchObject({ code: 'occurrences.step_already_done', status: 409 });
    expect(await rejection(occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: other.steps[0].id }))).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'stepId' }] });
    expect((await entriesOf(o.id)).filter((r) => r.kind === 'procedure')).toHaveLength(1);
  });

  it('closing with a required step unticked needs a reason; with one, it closes, records the reason and alerts the supervisor', async () => {
    const { actor } = await anOperator();
    const cat = await aCategoryWithSteps([
      { text: 'Notify police', isRequired: true },
      { text: 'Start recording', isRequired: true },
      { text: 'Inform the supervisor', isRequired: false },
    ]);
    const o = await anOccurrence(actor, { categoryId: cat.id });
    await occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: cat.steps[0].id });

    const refused = await rejection(occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'dispersed' }));
    expect(refused).toMatchObject({ code: 'occurrences.required_steps_skipped', status: 400, fieldErrors: [{ path: 'skipReason' }], details: { steps: [{ id: cat.steps[1].id, text: 'Start recording' }] } });
    expect(await rejection(occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'dispersed', skipReason: '   ' }))).toMatchObject({ code: 'occurrences.required_steps_skipped' });
    expect((await getOccurrenceView(deps, { id: o.id })).status).toBe('open');
    expect(await deps.db.selectFrom('supervisor_alerts').select('id').where('occurrence_id', '=', o.id).execute()).toEqual([]);

    const closed = await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'dispersed', skipReason: 'Recorder was down for maintenance' });
    expect(closed.skippedRequired).toEqual([{ id: cat.steps[1].id, text: 'Start recording' }]);
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.status).toBe('closed');
    expect(view.entries.at(-1)).toMatchObject({ kind: 'closed', outcome: 'dispersed', reason: 'Recorder was down for maintenance', body: expect.stringContaining('Start recording') });
    const alerts = await deps.db.selectFrom('supervisor_alerts').selectAll().where('occurrence_id', '=', o.id).execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'occurrence.required-steps-skipped', acknowledged_at: null });
    expect(alerts[0].message).toContain('Start recording');
    expect(alerts[0].message).toContain(o.reference);
    expect(alerts[0].message).toContain('Recorder was down for maintenance');
    expect(alerts[0].message).not.toContain('Notify police');
  });

  it('closing with every required step done (optional ones left) needs no reason and alerts nobody', async () => {
    const { actor } = await anOperator();
    const cat = await aCategoryWithSteps([{ text: 'Notify police', isRequired: true }, { text: 'Inform the supervisor', isRequired: false }]);
    const o = await anOccurrence(actor, { categoryId: cat.id });
    await occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: cat.steps[0].id });
    const closed = await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'advice_given' });
    expect(closed.skippedRequired).toEqual([]);
    expect(await deps.db.selectFrom('supervisor_alerts').select('id').where('occurrence_id', '=', o.id).execute()).toEqual([]);
  });
});

describe('who was told', () => {
  it('notifications show in told with the agency reference, once each; untold emergency services show as not told', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const early = new Date(Date.now() - 20 * MIN);
    await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police', agencyReference: ' CAD 1234 ' });
    await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police', agencyReference: 'CAD 1234', notifiedAt: early });
    await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'council', body: 'Street cleansing asked to attend' });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.told).toEqual([
      { agency: 'police', name: 'Police', told: true, firstToldAt: early.toISOString(), references: ['CAD 1234'] },
      { agency: 'ambulance', name: 'Ambulance', told: false, firstToldAt: null, references: [] },
      { agency: 'fire', name: 'Fire and rescue', told: false, firstToldAt: null, references: [] },
      expect.objectContaining({ agency: 'council', told: true, references: [] }),
    ]);
    const notes = view.entries.filter((e) => e.kind === 'notification');
    expect(notes[0]).toMatchObject({ agency: 'police', agencyReference: 'CAD 1234', body: 'Police informed (ref CAD 1234).' });
    expect(notes[2]).toMatchObject({ agency: 'council', body: 'Street cleansing asked to attend' });
  });

  it('a notification time in the future is refused, naming notifiedAt', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const err = await rejection(occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'ambulance', notifiedAt: new Date(Date.now() + 30 * MIN) }));
    expect(err).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'notifiedAt' }] });
    expect((await getOccurrenceView(deps, { id: o.id })).told.find((t) => t.agency === 'ambulance')!.told).toBe(false);
  });
});

describe('footage marks', () => {
  it('a mark appears in footageMarks and adds the camera to the occurrence', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const cam = await aCamera();
    const from = new Date(Date.now() - 15 * MIN);
    const to = new Date(Date.now() - 5 * MIN);
    const mark = await occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from, to });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.footageMarks).toEqual([expect.objectContaining({
      id: mark.id, kind: 'footage', camera: { id: cam.id, reference: cam.reference, name: `Cam ${cam.reference}` }, footageFrom: from.toISOString(), footageTo: to.toISOString(),
    })]);
    expect(view.cameras.map((c) => c.id)).toEqual([cam.id]);
    // Marking the same camera again does not list it twice.
    await occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from: new Date(Date.now() - 60 * MIN), to: from });
    const again = await getOccurrenceView(deps, { id: o.id });
    expect(again.footageMarks).toHaveLength(2);
    expect(again.cameras).toHaveLength(1);
  });

  it('refuses a bad range or an unknown camera, naming the field, and adds nothing', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const cam = await aCamera();
    const now = Date.now();
    expect(await rejection(occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from: new Date(now - MIN), to: new Date(now - 2 * MIN) }))).toMatchObject({ fieldErrors: [{ path: 'to' }] });
    expect(await rejection(occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from: new Date(now - 26 * 3600_000), to: new Date(now - MIN) }))).toMatchObject({ fieldErrors: [{ path: 'to' }] });
    expect(await rejection(occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: randomUUID(), from: new Date(now - 10 * MIN), to: new Date(now - MIN) }))).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'cameraId' }] });
    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.footageMarks).toEqual([]);
    expect(view.cameras).toEqual([]);
  });
});

describe('personal data', () => {
  it('is kept apart from the timeline, and never enters the audit trail', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    const name = `Ozymandias ${uniq('Quill')}`;
    await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Male, grey hoodie, heading north on Bridge Street' });
    const recorded = await occ.recordPersonalData(deps, { actor, occurrenceId: o.id, name: ` ${name} `, details: 'Known to door staff' });

    const view = await getOccurrenceView(deps, { id: o.id });
    expect(view.personalDataCount).toBe(1);
    expect(JSON.stringify(view)).not.toContain(name);
    expect((await entriesOf(o.id)).some((r) => r.body.includes(name))).toBe(false);

    const shown = await occ.viewPersonalData(deps, { actor, occurrenceId: o.id });
    expect(shown).toEqual([expect.objectContaining({ id: recorded.id, name, details: 'Known to door staff', removedAt: null })]);
    const leaked = await sql<{ n: string }>`select count(*) as n from audit_events where details::text ilike ${`%${name.split(' ')[1]}%`}`.execute(await sealed(deps.db));
    expect(Number(leaked.rows[0].n)).toBe(0);
    const events = (await auditFor(o.id)).map((e) => e.action);
    expect(events).toContain('occurrence.personal-data-recorded');
  });

  it('every view of personal data writes an audit event', async () => {
    const { actor } = await anOperator();
    const reader = await anOperator();
    const o = await anOccurrence(actor);
    const p = await occ.recordPersonalData(deps, { actor, occurrenceId: o.id, name: 'Jane Example' });
    for (let i = 0; i < 3; i++) await occ.viewPersonalData(deps, { actor: reader.actor, occurrenceId: o.id });
    const views = (await auditFor(o.id)).filter((e) => e.action === 'occurrence.personal-data-viewed');
    expect(views).toHaveLength(3);
    for (const v of views) {
      expect(v.actor_id).toBe(reader.user.id);
      expect(v.details).toMatchObject({ reference: o.reference, shown: [p.id] });
    }
  });

  it('an occurrence with none still audits the look, and an unknown one is not found', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    expect(await occ.viewPersonalData(deps, { actor, occurrenceId: o.id })).toEqual([]);
    expect((await auditFor(o.id)).filter((e) => e.action === 'occurrence.personal-data-viewed')).toHaveLength(1);
    expect(await rejection(occ.viewPersonalData(deps, { actor, occurrenceId: randomUUID() }))).toMatchObject({ status: 404 });
  });
});

describe('sharing', () => {
  it('only a partner organisation can be shared with, and a shared occurrence is seen only by that organisation', async () => {
    const { actor, user } = await anOperator();
    const o = await anOccurrence(actor);
    const police = await makeOrganisation(deps, { external: true });
    const insurer = await makeOrganisation(deps, { external: true, kind: 'insurer' });
    const partner = async (organisationId: string) => {
      const u = await makeUser(deps, { roles: ['agency'], organisationId });
      return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
    };
    const asPolice = await partner(police.id);
    expect(await rejection(occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: user.organisationId }))).toMatchObject({ fieldErrors: [{ path: 'organisationId' }] });
    // The maintenance contractor is external but no partner agency: not offered, and refused.
    const contractor = await makeOrganisation(deps, { external: true, kind: 'contractor' });
    expect(await rejection(occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: contractor.id }))).toMatchObject({ fieldErrors: [{ path: 'organisationId' }] });
    const offered = (await listPartners(deps.db)).map((p) => p.id);
    expect(offered).toContain(police.id);
    expect(offered).toContain(insurer.id);
    expect(offered).not.toContain(contractor.id);
    expect(await rejection(viewSharedOccurrence(deps, { actor: asPolice, id: o.id, organisationId: police.id }))).toMatchObject({ status: 404 });

    await occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: police.id });
    const theirs = await viewSharedOccurrence(deps, { actor: asPolice, id: o.id, organisationId: police.id });
    expect(theirs.reference).toBe(o.reference);
    expect(theirs).not.toHaveProperty('sharedWith'); // a partner does not see who else it went to
    expect(await rejection(viewSharedOccurrence(deps, { actor: await partner(insurer.id), id: o.id, organisationId: insurer.id }))).toMatchObject({ status: 404 });
    expect((await getOccurrenceView(deps, { id: o.id })).sharedWith.map((s) => s.id)).toEqual([police.id]);
  });

  it('shows a partner roles where staff names would be, none of the council’s internal workings, and audits each read', async () => {
    const { actor } = await anOperator();
    const o = await anOccurrence(actor);
    await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Male in grey hoodie' });
    await occ.recordPersonalData(deps, { actor, occurrenceId: o.id, name: 'Jane Example' });
    const police = await makeOrganisation(deps, { external: true });
    await occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: police.id });
    const reader = await makeUser(deps, { roles: ['agency'], organisationId: police.id });
    const asPolice = { audit: { actorId: reader.id, actorUsername: reader.username, ip: null, userAgent: null }, userId: reader.id };

    const ours = await getOccurrenceView(deps, { id: o.id });
    const theirs = await viewSharedOccurrence(deps, { actor: asPolice, id: o.id, organisationId: police.id });
    const staffName = ours.openedBy;
    expect(staffName).toMatch(/^Test /);
    expect(theirs.openedBy).toBe('CCTV operator');
    expect(theirs.entries.map((e) => e.author)).toEqual(ours.entries.map(() => 'CCTV operator'));
    expect(JSON.stringify(theirs)).not.toContain(staffName);
    for (const internal of ['procedure', 'personalDataCount', 'personalDataFlagged', 'sharedWith']) expect(theirs).not.toHaveProperty(internal);
    const reads = await (await sealed(deps.db)).selectFrom('audit_events').select(['actor_id', 'record_id']).where('action', '=', 'occurrence.read-by-partner').where('record_id', '=', o.id).execute();
    expect(reads).toEqual([{ actor_id: reader.id, record_id: o.id }]);
  });
});

describe('audit', () => {
  it('every use case writes its audit event, by the actor, and a refused one writes none', async () => {
    const { actor, user } = await anOperator();
    const cat = await aCategoryWithSteps([{ text: 'Notify police', isRequired: true }]);
    const cam = await aCamera();
    const partner = await makeOrganisation(deps, { external: true });
    const o = await anOccurrence(actor, { categoryId: cat.id });
    const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Seen' });
    await occ.notifyAgency(deps, { actor, occurrenceId: o.id, agency: 'police', agencyReference: 'CAD 9' });
    await occ.markFootage(deps, { actor, occurrenceId: o.id, cameraId: cam.id, from: new Date(Date.now() - 10 * MIN), to: new Date(Date.now() - MIN) });
    await occ.amendEntry(deps, { actor, occurrenceId: o.id, entryId: e.id, body: 'Seen clearly', reason: 'Clarity' });
    await occ.addCameras(deps, { actor, occurrenceId: o.id, cameraIds: [cam.id] });
    await occ.tickStep(deps, { actor, occurrenceId: o.id, stepId: cat.steps[0].id });
    await occ.recordPersonalData(deps, { actor, occurrenceId: o.id, details: 'Tattoo on left hand' });
    await occ.viewPersonalData(deps, { actor, occurrenceId: o.id });
    await occ.shareOccurrence(deps, { actor, occurrenceId: o.id, organisationId: partner.id });
    await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'arrest' });
    await rejection(occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Too late' }));
    await occ.reopenOccurrence(deps, { actor, occurrenceId: o.id, reason: 'Further CCTV review' });

    const events = await auditFor(o.id);
    expect(events.map((x) => x.action)).toEqual([
      'occurrence.opened', 'occurrence.entry-added', 'occurrence.agency-notified', 'occurrence.footage-marked', 'occurrence.entry-amended',
      'occurrence.cameras-added', 'occurrence.step-done', 'occurrence.personal-data-recorded', 'occurrence.personal-data-viewed',
      'occurrence.shared', 'occurrence.closed', 'occurrence.reopened',
    ]);
    for (const x of events) {
      expect(x).toMatchObject({ actor_id: user.id, actor_username: user.username, record_type: 'occurrence', outcome: 'success', ip: '192.0.2.9' });
      expect(x.details).toMatchObject({ reference: o.reference });
    }
    expect(events.find((x) => x.action === 'occurrence.closed')!.details).toMatchObject({ outcome: 'arrest', skippedSteps: [] });
    expect(events.find((x) => x.action === 'occurrence.entry-added')!.details).toMatchObject({ entryId: e.id, reference: o.reference });
  });
});

describe('reasons are required by the use cases themselves, not only by the API', () => {
  it('refuses an amendment or a reopening without a reason', async () => {
    const { deps, actor, open } = await reasonsSetup();
    const o = await open();
    const e = await occ.addEntry(deps, { actor, occurrenceId: o.id, kind: 'observation', body: 'Original' });
    await expect(occ.amendEntry(deps, { actor, occurrenceId: o.id, entryId: e.id, body: 'Changed', reason: '  ' })).rejects.toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'reason' }] });
    await occ.closeOccurrence(deps, { actor, occurrenceId: o.id, outcome: 'no_trace' });
    await expect(occ.reopenOccurrence(deps, { actor, occurrenceId: o.id, reason: '' })).rejects.toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'reason' }] });
  });
});

async function reasonsSetup() {
  const deps = testDeps();
  const user = await makeUser(deps, { roles: ['operator'] });
  const actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: null }, userId: user.id };
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'other').executeTakeFirstOrThrow();
  const open = () => occ.openOccurrence(deps, { actor, input: { source: 'other', categoryId: category.id, priority: 'low', summary: 'Reason test' } });
  return { deps, actor, open };
}
