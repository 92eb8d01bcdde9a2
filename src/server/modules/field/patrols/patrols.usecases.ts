import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { notFound } from '../../../platform/http/errors';
import { PatrolsQuery, type PatrolDetail, type PatrolList, type PatrolSummary } from '../../../../domain/field/patrols.contract';
import { visibleUserIds } from '../handheld/handheld.repository';
import * as repo from './patrols.repository';

// Reading patrols in the office app: an officer's own, a team leader's team (field.lead).

export interface Actor { audit: AuditActor; userId: string }

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summary(r: repo.PatrolRow, now: Date): PatrolSummary {
  const end = r.ended_at ?? now;
  return {
    id: r.id, officer: { id: r.officer_id, name: r.display_name }, deviceId: r.device_id, beat: r.beat, task: r.task, parishContractId: r.parish_contract_id,
    startedAt: r.started_at.toISOString(), expectedEndAt: r.expected_end_at.toISOString(), endedAt: iso(r.ended_at), running: r.ended_at === null,
    loneWorkingSessionId: r.lone_working_session_id,
    lastPoint: r.last_point_at && r.last_lat !== null && r.last_lon !== null ? { lat: r.last_lat, lon: r.last_lon, at: r.last_point_at.toISOString() } : null,
    notices: Number(r.notices ?? 0), minutes: Math.max(0, Math.floor((end.getTime() - r.started_at.getTime()) / 60_000)),
  };
}

export async function listPatrols(deps: Deps, { actor, lead, query }: { actor: Actor; lead: boolean; query: PatrolsQuery }): Promise<PatrolList> {
  const q = PatrolsQuery.parse(query);
  const userIds = await visibleUserIds(deps.db, { userId: actor.userId, lead });
  const now = deps.clock.now();
  const rows = await repo.listPatrols(deps.db, { userIds, state: q.state, q: q.q, officerId: q.officerId, from: q.from, to: q.to, limit: q.limit });
  return { at: now.toISOString(), items: rows.map((r) => summary(r, now)) };
}

export async function getPatrol(deps: Deps, { actor, lead, id }: { actor: Actor; lead: boolean; id: string }): Promise<PatrolDetail> {
  const userIds = await visibleUserIds(deps.db, { userId: actor.userId, lead });
  const [row] = await repo.listPatrols(deps.db, { userIds, state: 'any', limit: 1, ids: [id] });
  if (!row) throw notFound({ what: 'patrol' });
  const [trail, notes, notices] = await Promise.all([repo.trailOf(deps.db, id), repo.notesOf(deps.db, id), repo.noticesOf(deps.db, id)]);
  if (row.officer_id !== actor.userId) await recordAudit(deps.db, actor.audit, { action: 'field.patrol.viewed', recordType: 'patrol', recordId: id });
  return {
    ...summary(row, deps.clock.now()), endNote: row.end_note, checkInMinutes: row.check_in_minutes,
    trail: trail.map((t) => ({ at: t.at.toISOString(), lat: t.lat, lon: t.lon, accuracyM: t.accuracy_m })),
    notes: notes.map((n) => ({ id: n.id, at: n.at.toISOString(), text: n.text, point: n.lat !== null && n.lon !== null ? { lat: n.lat, lon: n.lon } : null, photoIds: n.photo_ids })),
    noticeList: notices.map((n) => ({ kind: n.kind, recordId: n.record_id, reference: n.reference, at: n.at.toISOString() })),
  };
}
