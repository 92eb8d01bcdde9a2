import pino, { type DestinationStream, type Logger } from 'pino';

// JSON lines on stdout. Secrets never reach a log line: bodies are not logged, and these paths are
// redacted where they would appear in an object we do log.
export function createLogger({ level, name = 'vigil', destination }: { level: string; name?: string; destination?: DestinationStream }): Logger {
  const options = {
    name,
    level,
    // Explicit paths only: wildcard paths make pino walk every logged object on every line.
    redact: {
      paths: ['password', 'newPassword', 'currentPassword', 'oneTimePassword', 'token', 'secret', 'recoveryCodes', 'databaseUrl',
        'headers.cookie', 'headers.authorization', 'req.headers.cookie', 'req.headers.authorization', 'body.password', 'input.password'],
      censor: '[redacted]',
    },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return pino(options, destination ?? stdout());
}

let shared: ReturnType<typeof pino.destination> | undefined;
/**
 * Standard output, written in the background in chunks of up to 4 kB instead of one write per line
 * (under load, one system call per request adds up), flushed at least every quarter-second so that
 * a tail of the log stays current, and synchronously when the process exits.
 */
function stdout() {
  if (!shared) {
    shared = pino.destination({ dest: 1, sync: false, minLength: 4096 });
    const out = shared;
    setInterval(() => { try { out.flush(); } catch { /* nothing to flush yet */ } }, 250).unref();
  }
  return shared;
}

/**
 * Resolves once what the logger has buffered is written, so that start-up lines come before the
 * banner printed beside them (the banner goes straight to stdout; the log waits for 4 kB or 250 ms).
 */
export function flushLog(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const done = setTimeout(resolve, 1_000); // a stuck pipe must not hold up the start
    try {
      log.flush(() => { clearTimeout(done); resolve(); });
    } catch {
      clearTimeout(done);
      resolve();
    }
  });
}

let fatalHandled = false;
let dying = false;
/**
 * A crash leaves its cause in the log: an exception nothing caught, or a promise rejection nothing
 * handled, is logged as a fatal line on standard output after what the logger still held, and the
 * process exits with 1. Left to Node, the cause would go to standard error as a bare stack trace,
 * outside the JSON log a site collects.
 *
 * The log is written in the background, so a write may be in flight when the crash comes: the fatal
 * line joins the queue behind it and the process exits once the queue has drained. Writing it
 * synchronously instead would put it on the pipe before the line in flight. A pipe that does not
 * drain within half a second gets what is left synchronously.
 */
export function logFatalErrors(log: Logger) {
  if (fatalHandled) return;
  fatalHandled = true;
  const die = (err: unknown, msg: string) => {
    if (dying) return; // a second failure while the first drains: the first cause is the one logged
    dying = true;
    try { log.fatal({ err }, msg); } catch { /* the logger itself failed: still flush and exit */ }
    const exit = () => {
      try { shared?.flushSync(); } catch { /* not open yet, a write still in flight, or a closed pipe */ }
      process.exit(1);
    };
    if (!shared) return exit();
    const fallback = setTimeout(exit, 500);
    try {
      shared.flush(() => { clearTimeout(fallback); process.exit(1); });
    } catch {
      clearTimeout(fallback);
      exit();
    }
  };
  process.on('uncaughtException', (err) => die(err, `stopping after an uncaught exception: ${err.message}`));
  process.on('unhandledRejection', (reason) => die(reason, `stopping after an unhandled promise rejection: ${reason instanceof Error ? reason.message : String(reason)}`));
}
