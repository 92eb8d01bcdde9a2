import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import type { Deps } from '../src/server/platform/deps';
import { londonMonth } from '../src/domain/maintenance/period';
import { performanceReport } from '../src/server/modules/maintenance/performance/performance.usecases';
import { generateCameras, insertGeneratedCameras } from './_estate-map';
import { generateContractYear } from './_maintenance-data';
import { benchDatabase, median, result } from './_support';

// The maintenance contract's monthly performance report (issue 11): 1,000 cameras and 20,000
// faults over a year (with their steps, written by COPY). The report use case (every query, the
// SLA clocks of each fault on its own terms, repeats, credits, every camera's availability) is
// timed for each of the year's 12 months, BENCH_RUNS times each after one warm-up, in process;
// beside it, timed the same way, one SQL aggregate over the same month's rows (per priority: the
// count, and the mean time to respond and to fix from the fault's steps). The figures are p50 and
// p95 over all the months' runs. Targets: the report's p95 under 1 s and its p50 at most 10× the
// aggregate's. BENCH_RUNS (5), BENCH_CAMERAS (1,000) and BENCH_FAULTS (20,000) change the sizes.

const runs = Number(process.env.BENCH_RUNS ?? 5);
const CAMERAS = Number(process.env.BENCH_CAMERAS ?? 1_000);
const FAULTS = Number(process.env.BENCH_FAULTS ?? 20_000);
const YEAR = 2025;
const say = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil(s.length * q) - 1)]; };

const db = await benchDatabase();
const handle = connect({ url: db.url, max: 4 });
try {
  await migrate({ pool: handle.pool });
  const stamp = Date.now();
  await insertGeneratedCameras({ databaseUrl: db.url, cameras: generateCameras(CAMERAS, { prefix: `MT${stamp % 1000}-` }) });
  const cameraIds = (await handle.db.selectFrom('cameras').select('id').where('reference', 'like', `MT${stamp % 1000}-%`).execute()).map((c) => c.id);
  const t0 = performance.now();
  const year = await generateContractYear(handle.db, { cameraIds, faults: FAULTS, year: YEAR });
  say(`generated ${cameraIds.length} cameras, ${year.faults} faults with ${year.steps} steps over ${YEAR} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The use case needs only the database and the clock: the rest of Deps is never touched.
  const deps = { db: handle.db, clock: { now: () => new Date(`${YEAR + 1}-01-15T12:00:00Z`) } } as unknown as Deps;
  const aggregate = (month: string) => {
    const { from, to } = londonMonth(month)!;
    return sql`
      select f.priority, count(*) as raised,
        avg(extract(epoch from s.attended - f.raised_at)) / 60 as mean_minutes_to_respond,
        avg(extract(epoch from s.fixed - f.raised_at)) filter (where s.accepted is not null) / 60 as mean_minutes_to_repair
      from faults f
      join lateral (
        select min(e.at) filter (where e.kind = 'attended') as attended, max(e.at) filter (where e.kind = 'fixed') as fixed,
          max(e.at) filter (where e.kind = 'accepted') as accepted
        from fault_events e where e.fault_id = f.id
      ) s on true
      where f.contract_id = ${year.contractId} and f.raised_at >= ${from} and f.raised_at < ${to}
      group by f.priority order by f.priority`.execute(handle.db);
  };

  const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
  const reportMs: number[] = [];
  const aggregateMs: number[] = [];
  for (const month of months) {
    await performanceReport(deps, { contractId: year.contractId, month }); // warm-up
    await aggregate(month);
    const mine: number[] = [];
    const theirs: number[] = [];
    let raised = 0;
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      const report = await performanceReport(deps, { contractId: year.contractId, month });
      mine.push(performance.now() - t);
      raised = report.total.raised;
      t = performance.now();
      await aggregate(month);
      theirs.push(performance.now() - t);
    }
    reportMs.push(...mine);
    aggregateMs.push(...theirs);
    say(`${month}: ${raised} faults raised; report median ${median(mine).toFixed(1)} ms (${mine.map((x) => x.toFixed(0)).join(', ')}); aggregate median ${median(theirs).toFixed(1)} ms`);
  }
  const [p50, p95, a50, a95] = [pct(reportMs, 0.5), pct(reportMs, 0.95), pct(aggregateMs, 0.5), pct(aggregateMs, 0.95)];
  say(`over ${reportMs.length} runs (12 months × ${runs}): report p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${Math.min(...reportMs).toFixed(1)}, max ${Math.max(...reportMs).toFixed(1)}; aggregate p50 ${a50.toFixed(1)} ms, p95 ${a95.toFixed(1)} ms`);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  result({ bench: 'maintenance', metric: 'monthly-report-p95', value: r1(p95), unit: 'ms', baseline: r1(a95), target: '<1000ms', pass: p95 < 1000 });
  result({ bench: 'maintenance', metric: 'monthly-report-p50-vs-aggregate', value: r1(p50), unit: 'ms', baseline: r1(a50), ratio: p50 / a50, target: '<=10x', pass: p50 / a50 <= 10 });
} finally {
  await handle.close();
  await db.stop();
}
