import { readFile } from 'node:fs/promises';
import { parseGovUkFeed } from '../../../domain/calendar/govUkFeed';
import { isValidDay } from '../../../domain/calendar/london';
import { BUILT_IN_CALENDAR, createWorkingCalendar } from '../../../domain/calendar/workingCalendar';
import { deadlineFor, dpComplaintAcknowledgeBy, type ClockKind } from '../../../domain/deadlines/clocks';
import { mergePauses, pausesProblem, type Pause } from '../../../domain/deadlines/pauses';

// `vigil deadline`: a request's due date worked out by the same code the app uses, with the working
// line by line and the due date alone on the last line (YYYY-MM-DD), so anyone can check a case by
// hand or in a script (`vigil deadline sar --received 2026-01-30 | tail -1`). It needs no database:
// bank holidays come from the copy in the release, or from a GOV.UK file given with --holidays.

export const DEADLINE_KINDS = ['sar', 'foi', 'complaint', 'enquiry'] as const satisfies readonly ClockKind[];

export interface DeadlineOptions {
  kind: string;
  received?: string;
  paused: string[];
  extended: boolean;
  stage?: string;
  holidays?: string;
}

/** Prints the working and the due date; returns the exit code (2 for a mistake in the arguments). */
export async function runDeadline(opts: DeadlineOptions, { out, err }: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const fail = (message: string) => { err(`vigil deadline: ${message}`); return 2; };
  if (!(DEADLINE_KINDS as readonly string[]).includes(opts.kind)) return fail(`the kind of request is one of ${DEADLINE_KINDS.join(', ')}, not "${opts.kind}"`);
  const kind = opts.kind as (typeof DEADLINE_KINDS)[number];
  if (!opts.received) return fail('give the day the request was received: --received YYYY-MM-DD');
  if (!isValidDay(opts.received)) return fail(`--received takes a real date written YYYY-MM-DD, not "${opts.received}"`);
  const pauses: Pause[] = [];
  for (const p of opts.paused) {
    const [from, to, extra] = p.split(':');
    if (extra !== undefined || !from || !to || !isValidDay(from) || !isValidDay(to)) return fail(`--paused takes the day the clock stopped and the day it restarted, YYYY-MM-DD:YYYY-MM-DD, not "${p}"`);
    pauses.push({ from, to });
  }
  const problem = pausesProblem(pauses, opts.received);
  if (problem) return fail(problem);
  if (opts.extended && kind !== 'sar' && kind !== 'foi') return fail('--extended applies to a SAR (two further months) or an FOI request (the public-interest test) only');
  const stage = opts.stage === undefined ? 0 : Number(opts.stage) - 1;
  if (!Number.isInteger(stage) || stage < 0 || (opts.stage !== undefined && kind !== 'complaint')) return fail('--stage takes a complaint stage number: 1, 2, …');

  let calendar = BUILT_IN_CALENDAR;
  if (opts.holidays) {
    let json: unknown;
    try { json = JSON.parse(await readFile(opts.holidays, 'utf8')); } catch (e) { return fail(`cannot read ${opts.holidays} as JSON: ${(e as Error).message}`); }
    const feed = parseGovUkFeed(json);
    if (!feed.ok) return fail(`${opts.holidays}: ${feed.problems.slice(0, 5).join('; ')}`);
    calendar = createWorkingCalendar({ imported: feed.holidays });
  }
  const last = [opts.received, ...mergePauses(pauses).spans.map((s) => s.to)].sort().pop()!;
  if (last > calendar.cover.to) err(`vigil deadline: warning: bank holidays are known to ${calendar.cover.to} only; import a newer GOV.UK file (--holidays)`);

  const deadline = deadlineFor(kind, { received: opts.received, pauses, extended: opts.extended, stage, calendar });
  for (const step of deadline.steps) out(step);
  if (kind === 'complaint') {
    const ack = dpComplaintAcknowledgeBy(opts.received);
    if (ack) out(`If it is a data-protection complaint, acknowledge it by ${ack} (30 days beginning with receipt)`);
  }
  out(deadline.due);
  return 0;
}
