import type { Deps } from '../../platform/deps';
import type { DemoCouncil } from '../../platform/modules';
import { londonDay, londonWallClock } from '../../../domain/calendar/london';
import type { SlaTermInput } from '../../../domain/maintenance/contract';
import { financialYearOf, HEADINGS, type CostHeading } from '../../../domain/maintenance/invoices';
import type { z } from 'zod';
import { addClosureDay, createContract, setSlaTerms } from './contracts/contracts.usecases';
import { createPart, createStore, recordMovement } from './parts/parts.usecases';
import { clearLineFault, createLine, linkCamera, raiseLineFault } from './lines/lines.usecases';
import { createInvoice, setBudget, step } from './invoices/invoices.usecases';
import { attachCheckFaults, seedDemoFaults, type DemoPeople } from './faults.demo';

// The maintenance contract in the demo council: the CCTV maintenance contract with Trent Valley
// Security Systems (started some eighteen months ago, its SLA terms renegotiated six months ago,
// Christmas closure days), a year of faults on it, the control room's spare parts store, the
// cameras' connectivity lines, this financial year's budget and the year's invoices. Everything but
// the faults goes through the use cases (their rules and audit), each at the moment it happened.

const MIN = 60_000;
const DAY = 86_400_000;
type Actor = { userId: string; audit: { actorId: string; actorUsername: string; ip: null; userAgent: string } };
type Term = z.output<typeof SlaTermInput>;

export const DEMO_CONTRACT_REFERENCE = 'CCTV/2025-01';
const WORKING_DAY = 9 * 60; // 08:00–17:00

/** The terms signed at the start, then those renegotiated at the annual review (tighter P1–P3). */
export const DEMO_TERMS: { original: Term[]; renegotiated: Term[] } = {
  original: [
    { priority: 'P1', clock: 'round_the_clock', responseMinutes: 4 * 60, fixMinutes: 48 * 60 },
    { priority: 'P2', clock: 'round_the_clock', responseMinutes: 12 * 60, fixMinutes: 72 * 60 },
    { priority: 'P3', clock: 'working_hours', responseMinutes: 3 * WORKING_DAY, fixMinutes: 7 * WORKING_DAY },
    { priority: 'P4', clock: 'working_hours', responseMinutes: 5 * WORKING_DAY, fixMinutes: 10 * WORKING_DAY },
  ],
  renegotiated: [
    { priority: 'P1', clock: 'round_the_clock', responseMinutes: 4 * 60, fixMinutes: 24 * 60 },
    { priority: 'P2', clock: 'round_the_clock', responseMinutes: 8 * 60, fixMinutes: 48 * 60 },
    { priority: 'P3', clock: 'working_hours', responseMinutes: 2 * WORKING_DAY, fixMinutes: 5 * WORKING_DAY },
  ],
};

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const wall = (day: string, hour = 10, minute = 0) => londonWallClock(day, { hour, minute })!;

