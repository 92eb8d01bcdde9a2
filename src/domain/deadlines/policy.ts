import type { DatedRule } from './rules';

// The clocks a council sets itself: how many working days each stage of a complaint, a member's
// enquiry and a partner's footage request may take. Administrators change them (Settings); each
// version is dated, and a request keeps the version in force on the day it was received.

export interface ComplaintStagePolicy {
  /** "Stage 1", "Stage 2 (review)". */
  name: string;
  /** Working days to acknowledge, counted from the day after the stage began. */
  acknowledgeWorkingDays: number;
  /** Working days to respond, counted from the day after the stage began. */
  respondWorkingDays: number;
}

export interface ClockPolicy {
  complaintStages: ComplaintStagePolicy[];
  enquiryWorkingDays: number;
  /** A footage request from the police or another law-enforcement agency. */
  agencyFootageWorkingDays: number;
  /** A footage request from an insurer, a solicitor or a member of the public. */
  thirdPartyFootageWorkingDays: number;
  /** How soon a viewing should be offered. */
  viewingWorkingDays: number;
}

/** The policy a new council starts with: common practice among English councils. */
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  complaintStages: [
    { name: 'Stage 1', acknowledgeWorkingDays: 3, respondWorkingDays: 10 },
    { name: 'Stage 2 (review)', acknowledgeWorkingDays: 3, respondWorkingDays: 20 },
  ],
  enquiryWorkingDays: 10,
  agencyFootageWorkingDays: 5,
  thirdPartyFootageWorkingDays: 10,
  viewingWorkingDays: 5,
};

export const DEFAULT_POLICY_HISTORY: DatedRule<ClockPolicy>[] = [
  { from: '2000-01-01', to: null, value: DEFAULT_CLOCK_POLICY, source: 'Vigil default; change it in Settings' },
];
