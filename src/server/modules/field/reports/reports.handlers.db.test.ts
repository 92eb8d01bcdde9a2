import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { makeOrganisation, testDeps, uniq } from '../../../../../test/support/deps';
import { withinTransaction } from '../../../platform/db/within';
import * as repo from './reports.repository';
import { REPORT_HANDLERS } from './reports.handlers';
import { registerMachine, setDefectStatus, listInspections } from './reports.usecases';
import { aDefectCategory, fieldActor } from './reports.walk';

// Issue 14, point 5: a failed machine inspection raises a maintenance fault on the machine (kept on
// the inspection); a defect goes to its category's team; an ASB report for the control room opens an
// occurrence. Each id is applied once.

const deps = testDeps();
const point = { lat: 52.6, lon: -1.1, accuracyM: 5 };
const inSync = <T>(fn: (d: typeof deps) => Promise<T>) => deps.db.transaction().execute((trx) => fn(withinTransaction(deps, trx)));

it('a failed inspection raises one maintenance fault on the machine; a passed one raises none; a retry answers the same', async () => {
  const org = await makeOrganisation(deps);
  const actor = await fieldActor({ deps, councilOrgId: org.id }, 'patrol_leader');
  const machine = await registerMachine(deps, { actor, input: { reference: uniq('CP').slice(0, 50), name: 'Pay machine', carPark: 'Market Street', lat: 52.6, lon: -1.1 } });
  expect((await deps.db.selectFrom('equipment').select(['kind']).where('id', '=', machine.equipmentId).executeTakeFirstOrThrow()).kind).toBe('carpark_machine');
  const ctx = { actor, deviceId: randomUUID(), recordId: randomUUID() };
  const inspectionId = randomUUID();
  const payload = { inspectionId, patrolId: null, machineId: machine.id, at: new Date(Date.now() - 60_000), checks: { working: true, cash: false, card: true, paper: true, display: true }, note: 'Coins jam', photoIds: [] };
  const made = await inSync((d) => REPORT_HANDLERS['carpark.inspection'](d, ctx, payload));
  expect(made.reference).toMatch(/^INS-\d{4}-\d{6}$/);
  const row = await deps.db.selectFrom('carpark_inspections').selectAll().where('id', '=', inspectionId).executeTakeFirstOrThrow();
  const fault = await deps.db.selectFrom('faults').select(['reference', 'source', 'equipment_id', 'description']).where('id', '=', row.fault_id!).executeTakeFirstOrThrow();
  expect(fault).toMatchObject({ reference: row.fault_reference, source: 'field', equipment_id: machine.equipmentId });
  expect(fault.description).toContain('Takes cash');
  expect((await deps.db.selectFrom('equipment').select('status').where('id', '=', machine.equipmentId).executeTakeFirstOrThrow()).status).toBe('faulty');

  expect(await inSync((d) => REPORT_HANDLERS['carpark.inspection'](d, ctx, payload))).toEqual(made);
  // A second failure while the fault is open links the same fault.
  await inSync((d) => REPORT_HANDLERS['carpark.inspection'](d, ctx, { ...payload, inspectionId: randomUUID() }));
  const passed = await inSync((d) => REPORT_HANDLERS['carpark.inspection'](d, ctx, { ...payload, inspectionId: randomUUID(), checks: { working: true, cash: true, card: true, paper: true, display: true } }));
  const list = await listInspections(deps, { machineId: machine.id, sort: 'at_asc', limit: 10 });
  expect(list.items).toHaveLength(3);
  expect(new Set(list.items.filter((i) => i.fault).map((i) => i.fault!.reference))).toEqual(new Set([row.fault_reference]));
  expect(list.items.find((i) => i.reference === passed.reference)!.fault).toBeNull();
  await expect(inSync((d) => REPORT_HANDLERS['carpark.inspection'](d, ctx, { ...payload, inspectionId: randomUUID(), machineId: randomUUID() }))).rejects.toMatchObject({ status: 400 });
});

it('a defect is passed to the team that owns its category on the day; the team’s progress only moves forward', async () => {
  const org = await makeOrganisation(deps);
  const actor = await fieldActor({ deps, councilOrgId: org.id });
  const category = await aDefectCategory({ deps }, { team: 'Parks and open spaces', validFrom: '2020-01-01' });
  const defectId = randomUUID();
  const made = await inSync((d) => REPORT_HANDLERS['defect.report'](d, { actor, deviceId: randomUUID(), recordId: randomUUID() }, {
    defectId, patrolId: null, at: new Date(Date.now() - 60_000), category, point, place: 'Recreation ground', description: 'Swing chain broken', photoIds: [],
  }));
  expect(made.reference).toMatch(/^DEF-/);
  expect(await deps.db.selectFrom('field_defects').select(['team', 'status']).where('id', '=', defectId).executeTakeFirstOrThrow()).toEqual({ team: 'Parks and open spaces', status: 'passed_to_team' });
  const done = await setDefectStatus(deps, { actor, id: defectId, input: { status: 'resolved', note: 'Chain replaced' } });
  expect(done.status).toBe('resolved');
  await expect(setDefectStatus(deps, { actor, id: defectId, input: { status: 'acknowledged', note: '' } })).rejects.toMatchObject({ status: 409 });
  await expect(inSync((d) => REPORT_HANDLERS['defect.report'](d, { actor, deviceId: randomUUID(), recordId: randomUUID() }, {
    defectId: randomUUID(), patrolId: null, at: new Date(), category: 'no_such_kind', point, place: '', description: 'x', photoIds: [],
  }))).rejects.toMatchObject({ status: 400 });
});

it('an ASB report for the control room opens an occurrence (council staff, ASB); one for the team opens none', async () => {
  const org = await makeOrganisation(deps);
  const actor = await fieldActor({ deps, councilOrgId: org.id });
  const code = uniq('asb').toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  await repo.insertAsbCategory(deps.db, { code, label: 'Street drinking', sort_order: 1 });
  const reportId = randomUUID();
  const ctx = { actor, deviceId: randomUUID(), recordId: randomUUID() };
  const base = { patrolId: null, at: new Date(Date.now() - 60_000), category: code, point, place: 'Market Square', description: 'Group drinking and shouting at shoppers', photoIds: [] };
  await inSync((d) => REPORT_HANDLERS['asb.report'](d, ctx, { ...base, reportId, passTo: 'control_room' }));
  const row = await deps.db.selectFrom('field_asb_reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
  const occ = await deps.db.selectFrom('occurrences as o').innerJoin('occurrence_categories as k', 'k.id', 'o.category_id').select(['o.reference', 'o.source', 'k.key', 'o.summary', 'o.latitude'])
    .where('o.id', '=', row.occurrence_id!).executeTakeFirstOrThrow();
  expect(occ).toMatchObject({ reference: row.occurrence_reference, source: 'council_staff', key: 'asb', latitude: 52.6 });
  expect(occ.summary).toContain('Group drinking');
  const teamId = randomUUID();
  await inSync((d) => REPORT_HANDLERS['asb.report'](d, ctx, { ...base, reportId: teamId, passTo: 'team' }));
  expect((await deps.db.selectFrom('field_asb_reports').select('occurrence_id').where('id', '=', teamId).executeTakeFirstOrThrow()).occurrence_id).toBeNull();
  // Append-only.
  await expect(deps.db.updateTable('field_asb_reports').set({ description: 'changed' }).where('id', '=', teamId).execute()).rejects.toThrow();
});