export async function seedDemoMaintenance(deps: Deps, council: DemoCouncil) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const at = (t: Date): Deps => ({ ...deps, clock: { now: () => t } });
  const actor = (username: string): Actor => {
    const u = council.users[username];
    return { userId: u.id, audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: 'demo seed' } };
  };
  const [admin, coordinator, enforcement, supervisor] = [actor('admin'), actor('coordinator'), actor('enforcement'), actor('supervisor')];

  // ---- The contract ----
  const startsOn = firstOfMonth(addDays(today, -548));
  const signedAt = wall(addDays(startsOn, -21));
  const contract = await createContract(at(signedAt), {
    actor: coordinator,
    input: {
      reference: DEMO_CONTRACT_REFERENCE, name: 'CCTV maintenance and repair: town centre and outer cameras', contractorOrganisationId: council.organisations.contractor,
      startsOn, endsOn: addDays(startsOn, 3 * 365), workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '08:00', closesAt: '17:00', monthlyChargePence: 485_000,
      serviceCredits: {
        responseBreachPence: { P1: 25_000, P2: 15_000, P3: 5_000, P4: 2_500 },
        fixBreachPence: { P1: 50_000, P2: 25_000, P3: 10_000, P4: 5_000 },
        capPercent: 15,
      },
    },
  });
  await setSlaTerms(at(signedAt), { actor: admin, contractId: contract.id, input: { effectiveFrom: wall(startsOn, 0), reason: 'Terms as signed (schedule 2 of the contract)', terms: DEMO_TERMS.original } });
  const reviewedFrom = firstOfMonth(addDays(today, -183));
  await setSlaTerms(at(wall(addDays(reviewedFrom, -10))), {
    actor: admin, contractId: contract.id,
    input: { effectiveFrom: wall(reviewedFrom, 0), reason: 'Annual review: tighter P1 to P3 times agreed with the contractor (variation 1)', terms: DEMO_TERMS.renegotiated },
  });
  // The council's Christmas closure: the working days between Christmas and New Year, each year of the contract.
  let closureDays = 0;
  for (let y = Number(startsOn.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
    for (let d = 27; d <= 31; d++) {
      const day = `${y}-12-${d}`;
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || day < startsOn) continue;
      await addClosureDay(at(signedAt), { actor: coordinator, contractId: contract.id, input: { day, reason: 'Council offices closed between Christmas and New Year' } });
      closureDays++;
    }
  }

  // ---- Faults ----
  const people: DemoPeople = {
    operators: [council.users.operator.id, council.users.operator2.id], ooh: council.users.ooh.id, supervisor: supervisor.userId,
    coordinator: coordinator.userId, contractor: council.users.contractor.id,
  };
  // The lines first: the cameras' history runs in order (linked 40 days back, faulty since their open faults).
  const lines = await seedDemoLines(deps, { at, actor: coordinator, now });
  const attached = await attachCheckFaults(deps, { contractId: contract.id, by: supervisor.userId });
  const faults = await seedDemoFaults(deps, { contractId: contract.id, people });
  const parts = await seedDemoParts(deps, { at, actor: coordinator, now });
  const invoices = await seedDemoInvoices(deps, { at, raiser: enforcement, approver: coordinator, contractId: contract.id, lineIds: lines.ids, now });
  return { maintenanceContracts: 1, slaTerms: DEMO_TERMS.original.length + DEMO_TERMS.renegotiated.length, closureDays, ...attached, ...faults, parts: parts.parts, partMovements: parts.movements, lines: lines.ids.length, budgets: invoices.budgets, invoices: invoices.invoices };
}

// ---- Spare parts ----

export const DEMO_PARTS: { partNumber: string; description: string; unitCostPence: number; reorderLevel: number; opening: number; for?: RegExp }[] = [
  { partNumber: 'PTZ-Q6075-E', description: 'PTZ dome camera, complete (like-for-like spare)', unitCostPence: 185_000, reorderLevel: 1, opening: 2 },
  { partNumber: 'PTZ-DRV-60', description: 'PTZ drive unit (pan and tilt motors)', unitCostPence: 64_000, reorderLevel: 2, opening: 3, for: /PTZ drive/ },
  { partNumber: 'PSU-24VAC-4A', description: '24 V AC power supply, 4 A, DIN rail', unitCostPence: 4_850, reorderLevel: 4, opening: 10, for: /power supply/ },
  { partNumber: 'FMC-SM-1G', description: 'Fibre media converter, single-mode, 1 Gb/s', unitCostPence: 12_900, reorderLevel: 4, opening: 8, for: /media converter|transceiver/ },
  { partNumber: 'SFP-LX-1310', description: 'SFP transceiver, 1310 nm LX, 10 km', unitCostPence: 3_800, reorderLevel: 6, opening: 12 },
  { partNumber: 'HSG-IP66-STD', description: 'Weatherproof camera housing, IP66, heated', unitCostPence: 21_500, reorderLevel: 1, opening: 2 },
  { partNumber: 'WPR-ASSY-PTZ', description: 'Wiper assembly for PTZ dome', unitCostPence: 9_200, reorderLevel: 2, opening: 4, for: /[Ww]iper/ },
  { partNumber: 'IR-850-60', description: 'Infrared illuminator, 850 nm, 60 m', unitCostPence: 17_500, reorderLevel: 2, opening: 3, for: /IR illuminator/ },
  { partNumber: 'SPD-DATA-1', description: 'Surge protection unit, power and data', unitCostPence: 3_600, reorderLevel: 3, opening: 6, for: /[Ss]urge/ },
  { partNumber: 'BRKT-WALL-PTZ', description: 'Wall bracket for PTZ dome', unitCostPence: 5_400, reorderLevel: 2, opening: 4, for: /[Bb]racket/ },
  { partNumber: 'DOME-CLR-BUB', description: 'Clear dome bubble, replacement', unitCostPence: 6_800, reorderLevel: 2, opening: 3 },
  { partNumber: 'SEAL-KIT-HSG', description: 'Housing seal and desiccant kit', unitCostPence: 1_250, reorderLevel: 10, opening: 20, for: /seal/ },
];

