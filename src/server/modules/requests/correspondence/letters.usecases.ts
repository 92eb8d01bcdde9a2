import type { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit } from '../../../platform/audit/audit';
import { createMailer } from '../../../platform/mail';
import { formatUkDay } from '../../../../domain/calendar/london';
import { requestClock } from '../../../../domain/requests/clock';
import type { GenerateLetter, LetterTemplateInput, LetterTemplateView } from '../../../../domain/requests/correspondence';
import {
  DEFAULT_LETTERS, LETTER_KEYS, LETTER_NAMES, REQUEST_KIND_IN_LETTERS, WHAT_WE_NEED, renderLetter, rightToComplain, templateProblems,
  type LetterKey, type LetterValues,
} from '../../../../domain/requests/letters';
import type { PauseReason, RequestType } from '../../../../domain/requests/workflow';
import * as registerRepo from '../register/register.repository';
import { clockCaseOf, type ViewContext } from '../register/register.views';
import { step, type Actor } from '../register/register.usecases';
import * as repo from './correspondence.repository';
import * as errors from './correspondence.errors';
import { toItem } from './correspondence.usecases';
import { letterPdf } from './letter.pdf';

// Letters from templates: administrators keep the wording (a new version each time they save; the
// latest is used, the shipped wording until they save one); officers generate a letter for a
// request, kept as a PDF in the object store and recorded as correspondence sent, and e-mailed to
// the requester if asked.

export async function listTemplates(deps: Deps): Promise<LetterTemplateView[]> {
  const saved = await repo.latestTemplates(deps.db);
  return LETTER_KEYS.map((key) => {
    const row = saved.find((r) => r.key === key);
    return {
      key, name: LETTER_NAMES[key], version: row?.version ?? 0, subject: row?.subject ?? DEFAULT_LETTERS[key].subject, body: row?.body ?? DEFAULT_LETTERS[key].body,
      updatedAt: row ? new Date(row.created_at).toISOString() : null, updatedBy: row?.by_name ?? null, defaults: DEFAULT_LETTERS[key],
    };
  });
}

export async function saveTemplate(deps: Deps, { actor, key, input }: { actor: Actor; key: LetterKey; input: z.output<typeof LetterTemplateInput> }) {
  const problems = templateProblems(input);
  if (problems.length) throw errors.badTemplate(problems);
  const version = await deps.db.transaction().execute(async (trx) => {
    const v = await repo.insertTemplateVersion(trx, { key, subject: input.subject, body: input.body, by: actor.userId });
    await recordAudit(trx, actor.audit, { action: 'request.letter-template-saved', recordType: 'letter_template', recordId: key, details: { key, version: v } });
    return v;
  });
  return (await listTemplates(deps)).find((t) => t.key === key && t.version === version)!;
}

async function templateFor(db: Db, key: LetterKey) {
  const row = await repo.latestTemplate(db, key);
  return row ? { version: row.version, subject: row.subject, body: row.body } : { version: 0, ...DEFAULT_LETTERS[key] };
}

/** What a letter's placeholders become for this request today. */
async function valuesFor(db: Db, { row, ctx, officerName, councilName }: { row: registerRepo.RequestRow; ctx: ViewContext; officerName: string; councilName: string }): Promise<LetterValues> {
  const pauses = await registerRepo.listPauses(db, row.id);
  const base = { ...clockCaseOf(row, pauses), closed: false };
  const due = requestClock({ ...base, extended: false }, ctx).due;
  const extendedDue = row.extended ? requestClock(base, ctx).due : null;
  const type = row.type as RequestType;
  const reason = (pauses.find((p) => p.to === null) ?? pauses.at(-1))?.reason as PauseReason | undefined;
  return {
    reference: row.reference, requesterName: row.requester_name, receivedOn: formatUkDay(row.received_on), dueOn: formatUkDay(due ?? undefined),
    extendedDueOn: formatUkDay(extendedDue ?? undefined), extensionReason: row.extension_reason, officerName, councilName, today: formatUkDay(ctx.today),
    requestKind: REQUEST_KIND_IN_LETTERS[type], summary: row.summary, whatWeNeed: WHAT_WE_NEED[reason ?? (type === 'sar' ? 'identity' : 'clarification')],
    rightToComplain: rightToComplain(type, { councilName }),
  };
}

export async function generateLetter(deps: Deps, { actor, id, input }: { actor: Actor; id: string; input: z.output<typeof GenerateLetter> }) {
  let made: { itemId: string; pdf: Buffer; subject: string; body: string; to: string; reference: string } | undefined;
  await step(deps, { actor, id }, async (trx, row, ctx) => {
    if (input.letter === 'extension' && !row.extended) throw errors.letterRefused('This request has not been extended: extend it first, then write the extension letter.');
    if (input.send === 'email' && !row.requester_email) throw errors.letterRefused('The requester has no e-mail address: download the letter and post it, or add their address.');
    const officer = await trx.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
    const template = await templateFor(trx, input.letter);
    const values = await valuesFor(trx, { row, ctx, officerName: row.owner_name ?? officer?.display_name ?? '', councilName: deps.config.council.name });
    const letter = renderLetter(template, values);
    const pdf = await letterPdf({ councilName: deps.config.council.name, reference: row.reference, ...letter });
    const stored = await deps.storage.put(pdf);
    const name = `${row.reference}-${input.letter}.pdf`;
    const itemId = await repo.insertCorrespondence(trx, {
      request_id: id, direction: 'out', channel: input.send === 'email' ? 'email' : 'post', letter: input.letter, template_version: template.version,
      subject: letter.subject, body: letter.body, counterpart: row.requester_email && input.send === 'email' ? `${row.requester_name} <${row.requester_email}>` : row.requester_name,
      attachments: [{ sha256: stored.sha256, name, type: 'application/pdf', size: stored.size }], email_state: input.send === 'email' ? 'queued' : null,
      at: deps.clock.now(), by_user_id: actor.userId,
    });
    made = { itemId, pdf, ...letter, to: row.requester_email, reference: row.reference };
    return { kind: 'correspondence', details: { correspondenceId: itemId, direction: 'out', letter: input.letter, templateVersion: template.version, send: input.send, sha256: stored.sha256 } };
  });
  const m = made!;
  if (input.send === 'email') {
    // After the commit: the letter is kept whatever the relay does, and how it fared is recorded.
    const mailer = deps.mail ?? createMailer({ config: deps.config.mail, log: deps.log });
    try {
      await mailer.send({ to: [m.to], subject: m.subject, text: m.body, attachments: [{ filename: `${m.reference}.pdf`, content: m.pdf, contentType: 'application/pdf' }] });
      await repo.setEmailState(deps.db, m.itemId, 'sent', null);
    } catch (e) {
      deps.log.warn({ err: e, correspondenceId: m.itemId }, 'a letter could not be e-mailed');
      await repo.setEmailState(deps.db, m.itemId, 'failed', e instanceof Error ? e.message.slice(0, 500) : 'the mail relay refused it');
    } finally {
      if (!deps.mail) mailer.close();
    }
  }
  return toItem((await repo.findCorrespondence(deps.db, id, m.itemId))!);
}
