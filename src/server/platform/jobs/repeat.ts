// A task run again and again, `everyMs` after the previous run ended (never two at once), until
// stopped; stopping waits for a run in progress, then runs `last` once if given. For the database
// housekeeping that must follow writes closely (sealing the audit trail, sending live updates):
// pg-boss schedules are for minutes, not milliseconds.

export interface Repeating { stop(): Promise<void> }

export function repeat({ name, everyMs, run, last, log }: {
  name: string; everyMs: number; run: () => Promise<unknown>; last?: () => Promise<unknown>;
  log: { error(obj: object, msg: string): void };
}): Repeating {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const schedule = () => { timer = setTimeout(round, everyMs); timer.unref(); };
  function round() {
    current = run().then(() => undefined, (err) => log.error({ err }, `${name} failed; will retry`))
      .then(() => { if (!stopped) schedule(); });
  }
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      if (last) await last().catch((err) => log.error({ err }, `${name} at shutdown failed`));
    },
  };
}