/** A 1 × 1 PNG: the engineer's signature as the sign-out pad would send it (the demo has no pen). */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function seedDemoParts(deps: Deps, { at, actor, now }: { at: (t: Date) => Deps; actor: Actor; now: Date }) {
  const opened = new Date(now.getTime() - 200 * DAY);
  const store = await createStore(at(opened), { actor, input: { name: 'Control room store', location: 'Equipment room, Burton control room (cage 2)' } });
  const parts = new Map<string, { id: string; onHand: number }>();
  let movements = 0;
  for (const p of DEMO_PARTS) {
    const made = await createPart(at(opened), { actor, input: { storeId: store.id, partNumber: p.partNumber, description: p.description, unitCostPence: p.unitCostPence, reorderLevel: p.reorderLevel } });
    await recordMovement(at(new Date(opened.getTime() + 60 * MIN)), { actor, partId: made.id, movement: { kind: 'received', input: { quantity: p.opening, note: 'Opening stock, transferred from the old store' } } });
    parts.set(p.partNumber, { id: made.id, onHand: p.opening });
    movements++;
  }
  // Parts signed out to the contractor's engineer against the faults that needed them (fixed
  // between the store's opening and a fortnight ago), each signed for; a part the store had run out
  // of received first.
  const fixed = await deps.db.selectFrom('fault_events as e').innerJoin('fault_events as d', (j) => j.onRef('d.fault_id', '=', 'e.fault_id').on('d.kind', '=', 'diagnosed'))
    .innerJoin('faults as f', 'f.id', 'e.fault_id')
    .select(['f.id', 'f.reference', 'e.at', 'd.note']).where('e.kind', '=', 'fixed').where('f.source', '<>', 'check')
    .where('e.at', '>', new Date(opened.getTime() + 2 * DAY)).where('e.at', '<', new Date(now.getTime() - 14 * DAY)).orderBy('e.at').execute();
  const used = new Set<string>();
  for (const f of fixed) {
    const part = DEMO_PARTS.find((p) => p.for?.test(f.note ?? ''));
    if (!part || used.has(f.id)) continue;
    used.add(f.id);
    const held = parts.get(part.partNumber)!;
    const when = new Date(f.at.getTime() - 45 * MIN);
    if (held.onHand === 0) {
      await recordMovement(at(new Date(when.getTime() - 30 * MIN)), { actor, partId: held.id, movement: { kind: 'received', input: { quantity: part.reorderLevel + 1, note: `Reorder delivered (${f.reference})` } } });
      held.onHand += part.reorderLevel + 1;
      movements++;
    }
    await recordMovement(at(when), {
      actor, partId: held.id,
      movement: { kind: 'signed_out', input: { quantity: 1, faultId: f.id, justification: `${f.note} (${f.reference})`, engineerName: 'Gary Newton', engineerOrganisation: 'Trent Valley Security Systems Ltd', signaturePng: SIGNATURE } },
    });
    held.onHand--;
    movements++;
  }
  // One power supply back unused; the quarterly count (one SFP short); two parts below their reorder level.
  const psu = parts.get('PSU-24VAC-4A')!;
  await recordMovement(at(new Date(now.getTime() - 12 * DAY)), { actor, partId: psu.id, movement: { kind: 'returned', input: { quantity: 1, engineerName: 'Gary Newton', note: 'Unused: the fault was the fuse, not the supply' } } });
  const counts: [string, number, string][] = [
    ['SFP-LX-1310', 11, 'Quarterly count: one short, not signed out'],
    ['PTZ-DRV-60', 1, 'Quarterly count: one drive unit found damaged in its box, returned to the supplier'],
    ['SEAL-KIT-HSG', 7, 'Quarterly count: kits used on preventive visits not signed out'],
  ];
  for (const [partNumber, counted, note] of counts) {
    await recordMovement(at(new Date(now.getTime() - 10 * DAY)), { actor, partId: parts.get(partNumber)!.id, movement: { kind: 'counted', input: { counted, note } } });
  }
  return { parts: DEMO_PARTS.length, movements: movements + 1 + counts.length };
}

