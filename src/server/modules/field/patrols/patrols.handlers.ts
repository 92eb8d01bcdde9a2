import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { recordAudit } from '../../../platform/audit/audit';
import { conflict, isAppError, validationFailed } from '../../../platform/http/errors';
import type { PatrolCheckInPayload, PatrolEndPayload, PatrolNotePayload, PatrolStartPayload, PatrolTrailPayload, SyncKind } from '../../../../domain/field/sync';
import { endOwnLoneWorking, loneWorkingCheckIn, startOwnLoneWorking } from '../../ooh';
import type { FieldSyncContext, FieldSyncHandler } from '../handheld/handheld.handlers';
import * as repo from './patrols.repository';

// The patrol records a handheld syncs. A patrol that starts is a lone-working session of its
// officer's own (the out-of-hours officer watches over it): check-ins from the handheld are the
// session's, and the patrol's end ends it. A patrol whose start reaches the server only after its
// expected end (synced late) has no session: there is no one left to watch over.

const PHONE = 'Council mobile: ask the patrol team leader';

async function ownPatrol(deps: Deps, ctx: FieldSyncContext, patrolId: string) {
  const p = await repo.lockPatrol(deps.db, patrolId);
  if (!p || p.officer_id !== ctx.actor.userId) throw validationFailed([{ path: 'patrolId', message: 'No patrol of yours has this id: sync the patrol’s start first' }]);
  return p;
}

const sessionEnded = (e: unknown) => isAppError(e) && (e.code === 'ooh.lone_working_ended' || e.status === 404);

async function start(deps: Deps, ctx: FieldSyncContext, p: PatrolStartPayload) {
  const now = deps.clock.now();
  if (p.expectedEndAt <= p.startedAt) throw validationFailed([{ path: 'expectedEndAt', message: 'Enter an expected end after the patrol starts' }]);
  const inserted = await repo.insertPatrol(deps.db, {
    id: p.patrolId, officer_id: ctx.actor.userId, device_id: ctx.deviceId, beat: p.beat, task: p.task, parish_contract_id: p.parishContractId,
    started_at: p.startedAt, expected_end_at: p.expectedEndAt, check_in_minutes: p.checkInMinutes, lone_working_session_id: null,
  });
  if (!inserted) throw conflict('field.patrol_exists', 'A patrol with this id has started already.');
  let reference: string | null = null;
  if (p.expectedEndAt > now) {
    const session = await startOwnLoneWorking(deps, {
      actor: ctx.actor,
      input: {
        location: p.beat, task: `Patrol: ${p.task}`.slice(0, 500), expectedEndAt: p.expectedEndAt, intervalMinutes: p.checkInMinutes, latitude: null, longitude: null,
        phone: PHONE, duressWord: randomBytes(18).toString('base64url'), importantInfo: 'Community protection patrol, checking in from the handheld',
      },
    });
    await repo.setSession(deps.db, p.patrolId, session.id);
    reference = session.reference;
  }
  await recordAudit(deps.db, ctx.actor.audit, { action: 'field.patrol.started', recordType: 'patrol', recordId: p.patrolId, details: { beat: p.beat, task: p.task, loneWorking: reference } });
  return { id: p.patrolId, reference };
}

async function trail(deps: Deps, ctx: FieldSyncContext, p: PatrolTrailPayload) {
  await ownPatrol(deps, ctx, p.patrolId);
  await repo.addPoints(deps.db, p.patrolId, p.points.map((pt) => ({ at: pt.at, lat: pt.lat, lon: pt.lon, accuracyM: pt.accuracyM })));
  return { id: p.patrolId, reference: null };
}

async function note(deps: Deps, ctx: FieldSyncContext, p: PatrolNotePayload) {
  await ownPatrol(deps, ctx, p.patrolId);
  const photoIds = [...new Set(p.photoIds)];
  const found = new Set((await repo.ownPhotos(deps.db, photoIds, ctx.actor.userId)).map((r) => r.id));
  const missing = photoIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw validationFailed([{ path: `photoIds.${missing}`, message: 'This photo has not been uploaded yet: upload it, then sync the note' }]);
  await repo.insertNote(deps.db, { id: ctx.recordId, patrol_id: p.patrolId, at: p.at, text: p.text, lat: p.point?.lat ?? null, lon: p.point?.lon ?? null });
  await repo.insertNotePhotos(deps.db, ctx.recordId, photoIds);
  if (p.point) await repo.addPoints(deps.db, p.patrolId, [{ at: p.at, lat: p.point.lat, lon: p.point.lon, accuracyM: p.point.accuracyM }]);
  await recordAudit(deps.db, ctx.actor.audit, { action: 'field.patrol.note_added', recordType: 'patrol', recordId: p.patrolId, details: { noteId: ctx.recordId, photos: photoIds.length } });
  return { id: ctx.recordId, reference: null };
}

async function checkIn(deps: Deps, ctx: FieldSyncContext, p: PatrolCheckInPayload) {
  const patrol = await ownPatrol(deps, ctx, p.patrolId);
  if (p.point) await repo.addPoints(deps.db, p.patrolId, [{ at: p.at, lat: p.point.lat, lon: p.point.lon, accuracyM: p.point.accuracyM }]);
  if (patrol.lone_working_session_id && !patrol.ended_at) {
    try {
      await loneWorkingCheckIn(deps, { actor: ctx.actor, id: patrol.lone_working_session_id });
    } catch (e) {
      if (!sessionEnded(e)) throw e; // the session was ended from the lone-working page: the check-in is moot
    }
  }
  return { id: p.patrolId, reference: null };
}

async function end(deps: Deps, ctx: FieldSyncContext, p: PatrolEndPayload) {
  const patrol = await ownPatrol(deps, ctx, p.patrolId);
  if (patrol.ended_at) return { id: p.patrolId, reference: null };
  if (p.at < patrol.started_at) throw validationFailed([{ path: 'at', message: 'Enter an end after the patrol started' }]);
  await repo.endPatrol(deps.db, p.patrolId, { at: p.at, note: p.note });
  if (patrol.lone_working_session_id) {
    try {
      await endOwnLoneWorking(deps, { actor: ctx.actor, id: patrol.lone_working_session_id, note: p.note || 'Patrol ended on the handheld' });
    } catch (e) {
      if (!sessionEnded(e)) throw e;
    }
  }
  await recordAudit(deps.db, ctx.actor.audit, { action: 'field.patrol.ended', recordType: 'patrol', recordId: p.patrolId });
  return { id: p.patrolId, reference: null };
}

export const PATROL_HANDLERS: Partial<Record<SyncKind, FieldSyncHandler>> = {
  'patrol.start': start, 'patrol.trail': trail, 'patrol.note': note, 'patrol.check_in': checkIn, 'patrol.end': end,
};
