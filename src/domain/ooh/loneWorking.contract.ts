import { z } from 'zod';
import { dateTime, line, text } from '../validation';
import { instant } from '../primitives';

// The lone-working part of the out-of-hours contract (see contract.ts): sessions, check-ins, the
// escalation ladder and its policy. A worker's own view never shows an escalation or a duress flag.

export const OohStepAction = z.enum(['call_worker', 'call_manager', 'call_police', 'other']);
export const OohLoneWorkingStatus = z.enum(['active', 'escalating', 'ended', 'ended_by_officer']);
export type OohLoneWorkingStatus = z.infer<typeof OohLoneWorkingStatus>;
export const LONE_WORKING_STATUSES: Record<OohLoneWorkingStatus, string> = { active: 'Active', escalating: 'Escalating', ended: 'Ended safely', ended_by_officer: 'Ended by the officer' };
export const OohStepOutcome = z.enum(['answered_safe', 'no_answer', 'note']);
export type OohStepOutcome = z.infer<typeof OohStepOutcome>;
export const STEP_OUTCOMES: Record<OohStepOutcome, string> = { answered_safe: 'Answered and safe', no_answer: 'No answer', note: 'Note only' };

export const OohLadderStep = z.object({
  action: OohStepAction.describe('What the step is: call the worker, their manager, the police'),
  label: line().trim().min(1, 'Enter what the step is called').max(100),
  offsetSeconds: z.number().int().min(0, 'Enter 0 or more seconds').max(24 * 3600, 'Enter at most a day').describe('After the missed check-in\'s deadline'),
  script: text().trim().min(1, 'Enter the script for this step').max(2000).describe('What the officer says and does'),
}).meta({ id: 'OohLadderStep' });

export const OohLoneWorkingPolicy = z.object({
  graceSeconds: z.number().int().min(0).max(3600).describe('Added to each due time before a check-in counts as missed'),
  reminderMinutesBefore: z.number().int().min(0).max(120).describe('How long before a check-in is due the reminder goes (half the interval when shorter)'),
  steps: z.array(OohLadderStep).min(1, 'The ladder needs at least one step').max(10),
}).meta({ id: 'OohLoneWorkingPolicy' });
export type OohLoneWorkingPolicy = z.infer<typeof OohLoneWorkingPolicy>;

export const OohLoneWorkingPolicyVersion = z.object({
  version: z.number().int().describe('0: the built-in default (none saved yet)'),
  createdAt: instant.nullable().describe('When it was saved'),
  policy: OohLoneWorkingPolicy,
}).meta({ id: 'OohLoneWorkingPolicyVersion' });

const optionalCoordinate = (min: number, max: number, what: string) => z.number().min(min, `Enter a ${what} between ${min} and ${max}`).max(max, `Enter a ${what} between ${min} and ${max}`).nullable().default(null);

const sessionFields = {
  location: line().trim().min(1, 'Enter where they are working').max(500),
  latitude: optionalCoordinate(-90, 90, 'latitude'),
  longitude: optionalCoordinate(-180, 180, 'longitude'),
  task: line().trim().min(1, 'Enter what they are doing').max(500),
  expectedEndAt: dateTime({ message: 'Enter when they expect to finish' }),
  intervalMinutes: z.number({ message: 'Enter the check-in interval in minutes' }).int('Enter a whole number of minutes').min(1, 'Enter an interval of 1 to 240 minutes').max(240, 'Enter an interval of 1 to 240 minutes'),
  vehicle: line().trim().max(200).default(''),
  importantInfo: text().trim().max(2000).default('').describe('Important information for responders (risk markers)'),
  managerName: line().trim().max(200).default(''),
  managerPhone: line().trim().max(50).default(''),
};
const duressWord = line().trim().min(3, 'Enter a duress word of at least 3 characters').max(100);

export const OohStartOwnLoneWorking = z.object({
  ...sessionFields,
  phone: line().trim().min(1, 'Enter the phone number the officer can reach you on').max(50),
  duressWord,
}).meta({ id: 'OohStartOwnLoneWorking' });
export type OohStartOwnLoneWorking = z.input<typeof OohStartOwnLoneWorking>;

export const OohStartLoneWorking = z.object({
  ...sessionFields,
  worker: z.object({
    name: line().trim().min(1, 'Enter the worker\'s name').max(200),
    organisation: line().trim().max(200).default(''),
    phone: line().trim().min(1, 'Enter the worker\'s phone number').max(50),
    email: z.email('Enter an e-mail address like name@example.org').max(254).nullable().default(null),
  }),
  duressWord: duressWord.nullable().default(null),
}).meta({ id: 'OohStartLoneWorking' });
export type OohStartLoneWorking = z.input<typeof OohStartLoneWorking>;

