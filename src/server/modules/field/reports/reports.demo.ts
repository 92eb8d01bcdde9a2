import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { withinTransaction } from '../../../platform/db/within';
import * as repo from './reports.repository';
import { REPORT_HANDLERS } from './reports.handlers';
import { registerMachine } from './reports.usecases';

const actorOf = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });

export const DEMO_DEFECT_CATEGORIES = [
  { code: 'pothole', label: 'Pothole or damaged road', team: 'Highways', team_email: 'highways@vigil.example' },
  { code: 'footway', label: 'Damaged footway or kerb', team: 'Highways', team_email: 'highways@vigil.example' },
  { code: 'street_light', label: 'Street light out', team: 'Highways', team_email: null },
  { code: 'play_equipment', label: 'Broken play equipment', team: 'Parks and open spaces', team_email: 'parks@vigil.example' },
  { code: 'bench_bin', label: 'Damaged bench or litter bin', team: 'Street cleansing', team_email: null },
  { code: 'building', label: 'Damage to a council building', team: 'Property services', team_email: 'property@vigil.example' },
];
export const DEMO_ASB_CATEGORIES = [
  { code: 'youths', label: 'Rowdy or nuisance groups' }, { code: 'street_drinking', label: 'Street drinking' }, { code: 'drugs', label: 'Drug use or dealing' },
  { code: 'begging', label: 'Aggressive begging' }, { code: 'vehicle_nuisance', label: 'Vehicle nuisance (cars, bikes)' }, { code: 'neighbour', label: 'Neighbour dispute in a public place' },
];

/** The register and the categories (the parishes area calls this first, so that the handheld's demo finds them). */
export async function seedReportsReference(deps: Deps, council: DemoCouncil) {
  const actor = actorOf(council.users.teamleader ?? Object.values(council.users)[0]);
  const { lat, lon } = council.area.centre;
  const parks = [['CP-01', 'Market Street car park'], ['CP-02', 'Station Road car park'], ['CP-03', 'Leisure centre car park']] as const;
  let machines = 0;
  for (const [i, [ref, park]] of parks.entries()) {
    for (const n of [1, 2]) {
      const reference = `${ref}-M${n}`;
      if ((await repo.listMachines(deps.db)).some((m) => m.reference === reference)) continue;
      await registerMachine(deps, { actor, input: { reference, name: `Pay and display machine ${n}`, carPark: park, lat: lat + 0.002 * (i - 1) + 0.0003 * n, lon: lon + 0.003 * (i - 1) } });
      machines += 1;
    }
  }
  for (const [i, c] of DEMO_DEFECT_CATEGORIES.entries()) {
    if (!(await repo.defectCategoryOn(deps.db, c.code, '2025-01-01'))) await repo.insertDefectCategory(deps.db, { ...c, valid_from: '2024-04-01', sort_order: i + 1 });
  }
  const asb = new Set((await repo.listAsbCategories(deps.db)).map((c) => c.code));
  for (const [i, c] of DEMO_ASB_CATEGORIES.entries()) if (!asb.has(c.code)) await repo.insertAsbCategory(deps.db, { ...c, sort_order: i + 1 });
  return { carparkMachines: machines };
}

/** A month of inspections, defects and ASB reports by the two patrol officers, through the sync's own handlers. */
export async function seedReportsHistory(deps: Deps, council: DemoCouncil): Promise<Record<string, number>> {
  const officers = ['patrol', 'patrol2'].map((u) => council.users[u]).filter(Boolean);
  if (!officers.length) return {};
  const machines = await repo.listMachines(deps.db, { activeOnly: true });
  const now = deps.clock.now();
  const { lat, lon } = council.area.centre;
  const streets = council.area.streets;
  let inspections = 0, defects = 0, asb = 0;
  for (let d = 28; d >= 1; d -= 1) {
    const officer = officers[d % officers.length];
    const ctx = { actor: actorOf(officer), deviceId: '00000000-0000-4000-8000-0000000000' + String(10 + (d % officers.length)), recordId: randomUUID() };
    const at = new Date(now.getTime() - d * 86_400_000 + 3_600_000 * (d % 5));
    await deps.db.transaction().execute(async (trx) => {
      // Each report as it reached the server on the day (the occurrence an ASB report opens is opened then).
      const inTrx = { ...withinTransaction(deps, trx), clock: { now: () => new Date(at.getTime() + 5 * 60_000) } };
      const machine = machines[d % machines.length];
      if (machine) {
        const fail = d % 7 === 3;
        await REPORT_HANDLERS['carpark.inspection'](inTrx, ctx, { inspectionId: randomUUID(), patrolId: null, machineId: machine.id, at, checks: { working: true, cash: !fail, card: true, paper: d % 11 !== 5, display: true }, note: fail ? 'Coin slot jammed' : '', photoIds: [] });
        inspections += 1;
      }
      if (d % 3 === 0) {
        const c = DEMO_DEFECT_CATEGORIES[d % DEMO_DEFECT_CATEGORIES.length];
        await REPORT_HANDLERS['defect.report'](inTrx, ctx, { defectId: randomUUID(), patrolId: null, at, category: c.code, point: { lat: lat + 0.001 * (d % 4), lon: lon - 0.001 * (d % 3), accuracyM: 8 }, place: streets[d % streets.length] ?? '', description: `${c.label} reported on patrol`, photoIds: [] });
        defects += 1;
      }
      if (d % 4 === 1) {
        const c = DEMO_ASB_CATEGORIES[d % DEMO_ASB_CATEGORIES.length];
        await REPORT_HANDLERS['asb.report'](inTrx, ctx, { reportId: randomUUID(), patrolId: null, at, category: c.code, point: { lat: lat - 0.001 * (d % 3), lon: lon + 0.001 * (d % 4), accuracyM: 10 }, place: streets[(d + 2) % streets.length] ?? '', description: `${c.label}: officers spoke to those involved`, passTo: d % 8 === 1 ? 'control_room' : 'team', photoIds: [] });
        asb += 1;
      }
    });
  }
  return { fieldInspections: inspections, fieldDefects: defects, fieldAsbReports: asb };
}
