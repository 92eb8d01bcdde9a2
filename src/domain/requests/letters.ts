import type { PauseReason, RequestType } from './workflow';

// Letters to requesters: five templates (acknowledgement, clarification, extension, refusal,
// response) with their default wording for a council's CCTV service, the placeholders they may use,
// and `renderLetter`, which fills them and refuses a placeholder it does not know (so an
// administrator's typo is caught when the template is saved, not when a letter goes out). Pure.

export const LETTER_KEYS = ['acknowledgement', 'clarification', 'extension', 'refusal', 'response'] as const;
export type LetterKey = (typeof LETTER_KEYS)[number];

export const LETTER_NAMES: Record<LetterKey, string> = {
  acknowledgement: 'Acknowledgement',
  clarification: 'Asking for identity, clarification or a fee',
  extension: 'Extension of the time limit',
  refusal: 'Refusal',
  response: 'Response',
};

export const PLACEHOLDERS = {
  reference: 'The request’s reference, REQ-YYYY-NNNNNN',
  requesterName: 'The requester’s name',
  receivedOn: 'The day the request was received (d/m/yyyy)',
  dueOn: 'The day the response is due (d/m/yyyy; before any extension)',
  extendedDueOn: 'The day the response is due after the extension (d/m/yyyy)',
  extensionReason: 'Why the time limit was extended',
  officerName: 'The officer dealing with the request',
  councilName: 'The council’s name',
  today: 'Today (d/m/yyyy)',
  requestKind: 'What kind of request it is, in words (“subject access request”…)',
  summary: 'What was asked for',
  whatWeNeed: 'What the requester is asked for while the clock is stopped (identity, clarification or a fee)',
  rightToComplain: 'The paragraph on where to complain, by kind of request (the ICO for a SAR or FOI request, the Ombudsman for a complaint)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type LetterValues = Record<Placeholder, string>;

export interface LetterTemplate { subject: string; body: string }

const SIGN_OFF = `Yours sincerely,

{{officerName}}
CCTV Service, {{councilName}}`;

export const DEFAULT_LETTERS: Record<LetterKey, LetterTemplate> = {
  acknowledgement: {
    subject: 'Your {{requestKind}}: {{reference}}',
    body: `{{today}}

Dear {{requesterName}},

Thank you for your {{requestKind}}, which we received on {{receivedOn}}. Its reference is {{reference}}: please quote it whenever you contact us about it.

You asked for: {{summary}}

We will respond by {{dueOn}}. If we need anything more from you before we can deal with it, we will write to you.

CCTV recordings are kept for a limited time only. We have marked the recordings you describe so that they are not overwritten while we deal with your request.

${SIGN_OFF}`,
  },
  clarification: {
    subject: 'Your {{requestKind}}: {{reference}} - we need more from you',
    body: `{{today}}

Dear {{requesterName}},

Thank you for your {{requestKind}}, which we received on {{receivedOn}} (reference {{reference}}).

Before we can deal with it we need {{whatWeNeed}}.

The time we have to respond is paused from today until we receive this; it then continues from where it stopped. If we do not hear from you we may close your request, and you may make a new one at any time.

${SIGN_OFF}`,
  },
  extension: {
    subject: 'Your {{requestKind}}: {{reference}} - more time needed',
    body: `{{today}}

Dear {{requesterName}},

We are writing about your {{requestKind}}, received on {{receivedOn}} (reference {{reference}}).

We are not able to respond by {{dueOn}} as planned, because: {{extensionReason}}.

The law allows us more time in these circumstances, and we will now respond by {{extendedDueOn}}. We will respond sooner if we can.

{{rightToComplain}}

${SIGN_OFF}`,
  },
  refusal: {
    subject: 'Your {{requestKind}}: {{reference}} - our decision',
    body: `{{today}}

Dear {{requesterName}},

We have considered your {{requestKind}}, received on {{receivedOn}} (reference {{reference}}).

We are sorry, but we are unable to provide what you asked for. [Give the reason and the exemption relied on.]

{{rightToComplain}}

${SIGN_OFF}`,
  },
  response: {
    subject: 'Your {{requestKind}}: {{reference}} - our response',
    body: `{{today}}

Dear {{requesterName}},

We have now dealt with your {{requestKind}}, received on {{receivedOn}} (reference {{reference}}).

You asked for: {{summary}}

[Describe what is provided, how it is provided and anything withheld or obscured, with the reason.]

{{rightToComplain}}

${SIGN_OFF}`,
  },
};

/** How each kind of request is named in a letter. */
export const REQUEST_KIND_IN_LETTERS: Record<RequestType, string> = {
  agency_footage: 'request for CCTV footage',
  third_party_footage: 'request for CCTV footage',
  sar: 'subject access request',
  foi: 'request under the Freedom of Information Act 2000',
  complaint: 'complaint',
  enquiry: 'enquiry',
  viewing: 'request to view CCTV footage',
};

/** Where the requester may complain, by kind of request (the DUAA 2025 asks SAR responses to say so). */
export function rightToComplain(type: RequestType, { councilName }: { councilName: string }): string {
  if (type === 'sar') {
    return `If you are unhappy with how we have handled your request, please tell us first: ${councilName} has a data protection complaints procedure, and we will acknowledge your complaint within 30 days. You also have the right to complain to the Information Commissioner's Office (ICO), Wycliffe House, Water Lane, Wilmslow SK9 5AF, ico.org.uk, telephone 0303 123 1113.`;
  }
  if (type === 'foi') {
    return `If you are unhappy with how we have handled your request, you may ask for an internal review within 40 working days of this letter. If you remain unhappy after the review, you may complain to the Information Commissioner's Office (ICO), Wycliffe House, Water Lane, Wilmslow SK9 5AF, ico.org.uk.`;
  }
  if (type === 'complaint') {
    return `If you remain unhappy once our complaints procedure is complete, you may ask the Local Government and Social Care Ombudsman to look at your complaint (lgo.org.uk, 0300 061 0614). If your complaint is about your personal data, you may also complain to the Information Commissioner's Office (ico.org.uk).`;
  }
  return `If you are unhappy with how we have handled your request, please contact us quoting the reference above.`;
}

export const WHAT_WE_NEED: Record<PauseReason, string> = {
  identity: 'proof of your identity (for example a copy of your passport or driving licence) and a recent photograph of you, so that we can find you in the recordings and make sure we give your information only to you',
  clarification: 'more detail about what you are asking for: the date, the time (within an hour or so), the place and a description of what you were wearing',
  fee: 'payment of the fee we have told you about, before we can continue',
};

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/** What is wrong with a template (unknown placeholders, stray braces), as messages that say what to fix; empty when fine. */
export function templateProblems(t: LetterTemplate): { path: 'subject' | 'body'; message: string }[] {
  const problems: { path: 'subject' | 'body'; message: string }[] = [];
  for (const path of ['subject', 'body'] as const) {
    const unknown = placeholdersIn(t[path]).filter((p) => !(p in PLACEHOLDERS));
    if (unknown.length) problems.push({ path, message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')}: use one of ${Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`).join(', ')}` });
    else if (/\{\{|\}\}/.test(t[path].replace(TOKEN, ''))) problems.push({ path, message: 'A placeholder is not closed: write it as {{name}}' });
  }
  return problems;
}

export class LetterTemplateError extends Error {
  constructor(readonly problems: { path: 'subject' | 'body'; message: string }[]) { super(problems.map((p) => p.message).join('; ')); }
}

/** The letter with every placeholder filled; throws LetterTemplateError for an unknown one. */
export function renderLetter(template: LetterTemplate, values: Partial<LetterValues>): LetterTemplate {
  const problems = templateProblems(template);
  if (problems.length) throw new LetterTemplateError(problems);
  const fill = (text: string) => text.replace(TOKEN, (_, name: Placeholder) => values[name] ?? '').replace(/\n{3,}/g, '\n\n');
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), body: fill(template.body).trim() };
}
