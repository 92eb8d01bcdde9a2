import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { AppError, validationFailed } from '../../../platform/http/errors';
import { londonDay } from '../../../../domain/calendar/london';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from '../../../../domain/deadlines/policy';
import type { ClockPolicy as ClockPolicySchema } from '../../../../domain/requests/contract';
import * as repo from './policy.repository';

// The council's own clocks (complaint stages, members' enquiries, footage requests, viewings), set by
// administrators. Each change is a new dated row from a day not yet past; a request takes the policy
// in force on the day it was received (receiveRequest reads it), so no open request's clock moves.

export interface PolicyActor { audit: AuditActor; userId: string }

export interface PolicyVersion { id: string | null; effectiveFrom: string | null; policy: ClockPolicy; createdBy: { id: string; name: string } | null; createdAt: string | null }

/** The policy in force today, what is dated to come, and every earlier version, newest first. */
export async function getClockPolicy(deps: Deps) {
  const today = londonDay(deps.clock.now());
  const rows = await repo.listPolicies(deps.db);
  const history: PolicyVersion[] = rows.map((r) => ({
    id: r.id, effectiveFrom: r.effective_from, policy: r.policy as unknown as ClockPolicy,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null, createdAt: r.created_at.toISOString(),
  }));
  const inForce = history.find((v) => v.effectiveFrom! <= today)
    ?? { id: null, effectiveFrom: null, policy: DEFAULT_CLOCK_POLICY, createdBy: null, createdAt: null };
  return { today, inForce, upcoming: history.filter((v) => v.effectiveFrom! > today).reverse(), history };
}

export async function setClockPolicy(deps: Deps, { actor, input }: { actor: PolicyActor; input: { effectiveFrom: string; policy: z.output<typeof ClockPolicySchema> } }) {
  const today = londonDay(deps.clock.now());
  if (input.effectiveFrom < today) throw validationFailed([{ path: 'effectiveFrom', message: `Enter a day from today (${today}): a policy cannot start in the past` }]);
  return deps.db.transaction().execute(async (trx) => {
    const made = await repo.insertPolicy(trx, { effective_from: input.effectiveFrom, policy: input.policy, created_by: actor.userId, created_at: deps.clock.now() });
    if (!made) throw new AppError({ code: 'requests.policy_exists', status: 409, message: `A policy already starts on ${input.effectiveFrom}: choose another day.` });
    await recordAudit(trx, actor.audit, { action: 'requests.clock-policy-set', recordType: 'request_clock_policy', recordId: made.id, details: { effectiveFrom: input.effectiveFrom, policy: input.policy } });
    return { id: made.id, effectiveFrom: input.effectiveFrom, policy: input.policy };
  });
}
