import { londonYear } from '../../../../domain/calendar/london';
import type { CheckFault, CheckItem, CheckKind, CheckResult, CheckRound, CheckSettings, RecordCheckResult, RoundCompletion, EquipmentKind } from '../../../../domain/estate/checks';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/db';
import type { Deps } from '../../../platform/deps';
import { validationFailed } from '../../../platform/http/errors';
import * as errors from './checks.errors';
import {
  cameraItems, currentResults, decideOutcome, equipmentItems, faultDescription, formatFaultReference, isOverdue, isRoundOpenForResults,
  nextCheck, previousShift, progress, shiftAt, type ShiftSlot, type TargetItems,
} from './checks.models';
import * as repo from './checks.repository';

export interface Actor { audit: AuditActor; userId: string }

const iso = (d: Date) => d.toISOString();

/** What a round of this kind would check now, in order. */
async function checkableTargets(db: Db, kind: CheckKind) {
  if (kind === 'cameras') return (await repo.listCheckableCameras(db)).map((c) => ({ id: c.id, items: cameraItems(c) }));
  return (await repo.listCheckableEquipment(db)).map((e) => ({ id: e.id, items: equipmentItems(e.kind) }));
}

/**
 * The round of the shift on duty, opened by the first operator who asks (its targets fixed then).
 * Two asking at once get the same round: the second insert waits on the unique key and does nothing.
 */
export async function openCurrentRound(deps: Deps, { actor, kind }: { actor: Actor; kind: CheckKind }): Promise<CheckRound> {
  const now = deps.clock.now();
  const settings = await repo.readCheckSettings(deps.db);
  const slot = shiftAt({ at: now, settings });
  let round = await repo.findRound(deps.db, { date: slot.date, shift: slot.shift, kind });
  if (!round) {
    await deps.db.transaction().execute(async (trx) => {
      const id = await repo.insertRoundIfAbsent(trx, { date: slot.date, shift: slot.shift, kind, startsAt: slot.startsAt, endsAt: slot.endsAt, openedAt: now, openedBy: actor.userId });
      if (!id) return;
      const targets = await checkableTargets(trx, kind);
      await repo.insertTargets(trx, { roundId: id, kind, targets });
      await recordAudit(trx, actor.audit, { action: 'check-round.opened', recordType: 'check_round', recordId: id, details: { date: slot.date, shift: slot.shift, kind, targets: targets.length } });
    });
    round = await repo.findRound(deps.db, { date: slot.date, shift: slot.shift, kind });
  }
  return roundView(deps.db, { round: round!, settings });
}

export async function getRound(deps: Deps, { roundId }: { roundId: string }): Promise<CheckRound> {
  const round = await repo.findRoundById(deps.db, roundId);
  if (!round) throw errors.roundNotFound();
  return roundView(deps.db, { round, settings: await repo.readCheckSettings(deps.db) });
}

const targetItems = (targets: Awaited<ReturnType<typeof repo.listTargets>>): TargetItems[] =>
  targets.map((t) => ({ targetId: t.target_id, reference: t.reference, items: t.items as CheckItem[] }));
const asCurrent = (rows: repo.ResultRow[]) =>
  currentResults(rows.map((r) => ({ ...r, targetId: (r.camera_id ?? r.equipment_id)!, supersedesId: r.supersedes_id })));

const toResultDto = (r: ReturnType<typeof asCurrent>[number], type: 'camera' | 'equipment'): CheckResult => ({
  id: r.id, targetType: type, targetId: r.targetId, item: r.item, outcome: r.outcome, note: r.note, clockOffsetSeconds: r.clock_offset_s,
  recordedAt: iso(r.recorded_at), recordedBy: { id: r.recorded_by, name: r.recorded_by_name }, supersedesId: r.supersedes_id,
});

function nextView(next: ReturnType<typeof nextCheck>, kind: CheckKind) {
  return next ? { targetType: kind === 'cameras' ? 'camera' as const : 'equipment' as const, targetId: next.targetId, reference: next.reference, item: next.item } : null;
}

async function roundView(db: Db, { round, settings }: { round: repo.RoundRow; settings: CheckSettings }): Promise<CheckRound> {
  const [targets, rows] = await Promise.all([repo.listTargets(db, round.id), repo.listResults(db, round.id)]);
  const ordered = targetItems(targets);
  const current = asCurrent(rows);
  const type = round.kind === 'cameras' ? 'camera' as const : 'equipment' as const;
  return {
    id: round.id, date: round.date, shift: round.shift, kind: round.kind, shiftStartsAt: iso(round.shift_starts_at), shiftEndsAt: iso(round.shift_ends_at), openedAt: iso(round.opened_at),
    clockToleranceSeconds: settings.clockToleranceSeconds,
    targets: targets.map((t) => ({ type, id: t.target_id, reference: t.reference, name: t.name, status: t.status, items: t.items as CheckItem[] })),
    results: current.map((r) => toResultDto(r, type)),
    ...progressOf(ordered, current), next: nextView(nextCheck({ targets: ordered, current }), round.kind),
  };
}

