import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { addDays } from '../../../../domain/calendar/days';
import { londonDay } from '../../../../domain/calendar/london';
import * as repo from './parishes.repository';
import { seedReportsReference } from '../reports/reports.demo';

/** Two parish and town council contracts (and the reports' register and categories), before the handheld's demo makes patrols on them. */
export async function seedParishes(deps: Deps, council: DemoCouncil) {
  const from = `${addDays(londonDay(deps.clock.now()), -200).slice(0, 7)}-01`;
  const parishes = [
    { name: 'Ashby Parva Parish Council', contact: 'Clerk: Mrs J. Harper, clerk@ashbyparva-pc.example', label: 'PSPO and parking patrols', hours: 20, visits: 8, notes: 'Dog fouling in the recreation ground; school gates at 08:30 and 15:15.' },
    { name: 'Thornfield Town Council', contact: 'Town clerk, townclerk@thornfield-tc.example', label: 'Town centre patrols', hours: 40, visits: 16, notes: 'Market days Tuesday and Saturday; evening patrols in the park on Fridays.' },
  ];
  let contracts = 0;
  for (const p of parishes) {
    if (await repo.findParishByName(deps.db, p.name)) continue;
    const { id } = await repo.insertParish(deps.db, { name: p.name, contact: p.contact, notes: '' });
    await repo.insertContract(deps.db, { parish_id: id, label: p.label, minutes_per_month: p.hours * 60, visits_per_month: p.visits, valid_from: from, valid_to: null, notes: p.notes });
    contracts += 1;
  }
  return { parishContracts: contracts, ...(await seedReportsReference(deps, council)) };
}