// ---- Connectivity lines ----

export const DEMO_LINES: { reference: string; provider: string; kind: 'fibre' | '4g' | 'radio' | 'copper'; circuitId: string; monthlyCostPence: number; endsInDays: number | null; cameras: [number, number]; notes?: string }[] = [
  { reference: 'TC-FIBRE-RING-A', provider: 'Openreach', kind: 'fibre', circuitId: 'OR/EAD/BUR/0041123', monthlyCostPence: 68_500, endsInDays: null, cameras: [0, 8], notes: 'Ethernet Access Direct, 1 Gb/s, town centre ring (north)' },
  { reference: 'TC-FIBRE-RING-B', provider: 'Openreach', kind: 'fibre', circuitId: 'OR/EAD/BUR/0041124', monthlyCostPence: 68_500, endsInDays: 420, cameras: [8, 16], notes: 'Ethernet Access Direct, 1 Gb/s, town centre ring (south)' },
  { reference: 'VMB-DIA-CR', provider: 'Virgin Media Business', kind: 'fibre', circuitId: 'VMB-DIA-771204', monthlyCostPence: 124_000, endsInDays: 60, cameras: [16, 22], notes: 'Dedicated internet access to the control room; renewal quote requested' },
  { reference: '4G-MOB-01', provider: 'Vodafone', kind: '4g', circuitId: 'VF-M2M-447700900101', monthlyCostPence: 2_500, endsInDays: 200, cameras: [22, 24] },
  { reference: '4G-MOB-02', provider: 'Vodafone', kind: '4g', circuitId: 'VF-M2M-447700900102', monthlyCostPence: 2_500, endsInDays: -30, cameras: [24, 25], notes: 'SIM contract ended: moving to the new framework' },
  { reference: 'RADIO-PTP-WEST', provider: 'Council owned (Siklu)', kind: 'radio', circuitId: 'PTP-WEST-01', monthlyCostPence: 4_500, endsInDays: null, cameras: [25, 30], notes: 'Point-to-point radio from the civic centre roof; maintenance only' },
  { reference: 'RADIO-PTP-NORTH', provider: 'Council owned (Siklu)', kind: 'radio', circuitId: 'PTP-NORTH-01', monthlyCostPence: 4_500, endsInDays: null, cameras: [30, 34] },
  { reference: 'COPPER-LL-SHOBNALL', provider: 'Openreach', kind: 'copper', circuitId: 'OR/LL/BUR/118823', monthlyCostPence: 9_800, endsInDays: 300, cameras: [34, 35], notes: 'Legacy copper leased line: replace with fibre when the ring is extended' },
];

