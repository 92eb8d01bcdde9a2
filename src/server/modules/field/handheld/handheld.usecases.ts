import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { withinTransaction } from '../../../platform/db/within';
import { AppError, conflict, isAppError, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';
import { SYNC_PAYLOADS, type SyncKind, type SyncRecord, type SyncReply, type SyncResult } from '../../../../domain/field/sync';
import { parsePcnNumber } from '../../../../domain/references/pcn';
import { formatDate } from '../../../../domain/calendar/london';
import {
  RegisterDevice, WITHDRAWAL_REASONS, WithdrawDevice, type DeviceList, type DeviceRegistered, type DeviceSummary, type PcnBlock,
} from '../../../../domain/field/handheld.contract';
import { issuePcnFromHandheld, issueFpnFromHandheld, addNotebookEntryFromHandheld, isPhotoOnANotice } from '../../enforcement';
import { PATROL_HANDLERS } from '../patrols/patrols.handlers';
import { REPORT_HANDLERS } from '../reports/reports.handlers';
import type { FieldSyncContext, FieldSyncHandler } from './handheld.handlers';
import * as repo from './handheld.repository';

// What an officer's handheld does with the server: registers itself (its PCN number block and data
// key), asks for more serials, fetches its key again, reports its queue, uploads photos by id, and
// syncs its records, each in its own transaction and each id accepted once. The team leader
// withdraws a device that is lost, stolen or retired: its blocks close, its key is never handed out
// again, and nothing more it sends is accepted.

export interface Actor { audit: AuditActor; userId: string }

export const DEFAULT_PCN_PREFIX = 'VD';
export const DEFAULT_BLOCK_SIZE = 500;

const errors = {
  deviceTaken: () => conflict('field.device_taken', 'That device id is registered to another officer: reinstall the app to make a new one.'),
  revoked: (d: { revoked_at: Date | null; withdrawal_reason: string | null }) => new AppError({
    code: 'field.device_revoked', status: 409,
    message: `This device was withdrawn${d.withdrawal_reason ? ` (${WITHDRAWAL_REASONS[d.withdrawal_reason as keyof typeof WITHDRAWAL_REASONS].toLowerCase()})` : ''}${d.revoked_at ? ` on ${formatDate(d.revoked_at)}` : ''}: nothing more can be sent from it. Hand it in to your team leader and use another device.`,
  }),
  alreadyWithdrawn: () => conflict('field.device_already_withdrawn', 'This device was withdrawn already.'),
};

const blockView = (b: { prefix: string; first_serial: string | number; last_serial: string | number; allocated_at: Date; closed_at: Date | null }): PcnBlock =>
  ({ prefix: b.prefix, firstSerial: Number(b.first_serial), lastSerial: Number(b.last_serial), allocatedAt: b.allocated_at.toISOString(), closedAt: b.closed_at?.toISOString() ?? null });

async function ownDevice(deps: Deps, actor: Actor, id: string, { live = true }: { live?: boolean } = {}) {
  const d = await repo.findDevice(deps.db, id);
  if (!d || d.user_id !== actor.userId) throw notFound({ what: 'device' });
  if (live && d.revoked_at) throw errors.revoked(d);
  return d;
}

async function newBlock(trx: Deps['db'], deviceId: string, at: Date) {
  const prefix = await repo.setting(trx, 'field.pcn_prefix', DEFAULT_PCN_PREFIX);
  const size = await repo.setting(trx, 'field.pcn_block_size', DEFAULT_BLOCK_SIZE);
  return repo.cutBlock(trx, { deviceId, prefix, size, at });
}

/** Registers a device to its officer (the same answer again for the same officer and id). */
export async function registerDevice(deps: Deps, { actor, input }: { actor: Actor; input: RegisterDevice }): Promise<DeviceRegistered> {
  const { id, name } = RegisterDevice.parse(input);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const inserted = await repo.insertDevice(trx, { id, user_id: actor.userId, name, data_key: randomBytes(32), at: now });
    const device = inserted ?? (await repo.findDevice(trx, id))!;
    if (device.user_id !== actor.userId) throw errors.deviceTaken();
    if (device.revoked_at) throw errors.revoked(device);
    let block = (await repo.blocksOf(trx, [id])).at(-1);
    if (inserted || !block) {
      block = await newBlock(trx, id, now);
      await recordAudit(trx, actor.audit, { action: 'field.device.registered', recordType: 'field_device', recordId: id, details: { name, block: `${block.prefix} ${block.first_serial}–${block.last_serial}` } });
    }
    return { device: { id, name: device.name }, block: blockView(block), dataKey: Buffer.from(device.data_key).toString('base64') };
  });
}

