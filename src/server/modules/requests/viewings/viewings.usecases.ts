import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors';
import { appendToExhibit } from '../../evidence';
import { roomClash, viewingRecordProblem, type BookViewing, type RecordViewing, type Viewing } from '../../../../domain/requests/disclosure';
import { formatDateTime } from '../../../../domain/calendar/london';
import * as register from '../register/register.repository';
import { alreadyClosed, requestNotFound } from '../register/register.errors';
import type { Actor } from '../register/register.usecases';
import * as repo from './viewings.repository';

// Viewings of footage in the control room: booked in a room (never two at once in one room),
// then recorded as viewed (what was viewed and copied), cancelled or not attended. A viewing of an
// exhibit is a continuity event of that exhibit, so its chain of custody shows who saw it.

const clash = (when: string) => new AppError({ code: 'requests.room_booked', status: 409, message: `That room is already booked ${when}: choose another time or room.` });
const viewingNotFound = () => notFound({ what: 'viewing' });
const recordRefused = (message: string) => new AppError({ code: 'requests.viewing_recorded', status: 409, message });

export const toViewing = (v: repo.ViewingRow): Viewing => ({
  id: v.id, request: { id: v.request_id, reference: v.request_reference, type: v.request_type }, startsAt: v.starts_at.toISOString(), endsAt: v.ends_at.toISOString(),
  room: v.room, viewerName: v.viewer_name, viewerOrganisation: v.viewer_organisation, viewerAuthority: v.viewer_authority, state: v.state as Viewing['state'],
  viewed: v.viewed, copied: v.copied, exhibit: v.exhibit_id ? { id: v.exhibit_id, reference: v.exhibit_reference ?? '' } : null,
  bookedBy: v.booked_by ? { id: v.booked_by, name: v.booked_by_name ?? '' } : null, recordedBy: v.recorded_by ? { id: v.recorded_by, name: v.recorded_by_name ?? '' } : null,
  recordedAt: v.recorded_at?.toISOString() ?? null,
});

async function setViewingStatus(db: Db, { row, to, actor, at, note }: { row: register.RequestRow; to: string; actor: Actor; at: Date; note: string }) {
  if (row.type !== 'viewing' || row.status === to || row.closed_at) return;
  const closing = to === 'viewed';
  await register.updateRequest(db, row.id, closing ? { status: to, closed_at: at, outcome: to } : { status: to });
  await register.appendEvent(db, { requestId: row.id, kind: 'status-changed', at, by: actor.userId, details: { from: row.status, to, note } });
}

export async function bookViewing(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof BookViewing> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await register.lockRequest(trx, id, actor.viewer);
    if (!row) throw requestNotFound();
    if (row.closed_at) throw alreadyClosed();
    await repo.lockRoom(trx, input.room);
    const existing = await repo.listRoomBookings(trx, { room: input.room, from: input.startsAt, to: input.endsAt });
    const taken = roomClash(existing.map((b) => ({ id: b.id, room: b.room, startsAt: b.starts_at, endsAt: b.ends_at, state: b.state })), input);
    if (taken) throw clash(`from ${formatDateTime(taken.startsAt)} to ${formatDateTime(taken.endsAt)}`);
    const { id: viewingId } = await repo.insertViewing(trx, {
      request_id: row.id, starts_at: input.startsAt, ends_at: input.endsAt, room: input.room, viewer_name: input.viewerName, viewer_organisation: input.viewerOrganisation,
      viewer_authority: input.viewerAuthority, booked_by: actor.userId, booked_at: now,
    });
    await register.appendEvent(trx, { requestId: row.id, kind: 'viewing-booked', at: now, by: actor.userId, details: { viewingId, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), room: input.room, viewer: input.viewerName } });
    await setViewingStatus(trx, { row, to: 'booked', actor, at: now, note: `Viewing booked for ${formatDateTime(input.startsAt)}` });
    await recordAudit(trx, actor.audit, { action: 'request.viewing-booked', recordType: 'request', recordId: row.id, details: { reference: row.reference, viewingId, room: input.room, startsAt: input.startsAt.toISOString() } });
    return toViewing((await repo.findViewing(trx, viewingId))!);
  });
}