async function seedDemoLines(deps: Deps, { at, actor, now }: { at: (t: Date) => Deps; actor: Actor; now: Date }) {
  // Recorded when the register was set up (after its cameras were first registered, 45 days back).
  const recorded = new Date(now.getTime() - 40 * DAY);
  const cameras = await deps.db.selectFrom('cameras').select('id').where('status', '<>', 'decommissioned').orderBy('reference').execute();
  const ids: string[] = [];
  for (const l of DEMO_LINES) {
    const line = await createLine(at(recorded), {
      actor, input: { reference: l.reference, provider: l.provider, kind: l.kind, circuitId: l.circuitId, monthlyCostPence: l.monthlyCostPence, contractEndsOn: l.endsInDays === null ? null : londonDay(new Date(now.getTime() + l.endsInDays * DAY)), notes: l.notes },
    });
    for (const c of cameras.slice(...l.cameras)) await linkCamera(at(new Date(recorded.getTime() + MIN)), { actor, lineId: line.id, cameraId: c.id });
    ids.push(line.id);
  }
  // A historic line fault, raised and cleared: the link's cameras faulty for a night.
  const west = ids[DEMO_LINES.findIndex((l) => l.reference === 'RADIO-PTP-WEST')];
  await raiseLineFault(at(new Date(now.getTime() - 38 * DAY)), { actor, lineId: west, note: 'No traffic across the link: dish knocked out of alignment in high winds' });
  await clearLineFault(at(new Date(now.getTime() - 37.6 * DAY)), { actor, lineId: west, note: 'Dish re-aligned by the contractor; link margin back to 18 dB' });
  return { ids };
}

// ---- Budget and invoices ----

const BUDGETS: Record<CostHeading, number> = { maintenance: 6_200_000, lines: 6_000_000, parts: 1_200_000, projects: 4_000_000 };

