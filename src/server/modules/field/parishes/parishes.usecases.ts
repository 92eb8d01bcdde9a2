import type { Deps } from '../../../platform/deps';
import type { AuditActor } from '../../../platform/audit/audit';
import { recordAudit } from '../../../platform/audit/audit';
import { notFound, validationFailed } from '../../../platform/http/errors';
import { londonMonth, monthDays, monthlyBilling } from '../../../../domain/field/parishes';
import type * as k from '../../../../domain/field/parishes.contract';
import * as repo from './parishes.repository';

// Parish and town councils: their contracts (one transaction each, audited) and the monthly report.

export interface Actor { audit: AuditActor; userId: string }
const dayText = (d: unknown) => (d instanceof Date ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : String(d).slice(0, 10));
const contractName = (c: { parish_name: string; label: string }) => (c.label ? `${c.parish_name}: ${c.label}` : c.parish_name);

export const toContract = (c: repo.ContractRow): k.ParishContract => ({
  id: c.id, parishId: c.parish_id, label: c.label, name: contractName(c), hoursPerMonth: c.minutes_per_month / 60, visitsPerMonth: c.visits_per_month,
  validFrom: dayText(c.valid_from), validTo: c.valid_to ? dayText(c.valid_to) : null, notes: c.notes,
});

export async function listParishes(deps: Deps): Promise<{ items: k.Parish[] }> {
  const [parishes, contracts] = await Promise.all([repo.listParishes(deps.db), repo.listContracts(deps.db)]);
  return { items: parishes.map((p) => ({ id: p.id, name: p.name, contact: p.contact, notes: p.notes, contracts: contracts.filter((c) => c.parish_id === p.id).map(toContract) })) };
}

export async function addParish(deps: Deps, { actor, input }: { actor: Actor; input: { name: string; contact: string; notes: string } }) {
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findParishByName(trx, input.name)) throw validationFailed([{ path: 'name', message: 'A parish or town council already has that name' }]);
    const { id } = await repo.insertParish(trx, input);
    await recordAudit(trx, actor.audit, { action: 'field.parish.added', recordType: 'parish', recordId: id, details: { name: input.name } });
    return { id, name: input.name, contact: input.contact, notes: input.notes, contracts: [] };
  });
}

const values = (input: k.SaveParishContract): repo.ContractValues => ({
  label: input.label, minutes_per_month: Math.round(input.hoursPerMonth * 60), visits_per_month: input.visitsPerMonth,
  valid_from: input.validFrom, valid_to: input.validTo, notes: input.notes,
});

export async function addContract(deps: Deps, { actor, input }: { actor: Actor; input: k.SaveParishContract & { parishId: string } }) {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findParish(trx, input.parishId))) throw validationFailed([{ path: 'parishId', message: 'Choose a parish or town council from the list' }]);
    const { id } = await repo.insertContract(trx, { ...values(input), parish_id: input.parishId });
    await recordAudit(trx, actor.audit, { action: 'field.parish_contract.added', recordType: 'parish_contract', recordId: id, details: { ...input } });
    return toContract((await repo.findContract(trx, id))!);
  });
}

export async function saveContract(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: k.SaveParishContract }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.findContract(trx, id);
    if (!before) throw notFound({ what: 'contract' });
    await repo.updateContract(trx, id, { ...values(input), updated_at: deps.clock.now() });
    await recordAudit(trx, actor.audit, { action: 'field.parish_contract.changed', recordType: 'parish_contract', recordId: id, details: { before: toContract(before), after: input } });
    return toContract((await repo.findContract(trx, id))!);
  });
}

/** The billing report: each contract in force in the month, its patrol time, visits and notices beside what it buys. */
export async function monthlyReport(deps: Deps, { month }: { month: string }): Promise<k.ParishReport> {
  const bounds = londonMonth(month);
  const { first, last } = monthDays(month);
  const contracts = await repo.contractsDuring(deps.db, first, last);
  const ids = contracts.map((c) => c.id);
  const [patrols, notices] = await Promise.all([repo.patrolsOn(deps.db, ids, bounds), repo.noticesOn(deps.db, ids, bounds)]);
  const now = deps.clock.now();
  return {
    month, from: bounds.start.toISOString(), to: bounds.end.toISOString(),
    rows: contracts.map((c) => {
      const b = monthlyBilling({
        month, now, terms: { minutesPerMonth: c.minutes_per_month, visitsPerMonth: c.visits_per_month },
        patrols: patrols.filter((p) => p.parish_contract_id === c.id).map((p) => ({ startedAt: new Date(p.started_at), endedAt: p.ended_at ? new Date(p.ended_at) : null })),
        notices: notices.filter((n) => n.parish_contract_id === c.id).map((n) => ({ kind: n.kind, at: new Date(n.at) })),
      });
      return {
        contract: { id: c.id, name: contractName(c), validFrom: dayText(c.valid_from), validTo: c.valid_to ? dayText(c.valid_to) : null },
        patrolMinutes: b.patrolMinutes, visits: b.visits, notices: b.notices, contractedMinutes: b.contractedMinutes, contractedVisits: b.contractedVisits,
        minutesDifference: b.minutesDifference, visitsDifference: b.visitsDifference, hoursPercent: b.hoursPercent,
      };
    }),
  };
}