/** A further block of serials for a device running low. */
export async function allocateBlock(deps: Deps, { actor, id }: { actor: Actor; id: string }): Promise<PcnBlock> {
  await ownDevice(deps, actor, id);
  return deps.db.transaction().execute(async (trx) => {
    const block = await newBlock(trx, id, deps.clock.now());
    await recordAudit(trx, actor.audit, { action: 'field.device.block_allocated', recordType: 'field_device', recordId: id, details: { block: `${block.prefix} ${block.first_serial}–${block.last_serial}` } });
    return blockView(block);
  });
}

/** The device's data key again (after an offline sign-in), to its own officer only. */
export async function deviceKey(deps: Deps, { actor, id }: { actor: Actor; id: string }) {
  const d = await ownDevice(deps, actor, id);
  await recordAudit(deps.db, actor.audit, { action: 'field.device.key_read', recordType: 'field_device', recordId: id });
  return { dataKey: Buffer.from(d.data_key).toString('base64') };
}

/** A heartbeat: the device is alive and has this many records waiting. */
export async function deviceStatus(deps: Deps, { actor, id, queued }: { actor: Actor; id: string; queued: number }) {
  await ownDevice(deps, actor, id);
  await repo.touchDevice(deps.db, id, { at: deps.clock.now(), queued });
}

/** The officer's devices, or (field.lead) the team's, with their backlog, last sync and serials left. */
export async function listDevices(deps: Deps, { actor, lead }: { actor: Actor; lead: boolean }): Promise<DeviceList> {
  const userIds = await repo.visibleUserIds(deps.db, { userId: actor.userId, lead });
  const rows = await repo.listDevices(deps.db, { userIds });
  return { at: deps.clock.now().toISOString(), items: await summaries(deps.db, rows) };
}

async function summaries(db: Deps['db'], rows: repo.DeviceListRow[]): Promise<DeviceSummary[]> {
  const ids = rows.map((r) => r.id);
  const [blocks, used] = await Promise.all([repo.blocksOf(db, ids), repo.usedCounts(db, ids)]);
  return rows.map((r) => {
    const own = blocks.filter((b) => b.device_id === r.id);
    // A withdrawn device's blocks are closed: none of their serials is left to issue.
    const open = own.filter((b) => b.closed_at === null);
    const total = open.reduce((s, b) => s + Number(b.last_serial) - Number(b.first_serial) + 1, 0);
    return {
      id: r.id, name: r.name, officer: { id: r.user_id, name: r.display_name }, registeredAt: r.registered_at.toISOString(),
      lastSeenAt: r.last_seen_at?.toISOString() ?? null, lastSyncAt: r.last_sync_at?.toISOString() ?? null, queued: r.queued_count,
      revoked: r.revoked_at !== null,
      withdrawal: r.revoked_at && r.withdrawal_reason && r.withdrawn_by ? {
        at: r.revoked_at.toISOString(), by: { id: r.withdrawn_by, name: r.withdrawn_by_name ?? '' }, reason: r.withdrawal_reason,
        reasonLabel: WITHDRAWAL_REASONS[r.withdrawal_reason], note: r.withdrawal_note,
      } : null,
      blocks: own.map(blockView), serialsLeft: open.length ? Math.max(0, total - Number(used.find((u) => u.device_id === r.id)?.n ?? 0)) : 0,
    };
  });
}

/**
 * The team leader withdraws a device of their team (lost, stolen, retired; with why): its PCN
 * number blocks close (their unused serials are never issued), its data key is never handed out
 * again and nothing more it sends is accepted. What it synced before stays as it is.
 */
export async function withdrawDevice(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: WithdrawDevice }): Promise<DeviceSummary> {
  const { reason, note } = WithdrawDevice.parse(input);
  return deps.db.transaction().execute(async (trx) => {
    const d = await repo.lockDevice(trx, id);
    if (!d || !(await repo.visibleUserIds(trx, { userId: actor.userId, lead: true })).includes(d.user_id)) throw notFound({ what: 'device' });
    if (d.revoked_at) throw errors.alreadyWithdrawn();
    const now = deps.clock.now();
    const [before] = await summaries(trx, await repo.listDevices(trx, { userIds: [d.user_id], deviceId: id }));
    await repo.withdrawDevice(trx, { id, at: now, by: actor.userId, reason, note });
    await repo.closeBlocks(trx, id, now);
    await recordAudit(trx, actor.audit, { action: 'field.device.withdrawn', recordType: 'field_device', recordId: id, details: {
      name: d.name, officerId: d.user_id, reason, note, serialsClosed: before?.serialsLeft ?? 0, queued: d.queued_count,
    } });
    const [after] = await summaries(trx, await repo.listDevices(trx, { userIds: [d.user_id], deviceId: id }));
    return after!;
  });
}

// ---- photos --------------------------------------------------------------------------------

