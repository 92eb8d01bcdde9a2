import type { Deps } from '../../platform/deps';
import { recordAudit, type AuditActor } from '../../platform/audit/audit';
import type { Camera, CameraFilter, RegisterCamera, UpdateCamera } from '../../../domain/estate/contract';
import * as repo from './estate.repository';
import * as errors from './estate.errors';
import { changedFields, columnsToSet, diffEntries, fieldsOf, toCameraDto } from './estate.models';

// What coordinators do to the register. One transaction each, with its audit event. Every insert and
// update says who, when (the app's clock) and why, which the trigger keeps as the camera's version.

export interface Actor { audit: AuditActor; userId: string }

export async function listRegister(deps: Deps, { filter, page, pageSize }: { filter: CameraFilter; page: number; pageSize: number }) {
  const r = await repo.listCameraRows(deps.db, { filter, offset: (page - 1) * pageSize, limit: pageSize });
  return { items: r.rows.map(toCameraDto), total: r.total, page, pageSize };
}

export async function getCamera(deps: Pick<Deps, 'db'>, { id, asAt }: { id: string; asAt?: Date }): Promise<Camera> {
  const row = await repo.findCameraRow(deps.db, { id, asAt });
  if (!row) throw errors.cameraNotFound();
  return toCameraDto(row);
}

export async function registerCamera(deps: Deps, { actor, input }: { actor: Actor; input: RegisterCamera }): Promise<Camera> {
  const { reason, ...fields } = input;
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findCameraIdByReference(trx, fields.reference)) throw errors.referenceTaken(fields);
    const { id } = await numberKept(fields.reference, repo.insertCamera(trx, { ...columnsToSet(fields), updated_by: actor.userId, changed_at: deps.clock.now(), change_reason: reason ?? 'registered' }));
    await recordAudit(trx, actor.audit, { action: 'camera.registered', recordType: 'camera', recordId: id, details: { reference: fields.reference } });
    return getCamera({ db: trx }, { id });
  });
}

/**
 * The write, with a clash on the camera number answered as the check before it answers one: two
 * people taking the same number at once both pass the check, and the later write meets the index.
 */
async function numberKept<T>(reference: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    const pg = e as { code?: unknown; constraint?: unknown };
    if (pg.code === '23505' && pg.constraint === 'cameras_reference_idx') throw errors.referenceTaken({ reference });
    throw e;
  }
}

/**
 * Changes a camera if nobody else has since the caller read it (`version`): a stale version is
 * refused, never merged. Decommissioning is a change of status like any other; nothing is deleted.
 */
export async function updateCamera(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: UpdateCamera }): Promise<Camera> {
  const fields = fieldsOf(input);
  if (fields.status === 'decommissioned' && !input.reason) throw errors.reasonRequired();
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findCameraRow(trx, { id, lock: true });
    if (!row) throw errors.cameraNotFound();
    if (row.version !== input.version) throw errors.staleVersion({ reference: row.reference, yours: input.version, current: row.version });
    const changed = changedFields(toCameraDto(row), fields);
    if (!changed.length) throw errors.nothingChanged();
    if (fields.reference && fields.reference !== row.reference && (await repo.findCameraIdByReference(trx, fields.reference))) throw errors.referenceTaken({ reference: fields.reference });
    const updated = await numberKept(fields.reference ?? row.reference, repo.updateCameraAt(trx, {
      id, version: input.version, set: { ...columnsToSet(fields), updated_by: actor.userId, changed_at: deps.clock.now(), change_reason: input.reason ?? 'edited' },
    }));
    if (!updated) throw errors.staleVersion({ reference: row.reference, yours: input.version, current: row.version + 1 });
    await recordAudit(trx, actor.audit, {
      action: fields.status === 'decommissioned' && row.status !== 'decommissioned' ? 'camera.decommissioned' : 'camera.updated',
      recordType: 'camera', recordId: id, details: { reference: fields.reference ?? row.reference, version: updated.version, changed, reason: input.reason ?? 'edited' },
    });
    return getCamera({ db: trx }, { id });
  });
}

/** Every version of a camera, newest first: who, when, why, and what each changed. */
export async function cameraHistory(deps: Deps, { id }: { id: string }) {
  const camera = await repo.findCameraRow(deps.db, { id });
  if (!camera) throw errors.cameraNotFound();
  const versions = await repo.listVersions(deps.db, id);
  const items = versions.map((v, i) => ({
    version: v.version, validFrom: v.valid_from.toISOString(), reason: v.reason,
    changedBy: v.changed_by ? { id: v.changed_by, name: v.changed_by_name ?? 'Unknown user' } : null,
    changes: diffEntries((versions[i + 1]?.entry as Record<string, unknown> | undefined) ?? null, v.entry as Record<string, unknown>),
  }));
  return { id: camera.id, reference: camera.reference, items };
}

export async function pickCameras(deps: Deps, { q, lat, lon, limit }: { q?: string; lat?: number; lon?: number; limit: number }) {
  const point = lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
  const rows = await repo.pickCameraRows(deps.db, { q: q || undefined, point, limit });
  return {
    items: rows.map((r) => ({
      id: r.id, reference: r.reference, name: r.name, location: r.location_text, kind: r.kind, status: r.status, latitude: r.latitude, longitude: r.longitude,
      distanceM: r.distance_m === null ? null : Math.round(Number(r.distance_m)),
    })),
  };
}