export const OohOwnCheckIn = z.object({
  word: line().max(100).default('').describe('The check-in word, if the worker gives one'),
}).meta({ id: 'OohOwnCheckIn' });
export const OohOfficerCheckIn = z.object({ note: text().trim().max(1000).default('').describe('How the worker was reached (a phone call)') }).meta({ id: 'OohOfficerCheckIn' });
export const OohAcknowledgeStep = z.object({
  outcome: OohStepOutcome.describe('answered_safe counts as a check-in and stops the ladder'),
  note: text().trim().max(1000).default(''),
}).meta({ id: 'OohAcknowledgeStep' });
export const OohEndLoneWorking = z.object({ note: text().trim().max(1000).default('') }).meta({ id: 'OohEndLoneWorking' });

export const OohLoneWorkersQuery = z.object({
  state: z.enum(['open', 'ended']).default('open'),
  q: line().trim().max(100).optional(),
  from: dateTime().optional(),
  to: dateTime().optional(),
});

const StepSummary = z.object({
  id: z.uuid(), escalation: z.number().int(), stepIndex: z.number().int(), action: OohStepAction, label: z.string(), script: z.string(),
  dueAt: instant, firedAt: instant, lateMs: z.number().int().describe('How late it fired against its due time'), duress: z.boolean(),
  acknowledgement: z.object({ outcome: OohStepOutcome, note: z.string(), at: instant, by: z.string() }).nullable(),
}).meta({ id: 'OohLadderStepFired' });

export const OohLoneWorkerSummary = z.object({
  id: z.uuid(), reference: z.string(), workerName: z.string(), workerOrganisation: z.string(), workerPhone: z.string(),
  location: z.string(), task: z.string(), status: OohLoneWorkingStatus, startedVia: z.enum(['self', 'officer']),
  startedAt: instant, expectedEndAt: instant, intervalMinutes: z.number().int(),
  lastCheckInAt: instant.nullable(), nextDueAt: instant.nullable(), deadlineAt: instant.nullable().describe('When the awaited check-in counts as missed'),
  overdue: z.boolean().describe('The deadline has passed or the ladder is running'), duress: z.boolean(),
  currentStep: StepSummary.nullable().describe('The latest rung of the escalation under way'),
  endedAt: instant.nullable(),
}).meta({ id: 'OohLoneWorkerSummary' });
export type OohLoneWorkerSummary = z.infer<typeof OohLoneWorkerSummary>;

export const OohLoneWorkerBoard = z.object({
  at: instant.describe('The server\'s time: countdowns are worked out from it'),
  items: z.array(OohLoneWorkerSummary),
}).meta({ id: 'OohLoneWorkerBoard' });
export type OohLoneWorkerBoard = z.infer<typeof OohLoneWorkerBoard>;

export const OohLoneWorkerDetail = OohLoneWorkerSummary.extend({
  at: instant, workerEmail: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(),
  vehicle: z.string(), importantInfo: z.string(), managerName: z.string(), managerPhone: z.string(), hasDuressWord: z.boolean(),
  policyVersion: z.number().int(), endNote: z.string(),
  steps: z.array(StepSummary),
  pendingSteps: z.array(z.object({ stepIndex: z.number().int(), label: z.string(), dueAt: instant })).describe('Rungs still to come, if the worker is not reached'),
  events: z.array(z.object({ kind: z.string(), at: instant, by: z.string().nullable(), details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).describe('What happened: late, via, label, outcome, note, due and deadline times') })),
}).meta({ id: 'OohLoneWorkerDetail' });
export type OohLoneWorkerDetail = z.infer<typeof OohLoneWorkerDetail>;

/** The worker's own view: never an escalation, a step or a duress flag. */
export const OohOwnLoneWorking = z.object({
  id: z.uuid(), reference: z.string(), status: z.enum(['active', 'ended']), location: z.string(), task: z.string(),
  startedAt: instant, expectedEndAt: instant, intervalMinutes: z.number().int(),
  lastCheckInAt: instant.nullable(), nextDueAt: instant.nullable(), endedAt: instant.nullable(),
}).meta({ id: 'OohOwnLoneWorking' });
export type OohOwnLoneWorking = z.infer<typeof OohOwnLoneWorking>;

export const OohOwnLoneWorkingList = z.object({ at: instant, items: z.array(OohOwnLoneWorking) }).meta({ id: 'OohOwnLoneWorkingList' });
export type OohOwnLoneWorkingList = z.infer<typeof OohOwnLoneWorkingList>;
export const OohOwnCheckInReply = z.object({
  at: instant.describe('When the check-in was recorded'), message: z.string(), session: OohOwnLoneWorking,
}).meta({ id: 'OohOwnCheckInReply' });
export type OohOwnCheckInReply = z.infer<typeof OohOwnCheckInReply>;