/** A photo, streamed into the object store by SHA-256; the same id again answers as the first time. */
export async function storePhoto(deps: Deps, { actor, id, deviceId, contentType, body, maxBytes, tooLarge }: {
  actor: Actor; id: string; deviceId: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; body: AsyncIterable<Uint8Array>; maxBytes: number; tooLarge: () => Error;
}): Promise<{ created: boolean; id: string; sha256: string }> {
  await ownDevice(deps, actor, deviceId);
  const before = await repo.findPhoto(deps.db, id);
  if (before) {
    if (before.taken_by !== actor.userId) throw notFound({ what: 'photo' });
    return { created: false, id, sha256: before.sha256 };
  }
  let size = 0;
  async function* capped() {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      yield chunk;
    }
  }
  const stored = await deps.storage.putStream(capped());
  if (!stored.size) throw validationFailed([{ path: 'body', message: 'Send the photo’s bytes' }], 'The photo is empty.');
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertPhoto(trx, { id, sha256: stored.sha256, content_type: contentType, bytes: stored.size, taken_by: actor.userId, device_id: deviceId, uploaded_at: deps.clock.now() });
    if (!inserted) {
      const other = (await repo.findPhoto(trx, id))!;
      if (other.taken_by !== actor.userId) throw notFound({ what: 'photo' });
      return { created: false, id, sha256: other.sha256 };
    }
    await recordAudit(trx, actor.audit, { action: 'field.photo.uploaded', recordType: 'field_photo', recordId: id, details: { sha256: stored.sha256, bytes: stored.size, deviceId } });
    return { created: true, id, sha256: stored.sha256 };
  });
}

/**
 * A photo's stored file, to those who may see it: the officer who took it, their team leader, and
 * (for a photo on a PCN or FPN) whoever reads notices (the route asks enforcement.read of every
 * caller). Anyone else is told it does not exist.
 */
export async function findPhotoFile(deps: Deps, { actor, id, lead }: { actor: Actor; id: string; lead: boolean }) {
  const photo = await repo.findPhoto(deps.db, id);
  const visible = photo && (photo.taken_by === actor.userId
    || (lead && (await repo.visibleUserIds(deps.db, { userId: actor.userId, lead })).includes(photo.taken_by))
    || (await isPhotoOnANotice(deps, id)));
  if (!photo || !visible) throw notFound({ what: 'photo' });
  return { sha256: photo.sha256, size: Number(photo.bytes), mediaType: photo.content_type, filename: `photo-${id}.${photo.content_type.slice('image/'.length).replace('jpeg', 'jpg')}` };
}

// ---- sync ----------------------------------------------------------------------------------

/** Records of these kinds naming a patrol are listed among its notices. */
const NOTICE_KINDS: Partial<Record<SyncKind, { kind: 'pcn' | 'fpn' | 'defect' | 'asb' | 'inspection'; at: string }>> = {
  'pcn.issue': { kind: 'pcn', at: 'issuedAt' }, 'fpn.issue': { kind: 'fpn', at: 'issuedAt' },
  'defect.report': { kind: 'defect', at: 'at' }, 'asb.report': { kind: 'asb', at: 'at' }, 'carpark.inspection': { kind: 'inspection', at: 'at' },
};

/** How each kind is applied: the patrols' here, the notices' by the enforcement module, reports by the reports area. */
export function syncHandlers(): Partial<Record<SyncKind, FieldSyncHandler>> {
  return {
    ...PATROL_HANDLERS,
    'pcn.issue': (deps, ctx, payload) => issuePcnFromHandheld(deps, { actor: ctx.actor, deviceId: ctx.deviceId, payload }),
    'fpn.issue': (deps, ctx, payload) => issueFpnFromHandheld(deps, { actor: ctx.actor, deviceId: ctx.deviceId, payload }),
    'notebook.entry': (deps, ctx, payload) => addNotebookEntryFromHandheld(deps, { actor: ctx.actor, deviceId: ctx.deviceId, payload }),
    ...REPORT_HANDLERS,
  };
}