export async function listViewings(deps: Deps, { from, to }: { from?: Date; to?: Date }) {
  const start = from ?? deps.clock.now();
  const end = to ?? new Date(start.getTime() + 14 * 86_400_000);
  if (end <= start) throw validationFailed([{ path: 'to', message: 'The end of the diary must be after its start' }]);
  if (end.getTime() - start.getTime() > 92 * 86_400_000) throw validationFailed([{ path: 'to', message: 'Show at most 92 days at once' }]);
  const rows = await repo.listViewings(deps.db, { from: start, to: end });
  return { items: rows.map(toViewing), from: start.toISOString(), to: end.toISOString() };
}

export async function recordViewing(deps: Deps, { actor, viewingId, input }: { actor: Actor; viewingId: string; input: z.output<typeof RecordViewing> }) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await repo.findViewing(trx, viewingId);
    if (!found) throw viewingNotFound();
    const row = await register.lockRequest(trx, found.request_id, actor.viewer);
    if (!row) throw viewingNotFound();
    const v = (await repo.lockViewing(trx, viewingId))!;
    const p = viewingRecordProblem({ state: v.state, outcome: input.state, viewed: input.viewed, copied: input.copied, exhibitId: input.exhibitId });
    if (p) throw p.path ? validationFailed([{ path: p.path, message: p.message }]) : recordRefused(p.message);
    if (input.exhibitId) {
      const exhibit = await repo.findExhibit(trx, input.exhibitId);
      if (!exhibit) throw validationFailed([{ path: 'exhibitId', message: 'Choose an exhibit that exists' }]);
      const me = await repo.findUserName(trx, actor.userId);
      const viewer = found.viewer_organisation ? `${found.viewer_name} (${found.viewer_organisation})` : found.viewer_name;
      const common = { at: now, actor: { id: null, name: viewer }, location: found.room, details: { viewingId, request: row.reference, shownBy: { id: actor.userId, name: me }, authority: found.viewer_authority } };
      const kinds = [{ kind: 'viewed' as const, reason: `Viewed for ${row.reference}: ${input.viewed}` }, ...(input.copied ? [{ kind: 'copied' as const, reason: `Copied for ${row.reference}: ${input.copied}` }] : [])];
      for (const k of kinds) {
        const r = await appendToExhibit(trx, { exhibitId: exhibit.id, event: { ...common, kind: k.kind, reason: k.reason.slice(0, 1000) } });
        if (r === 'destroyed') throw validationFailed([{ path: 'exhibitId', message: `Exhibit ${exhibit.reference} has been destroyed` }]);
      }
    }
    await repo.recordViewing(trx, viewingId, { state: input.state, viewed: input.viewed, copied: input.copied, exhibit_id: input.exhibitId ?? null, recorded_by: actor.userId, recorded_at: now });
    await register.appendEvent(trx, { requestId: row.id, kind: 'viewing-recorded', at: now, by: actor.userId, details: { viewingId, state: input.state, viewed: input.viewed, copied: input.copied, exhibitId: input.exhibitId ?? null } });
    if (input.state === 'viewed') await setViewingStatus(trx, { row, to: 'viewed', actor, at: now, note: 'Footage viewed' });
    else if (row.status === 'booked' && (await repo.countLiveBookings(trx, row.id)) === 0) await setViewingStatus(trx, { row, to: 'received', actor, at: now, note: `Viewing ${input.state === 'cancelled' ? 'cancelled' : 'not attended'}: to be booked again or closed` });
    await recordAudit(trx, actor.audit, { action: 'request.viewing-recorded', recordType: 'request', recordId: row.id, details: { reference: row.reference, viewingId, state: input.state, exhibitId: input.exhibitId ?? null } });
    return toViewing((await repo.findViewing(trx, viewingId))!);
  });
}
