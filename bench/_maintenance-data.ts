import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/server/platform/db/db';
import { copyRows } from '../src/server/platform/db/copy';

// A maintenance contract's year, generated: a contract with terms for each priority (P1 and P2 round
// the clock, P3 and P4 on working hours), a few closure days, and N faults over the year on the
// cameras given, each with its steps (raised, attended, sometimes a clock stop awaiting a part,
// sometimes a fix the council reopens, fixed, accepted; the last few days' faults partly still open).
// Seeded, so every run writes the same year. Rows go in by COPY, in one transaction.

const HOUR = 3_600_000;

export async function generateContractYear(db: Db, { cameraIds, faults: count, year, seed = 11 }: { cameraIds: string[]; faults: number; year: number; seed?: number }) {
  let s = seed >>> 0;
  const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  const stamp = Date.now();
  const council = await db.insertInto('organisations').values({ name: `Bench council ${stamp}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const contractor = await db.insertInto('organisations').values({ name: `Bench contractor ${stamp}`, kind: 'contractor', is_external: true }).returning('id').executeTakeFirstOrThrow();
  const user = await db.insertInto('users').values({ username: `benchmaint${stamp}`, display_name: 'Bench operator', organisation_id: council.id, password_hash: 'x', must_change_password: false }).returning('id').executeTakeFirstOrThrow();
  const contract = await db.insertInto('maintenance_contracts').values({
    reference: `B/${stamp % 1_000_000}`, name: 'Bench maintenance contract', contractor_organisation_id: contractor.id, starts_on: `${year}-01-01`,
    monthly_charge_pence: 1_250_000,
    service_credits: JSON.stringify({ responseBreachPence: { P1: 10_000, P2: 5_000, P3: 2_000, P4: 1_000 }, fixBreachPence: { P1: 20_000, P2: 10_000, P3: 4_000, P4: 2_000 }, capPercent: 10 }),
  }).returning('id').executeTakeFirstOrThrow();
  const from = new Date(`${year - 1}-12-01T00:00:00Z`);
  await db.insertInto('maintenance_sla_terms').values([
    { priority: 'P1' as const, clock: 'round_the_clock' as const, response_minutes: 240, fix_minutes: 1440 },
    { priority: 'P2' as const, clock: 'round_the_clock' as const, response_minutes: 480, fix_minutes: 2880 },
    { priority: 'P3' as const, clock: 'working_hours' as const, response_minutes: 960, fix_minutes: 2700 },
    { priority: 'P4' as const, clock: 'working_hours' as const, response_minutes: 2700, fix_minutes: 5400 },
  ].map((t) => ({ ...t, contract_id: contract.id, effective_from: from, reason: 'Contract schedule 3' }))).execute();
  // Mid-year the P1 times tighten: faults raised after it run on the new term.
  await db.insertInto('maintenance_sla_terms').values({ contract_id: contract.id, priority: 'P1', clock: 'round_the_clock', response_minutes: 180, fix_minutes: 1200, effective_from: new Date(`${year}-07-01T00:00:00Z`), reason: 'Variation 1' }).execute();
  await db.insertInto('maintenance_closure_days').values(['12-29', '12-30', '12-31'].map((d) => ({ contract_id: contract.id, day: `${year}-${d}`, reason: 'Council closed over Christmas' }))).execute();

  const yearFrom = Date.UTC(year, 0, 1);
  const yearMs = Date.UTC(year + 1, 0, 1) - yearFrom;
  const faultRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const priorities = ['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4'] as const;
  const iso = (t: number) => new Date(t);
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const raised = yearFrom + Math.floor(rnd() * yearMs);
    const priority = priorities[Math.floor(rnd() * priorities.length)];
    const scale = priority === 'P1' ? 1 : priority === 'P2' ? 2 : 4;
    const steps: [string, number, string | null][] = [['raised', raised, null]];
    let t = raised + Math.floor(rnd() * 6 * HOUR * scale);
    const open = raised > yearFrom + yearMs - 5 * 24 * HOUR && rnd() < 0.5; // some of the last days' faults still open
    steps.push(['attended', t, null]);
    if (rnd() < 0.1) { t += HOUR; steps.push(['clock_stopped', t, 'awaiting_part']); t += Math.floor(rnd() * 72 * HOUR); steps.push(['clock_restarted', t, null]); }
    t += Math.floor(rnd() * 20 * HOUR * scale);
    if (!open) {
      steps.push(['fixed', t, null]);
      if (rnd() < 0.03) { t += 2 * HOUR; steps.push(['reopened', t, null]); t += Math.floor(rnd() * 24 * HOUR); steps.push(['fixed', t, null]); }
      t += Math.floor(rnd() * 8 * HOUR);
      steps.push(['accepted', t, null]);
    }
    const closedAt = open ? null : iso(t);
    faultRows.push([id, `FLT-B${stamp % 10_000}-${i + 1}`, 8000 + (stamp % 1000), i + 1, cameraIds[Math.floor(rnd() * cameraIds.length)], 'No picture', user.id, iso(raised),
      'operator', contract.id, priority, open ? 'attended' : 'accepted', open ? 'open' : 'closed', closedAt]);
    steps.forEach(([kind, at, reason], n) => eventRows.push([id, n + 1, kind, iso(at), user.id, reason, kind === 'clock_stopped' || kind === 'reopened' ? 'Waiting on the supplier for a part' : null]));
  }
  await db.transaction().execute(async (trx) => {
    await copyRows(trx, { table: 'faults', columns: ['id', 'reference', 'year', 'number', 'camera_id', 'description', 'raised_by', 'raised_at', 'source', 'contract_id', 'priority', 'stage', 'state', 'closed_at'], rows: faultRows as never });
    await copyRows(trx, { table: 'fault_events', columns: ['fault_id', 'seq', 'kind', 'at', 'by_user_id', 'stop_reason', 'note'], rows: eventRows as never });
  });
  await sql`analyze faults, fault_events`.execute(db);
  return { contractId: contract.id, faults: faultRows.length, steps: eventRows.length };
}
