import { Command, Option } from 'commander';
import type { Config } from './config';

// The `vigil` command. `npm start` is `vigil serve`. Each command imports what it needs when it runs
// (configuration, the server, the database), so `vigil --help` or a mistyped command answers at once.

const cli = () => import('./cli');
const logging = () => import('./platform/logging/logger');

async function config(): Promise<Config> {
  const { ConfigError, loadConfig } = await import('./config');
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Installs the Ctrl-C / SIGTERM handlers before anything starts, so a signal that arrives while
 * the server is still starting (or just after it printed its banner) still shuts it down cleanly,
 * embedded database included, instead of killing the process outright.
 */
async function runUntilSignalled(start: () => Promise<{ stop: (reason: string) => Promise<void> }>) {
  let count = 0;
  let started: Promise<{ stop: (reason: string) => Promise<void> }> | undefined;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (++count > 1) process.exit(130); // a second Ctrl-C does not wait
      (started ?? Promise.reject(new Error('not started')))
        .then((running) => running.stop(sig))
        .then(() => process.exit(0), () => process.exit(1));
    });
  }
  started = start();
  await started;
}

const program = new Command('vigil')
  .description('Vigil: operations platform for council CCTV control rooms and community-safety teams.\nConfiguration comes from environment variables; see the README.')
  .showHelpAfterError();

program.command('serve').description('run the web app and API (and the job worker unless VIGIL_WORKER_IN_PROCESS=false)').action(async () => {
  const cfg = await config();
  const { createLogger, logFatalErrors } = await logging();
  const log = createLogger({ level: cfg.logLevel });
  logFatalErrors(log);
  const { startServer } = await import('./runtime');
  await runUntilSignalled(() => startServer({ config: cfg, log }));
});

program.command('worker').description('run only the background job worker').action(async () => {
  const cfg = await config();
  const { createLogger, logFatalErrors } = await logging();
  const log = createLogger({ level: cfg.logLevel, name: 'vigil-worker' });
  logFatalErrors(log);
  const { startWorker } = await import('./runtime');
  await runUntilSignalled(() => startWorker({ config: cfg, log }));
});

program.command('migrate').description('apply database migrations and exit').action(async () => (await cli()).runMigrate(await config()));

program.command('seed').description('seed the demo council into an empty database')
  .option('--reset', 'wipe the database first and seed again (demo installations only)')
  .action(async (opts: { reset?: boolean }) => (await cli()).runSeed(await config(), { reset: !!opts.reset }));

const user = program.command('user').description('manage user accounts from the command line');
user.command('add <username>').description('create a user and print a one-time password')
  .requiredOption('--name <display name>', "the person's name")
  .option('--admin', 'give the administrator role (shorthand for --role admin)')
  .addOption(new Option('--role <role...>', 'roles to give'))
  .option('--email <email>', 'email address')
  .option('--organisation <name>', 'organisation name (default: the council, created if missing)')
  .action(async (username: string, opts: { name: string; admin?: boolean; role?: string[]; email?: string; organisation?: string }) => (await cli()).runUserAdd(await config(), { username, ...opts }));
user.command('list').description('list users and their roles').action(async () => (await cli()).runUserList(await config()));
user.command('reset-password <username>').description('issue a new one-time password').action(async (username: string) => (await cli()).runUserResetPassword(await config(), username));
user.command('unlock <username>').description('lift a sign-in lock-out').action(async (username: string) => (await cli()).runUserUnlock(await config(), username));

const audit = program.command('audit').description('the audit trail');
audit.command('verify').description('walk the hash chain; exits 1 and names the first broken link if any')
  .option('--head <SEQ:HASH>', 'a head printed earlier by `vigil audit head`: also finds the newest events removed since')
  .action(async (opts: { head?: string }) => (await cli()).runAuditVerify(await config(), { head: opts.head }));
audit.command('head').description('print the newest event as SEQ:HASH, to keep outside Vigil for `verify --head`').action(async () => (await cli()).runAuditHead(await config()));

