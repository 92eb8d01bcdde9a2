import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import type { PcnIssuePayload } from '../../../../domain/field/sync';
import { issue } from './pcns.usecases';
import { isPhotoOnNotice } from './pcns.repository';

/**
 * A PCN issued on a handheld, as the field module's sync applies it (inside the sync's transaction:
 * deps from withinTransaction). The number is already checked to be from the device's own block.
 * Refuses with an AppError (validation.failed with field errors: unknown code or area, observation
 * too short, a photo not uploaded by this user; or the conflict enforcement.pcn_number_taken) what
 * cannot stand. The same pcnId and number again answers as the first time.
 */
export async function issuePcnFromHandheld(deps: Deps, args: { actor: { audit: AuditActor; userId: string }; deviceId: string; payload: PcnIssuePayload }): Promise<{ id: string; reference: string }> {
  return issue(deps, args);
}

/** Whether a photo from a handheld is attached to a PCN or an FPN: whoever reads notices (enforcement.read) may then see it. */
export const isPhotoOnANotice = (deps: Pick<Deps, 'db'>, photoId: string): Promise<boolean> => isPhotoOnNotice(deps.db, photoId);
