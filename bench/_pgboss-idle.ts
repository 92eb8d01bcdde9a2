import { performance } from 'node:perf_hooks';
import PgBoss from 'pg-boss';

// The job queue's own idle polling, measured: jobs sent to pg-boss with `startAfter` a few seconds
// ahead, picked up by an idle worker at its default polling interval (2 s, as Vigil's queue runs),
// and how late each began against its `startAfter`. The baseline beside the durable timers' lateness.

export async function pgBossIdleLateness({ url, jobs = 12, spreadMs = 36_000 }: { url: string; jobs?: number; spreadMs?: number }) {
  // A schema of its own: Vigil's server refuses queues in its schema that it has no handler for.
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss_bench', max: 2, schedule: false, supervise: false, application_name: 'vigil-bench-pgboss' });
  boss.on('error', () => undefined);
  await boss.start();
  const queue = `bench.idle-lateness.v${Date.now()}`;
  await boss.createQueue(queue, { name: queue });
  const late: number[] = [];
  const due = new Map<string, number>();
  let done: () => void;
  const finished = new Promise<void>((r) => { done = r; });
  await boss.work(queue, { batchSize: 1 }, async ([job]) => {
    late.push(Date.now() - due.get(job.id)!);
    if (late.length === jobs) done();
  });
  const t0 = Date.now() + 2_000;
  for (let i = 0; i < jobs; i += 1) {
    const at = t0 + Math.round((spreadMs * i) / jobs) + Math.floor(Math.random() * 300);
    const id = await boss.send(queue, {}, { startAfter: new Date(at) });
    due.set(id!, at);
  }
  const started = performance.now();
  await Promise.race([finished, new Promise((r) => setTimeout(r, spreadMs + 30_000))]);
  await new Promise((r) => setTimeout(r, 1_000)); // the last job's completion
  await boss.offWork(queue);
  await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
  return { late, seconds: (performance.now() - started) / 1000, pollingIntervalMs: 2_000 };
}
