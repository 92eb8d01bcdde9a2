import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import type { FpnIssuePayload, NotebookEntryPayload } from '../../../../domain/field/sync';

type Actor = { audit: AuditActor; userId: string };

/**
 * An FPN issued on a handheld, and an entry in the officer's notebook, as the field module's sync
 * applies them (inside the sync's transaction: deps from withinTransaction). Each refuses with an
 * AppError (validation.failed with field errors, or a conflict) what cannot stand.
 */
export async function issueFpnFromHandheld(_deps: Deps, _args: { actor: Actor; deviceId: string; payload: FpnIssuePayload }): Promise<{ id: string; reference: string }> {
  throw new Error('FPNs are not built yet');
}

export async function addNotebookEntryFromHandheld(_deps: Deps, _args: { actor: Actor; deviceId: string; payload: NotebookEntryPayload }): Promise<{ id: string; reference: string }> {
  throw new Error('The notebook is not built yet');
}
