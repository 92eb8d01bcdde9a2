import type { Deps } from '../../src/server/platform/deps';
import type { OohStartLoneWorking, OohStartOwnLoneWorking } from '../../src/domain/ooh/contract';
import * as uc from '../../src/server/modules/ooh/lone-working/lone-working.usecases';
import { missedTimer } from '../../src/server/modules/ooh/lone-working/lone-working.ladder';
import { pendingTimers } from '../../src/server/platform/timers/timers';
import { makeUser, uniq } from './deps';

// Lone-working sessions for tests and the route walk: an officer (or worker) to act, the input of
// a session, and a session whose check-in was missed (its missed timer fired by hand, so that no
// test fires every due timer in the shared database).

export async function actorFor(deps: Deps, { roles = ['ooh_officer'], organisationId }: { roles?: Parameters<typeof makeUser>[1]['roles']; organisationId?: string } = {}): Promise<uc.Actor & { username: string }> {
  const u = await makeUser(deps, { roles, organisationId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id, username: u.username };
}
export const asActor = (u: { id: string; username: string }): uc.Actor => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });

export const sessionInput = (now: Date, over: Partial<OohStartLoneWorking> = {}): OohStartLoneWorking => ({
  worker: { name: uniq('Sam Walker'), organisation: 'Riverside Housing', phone: '07700 900123', email: null },
  location: '14 Canal Street, ground-floor flat', latitude: 52.95, longitude: -1.15, task: 'Tenancy visit',
  expectedEndAt: new Date(now.getTime() + 3 * 3600_000), intervalMinutes: 30, vehicle: 'White van AB12 CDE',
  importantInfo: 'Tenant has a history of aggression towards staff', managerName: 'Pat Manager', managerPhone: '07700 900456', duressWord: 'bluebell', ...over,
});

export const ownInput = (now: Date, over: Partial<OohStartOwnLoneWorking> = {}): OohStartOwnLoneWorking => ({
  location: 'Market Square CCTV pole 7', task: 'Camera cleaning', expectedEndAt: new Date(now.getTime() + 2 * 3600_000), intervalMinutes: 30,
  phone: '07700 900789', duressWord: 'bluebell', managerName: 'Pat Manager', managerPhone: '07700 900456', ...over,
});

/** A session started one interval ago whose check-in is missed now: the ladder's first rung raised. */
export async function anEscalatingSession(deps: Deps, actor: uc.Actor, over: Partial<OohStartLoneWorking> = {}) {
  const now = deps.clock.now();
  const past = { ...deps, clock: { now: () => new Date(now.getTime() - 30 * 60_000) } };
  const s = await uc.startSession(past, { actor, input: sessionInput(past.clock.now(), { intervalMinutes: 30, ...over }) });
  const timer = (await pendingTimers(deps.db, s.id)).find((t) => t.kind === missedTimer.kind)!;
  await deps.db.transaction().execute((trx) => missedTimer.fire(trx, deps, { id: timer.id, kind: timer.kind, subjectId: s.id, dueAt: timer.dueAt, payload: timer.payload as { seq: number }, attempts: 0 }));
  const detail = await uc.getSession(deps, { id: s.id });
  return { session: detail, stepId: detail.steps[0]!.id };
}
