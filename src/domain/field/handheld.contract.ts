import { z } from 'zod';
import { line, text } from '../validation';
import { instant, PersonRef } from '../primitives';

// The handheld's devices as the server knows them: registration (with the device's PCN number
// block and its data key), further blocks, the key again after an offline sign-in, the device
// list (an officer's own; the team leader's team), heartbeats, photos uploaded by id, and a device
// withdrawn by the team leader (lost, stolen, retired).

export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const RegisterDevice = z.object({
  id: z.uuid({ message: 'The device id is made on the device: a UUID' }),
  name: line().trim().min(1, 'Name the device (Tom’s phone)').max(100, 'Use at most 100 characters'),
}).meta({ id: 'FieldRegisterDevice' });
export type RegisterDevice = z.input<typeof RegisterDevice>;

export const PcnBlock = z.object({
  prefix: z.string(),
  firstSerial: z.number().int(),
  lastSerial: z.number().int(),
  allocatedAt: instant,
  closedAt: instant.nullable().describe('When the block was closed (its device withdrawn): its unused serials are never issued'),
}).meta({ id: 'FieldPcnBlock' });
export type PcnBlock = z.infer<typeof PcnBlock>;

export const DeviceRegistered = z.object({
  device: z.object({ id: z.uuid(), name: z.string() }),
  block: PcnBlock.describe('The newest block of PCN serials this device may issue from'),
  dataKey: z.string().describe('Base64 of 32 random bytes: the key the device encrypts its data at rest with'),
}).meta({ id: 'FieldDeviceRegistered' });
export type DeviceRegistered = z.infer<typeof DeviceRegistered>;

export const DeviceKey = z.object({ dataKey: z.string().describe('Base64 of the device’s 32-byte data key') }).meta({ id: 'FieldDeviceKey' });

export const DeviceStatus = z.object({
  queued: z.number().int().min(0).max(1_000_000).describe('Records waiting on the device'),
}).meta({ id: 'FieldDeviceStatus' });

export const WITHDRAWAL_REASONS = { lost: 'Lost', stolen: 'Stolen', retired: 'Retired' } as const;
export type WithdrawalReason = keyof typeof WITHDRAWAL_REASONS;
const reasons = Object.keys(WITHDRAWAL_REASONS) as [WithdrawalReason, ...WithdrawalReason[]];

export const WithdrawDevice = z.object({
  reason: z.enum(reasons, { message: 'Choose why the device is withdrawn: lost, stolen or retired' }),
  note: text().trim().max(1000, 'Keep the note to 1000 characters or fewer').default('').describe('Where and when it was lost, the crime reference, …'),
}).meta({ id: 'FieldWithdrawDevice' });
export type WithdrawDevice = z.input<typeof WithdrawDevice>;

export const DeviceWithdrawal = z.object({
  at: instant, by: PersonRef, reason: z.enum(reasons), reasonLabel: z.string(), note: z.string(),
}).meta({ id: 'FieldDeviceWithdrawal' });

export const DeviceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  officer: PersonRef,
  registeredAt: instant,
  lastSeenAt: instant.nullable(),
  lastSyncAt: instant.nullable(),
  queued: z.number().int(),
  revoked: z.boolean(),
  withdrawal: DeviceWithdrawal.nullable().describe('Who withdrew the device, when and why (null: in use)'),
  blocks: z.array(PcnBlock),
  serialsLeft: z.number().int().describe('Unused serials left in the device’s blocks'),
}).meta({ id: 'FieldDeviceSummary' });
export type DeviceSummary = z.infer<typeof DeviceSummary>;
export const DeviceList = z.object({ at: instant, items: z.array(DeviceSummary) }).meta({ id: 'FieldDeviceList' });
export type DeviceList = z.infer<typeof DeviceList>;

export const PhotoQuery = z.object({ deviceId: z.uuid({ message: 'Name the device (deviceId) the photo was taken on' }) });
export const PhotoStored = z.object({ id: z.uuid(), sha256: z.string() }).meta({ id: 'FieldPhotoStored' });
export type PhotoType = (typeof PHOTO_TYPES)[number];
