import pino from 'pino';
import { loadConfig } from '../../src/server/config';
import { connect } from '../../src/server/platform/db/db';
import { startTimers } from '../../src/server/platform/timers/timers';
import { LONE_WORKING_TIMERS } from '../../src/server/modules/ooh/lone-working/lone-working.ladder';

// A writing process's timer loop, on its own: its own pool from DATABASE_URL, the real lone-working
// timer definitions, for RUN_SECONDS. lone-working.processes.db.test.ts starts two of these at once.

const log = pino({ level: 'silent' });
const config = loadConfig();
const handle = connect({ url: process.env.DATABASE_URL!, max: 4, applicationName: `vigil-lw-timers-${process.pid}` });
const loop = startTimers({ deps: { db: handle.db, config, clock: { now: () => new Date() }, log, storage: undefined as never }, definitions: LONE_WORKING_TIMERS, everyMs: 100 });
process.stdout.write('ready\n');
await new Promise((resolve) => setTimeout(resolve, Number(process.env.RUN_SECONDS ?? 10) * 1000));
await loop.stop();
await handle.close();
process.stdout.write(`${JSON.stringify({ pid: process.pid })}\n`);
