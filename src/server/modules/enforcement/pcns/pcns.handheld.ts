import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import type { PcnIssuePayload } from '../../../../domain/field/sync';

/**
 * A PCN issued on a handheld, as the field module's sync applies it (inside the sync's transaction:
 * deps from withinTransaction). The number is already checked to be from the device's own block.
 * Refuses with an AppError (validation.failed with field errors, or a conflict) what cannot stand.
 */
export async function issuePcnFromHandheld(_deps: Deps, _args: { actor: { audit: AuditActor; userId: string }; deviceId: string; payload: PcnIssuePayload }): Promise<{ id: string; reference: string }> {
  throw new Error('PCNs are not built yet');
}
