import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { JobDefinition } from '../../../platform/jobs/jobs';
import { createMailer, type Mail, type Mailer } from '../../../platform/mail';
import { formatDateTime } from '../../../../domain/calendar/london';
import { PRIORITIES } from '../../../../domain/maintenance/contract';
import type { FaultClock } from '../../../../domain/maintenance/faultSla';
import { labelOf } from '../../../../domain/labels';
import * as repo from './faults.repository';
import { loadSlaContext, slaOf } from './faults.views';

// The SLA's warning at 75% of the time and its breach, each e-mailed once per fault and clock to the
// council's coordinators and the contractor's people: a notice row (fault, clock, kind, deadline) is
// claimed in the same transaction as the send, so a second run finds it taken and a failed send
// leaves it to the next run. A deadline moved by a clock stop is a new deadline, with notices of its own.

export type Notice = { fault: repo.FaultRow; clock: 'response' | 'fix'; kind: 'warning' | 'breach'; sla: FaultClock };

/** The notices due at `now` for the open faults' clocks: a warning once 75% is used, a breach once past the deadline. */
export function noticesDue(items: { fault: repo.FaultRow; response: FaultClock | null; fix: FaultClock | null }[]): Notice[] {
  const due: Notice[] = [];
  for (const { fault, response, fix } of items) {
    for (const [clock, sla] of [['response', response], ['fix', fix]] as const) {
      if (!sla || !sla.deadline) continue;
      if (sla.outcome === 'breached') due.push({ fault, clock, kind: 'breach', sla });
      else if (sla.outcome === 'warning') due.push({ fault, clock, kind: 'warning', sla });
    }
  }
  return due;
}

export function noticeMail({ fault, clock, kind, sla }: Notice, publicUrl: string): Omit<Mail, 'to'> {
  const what = clock === 'response' ? 'response' : 'fix';
  const due = formatDateTime(sla.deadline!);
  const priority = fault.priority ? labelOf(PRIORITIES, fault.priority) : '';
  return {
    subject: kind === 'breach'
      ? `SLA breached: ${fault.reference} ${what} was due ${due} (${fault.target_reference})`
      : `SLA at risk: ${fault.reference} ${what} due ${due} (${fault.target_reference})`,
    text: [
      kind === 'breach'
        ? `The ${what} to fault ${fault.reference} was due by ${due} under contract ${fault.contract_reference} and has not been made.`
        : `75% of the ${what} time for fault ${fault.reference} under contract ${fault.contract_reference} is used: it is due by ${due}.`,
      '',
      `Priority: ${priority}`,
      `On: ${fault.target_reference} (${fault.target_name})`,
      `Fault: ${fault.description}`,
      `Raised: ${formatDateTime(fault.raised_at)}`,
      '',
      `${publicUrl}/maintenance/faults/${fault.id}`,
      '',
      'You receive this because you are a CCTV coordinator, or work for the contractor, in Vigil. It is sent once for this deadline.',
    ].join('\n'),
  };
}

export async function sendSlaNotices(deps: Deps, { mailer }: { mailer: Mailer }) {
  const now = deps.clock.now();
  const open = await repo.allFaults(deps.db, { where: repo.faultConditions({ state: 'open' }), sort: 'raised_at_asc' });
  const withTerms = open.filter((f) => f.contract_id && f.priority);
  const [events, ctx] = await Promise.all([repo.listEvents(deps.db, withTerms.map((f) => f.id)), loadSlaContext(deps.db, withTerms.map((f) => f.contract_id))]);
  const byFault = new Map<string, repo.EventRow[]>();
  for (const e of events) byFault.set(e.fault_id, [...(byFault.get(e.fault_id) ?? []), e]);
  const due = noticesDue(withTerms.map((fault) => ({ fault, ...slaOf(fault, byFault.get(fault.id) ?? [], ctx, now) })));
  let sent = 0;
  let failed = 0;
  for (const n of due) {
    try {
      const done = await deps.db.transaction().execute(async (trx) => {
        if (!(await repo.claimNotice(trx, { faultId: n.fault.id, clock: n.clock, kind: n.kind, dueAt: n.sla.deadline!, at: now }))) return false;
        const contract = await repo.findContract(trx, n.fault.contract_id!);
        const to = await repo.recipientsFor(trx, contract!.contractor_organisation_id);
        if (!to.length) throw new Error('no coordinator or contractor has an e-mail address');
        await mailer.send({ to, ...noticeMail(n, deps.config.publicUrl) });
        return true;
      });
      if (done) sent += 1;
    } catch (err) {
      failed += 1;
      deps.log.warn({ err, fault: n.fault.reference, clock: n.clock, kind: n.kind }, 'SLA notice not sent: tried again on the next run');
    }
  }
  return { open: open.length, due: due.length, sent, failed };
}

/** Every minute: the SLA warnings and breaches, once each. */
export const slaNoticesJob: JobDefinition = {
  name: 'maintenance.sla-notices',
  version: 1,
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  retryLimit: 0,
  async handler(deps) {
    const mailer = deps.mail ?? createMailer({ config: deps.config.mail, log: deps.log });
    try {
      const r = await sendSlaNotices(deps, { mailer });
      if (r.sent + r.failed > 0) deps.log.info(r, 'SLA notices');
      return r.sent + r.failed > 0 ? 'done' : 'skipped';
    } finally {
      if (!deps.mail) mailer.close();
    }
  },
};
