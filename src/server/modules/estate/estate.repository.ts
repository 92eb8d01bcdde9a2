import type { Db } from '../../platform/db/db';

export async function listCameras(db: Db, { includeDecommissioned = false }: { includeDecommissioned?: boolean } = {}) {
  let q = db.selectFrom('cameras').selectAll();
  if (!includeDecommissioned) q = q.where('status', '!=', 'decommissioned');
  return q.orderBy('reference').execute();
}

export async function findCamerasByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('cameras').selectAll().where('id', 'in', ids).execute();
}

export async function insertCameras(db: Db, cameras: { reference: string; name: string; location_text: string; latitude: number; longitude: number; kind: 'fixed' | 'ptz' | 'mobile' | 'anpr' }[]) {
  if (!cameras.length) return [];
  return db.insertInto('cameras').values(cameras).returning(['id', 'reference']).execute();
}
