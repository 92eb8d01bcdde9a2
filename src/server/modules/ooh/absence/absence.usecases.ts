import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import type { Absence, AbsencesQuery, ReportAbsence } from '../../../../domain/ooh/contract';
import { absenceProblems, absencesDefaultFrom } from '../../../../domain/ooh/buildings';
import * as repo from './absence.repository';

// Staff absence: the out-of-hours officer records a report from control-room staff (the council's
// or a partner council's); the control-room manager reads them next morning and marks each seen.
// Reports are never changed: a correction is a new report pointing at the old one.

export interface Actor { audit: AuditActor; userId: string }
export type ReportInput = z.output<typeof ReportAbsence>;

export function toAbsence(r: repo.AbsenceRow): Absence {
  return {
    id: r.id, organisation: r.organisation, personName: r.person_name, reportedBy: r.reported_by, reportedVia: r.reported_via as Absence['reportedVia'],
    reportedAt: r.reported_at.toISOString(), reason: r.reason as Absence['reason'], shiftStart: r.shift_start.toISOString(), shiftEnd: r.shift_end.toISOString(),
    cover: r.cover, noCover: r.no_cover, notes: r.notes, correctsId: r.corrects_id, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at.toISOString(),
    seen: r.seen_at ? { by: r.seen_by_name ?? '', at: r.seen_at.toISOString() } : null,
  };
}

export async function reportAbsence(deps: Deps, { actor, input }: { actor: Actor; input: ReportInput }) {
  const i = input;
  const now = deps.clock.now();
  const problems = absenceProblems(i, now);
  if (problems.length) throw validationFailed(problems);
  return deps.db.transaction().execute(async (trx) => {
    if (i.correctsId) {
      const old = await repo.findAbsence(trx, i.correctsId);
      if (!old) throw validationFailed([{ path: 'correctsId', message: 'The report to correct does not exist' }]);
      if (await repo.isCorrected(trx, i.correctsId)) throw conflict('ooh.absence_already_corrected', 'That report has already been corrected: correct the latest report instead.');
    }
    const { id } = await repo.insertAbsence(trx, {
      organisation: i.organisation, person_name: i.personName, reported_by: i.reportedBy, reported_via: i.reportedVia, reported_at: i.reportedAt,
      reason: i.reason, shift_start: i.shiftStart, shift_end: i.shiftEnd, cover: i.cover, no_cover: i.cover === '', notes: i.notes,
      corrects_id: i.correctsId ?? null, recorded_by: actor.userId, recorded_at: now,
    });
    await recordAudit(trx, actor.audit, {
      action: i.correctsId ? 'ooh.absence_corrected' : 'ooh.absence_reported', recordType: 'ooh_absence', recordId: id,
      details: { organisation: i.organisation, shiftStart: i.shiftStart.toISOString(), noCover: i.cover === '', corrects: i.correctsId ?? null },
    });
    return toAbsence((await repo.findAbsence(trx, id))!);
  });
}

export async function listAbsences(deps: Deps, query: AbsencesQuery) {
  const from = query.from ?? absencesDefaultFrom(deps.clock.now());
  const { rows, total, unseen } = await repo.listAbsences(deps.db, query, from, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(toAbsence), total, unseen, from: from.toISOString() };
}

export async function* streamAbsences(deps: Deps, query: AbsencesQuery) {
  const from = query.from ?? absencesDefaultFrom(deps.clock.now());
  for (let offset = 0; ; offset += 500) {
    const { rows } = await repo.listAbsences(deps.db, query, from, { limit: 500, offset });
    if (rows.length) yield rows.map(toAbsence);
    if (rows.length < 500) return;
  }
}

/** The manager marks a report seen (once: a second mark keeps the first). */
export async function markSeen(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findAbsence(trx, id))) throw notFound({ what: 'absence report' });
    if (await repo.markSeen(trx, { absenceId: id, userId: actor.userId, at: deps.clock.now() })) {
      await recordAudit(trx, actor.audit, { action: 'ooh.absence_seen', recordType: 'ooh_absence', recordId: id });
    }
    return toAbsence((await repo.findAbsence(trx, id))!);
  });
}
