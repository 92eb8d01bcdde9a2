import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { londonDay } from '../../../../domain/calendar/london';
import { addDays, weekdayOf } from '../../../../domain/calendar/days';
import { shiftOn } from '../../../../domain/ooh/rota';
import * as repo from './rota.repository';

// The demo's on-call rota for last month, this month and next: weeknights 17:00–09:00, the weekend
// from Friday 17:00 to Monday 09:00, first and second on call for each duty (named people outside
// the council with their numbers), and a duty manager week by week (the demo users 'ooh' and
// 'supervisor' among them).

const PEOPLE: Record<string, [string, string][]> = {
  social_worker: [['Priya Shah', '07700 900101'], ['Tom Barker', '07700 900102'], ['Grace Okafor', '07700 900103']],
  repairs: [['Northgate Repairs (Dan Hill)', '07700 900111'], ['Northgate Repairs (Lee Cole)', '07700 900112']],
  dog_warden: [['Sam Fletcher', '07700 900121'], ['Amy Doyle', '07700 900122']],
  building_surveyor: [['Rob Kaur', '07700 900131'], ['Helen Marsh', '07700 900132']],
  highways: [['Ian Price', '07700 900141'], ['Chris Wood', '07700 900142'], ['Mo Hassan', '07700 900143']],
  cctv_engineer: [['Secure Vision engineer on call', '07700 900151'], ['Secure Vision service desk', '0300 555 0151']],
  keyholder: [['Civic Centre keyholder (Bev Long)', '07700 900161'], ['Civic Centre keyholder (Ray Stone)', '07700 900162']],
  noise: [['Jas Patel', '07700 900171'], ['Kate Moss', '07700 900172']],
  duty_manager: [['Liz Carter', '07700 900181'], ['Owen Rhys', '07700 900182']],
};

export async function seedDemoRota(deps: Deps, council: DemoCouncil) {
  if ((await repo.countShifts(deps.db)) > 0) return { oohRotaShifts: 0 };
  const duties = await repo.listDuties(deps.db);
  const today = londonDay(deps.clock.now());
  const first = `${today.slice(0, 8)}01`;
  const start = addDays(first, -35);
  const end = addDays(first, 70);
  const managerIds = [council.users.ooh?.id, council.users.supervisor?.id].filter((id): id is string => !!id);
  const managers = managerIds.length ? await deps.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', managerIds).execute() : [];
  const rows: Parameters<typeof repo.insertShift>[1][] = [];
  for (const duty of duties) {
    const people = PEOPLE[duty.key] ?? [['Duty officer', '07700 900199']];
    let n = 0;
    for (let day = start; day < end; day = addDays(day, 1)) {
      const wd = weekdayOf(day); // 0 Sunday … 6 Saturday
      if (wd === 0 || wd === 6) continue; // covered by Friday's weekend shift
      const s = wd === 5 ? { startsAt: shiftOn(day, '17:00', '09:00')!.startsAt, endsAt: shiftOn(addDays(day, 3), '00:00', '09:00')!.endsAt } : shiftOn(day, '17:00', '09:00')!;
      const [p1, p2] = [people[n % people.length]!, people[(n + 1) % people.length]!];
      rows.push({ duty_id: duty.id, level: 1, user_id: null, person_name: p1[0], phone: p1[1], ...timesOf(s), note: wd === 5 ? 'Weekend' : '', created_by: null });
      rows.push({ duty_id: duty.id, level: 2, user_id: null, person_name: p2[0], phone: p2[1], ...timesOf(s), note: '', created_by: null });
      n++;
    }
  }
  // The duty manager, level 3 for every duty, a week at a time from Monday 09:00.
  let week = 0;
  const monday = addDays(start, (8 - weekdayOf(start)) % 7);
  for (let day = monday; day < end; day = addDays(day, 7), week++) {
    const s = { startsAt: shiftOn(day, '09:00', '10:00')!.startsAt, endsAt: shiftOn(addDays(day, 7), '09:00', '10:00')!.startsAt };
    const user = managers.length && week % 2 === 0 ? managers[(week / 2) % managers.length] : undefined;
    const other = PEOPLE.duty_manager![week % 2]!;
    for (const duty of duties) {
      rows.push({
        duty_id: duty.id, level: 3, user_id: user?.id ?? null, person_name: user ? user.display_name : other[0], phone: user ? '01632 960100' : other[1],
        ...timesOf(s), note: 'Duty manager', created_by: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await deps.db.insertInto('ooh_rota_entries').values(rows.slice(i, i + 500)).execute();
  return { oohRotaShifts: rows.length };
}

const timesOf = (s: { startsAt: Date; endsAt: Date }) => ({ starts_at: s.startsAt, ends_at: s.endsAt });
