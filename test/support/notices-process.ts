import pino from 'pino';
import { loadConfig } from '../../src/server/config';
import { connect } from '../../src/server/platform/db/db';
import { createMailer } from '../../src/server/platform/mail';
import { sendRequestNotices } from '../../src/server/modules/requests/notices/notices.jobs';

// One run of the requests' notices job in a process of its own, as a server process's worker runs
// it: its own connection pool and its own mail relay connection, from the environment
// (DATABASE_URL, VIGIL_SMTP_URL). Prints what it sent as JSON. notices.processes.db.test.ts starts
// two of these at once.

const log = pino({ level: 'silent' });
const config = loadConfig();
const handle = connect({ url: process.env.DATABASE_URL!, max: 2, applicationName: `vigil-notices-${process.pid}` });
const mailer = createMailer({ config: config.mail, log });
try {
  const result = await sendRequestNotices({ db: handle.db, config, clock: { now: () => new Date() }, log, storage: undefined as never }, { mailer });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  mailer.close();
  await handle.close();
}
