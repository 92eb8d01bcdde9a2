import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeUser, sealed, testDeps } from '../../../../../test/support/deps';
import { freshDatabase } from '../../../../../test/support/product';
import { connect } from '../../../platform/db/db';
import { migrate } from '../../../platform/db/migrate';
import * as occ from '../occurrences.usecases';
import { getOccurrenceView } from '../occurrences.views';
import { getProcedure, listProcedures, replaceProcedure } from './procedures.usecases';

// Procedures are versioned: an edit adds a version, and an occurrence keeps the one it was opened with.

const deps = testDeps();

async function people() {
  const op = await makeUser(deps, { roles: ['operator'] });
  const admin = await makeUser(deps, { roles: ['admin'] });
  const actorOf = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
  return { operator: actorOf(op), admin: actorOf(admin) };
}

async function aCategory() {
  const key = `v_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  return (await deps.db.insertInto('occurrence_categories').values({ key, name: `Versioned ${key}` }).returning('id').executeTakeFirstOrThrow()).id;
}

const open = (actor: occ.Actor, categoryId: string) =>
  occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: 'Man collapsed outside the library' } });

const alertsFor = (occurrenceId: string) => deps.db.selectFrom('supervisor_alerts').select('id').where('occurrence_id', '=', occurrenceId).execute();

describe('editing a procedure', () => {
  it('leaves an open occurrence its steps and ticks: it closes with no skip reason and no supervisor alert; a new occurrence follows the new version', async () => {
    const { operator, admin } = await people();
    const categoryId = await aCategory();
    const v1 = await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Call an ambulance', isRequired: true }, { text: 'Keep a camera on the scene', isRequired: false }] });
    expect(v1.version).toMatchObject({ version: 1 });
    const before = await open(operator, categoryId);
    await occ.tickStep(deps, { actor: operator, occurrenceId: before.id, stepId: v1.steps[0].id });

    // The administrator rewords the step and adds another required one.
    const v2 = await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Call an ambulance (999)', isRequired: true }, { text: 'Tell the town centre manager', isRequired: true }] });
    expect(v2.version).toMatchObject({ version: 2 });

    const view = await getOccurrenceView(deps, { id: before.id });
    expect(view.procedure.map((s) => [s.text, s.ticked])).toEqual([['Call an ambulance', true], ['Keep a camera on the scene', false]]);
    expect(view.procedureVersion).toEqual({ version: 1, isCurrent: false });
    // Its own version's steps are still tickable; the new version's are not its own.
    await occ.tickStep(deps, { actor: operator, occurrenceId: before.id, stepId: v1.steps[1].id });
    await expect(occ.tickStep(deps, { actor: operator, occurrenceId: before.id, stepId: v2.steps[1].id })).rejects.toMatchObject({ fieldErrors: [{ path: 'stepId' }] });

    const closed = await occ.closeOccurrence(deps, { actor: operator, occurrenceId: before.id, outcome: 'handed_to_police' });
    expect(closed.skippedRequired).toEqual([]);
    expect(await alertsFor(before.id)).toEqual([]);

    const after = await open(operator, categoryId);
    const newView = await getOccurrenceView(deps, { id: after.id });
    expect(newView.procedure.map((s) => [s.text, s.isRequired, s.ticked])).toEqual([['Call an ambulance (999)', true, false], ['Tell the town centre manager', true, false]]);
    expect(newView.procedureVersion).toEqual({ version: 2, isCurrent: true });
    await expect(occ.tickStep(deps, { actor: operator, occurrenceId: after.id, stepId: v1.steps[0].id })).rejects.toMatchObject({ fieldErrors: [{ path: 'stepId' }] });
    await expect(occ.closeOccurrence(deps, { actor: operator, occurrenceId: after.id, outcome: 'other' })).rejects.toMatchObject({ code: 'occurrences.required_steps_skipped' });
  });

  it('a required step added by the edit is demanded of new occurrences only', async () => {
    const { operator, admin } = await people();
    const categoryId = await aCategory();
    await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Note the time', isRequired: false }] });
    const before = await open(operator, categoryId);
    await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Note the time', isRequired: false }, { text: 'Inform the police', isRequired: true }] });
    await occ.closeOccurrence(deps, { actor: operator, occurrenceId: before.id, outcome: 'advice_given' });
    expect(await alertsFor(before.id)).toEqual([]);
  });

  it('keeps every version with who made it and when; saving the same steps again adds none', async () => {
    const { admin } = await people();
    const categoryId = await aCategory();
    expect((await getProcedure(deps, categoryId)).version).toBeNull();
    await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Start recording', isRequired: true }] });
    await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Start recording', isRequired: true }] });
    await replaceProcedure(deps, { actor: admin, categoryId, steps: [] });
    const listed = (await listProcedures(deps)).find((c) => c.id === categoryId)!;
    expect(listed.steps).toEqual([]);
    expect(listed.history.map((v) => [v.version, v.stepCount, v.requiredCount, v.createdBy])).toEqual([[2, 0, 0, 'Test admin'], [1, 1, 1, 'Test admin']]);
    expect(listed.version).toEqual(listed.history[0]);
    const audited = await (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'details']).where('record_id', '=', categoryId).orderBy('seq').execute();
    expect(audited.map((x) => [x.action, (x.details as { version: number }).version])).toEqual([['procedure.changed', 1], ['procedure.changed', 2]]);
  });

  it('versions and their steps are never changed or removed', async () => {
    const { admin } = await people();
    const categoryId = await aCategory();
    const v = await replaceProcedure(deps, { actor: admin, categoryId, steps: [{ text: 'Start recording', isRequired: true }] });
    await expect(deps.db.updateTable('procedure_steps').set({ text: 'Changed' }).where('id', '=', v.steps[0].id).execute()).rejects.toThrow();
    await expect(deps.db.deleteFrom('procedure_versions').where('category_id', '=', categoryId).execute()).rejects.toThrow();
  });
});

describe('the migration to versioned procedures', () => {
  it('makes each earlier edit a version, the steps in use the newest, and points each occurrence at the version in force when it opened', async () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../platform/db/migrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    const mine = files.findIndex((f) => f.endsWith('_procedure_versions.sql'));
    const earlier = mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of files.slice(0, mine)) copyFileSync(path.join(dir, f), path.join(earlier, f));
    const fresh = await freshDatabase();
    const h = connect({ url: fresh.url, max: 2, applicationName: 'vigil-test-migration' });
    try {
      await migrate({ pool: h.pool, dir: earlier });
      const db = h.db;
      const org = await db.insertInto('organisations').values({ name: 'Council', kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
      const user = await db.insertInto('users').values({ username: 'old.admin', display_name: 'Old Admin', organisation_id: org.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
      const cat = async (key: string) => (await db.selectFrom('occurrence_categories').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
      const [edited, never, empty] = [await cat('medical'), await cat('fire'), await cat('drugs')];
      const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
      const step = (category_id: string, text: string, created_at: Date, retired_at: Date | null, is_required = true) =>
        db.insertInto('procedure_steps' as never).values({ category_id, position: 1, text, is_required, created_at, created_by: user.id, retired_at } as never).returning('id' as never).executeTakeFirstOrThrow() as Promise<{ id: string }>;
      // medical: written at 01:00, edited at 05:00 (the bug's victims were opened in between).
      const oldStep = await step(edited, 'Call an ambulance', t(1), t(5));
      const newStep = await step(edited, 'Call an ambulance (999)', t(5), null);
      await step(never, 'Call the fire service', t(2), null);
      const occurrence = async (category_id: string, opened_at: Date, number: number) => (await db.insertInto('occurrences').values({
        reference: `OCC-2026-${String(number).padStart(6, '0')}`, year: 2026, number, opened_at, opened_by: user.id, source: 'alarm', category_id, priority: 'normal', summary: 'Old',
      } as never).returning('id').executeTakeFirstOrThrow()).id;
      const openedBetween = await occurrence(edited, t(3), 1);
      const openedAfter = await occurrence(edited, t(6), 2);
      const openedBeforeAny = await occurrence(edited, t(0), 3);
      const inNever = await occurrence(never, t(3), 4);
      const inEmpty = await occurrence(empty, t(3), 5);
      await db.insertInto('occurrence_entries').values({ occurrence_id: openedBetween, seq: 1, kind: 'procedure', procedure_step_id: oldStep.id, recorded_at: t(4) } as never).execute();

      await migrate({ pool: h.pool, dir });

      const versions = await db.selectFrom('procedure_versions').selectAll().where('category_id', 'in', [edited, never, empty]).orderBy('version').execute();
      expect(versions.filter((v) => v.category_id === edited).map((v) => [v.version, v.created_at.toISOString(), v.created_by])).toEqual([[1, t(1).toISOString(), user.id], [2, t(5).toISOString(), user.id]]);
      expect(versions.filter((v) => v.category_id === never).map((v) => v.version)).toEqual([1]);
      expect(versions.filter((v) => v.category_id === empty)).toEqual([]);
      const v = (cat: string, n: number) => versions.find((x) => x.category_id === cat && x.version === n)!.id;
      const stepVersions = await db.selectFrom('procedure_steps').select(['id', 'version_id']).where('id', 'in', [oldStep.id, newStep.id]).execute();
      expect(Object.fromEntries(stepVersions.map((s) => [s.id, s.version_id]))).toEqual({ [oldStep.id]: v(edited, 1), [newStep.id]: v(edited, 2) });
      const pointers = Object.fromEntries((await db.selectFrom('occurrences').select(['id', 'procedure_version_id']).execute()).map((o) => [o.id, o.procedure_version_id]));
      expect(pointers[openedBetween]).toBe(v(edited, 1)); // its tick of "Call an ambulance" counts again
      expect(pointers[openedAfter]).toBe(v(edited, 2));
      expect(pointers[openedBeforeAny]).toBe(v(edited, 1));
      expect(pointers[inNever]).toBe(v(never, 1));
      expect(pointers[inEmpty]).toBeNull();
    } finally {
      await h.close();
      await fresh.drop();
      rmSync(earlier, { recursive: true, force: true });
    }
  });
});
