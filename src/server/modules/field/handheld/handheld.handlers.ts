import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import type { SyncKind } from '../../../../domain/field/sync';

/** Who synced a record, from which device, and the record's own id and kind. */
export interface FieldSyncContext {
  actor: { audit: AuditActor; userId: string };
  deviceId: string;
  recordId: string;
  kind: SyncKind;
}

/**
 * Applies one synced record of a kind, inside the sync's transaction for that record (deps from
 * withinTransaction: whatever it writes commits or rolls back with the record). The payload is
 * already parsed with SYNC_PAYLOADS[kind]. Refuses with an AppError (validation.failed with field
 * errors, a conflict, not found) what cannot stand: the record is then rejected with those errors.
 * Returns the id of what it made (for the patrol's list of notices) and what people call it.
 */
export type FieldSyncHandler = (deps: Deps, ctx: FieldSyncContext, payload: any) => Promise<{ id?: string; reference: string | null }>; // eslint-disable-line @typescript-eslint/no-explicit-any
