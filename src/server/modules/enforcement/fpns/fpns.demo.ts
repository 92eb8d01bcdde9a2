import type { Deps } from '../../../platform/deps';
import type { DemoCouncil } from '../../../platform/modules';
import { addDays } from '../../../../domain/calendar/days';
import { londonDay } from '../../../../domain/calendar/london';
import { fpnPeriods } from '../../../../domain/enforcement/fpn/rules';
import * as uc from './fpns.usecases';

// The demo's FPNs are issued by the field module's demo (it runs first, through
// issueFpnFromHandheld); here the team leader takes them on after issue, so that every state
// appears: paid early, paid in full, part-paid, withdrawn, passed for prosecution, and some left
// unpaid (within the 14 days and after them).

/** `only`: these notices alone (a test's own, on a shared database). */
export async function seedDemoFpns(deps: Deps, council: DemoCouncil, only?: string[]): Promise<Record<string, number>> {
  const leader = council.users.teamleader ?? Object.values(council.users).find((u) => u.role === 'patrol_leader');
  if (!leader) return { fpnsWorked: 0 };
  const actor = { audit: { actorId: leader.id, actorUsername: leader.username, ip: null, userAgent: null }, userId: leader.id };
  const today = londonDay(deps.clock.now());
  const rows = await deps.db.selectFrom('fpns').select(['id', 'notice_day', 'amount_pence', 'early_amount_pence', 'early_days', 'offence_name'])
    .where('status', '=', 'issued').$if(only !== undefined, (q) => q.where('id', 'in', only!.length ? only! : ['00000000-0000-4000-8000-000000000000'])).orderBy('issued_at').orderBy('id').execute();
  let worked = 0;
  let late = 0;
  let recent = 0;
  for (const r of rows) {
    const day = dayOf(r.notice_day as unknown as Date);
    const periods = fpnPeriods(day, r.early_days);
    const paidOn = (d: string) => (d > today ? today : d);
    if (today >= periods.prosecutionFrom) {
      switch (late++ % 5) {
        case 0: await uc.recordPayment(deps, { actor, id: r.id, input: { amountPence: r.amount_pence, paidOn: paidOn(addDays(day, 12)), method: 'online', receipt: `WEB${String(late).padStart(5, '0')}` } }); break;
        case 1: await uc.prosecuteFpn(deps, { actor, id: r.id, statement: statementFor(r.offence_name) }); break;
        case 2: await uc.withdrawFpn(deps, { actor, id: r.id, reason: 'The offender’s address could not be confirmed; not in the public interest to pursue.' }); break;
        case 3:
          if (r.early_amount_pence !== null) await uc.recordPayment(deps, { actor, id: r.id, input: { amountPence: r.early_amount_pence, paidOn: paidOn(addDays(day, 3)), method: 'card', receipt: `CARD${String(late).padStart(5, '0')}` } });
          else continue;
          break;
        default: continue; // left unpaid after the 14 days
      }
    } else {
      switch (recent++ % 3) {
        case 0:
          if (r.early_amount_pence !== null) await uc.recordPayment(deps, { actor, id: r.id, input: { amountPence: r.early_amount_pence, paidOn: paidOn(addDays(day, 1)), method: 'card', receipt: `CARD${String(recent).padStart(5, '0')}` } });
          else continue;
          break;
        case 1: await uc.recordPayment(deps, { actor, id: r.id, input: { amountPence: Math.min(2000, r.amount_pence - 1), paidOn: today, method: 'cash', receipt: `CASH${String(recent).padStart(5, '0')}` } }); break;
        default: continue;
      }
    }
    worked++;
  }
  return { fpnsWorked: worked };
}

const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const statementFor = (offence: string) =>
  `I am a community protection officer employed by the council and authorised to issue fixed penalty notices. While on patrol I saw the offence of ${offence.toLowerCase()}. ` +
  'I spoke to the person, explained the offence and issued the notice, recording the circumstances in my notebook at the time. The notice has not been paid within the 14 days following it. ' +
  'This statement is true to the best of my knowledge and belief.';