async function seedDemoInvoices(deps: Deps, { at, raiser, approver, contractId, lineIds, now }: { at: (t: Date) => Deps; raiser: Actor; approver: Actor; contractId: string; lineIds: string[]; now: Date }) {
  const today = londonDay(now);
  const year = financialYearOf(today);
  const yearStarts = `${year.slice(0, 4)}-04-01`;
  for (const heading of HEADINGS) {
    await setBudget(at(wall(addDays(yearStarts, -20))), { actor: approver, input: { financialYear: year, heading, amountPence: BUDGETS[heading], note: 'As agreed at budget council in February' } });
  }
  let invoices = 0;
  const monthName = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  /** An invoice received two days after its date, then approved a week on and paid within the month (as far as today allows), or disputed. */
  const invoice = async (input: { contractId?: string; lineId?: string; supplierInvoiceNumber: string; purchaseOrder: string; amountPence: number; invoiceDate: string; heading: CostHeading; description: string }, until: 'received' | 'approved' | 'paid' | 'disputed', reason?: string) => {
    const received = wall(addDays(input.invoiceDate, 2), 9, 30);
    if (received > now) return;
    const made = await createInvoice(at(received), { actor: raiser, input: { ...input, vatPence: Math.round(input.amountPence * 0.2), dueDate: addDays(input.invoiceDate, 30) } });
    invoices++;
    if (until === 'disputed') {
      await step(at(wall(addDays(input.invoiceDate, 6), 14)), { actor: approver, id: made.id, step: 'dispute', reason });
      return;
    }
    if (until === 'received') return;
    const approved = wall(addDays(input.invoiceDate, 9), 11);
    if (approved > now) return;
    await step(at(approved), { actor: approver, id: made.id, step: 'approve' });
    const paidOn = addDays(input.invoiceDate, 28);
    if (until === 'paid' && paidOn < today) await step(at(wall(paidOn, 15)), { actor: raiser, id: made.id, step: 'pay', paidOn });
  };

  // The contract's monthly charge, billed in arrears on the first of the month.
  for (let month = yearStarts; month < firstOfMonth(today); month = firstOfMonth(addDays(month, 32))) {
    const invoiceDate = firstOfMonth(addDays(month, 32));
    if (invoiceDate > today) break;
    const age = (now.getTime() - wall(invoiceDate).getTime()) / DAY;
    await invoice({ contractId, supplierInvoiceNumber: `TVSS-${invoiceDate.slice(0, 7).replace('-', '')}-M`, purchaseOrder: 'PO-CCTV-25001', amountPence: 485_000, invoiceDate, heading: 'maintenance', description: `Monthly maintenance charge, ${monthName(month)}` },
      age > 35 ? 'paid' : age > 12 ? 'approved' : 'received');
  }
  // Extra call-outs outside the contract's scope: one paid, one disputed.
  await invoice({ contractId, supplierInvoiceNumber: 'TVSS-CO-0719', purchaseOrder: 'PO-CCTV-25001', amountPence: 62_000, invoiceDate: addDays(yearStarts, 100), heading: 'maintenance', description: 'Call-out: vehicle strike, C31 column straightened' }, 'paid');
  await invoice({ contractId, supplierInvoiceNumber: 'TVSS-CO-0911', purchaseOrder: 'PO-CCTV-25001', amountPence: 124_000, invoiceDate: firstOfMonth(addDays(today, -75)), heading: 'maintenance', description: 'Call-outs: four out-of-hours attendances' },
    'disputed', 'Two of the four call-outs were P1 faults the monthly charge covers (schedule 3, paragraph 4); please re-issue for the other two');
  // Parts bought for the store, and a project.
  await invoice({ contractId, supplierInvoiceNumber: 'TVSS-P-0602', purchaseOrder: 'PO-CCTV-25014', amountPence: 256_000, invoiceDate: addDays(yearStarts, 60), heading: 'parts', description: 'Store restock: PTZ drive units, power supplies, seal kits' }, 'paid');
  await invoice({ contractId, supplierInvoiceNumber: 'TVSS-P-1015', purchaseOrder: 'PO-CCTV-25014', amountPence: 88_400, invoiceDate: firstOfMonth(addDays(today, -45)), heading: 'parts', description: 'Store restock: fibre media converters and SFPs' }, 'approved');
  await invoice({ contractId, supplierInvoiceNumber: 'TVSS-PRJ-0003', purchaseOrder: 'PO-CCTV-25020', amountPence: 1_460_000, invoiceDate: addDays(today, -20), heading: 'projects', description: 'Project: two new PTZ cameras at the bus station, supplied and commissioned' }, 'received');
  // The lines, quarterly in advance; one invoice long past its due date and still not approved.
  const [ringA, ringB, vmb, mob1] = lineIds;
  for (let q = 0; q < 4; q++) {
    const invoiceDate = addDays(yearStarts, q * 91);
    if (invoiceDate > addDays(today, -3)) break;
    const age = (now.getTime() - wall(invoiceDate).getTime()) / DAY;
    const until = age > 35 ? 'paid' : 'approved';
    await invoice({ lineId: ringA, supplierInvoiceNumber: `OR-${invoiceDate.replace(/-/g, '')}-0041123`, purchaseOrder: 'PO-LINES-2601', amountPence: 3 * 68_500, invoiceDate, heading: 'lines', description: 'Ethernet Access Direct rental, quarter in advance' }, until);
    await invoice({ lineId: ringB, supplierInvoiceNumber: `OR-${invoiceDate.replace(/-/g, '')}-0041124`, purchaseOrder: 'PO-LINES-2601', amountPence: 3 * 68_500, invoiceDate, heading: 'lines', description: 'Ethernet Access Direct rental, quarter in advance' }, until);
    await invoice({ lineId: vmb, supplierInvoiceNumber: `VMB-${invoiceDate.replace(/-/g, '')}`, purchaseOrder: 'PO-LINES-2602', amountPence: 3 * 124_000, invoiceDate, heading: 'lines', description: 'Dedicated internet access, quarter in advance' }, until);
  }
  await invoice({ lineId: mob1, supplierInvoiceNumber: 'VF-88123410', purchaseOrder: 'PO-LINES-2603', amountPence: 6 * 2_500 * 2, invoiceDate: addDays(today, -55), heading: 'lines', description: 'M2M SIMs for the mobile cameras, six months' }, 'received');
  return { budgets: HEADINGS.length, invoices };
}
