import { randomUUID } from 'node:crypto';
import { MAINTENANCE_MANAGERS, MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import type { Role } from '../../../platform/auth/permissions';
import { makeOrganisation, makeUser } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import type { Weekday } from '../../../../domain/maintenance/contract';
import { createContract, addClosureDay } from './contracts.usecases';

// Maintenance contracts' part of the route × role table (test/support/walk.ts), written by hand.
// Contractors and agencies reach none of it: a contractor sees only its own faults (its portal).

/** Who dates SLA terms: administrators (settings.manage). */
const SETTINGS_MANAGERS: readonly Role[] = ['admin'];

export const contractReference = () => `W/${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

export const contractInput = (contractorOrganisationId: string, reference = contractReference()) => ({
  reference, name: `Walk contract ${reference}`, contractorOrganisationId, startsOn: '2026-04-01', endsOn: '2029-03-31',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[], opensAt: '08:00', closesAt: '17:30', monthlyChargePence: 1_250_000,
  serviceCredits: { responseBreachPence: { P1: 10_000, P2: 5_000, P3: 2_000, P4: 1_000 }, fixBreachPence: { P1: 20_000, P2: 10_000, P3: 4_000, P4: 2_000 }, capPercent: 10 },
});

const actorOf = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });

/** A contract with a contractor organisation, set up by a coordinator of the council. */
export async function aContract(deps: Deps, councilOrgId: string) {
  const contractor = await makeOrganisation(deps, { external: true, kind: 'contractor' });
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: councilOrgId });
  const c = await createContract(deps, { actor: actorOf(u), input: contractInput(contractor.id) });
  return { contract: c, coordinator: u };
}

const onContract = (tail = '') => async ({ deps, councilOrgId, bag }: WalkCtx) => {
  const { contract } = await aContract(deps, councilOrgId);
  bag.contractId = contract.id;
  return `/api/v1/maintenance/contracts/${contract.id}${tail}`;
};

const CLOSURE_DAY = '2030-12-24';

export const walk: Walk = {
  'GET /api/v1/maintenance/contracts': { allowed: MAINTENANCE_READERS },
  'POST /api/v1/maintenance/contracts': {
    allowed: MAINTENANCE_MANAGERS,
    body: async ({ deps }) => contractInput((await makeOrganisation(deps, { external: true, kind: 'contractor' })).id),
  },
  'GET /api/v1/maintenance/contracts/:id': { allowed: MAINTENANCE_READERS, path: onContract() },
  'PATCH /api/v1/maintenance/contracts/:id': { allowed: MAINTENANCE_MANAGERS, path: onContract(), body: () => ({ closesAt: '18:00', reason: 'Contract variation 2 extends the day' }) },
  'GET /api/v1/maintenance/contracts/:id/sla-terms': { allowed: MAINTENANCE_READERS, path: onContract('/sla-terms') },
  'POST /api/v1/maintenance/contracts/:id/sla-terms': {
    allowed: SETTINGS_MANAGERS, path: onContract('/sla-terms'),
    body: () => ({ effectiveFrom: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Contract schedule 3', terms: [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }] }),
  },
  'GET /api/v1/maintenance/contracts/:id/closure-days': { allowed: MAINTENANCE_READERS, path: onContract('/closure-days') },
  'POST /api/v1/maintenance/contracts/:id/closure-days': { allowed: MAINTENANCE_MANAGERS, path: onContract('/closure-days'), body: () => ({ day: CLOSURE_DAY, reason: 'Council closed over Christmas' }) },
  'DELETE /api/v1/maintenance/contracts/:id/closure-days/:day': {
    allowed: MAINTENANCE_MANAGERS,
    path: async (ctx) => {
      const path = await onContract(`/closure-days/${CLOSURE_DAY}`)(ctx);
      const u = await makeUser(ctx.deps, { roles: ['coordinator'], organisationId: ctx.councilOrgId });
      await addClosureDay(ctx.deps, { actor: actorOf(u), contractId: ctx.bag.contractId, input: { day: CLOSURE_DAY, reason: 'Council closed over Christmas' } });
      return path;
    },
  },
  'GET /api/v1/maintenance/contractor-organisations': { allowed: MAINTENANCE_MANAGERS },
  'GET /api/v1/maintenance/contracts/:id/notes': { allowed: MAINTENANCE_READERS, path: onContract('/notes?kind=missed_visit&month=2026-11') },
  'GET /api/v1/maintenance/contracts/:id/notes.csv': { allowed: MAINTENANCE_READERS, path: onContract('/notes.csv') },
  'POST /api/v1/maintenance/contracts/:id/notes': {
    allowed: MAINTENANCE_MANAGERS, path: onContract('/notes'), body: () => ({ kind: 'missed_visit', occurredOn: '2026-11-02', note: 'No engineer came to the planned monthly visit' }),
  },
};
