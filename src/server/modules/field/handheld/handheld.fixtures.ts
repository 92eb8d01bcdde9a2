import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import type { SyncRecord } from '../../../../domain/field/sync';
import { registerDevice, storePhoto, type Actor } from './handheld.usecases';

// Test and demo helpers: an officer's actor, a registered device, and patrol records as a handheld makes them.

export const actorOf = (u: { id: string; username: string }): Actor => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });

export async function aDevice(deps: Deps, actor: Actor, name = 'Test handheld') {
  return registerDevice(deps, { actor, input: { id: randomUUID(), name } });
}

/** A small JPEG's bytes (its header and some noise), different each time. */
export const jpegBytes = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...randomUUID().split('').map((c) => c.charCodeAt(0))]);

/** A photo uploaded from the officer's device; its id. */
export async function aPhoto(deps: Deps, actor: Actor, deviceId: string, bytes = jpegBytes()) {
  const id = randomUUID();
  await storePhoto(deps, { actor, id, deviceId, contentType: 'image/jpeg', body: (async function* () { yield bytes; })(), maxBytes: 1 << 20, tooLarge: () => new Error('too large') });
  return id;
}

export const record = (kind: SyncRecord['kind'], payload: Record<string, unknown>, createdAt: Date = new Date()): SyncRecord =>
  ({ id: randomUUID(), kind, createdAt: createdAt.toISOString(), payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown> });

export function patrolStart(now: Date, over: Record<string, unknown> = {}) {
  return record('patrol.start', {
    patrolId: randomUUID(), beat: 'Market Square and High Street', task: 'Parking enforcement and PSPO patrol', parishContractId: null,
    startedAt: now.toISOString(), expectedEndAt: new Date(now.getTime() + 3 * 3600_000).toISOString(), checkInMinutes: 30, ...over,
  }, now);
}
