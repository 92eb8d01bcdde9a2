import { createContext, useContext } from 'react';
import type { SyncKind } from '../../domain/field/sync';
import type { Reference } from './api';
import type { DeviceMeta } from './device';
import type { NewPhoto, QueuedRecord } from './outbox';

export interface ActivePatrol { patrolId: string; beat: string; task: string; parishContractId: string | null; startedAt: string; expectedEndAt: string; checkInMinutes: number; lastCheckInAt: string | null }
export interface SyncState { running: boolean; message: string | null; needsSignIn: boolean; lastSyncedAt: string | null }
export type Screen = 'home' | 'pcn' | 'fpn' | 'notebook' | 'defect' | 'asb' | 'carpark' | 'queue' | `notice/${string}`;

export interface Handheld {
  meta: DeviceMeta;
  reference: Reference | null;
  records: QueuedRecord[];
  online: boolean;
  patrol: ActivePatrol | null;
  sync: SyncState;
  /** Writes the record (and its photos) to the device; resolves once stored. */
  save(kind: SyncKind, payload: Record<string, unknown>, photos?: NewPhoto[]): Promise<QueuedRecord>;
  setPatrol(p: ActivePatrol | null): Promise<void>;
  nextPcnNumber(): Promise<string>;
  syncNow(): void;
  go(screen: Screen): void;
  signOut(): Promise<void>;
  signInAgain(): void;
}
export const HandheldContext = createContext<Handheld | null>(null);
export const useHandheld = () => useContext(HandheldContext)!;
