import type { Deps } from '../../../platform/deps';
import { validationFailed } from '../../../platform/http/errors';
import { londonDay } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';
import { rangeProblem, shiftMonth, timeliness, type TimelinessReport } from '../../../../domain/requests/reports';
import * as repo from './reports.repository';

/** Received and completed on time, by month and kind, for a range of months (the last twelve by default). */
export async function timelinessReport(deps: Deps, { from: askedFrom, to: askedTo }: { from?: string; to?: string }): Promise<TimelinessReport> {
  const today = londonDay(deps.clock.now());
  const to = askedTo ?? today.slice(0, 7);
  const from = askedFrom ?? shiftMonth(to, -11);
  const problem = rangeProblem(from, to);
  if (problem) throw validationFailed([problem]);
  const rows = await repo.timelinessRows(deps.db, { fromDay: `${from}-01`, toDay: addDays(`${shiftMonth(to, 1)}-01`, -1) });
  return timeliness({ rows, from, to, today });
}