/** The same JSON whatever order its keys came in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}
export const payloadHash = (kind: string, payload: unknown) => createHash('sha256').update(canonical({ kind, payload })).digest('hex');

const problemsOf = (e: unknown): FieldError[] | undefined => {
  if (e instanceof z.ZodError) return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (isAppError(e) && e.status < 500) return e.fieldErrors?.length ? e.fieldErrors : [{ path: '', message: e.message }];
  return undefined;
};

class Raced extends Error {}

const replay = (row: NonNullable<Awaited<ReturnType<typeof repo.findSyncRecord>>>, hash: string): SyncResult =>
  row.payload_sha256 === hash
    ? { id: row.id, outcome: row.outcome as SyncResult['outcome'], replayed: true, reference: row.reference, problems: row.problems as unknown as FieldError[] }
    : { id: row.id, outcome: 'rejected', replayed: true, reference: null, problems: [{ path: 'id', message: 'That id was used for another record: save this one again to give it a new id' }] };

/** One record, in its own transaction: accepted once; a retry answers as the first time. */
async function syncOne(deps: Deps, ctx: Omit<FieldSyncContext, 'recordId' | 'kind'>, rec: SyncRecord, handlers: Partial<Record<SyncKind, FieldSyncHandler>>): Promise<SyncResult> {
  const hash = payloadHash(rec.kind, rec.payload);
  const seen = await repo.findSyncRecord(deps.db, rec.id);
  if (seen) return replay(seen, hash);
  const row = { id: rec.id, device_id: ctx.deviceId, user_id: ctx.actor.userId, kind: rec.kind, device_created_at: new Date(rec.createdAt), payload_sha256: hash };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      if (!(await repo.insertSyncRecord(trx, { ...row, received_at: now, outcome: 'accepted', reference: null, problems: [] }))) throw new Raced();
      const payload = SYNC_PAYLOADS[rec.kind].parse(rec.payload) as Record<string, unknown>;
      if (rec.kind === 'pcn.issue') {
        const number = payload.number as string;
        const parsed = parsePcnNumber(number);
        if (!parsed) throw validationFailed([{ path: 'number', message: 'This PCN number’s check character is wrong: use a number from this device’s block' }]);
        const blocks = await repo.blocksOf(trx, [ctx.deviceId]);
        if (!blocks.some((b) => b.closed_at === null && b.prefix === parsed.prefix && Number(b.first_serial) <= parsed.serial && parsed.serial <= Number(b.last_serial))) {
          throw validationFailed([{ path: 'number', message: 'This PCN number is not from this device’s own block: use the next number the device offers' }]);
        }
        if (!(await repo.useNumber(trx, { number, device_id: ctx.deviceId, record_id: rec.id, used_at: now }))) {
          throw validationFailed([{ path: 'number', message: 'This PCN number was used already: issue the notice again with the next number' }]);
        }
      }
      const handler = handlers[rec.kind];
      if (!handler) throw new Error(`No handler for ${rec.kind} records yet`);
      const made = await handler(withinTransaction(deps, trx), { ...ctx, recordId: rec.id, kind: rec.kind }, payload);
      const notice = NOTICE_KINDS[rec.kind];
      const patrolId = payload.patrolId as string | null | undefined;
      if (notice && patrolId && (await repo.findPatrolOf(trx, patrolId, ctx.actor.userId))) {
        await repo.insertPatrolNotice(trx, { patrol_id: patrolId, kind: notice.kind, record_id: made.id ?? rec.id, reference: made.reference, at: new Date(payload[notice.at] as string) });
      }
      await repo.setSyncReference(trx, rec.id, made.reference);
      return { id: rec.id, outcome: 'accepted' as const, replayed: false, reference: made.reference, problems: [] };
    });
  } catch (e) {
    if (e instanceof Raced) return replay((await repo.findSyncRecord(deps.db, rec.id))!, hash);
    const problems = problemsOf(e);
    if (!problems) {
      // Our failure, not the record's: nothing of it is kept, so sending it again tries again.
      deps.log.error({ err: e, recordId: rec.id, kind: rec.kind }, 'field sync: a record failed');
      return { id: rec.id, outcome: 'rejected', replayed: false, reference: null, problems: [{ path: '', message: 'The server could not record this just now; it is kept on the device and sent again later' }] };
    }
    const stored = await repo.insertSyncRecord(deps.db, { ...row, received_at: deps.clock.now(), outcome: 'rejected', reference: null, problems });
    if (!stored) return replay((await repo.findSyncRecord(deps.db, rec.id))!, hash);
    return { id: rec.id, outcome: 'rejected', replayed: false, reference: null, problems };
  }
}

/** A batch from one device: each record on its own, in order; then the device's backlog and last sync. */
export async function sync(deps: Deps, { actor, deviceId, records, queued }: { actor: Actor; deviceId: string; records: SyncRecord[]; queued: number }): Promise<SyncReply> {
  await ownDevice(deps, actor, deviceId);
  const handlers = syncHandlers();
  const results: SyncResult[] = [];
  for (const rec of records) results.push(await syncOne(deps, { actor, deviceId }, rec, handlers));
  await repo.touchDevice(deps.db, deviceId, { at: deps.clock.now(), queued, synced: true });
  const accepted = results.filter((r) => r.outcome === 'accepted' && !r.replayed).length;
  const rejected = results.filter((r) => r.outcome === 'rejected' && !r.replayed).length;
  await recordAudit(deps.db, actor.audit, { action: 'field.sync', recordType: 'field_device', recordId: deviceId, details: { records: records.length, accepted, rejected, replayed: results.length - accepted - rejected, queued } });
  return { results, serverTime: deps.clock.now().toISOString() };
}
