import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import type { Alarm, AlarmStep, AlarmsQuery, RaiseAlarm } from '../../../../domain/ooh/contract';
import { alarmStepProblems } from '../../../../domain/ooh/buildings';
import * as buildings from './buildings.repository';
import * as repo from './alarms.repository';
import type { Actor } from './buildings.usecases';

// Building alarms: the officer logs an alarm, then each step of the response as it happens
// (keyholder called, attended, fire service or police called, cause, reset). Steps are appended in
// order under the alarm's row lock; the reset (or standing down) closes it, and nothing follows.

function toAlarm(a: repo.AlarmRow, events: repo.AlarmEventRow[]): Alarm {
  return {
    id: a.id, building: { id: a.building_id, name: a.building_name }, kind: a.kind as Alarm['kind'], raisedAt: a.raised_at.toISOString(),
    location: a.location, source: a.source, closedAt: a.closed_at?.toISOString() ?? null, falseAlarm: a.false_alarm, recordedBy: a.recorded_by_name,
    events: events.filter((e) => e.alarm_id === a.id).map((e) => ({
      id: e.id, seq: e.seq, kind: e.kind as Alarm['events'][number]['kind'], at: e.at.toISOString(), who: e.who, reference: e.reference,
      falseAlarm: e.false_alarm, note: e.note, recordedBy: e.recorded_by_name, recordedAt: e.recorded_at.toISOString(),
    })),
  };
}

export async function getAlarm(db: Db, id: string) {
  const a = await repo.findAlarm(db, id);
  if (!a) throw notFound({ what: 'alarm' });
  return toAlarm(a, await repo.eventsOf(db, [id]));
}

export async function listAlarms(deps: Deps, query: AlarmsQuery) {
  const { rows, total } = await repo.listAlarms(deps.db, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const events = await repo.eventsOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toAlarm(r, events)), total };
}

export async function* streamAlarms(deps: Deps, query: AlarmsQuery) {
  for (let offset = 0; ; offset += 500) {
    const { rows } = await repo.listAlarms(deps.db, query, { limit: 500, offset });
    const events = await repo.eventsOf(deps.db, rows.map((r) => r.id));
    if (rows.length) yield rows.map((r) => toAlarm(r, events));
    if (rows.length < 500) return;
  }
}

export async function raiseAlarm(deps: Deps, { actor, input }: { actor: Actor; input: z.output<typeof RaiseAlarm> }) {
  const now = deps.clock.now();
  if (input.raisedAt.getTime() > now.getTime() + 5 * 60_000) throw validationFailed([{ path: 'raisedAt', message: 'Enter a time that has already happened' }]);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await buildings.findBuilding(trx, input.buildingId))) throw validationFailed([{ path: 'buildingId', message: 'Choose a building from the list' }]);
    const { id } = await repo.insertAlarm(trx, {
      building_id: input.buildingId, kind: input.kind, raised_at: input.raisedAt, location: input.location, source: input.source, recorded_by: actor.userId, recorded_at: now,
    });
    await recordAudit(trx, actor.audit, { action: 'ooh.alarm_raised', recordType: 'ooh_alarm', recordId: id, details: { buildingId: input.buildingId, kind: input.kind } });
    return getAlarm(trx, id);
  });
}

export async function recordAlarmStep(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof AlarmStep> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAlarm(trx, id);
    if (!locked) throw notFound({ what: 'alarm' });
    const events = await repo.eventsOf(trx, [id]);
    const closing = events.find((e) => e.kind === 'reset' || e.kind === 'stood_down');
    if (closing) throw conflict('ooh.alarm_closed', `The alarm was ${closing.kind === 'reset' ? 'reset' : 'stood down'} already: nothing more can be recorded on it.`);
    const problems = alarmStepProblems({ raisedAt: locked.raised_at, lastAt: events.at(-1)?.at ?? null }, input, now);
    if (problems.length) throw validationFailed(problems);
    await repo.appendEvent(trx, {
      alarm_id: id, kind: input.kind, at: input.at, who: input.who, reference: input.reference,
      false_alarm: input.kind === 'cause' || input.falseAlarm !== undefined ? input.falseAlarm ?? null : null, note: input.note, recorded_by: actor.userId, recorded_at: now,
    });
    await recordAudit(trx, actor.audit, { action: 'ooh.alarm_step', recordType: 'ooh_alarm', recordId: id, details: { kind: input.kind } });
    return getAlarm(trx, id);
  });
}