const evidence = program.command('evidence').description('footage, exhibits and disclosure packages');
evidence.command('import <path...>').description('import files, or folders of files, exported from the video management system: one line each with its SHA-256, size and recording (or why it was refused)')
  .requiredOption('--as <username>', 'the member of staff the footage is imported by (its producer when it becomes an exhibit)')
  .option('--json', 'print the result as JSON')
  .action(async (paths: string[], opts: { as: string; json?: boolean }) => (await cli()).runEvidenceImportCommand(await config(), { paths, username: opts.as, json: !!opts.json }));
evidence.command('verify').description('hash every stored master, copy, package and signature again and walk every continuity chain; exits 1 on any mismatch or missing file')
  .option('--json', 'print the result as JSON')
  .action(async (opts: { json?: boolean }) => (await cli()).runEvidenceVerifyCommand(await config(), { json: !!opts.json }));
evidence.command('verify-package <file>').description("check a disclosure package offline: every file's SHA-256, the signature, every continuity chain; exits 1 on any problem")
  .option('--key <fingerprint>', "the council's key fingerprint (from `vigil evidence public-key`): also check the package was signed with it")
  .option('--json', 'print the result as JSON')
  .action(async (file: string, opts: { key?: string; json?: boolean }) => {
    const { runVerifyPackage } = await import('./modules/evidence/packages/packages.cli');
    process.exitCode = await runVerifyPackage({ file, json: !!opts.json, expectedFingerprint: opts.key });
  });
evidence.command('public-key').description("print the council's package-signing public key and its fingerprint").action(async () => (await cli()).runEvidencePublicKey(await config()));

const estate = program.command('estate').description('the camera register');
const collect = (value: string, previous: string[]) => [...previous, value];
estate.command('import <file>').description('import a camera register from CSV: one line for each camera added, updated, flagged as a renumbering or refused (with its line and reasons); nothing is imported while any row is refused; exits 1 when any row was refused or flagged')
  .option('--dry-run', 'check the file and say what an import would do, writing nothing')
  .option('--json', 'print the result as JSON')
  .option('--map <header=field>', 'read the column with this header (or #N, the N-th column) as this field (repeatable), or ignore it: --map "Cam Ref=number" --map "Notes=ignore" --map "#3=name"', collect, [])
  .option('--confirm <number>', 'a new camera number flagged as a renumbering on an earlier run: renumber the camera at its point (repeatable)', collect, [])
  .option('--as <username>', 'the member of staff the history records as making the change (default: the system)')
  .action(async (file: string, opts: { dryRun?: boolean; json?: boolean; map: string[]; confirm: string[]; as?: string }) => {
    const { runEstateImportCommand } = await import('./modules/estate/import/import.cli');
    await runEstateImportCommand(await config(), { file, dryRun: !!opts.dryRun, json: !!opts.json, map: opts.map, confirm: opts.confirm, as: opts.as });
  });

program.command('deadline <kind>').description('work out the due date of a request (sar, foi, complaint or enquiry) as Vigil does, with the working; the last line is the due date, YYYY-MM-DD')
  .option('--received <YYYY-MM-DD>', 'the day the request (or the complaint stage) was received')
  .option('--paused <YYYY-MM-DD:YYYY-MM-DD>', 'the day the clock stopped and the day it restarted (repeatable)', collect, [])
  .option('--extended', 'a SAR extended by two months, or an FOI request extended for the public-interest test')
  .option('--stage <n>', 'a complaint: the stage (1, 2, …) that began on --received')
  .option('--holidays <file>', 'a GOV.UK bank-holidays JSON file to use instead of the copy in this release')
  .action(async (kind: string, opts: { received?: string; paused: string[]; extended?: boolean; stage?: string; holidays?: string }) => {
    const { runDeadline } = await import('./modules/requests/deadline.cli');
    process.exitCode = await runDeadline({ kind, ...opts, extended: !!opts.extended }, { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) });
  });

const calendar = program.command('calendar').description('the bank holidays and closure days the request clocks count on');
calendar.command('import <file>').description("load a newer GOV.UK bank-holidays file (https://www.gov.uk/bank-holidays.json): each year it lists replaces that year, and every open request's due date is worked out again")
  .action(async (file: string) => {
    const { runCalendarImport } = await import('./modules/requests/calendar/calendar.cli');
    await runCalendarImport(await config(), { file }, (l) => process.stdout.write(`${l}\n`));
  });

program.parseAsync(process.argv).catch((err) => {
  process.stderr.write(`vigil: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
