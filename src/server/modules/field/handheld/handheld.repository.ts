import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { SyncKind } from '../../../../domain/field/sync';

// The handheld's SQL: devices, PCN number blocks (cut from a per-prefix counter under its row
// lock), numbers used, synced records, photos.

export const findDevice = (db: Db, id: string) =>
  db.selectFrom('field_devices').selectAll().where('id', '=', id).executeTakeFirst();

export const insertDevice = (db: Db, row: { id: string; user_id: string; name: string; data_key: Buffer; at: Date }) =>
  db.insertInto('field_devices').values({ id: row.id, user_id: row.user_id, name: row.name, data_key: row.data_key, registered_at: row.at, last_seen_at: row.at })
    .onConflict((oc) => oc.column('id').doNothing()).returningAll().executeTakeFirst();

export const touchDevice = (db: Db, id: string, { at, queued, synced }: { at: Date; queued?: number; synced?: boolean }) =>
  db.updateTable('field_devices').set({ last_seen_at: at, ...(queued === undefined ? {} : { queued_count: queued }), ...(synced ? { last_sync_at: at } : {}) })
    .where('id', '=', id).execute();

export async function setting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return (r?.value as T | undefined) ?? fallback;
}

/** Cuts the next block of `size` serials for a prefix; the counter's row lock orders concurrent cuts. */
export async function cutBlock(trx: Db, { deviceId, prefix, size, at }: { deviceId: string; prefix: string; size: number; at: Date }) {
  const { rows } = await sql<{ first: string }>`
    insert into pcn_serial_counters (prefix, next_serial) values (${prefix}, ${1 + size})
    on conflict (prefix) do update set next_serial = pcn_serial_counters.next_serial + ${size}
    returning next_serial - ${size} as first`.execute(trx);
  const first = Number(rows[0]!.first);
  const last = first + size - 1;
  if (last > 99_999_999) throw new Error(`PCN serials for ${prefix} are used up`);
  return trx.insertInto('pcn_number_blocks').values({ device_id: deviceId, prefix, first_serial: first, last_serial: last, allocated_at: at })
    .returningAll().executeTakeFirstOrThrow();
}

export const blocksOf = (db: Db, deviceIds: string[]) => deviceIds.length === 0 ? Promise.resolve([]) :
  db.selectFrom('pcn_number_blocks').selectAll().where('device_id', 'in', deviceIds).orderBy('allocated_at').orderBy('first_serial').execute();

export const usedCounts = (db: Db, deviceIds: string[]) => deviceIds.length === 0 ? Promise.resolve([]) :
  db.selectFrom('pcn_numbers_used').select(['device_id', (e) => e.fn.countAll<string>().as('n')]).where('device_id', 'in', deviceIds).groupBy('device_id').execute();

/** Devices of these users (all of them, when userIds is undefined), with their officer's name. */
export const listDevices = (db: Db, { userIds, deviceId }: { userIds: string[]; deviceId?: string }) =>
  db.selectFrom('field_devices as d').innerJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('users as w', 'w.id', 'd.withdrawn_by')
    .select(['d.id', 'd.name', 'd.user_id', 'u.display_name', 'd.registered_at', 'd.last_seen_at', 'd.last_sync_at', 'd.queued_count', 'd.revoked_at',
      'd.withdrawn_by', 'w.display_name as withdrawn_by_name', 'd.withdrawal_reason', 'd.withdrawal_note'])
    .where('d.user_id', 'in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'])
    .$if(deviceId !== undefined, (q) => q.where('d.id', '=', deviceId!))
    .orderBy('u.display_name').orderBy('d.registered_at').execute();

export type DeviceListRow = Awaited<ReturnType<typeof listDevices>>[number];

export const lockDevice = (db: Db, id: string) =>
  db.selectFrom('field_devices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Withdraws a device (lost, stolen, retired): from now its key is never handed out and nothing it sends is accepted. */
export const withdrawDevice = (db: Db, { id, at, by, reason, note }: { id: string; at: Date; by: string; reason: 'lost' | 'stolen' | 'retired'; note: string }) =>
  db.updateTable('field_devices').set({ revoked_at: at, withdrawn_by: by, withdrawal_reason: reason, withdrawal_note: note })
    .where('id', '=', id).where('revoked_at', 'is', null).execute();

/** Closes a device's open PCN number blocks: their unused serials are never issued. */
export const closeBlocks = (db: Db, deviceId: string, at: Date) =>
  db.updateTable('pcn_number_blocks').set({ closed_at: at }).where('device_id', '=', deviceId).where('closed_at', 'is', null).execute();

/** Whom a user sees: themself, and with field.lead the members of their team. */
export async function visibleUserIds(db: Db, { userId, lead }: { userId: string; lead: boolean }): Promise<string[]> {
  if (!lead) return [userId];
  const me = await db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirst();
  if (!me?.team_id) return [userId];
  const team = await db.selectFrom('users').select('id').where('team_id', '=', me.team_id).execute();
  return [...new Set([userId, ...team.map((t) => t.id)])];
}

export const findSyncRecord = (db: Db, id: string) =>
  db.selectFrom('field_sync_records').selectAll().where('id', '=', id).executeTakeFirst();

export const insertSyncRecord = (db: Db, row: {
  id: string; device_id: string; user_id: string; kind: SyncKind; device_created_at: Date; received_at: Date; payload_sha256: string;
  outcome: 'accepted' | 'rejected'; reference: string | null; problems: { path: string; message: string }[];
}) => db.insertInto('field_sync_records').values({ ...row, problems: JSON.stringify(row.problems) })
  .onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();

export const setSyncReference = (db: Db, id: string, reference: string | null) =>
  db.updateTable('field_sync_records').set({ reference }).where('id', '=', id).execute();

export const lastSyncs = (db: Db, deviceIds: string[]) => deviceIds.length === 0 ? Promise.resolve([]) :
  db.selectFrom('field_sync_records').select(['device_id', (e) => e.fn.max('received_at').as('at')]).where('device_id', 'in', deviceIds).groupBy('device_id').execute();

export const useNumber = (db: Db, row: { number: string; device_id: string; record_id: string; used_at: Date }) =>
  db.insertInto('pcn_numbers_used').values(row).onConflict((oc) => oc.column('number').doNothing()).returning('number').executeTakeFirst();

export const findPhoto = (db: Db, id: string) => db.selectFrom('field_photos').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPhoto = (db: Db, row: { id: string; sha256: string; content_type: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: number; taken_by: string; device_id: string; uploaded_at: Date }) =>
  db.insertInto('field_photos').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();

export const insertPatrolNotice = (db: Db, row: { patrol_id: string; kind: 'pcn' | 'fpn' | 'defect' | 'asb' | 'inspection'; record_id: string; reference: string | null; at: Date }) =>
  db.insertInto('patrol_notices').values(row).onConflict((oc) => oc.columns(['patrol_id', 'record_id']).doNothing()).execute();

export const findPatrolOf = (db: Db, id: string, officerId: string) =>
  db.selectFrom('patrols').select(['id']).where('id', '=', id).where('officer_id', '=', officerId).executeTakeFirst();
