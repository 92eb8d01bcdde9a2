import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { benchDatabase, benchServer, load, mean, result, type Load } from './_support';

// An authenticated, audit-free read (GET /api/v1/modules: cookie -> session lookup -> permission
// check -> reply) against /healthz on the same server in the same run. 50 connections, 10 s each.
// Target: the authenticated read keeps at least half of /healthz's throughput.

const duration = Number(process.env.BENCH_DURATION ?? 10);
const db = await benchDatabase();
const handle = connect({ url: db.url, max: 2 });
await migrate({ pool: handle.pool });
const org = await handle.db.insertInto('organisations').values({ name: `Bench ${Date.now()}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
const username = `bench${Date.now()}`;
const password = 'bench marks the quiet harbour';
const user = await handle.db.insertInto('users').values({ username, display_name: 'Bench', organisation_id: org.id, password_hash: await hashPassword(password), must_change_password: false }).returning('id').executeTakeFirstOrThrow();
await handle.db.insertInto('user_roles').values({ user_id: user.id, role: 'patrol_officer' }) // a role without compulsory MFA.execute();
await handle.close();

const server = await benchServer({ databaseUrl: db.url, env: { SIGN_IN_RATE_PER_MINUTE: '1000', ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}) } });
try {
  const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = /vigil_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

  await load({ url: `${server.url}/healthz`, duration: 2 }); // warm-up
  await load({ url: `${server.url}/api/v1/modules`, headers: { cookie }, duration: 2 });
  // Interleaved rounds, so that drift in what else the machine is doing touches both alike.
  const rounds = 2;
  const baseRuns: Load[] = [];
  const authRuns: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    baseRuns.push(await load({ url: `${server.url}/healthz`, duration: duration / rounds }));
    authRuns.push(await load({ url: `${server.url}/api/v1/modules`, headers: { cookie }, duration: duration / rounds }));
  }
  const base = mean(baseRuns);
  const auth = mean(authRuns);
  process.stdout.write(`/healthz:          ${base.rps.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms, errors ${base.errors}, non-2xx ${base.non2xx}\n`);
  process.stdout.write(`/api/v1/modules:   ${auth.rps.toFixed(0)} req/s, p50 ${auth.p50} ms, p99 ${auth.p99} ms, errors ${auth.errors}, non-2xx ${auth.non2xx}\n`);
  if (auth.non2xx || auth.errors) throw new Error('the authenticated read returned errors; the figure would be meaningless');
  result({ bench: 'api-baseline', metric: 'authenticated_rps', value: Math.round(auth.rps), unit: '/s', baseline: Math.round(base.rps), target: '>=0.5', pass: auth.rps / base.rps >= 0.5 });
  result({ bench: 'api-baseline', metric: 'authenticated_p99', value: auth.p99, unit: 'ms', baseline: base.p99, target: '<100ms', pass: auth.p99 < 100 });
} finally {
  await server.stop();
  await db.stop();
}
