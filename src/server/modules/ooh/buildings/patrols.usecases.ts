import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors';
import type { Patrol, PatrolProgress, PatrolsQuery } from '../../../../domain/ooh/contract';
import { patrolProblems } from '../../../../domain/ooh/buildings';
import * as buildings from './buildings.repository';
import * as repo from './patrols.repository';
import type { Actor } from './buildings.usecases';

// Night patrols: the officer starts one at a building (its checklist as it stands is the patrol's),
// ticks each check or records a problem with a note, notes who is still working late, and completes
// it. Progress is saved as it goes; once completed, the patrol never changes.

function toPatrol(p: repo.PatrolRow): Patrol {
  return {
    id: p.id, building: { id: p.building_id, name: p.building_name }, checklist: p.checklist, checks: p.checks, lateWorkers: p.late_workers, notes: p.notes,
    startedBy: p.started_by_name, startedAt: p.started_at.toISOString(), completedAt: p.completed_at?.toISOString() ?? null,
    problems: p.checks.filter((c) => c.outcome === 'problem').length,
  };
}

export async function getPatrol(db: Db, id: string) {
  const p = await repo.findPatrol(db, id);
  if (!p) throw notFound({ what: 'patrol' });
  return toPatrol(p);
}

export async function listPatrols(deps: Deps, query: PatrolsQuery) {
  const { rows, total } = await repo.listPatrols(deps.db, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(toPatrol), total };
}

export async function* streamPatrols(deps: Deps, query: PatrolsQuery) {
  for (let offset = 0; ; offset += 500) {
    const { rows } = await repo.listPatrols(deps.db, query, { limit: 500, offset });
    if (rows.length) yield rows.map(toPatrol);
    if (rows.length < 500) return;
  }
}

export async function startPatrol(deps: Deps, { actor, buildingId }: { actor: Actor; buildingId: string }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const b = await buildings.findBuilding(trx, buildingId);
    if (!b) throw validationFailed([{ path: 'buildingId', message: 'Choose a building from the list' }]);
    const { id } = await repo.insertPatrol(trx, { buildingId, checklist: b.checklist, userId: actor.userId, at: now });
    await recordAudit(trx, actor.audit, { action: 'ooh.patrol_started', recordType: 'ooh_patrol', recordId: id, details: { buildingId } });
    return getPatrol(trx, id);
  });
}

/** Saves the patrol's progress, or completes it (`complete`): every check ticked or a problem noted. */
export async function savePatrol(deps: Deps, { actor, id, input, complete }: { actor: Actor; id: string; input: z.output<typeof PatrolProgress>; complete: boolean }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const p = await repo.findPatrol(trx, id, { lock: true });
    if (!p) throw notFound({ what: 'patrol' });
    if (p.completed_at) throw conflict('ooh.patrol_completed', 'The patrol was completed already: it cannot be changed.');
    const problems = patrolProblems(p.checklist, input.checks, { completing: complete });
    if (problems.length) throw validationFailed(problems);
    await repo.savePatrol(trx, id, { checks: input.checks, lateWorkers: input.lateWorkers, notes: input.notes, completedAt: complete ? now : null });
    if (complete) {
      await recordAudit(trx, actor.audit, {
        action: 'ooh.patrol_completed', recordType: 'ooh_patrol', recordId: id,
        details: { problems: input.checks.filter((c) => c.outcome === 'problem').length, lateWorkers: input.lateWorkers.length },
      });
    } else await recordAudit(trx, actor.audit, { action: 'ooh.patrol_saved', recordType: 'ooh_patrol', recordId: id });
    return getPatrol(trx, id);
  });
}
