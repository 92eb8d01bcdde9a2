import { afterAll, expect, it } from 'vitest';
import { silentLog, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase } from '../../../../test/support/product';
import { seedDemo } from '../../seed/demo';
import { clockStops, responseAndFix, type FaultStep } from '../../../domain/maintenance/faults';
import { computeSlaStatus } from '../../../domain/maintenance/slaClock';
import type { SlaStopReason } from '../../../domain/maintenance/contract';
import { contractCalendar, listSlaTerms, slaTermFor } from './contracts/contracts.usecases';
import { listParts } from './parts/parts.usecases';
import { listLines } from './lines/lines.usecases';
import { listInvoices } from './invoices/invoices.usecases';
import { DEMO_CONTRACT_REFERENCE } from './maintenance.demo';

// The demo council's maintenance contract, seeded with the whole demo (the estate's cameras and
// daily checks first) into a database of its own: its shape, judged with the domain's own rules.

const drops: Array<() => Promise<void>> = [];
afterAll(async () => { for (const d of drops) await d(); });

it('seeds the contract with dated terms, a year of faults (some breached, the recent ones open on faulty cameras), parts, lines and invoices', async () => {
  const handle = await ownDatabase({ max: 2 });
  drops.push(handle.drop);
  const db = handle.db;
  const now = new Date('2026-11-23T12:00:00Z');
  const deps = { db, config: testConfig(), clock: { now: () => now }, log: silentLog, storage: testStorage() };
  const { counts } = await seedDemo(deps);
  expect(counts).toMatchObject({ maintenanceContracts: 1, parts: 12, lines: 8, budgets: 4 });

  // The contract: in-force terms for every priority, the earlier ones superseded, Christmas closure days.
  const contract = await db.selectFrom('maintenance_contracts').selectAll().where('reference', '=', DEMO_CONTRACT_REFERENCE).executeTakeFirstOrThrow();
  const terms = await listSlaTerms(deps, { contractId: contract.id });
  expect(terms.inForce.map((t) => t.priority)).toEqual(['P1', 'P2', 'P3', 'P4']);
  const superseded = terms.history.filter((t) => !terms.inForce.some((f) => f.id === t.id));
  expect(superseded.map((t) => t.priority).sort()).toEqual(['P1', 'P2', 'P3']);
  expect(terms.inForce.find((t) => t.priority === 'P1')).toMatchObject({ clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 });
  expect(terms.inForce.find((t) => t.priority === 'P3')).toMatchObject({ clock: 'working_hours', responseMinutes: 1080, fixMinutes: 2700 });
  expect((await db.selectFrom('maintenance_closure_days').select('day').where('contract_id', '=', contract.id).execute()).length).toBeGreaterThanOrEqual(2);

  // A year of faults across the priorities, each history in order.
  // The contract's own history: faults raised from the out-of-hours demo's equipment calls (after
  // this module's seed, awaiting the coordinator's triage) are the out-of-hours demo's to check, and
  // those raised by patrol officers' car-park machine inspections (source field) the field demo's.
  const fromCalls = new Set((await db.selectFrom('ooh_calls').select('fault_id').where('fault_id', 'is not', null).execute()).map((c) => c.fault_id));
  const faults = (await db.selectFrom('faults').selectAll().where('contract_id', '=', contract.id).execute()).filter((f) => !fromCalls.has(f.id) && f.source !== 'field');
  const events = await db.selectFrom('fault_events').selectAll().orderBy('fault_id').orderBy('seq').execute();
  const stepsOf = new Map<string, typeof events>();
  for (const e of events) stepsOf.set(e.fault_id, [...(stepsOf.get(e.fault_id) ?? []), e]);
  const own = faults.filter((f) => f.source !== 'check');
  expect(own.length).toBeGreaterThanOrEqual(150);
  expect(own.length).toBeLessThanOrEqual(250);
  expect(faults.every((f) => f.priority)).toBe(true);
  const byPriority = { P1: own.filter((f) => f.priority === 'P1'), P2: own.filter((f) => f.priority === 'P2'), P3: own.filter((f) => f.priority === 'P3'), P4: own.filter((f) => f.priority === 'P4') };
  expect(byPriority.P3.length).toBeGreaterThan(own.length / 2);
  for (const p of ['P1', 'P2', 'P4'] as const) expect(byPriority[p].length).toBeGreaterThan(3);
  expect(new Set(own.map((f) => f.source))).toEqual(new Set(['operator', 'ooh', 'contractor']));
  expect(Math.min(...own.map((f) => f.raised_at.getTime()))).toBeLessThan(now.getTime() - 300 * 86_400_000);
  for (const f of faults) {
    const steps = stepsOf.get(f.id)!;
    expect(steps[0].kind).toBe('raised');
    expect(steps.map((s) => s.at.getTime())).toEqual(steps.map((s) => s.at.getTime()).sort((a, b) => a - b));
  }
  expect(own.every((f) => f.reference === `FLT-${f.year}-${String(f.number).padStart(6, '0')}`)).toBe(true);

  // Breaches, judged with the SLA clock over the terms in force when each fault was raised.
  let breached = 0;
  const closed = own.filter((f) => f.stage === 'accepted');
  for (const f of closed) {
    const steps = stepsOf.get(f.id)!.map((s) => ({ kind: s.kind as FaultStep, at: s.at, stopReason: s.stop_reason as SlaStopReason | null }));
    const term = (await slaTermFor(db, { contractId: contract.id, priority: f.priority!, raisedAt: f.raised_at }))!;
    const calendar = await contractCalendar(db, { contractId: contract.id, clock: term.clock });
    const { respondedAt, fixedAt } = responseAndFix(steps);
    const stops = clockStops(steps);
    const late = (target: number, at: Date) => { const s = computeSlaStatus({ calendar, start: f.raised_at, targetMinutes: target, stops, at }); return s.deadline !== null && at > s.deadline; };
    if (late(term.responseMinutes, respondedAt!) || late(term.fixMinutes, fixedAt!)) breached++;
  }
  expect(breached / closed.length).toBeGreaterThan(0.07);
  expect(breached / closed.length).toBeLessThan(0.2);
  expect(events.some((e) => e.kind === 'clock_stopped' && e.stop_reason === 'awaiting_part')).toBe(true);
  expect(events.some((e) => e.kind === 'reopened')).toBe(true);
  // Repeat faults: the same camera within 30 days.
  const repeats = own.filter((f) => own.some((g) => g !== f && g.camera_id === f.camera_id && f.raised_at > g.raised_at && f.raised_at.getTime() - g.raised_at.getTime() < 30 * 86_400_000));
  expect(repeats.length).toBeGreaterThanOrEqual(3);

  // The recent faults open at every stage, their cameras faulty; the checks' open faults prioritised.
  const open = faults.filter((f) => f.state === 'open');
  expect(new Set(open.map((f) => f.stage))).toEqual(new Set(['reported', 'attended', 'awaiting_parts', 'fixed']));
  const cameras = await db.selectFrom('cameras').select(['id', 'status']).execute();
  for (const f of open.filter((x) => x.camera_id)) expect(cameras.find((c) => c.id === f.camera_id)!.status).toBe('faulty');
  for (const f of open.filter((x) => x.source === 'check')) expect(stepsOf.get(f.id)!.some((s) => s.kind === 'prioritised' && s.priority === f.priority)).toBe(true);

  // Parts: signed out against faults with a signature, one or more below the reorder level.
  const parts = await listParts(deps, { sort: 'part_number_asc' });
  expect(parts.items).toHaveLength(12);
  expect(parts.belowReorderLevel).toBeGreaterThanOrEqual(1);
  const signedOut = await db.selectFrom('part_movements').selectAll().where('kind', '=', 'signed_out').execute();
  expect(signedOut.length).toBeGreaterThan(3);
  expect(signedOut.every((m) => m.fault_id && m.signature_sha256 && m.justification)).toBe(true);
  expect(new Set((await db.selectFrom('part_movements').select('kind').execute()).map((m) => m.kind))).toEqual(new Set(['received', 'signed_out', 'returned', 'counted']));

  // Lines: one ending within 90 days, one ended, each serving cameras.
  const lines = await listLines(deps, { sort: 'reference_asc' });
  const flags = lines.map((l) => l.contractEnd.status);
  expect(flags).toContain('ending_soon');
  expect(flags).toContain('ended');
  expect(new Set(lines.map((l) => l.reference)).size).toBe(8);

  // Invoices in every state, one overdue, none approved by whoever raised it.
  const invoices = await listInvoices(deps, { sort: 'due_date_asc' });
  expect(new Set(invoices.map((i) => i.state))).toEqual(new Set(['received', 'approved', 'paid', 'disputed']));
  expect(invoices.some((i) => i.overdue)).toBe(true);
  expect(invoices.find((i) => i.state === 'disputed')!.disputeReason).toMatch(/covers/);
  expect(invoices.filter((i) => i.approvedBy).every((i) => i.approvedBy!.id !== i.raisedBy.id)).toBe(true);
  expect(new Set(invoices.map((i) => i.heading))).toEqual(new Set(['maintenance', 'lines', 'parts', 'projects']));
}, 120_000);
