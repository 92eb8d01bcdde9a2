import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import type { FpnIssuePayload, NotebookEntryPayload } from '../../../../domain/field/sync';
import { addNotebookEntry, issueFpn } from './fpns.usecases';

type Actor = { audit: AuditActor; userId: string };

/**
 * An FPN issued on a handheld, and an entry in the officer's notebook, as the field module's sync
 * applies them (inside the sync's transaction: deps from withinTransaction). Each refuses with an
 * AppError (validation.failed with field errors, or a conflict) what cannot stand. The same id
 * sent again by the same officer answers as the first time; by another officer, a conflict.
 */
export async function issueFpnFromHandheld(deps: Deps, args: { actor: Actor; deviceId: string; payload: FpnIssuePayload }): Promise<{ id: string; reference: string }> {
  return issueFpn(deps, args);
}

/** The reference is the officer's running entry number, "#12". */
export async function addNotebookEntryFromHandheld(deps: Deps, { actor, deviceId, payload }: { actor: Actor; deviceId: string; payload: NotebookEntryPayload }): Promise<{ id: string; reference: string }> {
  const { id, reference } = await addNotebookEntry(deps, { actor, deviceId, input: payload });
  return { id, reference };
}
