import { readFile } from 'node:fs/promises';
import type { Config } from '../../../config';
import { withDeps } from '../../../cli';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { importBankHolidays } from './calendar.usecases';

// `vigil calendar import FILE`: load a newer copy of GOV.UK's bank holidays (each year in the file
// replaces that year), so a royal proclamation reaches every clock without a new release.

export async function runCalendarImport(config: Config, { file }: { file: string }, print: (line: string) => void) {
  const text = await readFile(file, 'utf8').catch((e: Error) => { throw new Error(`Cannot read ${file}: ${e.message}`); });
  const r = await withDeps(config, (deps) => importBankHolidays(deps, { actor: { audit: SYSTEM_ACTOR, userId: null }, text }));
  for (const [division, years] of Object.entries(r.years)) print(`${division}: ${years.length ? years.join(', ') : 'no days'}`);
  print(`Imported ${r.days} bank holiday(s); ${r.dueDatesChanged} open request(s) have a new due date.`);
}