const progressOf = (targets: TargetItems[], current: { targetId: string; item: string }[]) => {
  const { done, total } = progress({ targets, current });
  return { done, total };
};

/**
 * Records one result. A result for an item already checked is a correction: a new row superseding
 * the current one. A failure raises a fault (or adds to the open one for the same item) and marks
 * the camera or equipment faulty, its history saying who, when and why. One transaction.
 */
export async function recordResult(deps: Deps, { actor, roundId, input }: { actor: Actor; roundId: string; input: RecordCheckResult }) {
  const now = deps.clock.now();
  const settings = await repo.readCheckSettings(deps.db);
  const decided = decideOutcome({ item: input.item, outcome: input.outcome, note: input.note, clockOffsetSeconds: input.clockOffsetSeconds, toleranceSeconds: settings.clockToleranceSeconds });
  if ('message' in decided) throw validationFailed([decided]);
  const { outcome } = decided;
  return deps.db.transaction().execute(async (trx) => {
    const round = await repo.findRoundById(trx, roundId);
    if (!round) throw errors.roundNotFound();
    if (!isRoundOpenForResults({ endsAt: round.shift_ends_at, now })) throw errors.roundClosed();
    const target = await repo.lockTarget(trx, { roundId, targetId: input.targetId });
    if (!target) throw errors.targetNotInRound();
    const targetRef = target.camera_id ? { cameraId: target.camera_id } : { equipmentId: target.equipment_id! };
    const row = await repo.lockTargetRow(trx, targetRef);
    if (!target.items.includes(input.item)) throw errors.itemNotForTarget({ reference: row.reference });
    const previous = await repo.findCurrentResult(trx, { roundId, targetId: input.targetId, item: input.item });
    const note = input.note?.trim() || null;
    const clockOffsetSeconds = input.clockOffsetSeconds ?? null;
    const resultId = await repo.insertResult(trx, {
      roundId, cameraId: target.camera_id, equipmentId: target.equipment_id, item: input.item, outcome, note, clockOffsetSeconds,
      recordedAt: now, recordedBy: actor.userId, supersedesId: previous?.id ?? null,
    });
    await recordAudit(trx, actor.audit, { action: previous ? 'check-result.corrected' : 'check-result.recorded', recordType: 'check_round', recordId: roundId, details: { resultId, target: row.reference, item: input.item, outcome, supersedes: previous?.id ?? null } });
    const fault = outcome === 'fail' ? await raiseFault(trx, { actor, now, target: targetRef, reference: row.reference, status: row.status, item: input.item, note, clockOffsetSeconds, resultId }) : null;

    const [targets, rows] = await Promise.all([repo.listTargets(trx, roundId), repo.listResults(trx, roundId)]);
    const ordered = targetItems(targets);
    const current = asCurrent(rows);
    const mine = current.find((r) => r.id === resultId)!;
    const type = round.kind === 'cameras' ? 'camera' as const : 'equipment' as const;
    return {
      result: toResultDto(mine, type),
      fault,
      ...progressOf(ordered, current),
      next: nextView(nextCheck({ targets: ordered, current, after: { targetId: input.targetId, item: input.item } }), round.kind),
    };
  });
}

