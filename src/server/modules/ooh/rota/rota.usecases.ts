import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { notFound, validationFailed } from '../../../platform/http/errors';
import { londonDayAfter, londonDayStart, londonDay } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';
import { escalationOrder, rotaLevelName } from '../../../../domain/ooh/rota';
import type { AddOohRotaEntry, OohRotaEntry, OohRotaQuery } from '../../../../domain/ooh/calls.contract';
import * as repo from './rota.repository';

// The on-call rota: read it (with who is on call now for each duty), add a shift, take one off.
// Who is on call for a duty at an instant is the pure rule in src/domain/ooh/rota.ts, applied to
// the shifts that cover that instant; calls/ asks through `onCallFor`.

export interface Actor { audit: AuditActor; userId: string }

export const toEntry = (r: repo.RotaRow): OohRotaEntry => ({
  id: r.id, duty: { id: r.duty_id, key: r.duty_key, name: r.duty_name }, level: r.level, levelName: rotaLevelName(r.level),
  user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
  personName: r.person_name, phone: r.phone, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), note: r.note,
});

const asShift = (r: repo.RotaRow) => ({ ...r, dutyId: r.duty_id, startsAt: r.starts_at, endsAt: r.ends_at });

/** Everyone on call for a duty at an instant, lowest level first (the order of escalation). */
export async function onCallFor(db: Db, dutyId: string, at: Date): Promise<repo.RotaRow[]> {
  return escalationOrder((await repo.shiftsAt(db, dutyId, at)).map(asShift), { dutyId, at });
}

export async function getRota(deps: Deps, query: OohRotaQuery) {
  const now = deps.clock.now();
  const today = londonDay(now);
  const fromDay = query.from ?? addDays(today, -1);
  const toDay = query.to ?? addDays(fromDay, 14);
  if (toDay < fromDay) throw validationFailed([{ path: 'to', message: 'The last day must be on or after the first' }]);
  const [rows, duties, people] = await Promise.all([
    repo.listShifts(deps.db, { from: londonDayStart(fromDay)!, to: londonDayAfter(toDay)!, dutyId: query.dutyId }),
    repo.listDuties(deps.db), repo.listPeople(deps.db),
  ]);
  const onCallNow = await Promise.all(duties.map(async (d) => ({ duty: d, order: (await onCallFor(deps.db, d.id, now)).map(toEntry) })));
  return { entries: rows.map(toEntry), duties, onCallNow, people };
}

export async function addShift(deps: Deps, { actor, input }: { actor: Actor; input: AddOohRotaEntry }) {
  return deps.db.transaction().execute(async (trx) => {
    const duty = await repo.findDuty(trx, input.dutyId);
    if (!duty) throw validationFailed([{ path: 'dutyId', message: 'Choose a duty from the list' }]);
    const person = input.userId ? await repo.findPerson(trx, input.userId) : undefined;
    if (input.userId && !person) throw validationFailed([{ path: 'userId', message: 'Choose a council user from the list' }]);
    const { id } = await repo.insertShift(trx, {
      duty_id: duty.id, level: input.level, user_id: person?.id ?? null, person_name: input.personName || person!.name, phone: input.phone,
      starts_at: input.startsAt, ends_at: input.endsAt, note: input.note, created_by: actor.userId,
    });
    await recordAudit(trx, actor.audit, { action: 'ooh.rota.shift_added', recordType: 'ooh_rota_entry', recordId: id, details: { duty: duty.key, level: input.level, person: input.personName || person!.name, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() } });
    return toEntry((await repo.findShift(trx, id))!);
  });
}

export async function removeShift(deps: Deps, { actor, id, reason }: { actor: Actor; id: string; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findShift(trx, id);
    if (!row) throw notFound({ what: 'shift' });
    await repo.removeShift(trx, { id, by: actor.userId, at: deps.clock.now() });
    await recordAudit(trx, actor.audit, { action: 'ooh.rota.shift_removed', recordType: 'ooh_rota_entry', recordId: id, details: { duty: row.duty_key, level: row.level, person: row.person_name, reason } });
    return toEntry(row);
  });
}
