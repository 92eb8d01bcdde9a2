import type { ClockKind } from '../deadlines/clocks';

// The kinds of request, their statuses and which status may follow which. Pure: the server checks
// a change against these before it writes, and the web app offers only the changes they allow.

export const REQUEST_TYPES = {
  agency_footage: 'Footage request: police or agency',
  third_party_footage: 'Footage request: insurer, solicitor or public',
  sar: 'Subject access request',
  foi: 'Freedom of Information request',
  complaint: 'Complaint',
  enquiry: 'Member’s enquiry',
  viewing: 'Viewing appointment',
} as const;
export type RequestType = keyof typeof REQUEST_TYPES;

/** Short names for tables and filters. */
export const REQUEST_TYPE_SHORT: Record<RequestType, string> = {
  agency_footage: 'Agency footage', third_party_footage: 'Third-party footage', sar: 'SAR', foi: 'FOI', complaint: 'Complaint', enquiry: 'Member’s enquiry', viewing: 'Viewing',
};

export const CHANNELS = { email: 'E-mail', web_form: 'Web form', post: 'Post', phone: 'Telephone', in_person: 'In person', portal: 'Vigil (partner portal)' } as const;
export type Channel = keyof typeof CHANNELS;

/** Why the clock stops (UK GDPR Art 12A; FOI Act s.1(3), s.9). */
export const PAUSE_REASONS = { identity: 'Awaiting proof of identity', clarification: 'Awaiting clarification', fee: 'Awaiting a fee' } as const;
export type PauseReason = keyof typeof PAUSE_REASONS;

export const STATUSES = {
  received: 'Received',
  awaiting_identity: 'Awaiting identity',
  awaiting_clarification: 'Awaiting clarification',
  awaiting_fee: 'Awaiting fee',
  in_progress: 'In progress',
  searching: 'Searching footage',
  awaiting_redaction: 'Awaiting redaction',
  awaiting_decision: 'Awaiting decision',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  booked: 'Booked',
  responded: 'Responded',
  disclosed: 'Disclosed',
  partly_disclosed: 'Partly disclosed',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  viewed: 'Viewed',
  cancelled: 'Cancelled',
  no_show: 'Did not attend',
  closed: 'Closed',
} as const;
export type Status = keyof typeof STATUSES;

/** The status a pause puts a request in, and back. */
export const PAUSE_STATUS: Record<PauseReason, Status> = { identity: 'awaiting_identity', clarification: 'awaiting_clarification', fee: 'awaiting_fee' };
export const isPausedStatus = (s: string) => s === 'awaiting_identity' || s === 'awaiting_clarification' || s === 'awaiting_fee';

/** The statuses that end a request (its clock with it). */
export const CLOSED_STATUSES: readonly Status[] = ['responded', 'disclosed', 'partly_disclosed', 'refused', 'withdrawn', 'viewed', 'cancelled', 'no_show', 'closed'];
export const isClosedStatus = (s: string) => (CLOSED_STATUSES as readonly string[]).includes(s);

interface TypeFlow {
  /** Working statuses a person may move the request to, in the order of the work. */
  working: readonly Status[];
  /** Statuses that close it. */
  closing: readonly Status[];
  /** Which pauses this kind may take. */
  pauses: readonly PauseReason[];
  clock: ClockKind;
  /** Can the clock be extended (SAR: two months; FOI: public-interest test). */
  extendable: boolean;
}

export const FLOWS: Record<RequestType, TypeFlow> = {
  agency_footage: { working: ['received', 'searching', 'awaiting_decision'], closing: ['disclosed', 'partly_disclosed', 'refused', 'withdrawn'], pauses: ['clarification'], clock: 'agency_footage', extendable: false },
  third_party_footage: { working: ['received', 'searching', 'awaiting_decision'], closing: ['disclosed', 'partly_disclosed', 'refused', 'withdrawn'], pauses: ['identity', 'clarification', 'fee'], clock: 'third_party_footage', extendable: false },
  sar: { working: ['received', 'searching', 'awaiting_redaction', 'in_progress'], closing: ['responded', 'refused', 'withdrawn'], pauses: ['identity', 'clarification', 'fee'], clock: 'sar', extendable: true },
  foi: { working: ['received', 'in_progress'], closing: ['responded', 'refused', 'withdrawn'], pauses: ['clarification', 'fee'], clock: 'foi', extendable: true },
  complaint: { working: ['received', 'acknowledged', 'investigating'], closing: ['responded', 'withdrawn', 'closed'], pauses: [], clock: 'complaint', extendable: false },
  enquiry: { working: ['received', 'in_progress'], closing: ['responded', 'withdrawn'], pauses: [], clock: 'enquiry', extendable: false },
  viewing: { working: ['received', 'booked'], closing: ['viewed', 'cancelled', 'no_show'], pauses: [], clock: 'viewing', extendable: false },
};

/** Why a request of this type, now in `from`, may not move to `to`; undefined when it may. */
export function statusChangeProblem({ type, from, to }: { type: RequestType; from: string; to: string }): string | undefined {
  const flow = FLOWS[type];
  if (isClosedStatus(from)) return 'This request is closed: reopen it first';
  if (isPausedStatus(from)) return 'The clock is stopped: record what arrived (restart the clock) first';
  if (from === to) return `It is already ${STATUSES[to as Status]?.toLowerCase() ?? to}`;
  if (![...flow.working, ...flow.closing].includes(to as Status)) return `A ${REQUEST_TYPE_SHORT[type]} cannot be ${STATUSES[to as Status]?.toLowerCase() ?? to}`;
  return undefined;
}

/** The statuses offered from `from`. */
export function nextStatuses({ type, from }: { type: RequestType; from: string }): Status[] {
  return [...FLOWS[type].working, ...FLOWS[type].closing].filter((to) => !statusChangeProblem({ type, from, to }));
}