async function raiseFault(trx: Db, { actor, now, target, reference, status, item, note, clockOffsetSeconds, resultId }: {
  actor: Actor; now: Date; target: { cameraId: string } | { equipmentId: string }; reference: string; status: string;
  item: RecordCheckResult['item']; note: string | null; clockOffsetSeconds: number | null; resultId: string;
}) {
  const open = await repo.findOpenFault(trx, { target, item });
  if (open) {
    await repo.addFaultResult(trx, { faultId: open.id, checkResultId: resultId, at: now });
    await recordAudit(trx, actor.audit, { action: 'fault.failure-added', recordType: 'fault', recordId: open.id, details: { reference: open.reference, checkResultId: resultId } });
    return { id: open.id, reference: open.reference, isNew: false };
  }
  const year = londonYear(now);
  const number = await repo.takeFaultNumber(trx, year);
  const fault = await repo.insertFault(trx, {
    reference: formatFaultReference({ year, number }), year, number, target, item, description: faultDescription({ item, targetReference: reference, note, clockOffsetSeconds }),
    raisedBy: actor.userId, raisedAt: now, checkResultId: resultId,
  });
  await repo.addFaultResult(trx, { faultId: fault.id, checkResultId: resultId, at: now });
  if (status !== 'faulty') {
    const change = { by: actor.userId, at: now, reason: `check failed: ${item}` };
    if ('cameraId' in target) await repo.markCameraFaulty(trx, { cameraId: target.cameraId, ...change });
    else await repo.markEquipmentFaulty(trx, { equipmentId: target.equipmentId, ...change });
  }
  await recordAudit(trx, actor.audit, { action: 'fault.raised', recordType: 'fault', recordId: fault.id, details: { reference: fault.reference, target: reference, item, checkResultId: resultId, statusBefore: status } });
  return { id: fault.id, reference: fault.reference, isNew: true };
}

/** The supervisor's screen: the current and previous shifts' rounds of both kinds, with completion and the overdue flag. */
export async function checksOverview(deps: Deps): Promise<{ rounds: RoundCompletion[] }> {
  const now = deps.clock.now();
  const settings = await repo.readCheckSettings(deps.db);
  const current = shiftAt({ at: now, settings });
  const slots: ShiftSlot[] = [current, previousShift({ slot: current, settings })];
  const kinds: CheckKind[] = ['cameras', 'equipment'];
  const found = await Promise.all(slots.flatMap((slot) => kinds.map(async (kind) => ({ slot, kind, round: await repo.findRound(deps.db, { date: slot.date, shift: slot.shift, kind }) }))));
  const progressById = new Map((await repo.roundProgress(deps.db, found.flatMap((f) => (f.round ? [f.round.id] : [])))).map((p) => [p.round_id, p]));
  // A round nobody has opened yet would check what is checkable now.
  const wouldCheck = new Map<CheckKind, number>();
  for (const kind of kinds) if (found.some((f) => f.kind === kind && !f.round)) wouldCheck.set(kind, (await checkableTargets(deps.db, kind)).reduce((n, t) => n + t.items.length, 0));
  return {
    rounds: found.map(({ slot, kind, round }) => {
      const p = round ? progressById.get(round.id) : undefined;
      const total = p?.total ?? wouldCheck.get(kind) ?? 0;
      const done = p?.done ?? 0;
      const isComplete = done >= total;
      return {
        date: slot.date, shift: slot.shift, kind, shiftStartsAt: iso(slot.startsAt), shiftEndsAt: iso(slot.endsAt), roundId: round?.id ?? null,
        done, total, isComplete, checkedBy: p?.checked_by ?? [], firstRecordedAt: p?.first_at ? iso(p.first_at) : null, lastRecordedAt: p?.last_at ? iso(p.last_at) : null,
        isOverdue: isOverdue({ isComplete, now, startsAt: slot.startsAt, endsAt: slot.endsAt, dueWithinMinutes: settings.dueWithinMinutes }),
      };
    }),
  };
}

export const toFaultDto = (f: repo.FaultRow): CheckFault => ({
  id: f.id, reference: f.reference, targetType: f.camera_id ? 'camera' : 'equipment', targetId: (f.camera_id ?? f.equipment_id)!, targetReference: f.target_reference, targetName: f.target_name,
  item: f.item as CheckFault['item'], description: f.description, raisedBy: { id: f.raised_by, name: f.raised_by_name }, raisedAt: iso(f.raised_at), state: f.state, failures: f.failures ?? 0,
});

export async function registerEquipment(deps: Deps, { actor, input }: { actor: Actor; input: { reference: string; name: string; kind: EquipmentKind; location: string } }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.insertEquipment(trx, { ...input, by: actor.userId, at: now });
    if (!row) throw errors.equipmentReferenceTaken({ reference: input.reference });
    await recordAudit(trx, actor.audit, { action: 'equipment.registered', recordType: 'equipment', recordId: row.id, details: { reference: row.reference, kind: input.kind } });
    return row;
  });
}

/** The checks' settings, changed by an administrator: the change audited with what it was before. */
export async function updateCheckSettings(deps: Deps, { actor, settings }: { actor: Actor; settings: CheckSettings }): Promise<CheckSettings> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.readCheckSettings(trx);
    await repo.writeCheckSettings(trx, { value: settings, by: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: 'settings.changed', recordType: 'setting', recordId: repo.CHECK_SETTINGS_KEY, details: { before, after: settings } });
    return settings;
  });
}
