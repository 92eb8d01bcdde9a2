import { z } from 'zod';
import { line, text } from '../validation';
import { sha256Hex } from '../primitives';

// A witness statement in the MG11 style (CJA 1967 s.9, CrimPR 16.2 and 16.3): the producer's own
// account of what they did with each exhibit, drafted by Vigil from the continuity record and edited
// by them in the app before it is final. Shared by the server (which drafts and prints it) and the
// web app (which edits it).

/**
 * The declaration CrimPR 16.2 requires at the start, in our own words: true to the best of the
 * witness's knowledge and belief, made knowing that a wilfully false statement is an offence.
 */
export const STATEMENT_DECLARATION =
  'This statement is true to the best of my knowledge and belief. I make it knowing that, if it is tendered in evidence, ' +
  'I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true.';

const sha256 = sha256Hex;

export const StatementExhibit = z.object({
  reference: line().trim().min(1, 'Enter the exhibit reference').max(40),
  description: text().trim().min(1, 'Describe the exhibit').max(2000, 'Keep the description to 2000 characters or fewer'),
  /** The SHA-256 of each file the exhibit is (its masters, then its working copies), so the statement identifies it beyond doubt. */
  sha256s: z.array(sha256).max(200),
});

export const WitnessStatementBody = z.object({
  /** The police Unique Reference Number, when the officer in the case has given one. */
  urn: line().trim().max(40, 'Keep the URN to 40 characters or fewer').default(''),
  name: line().trim().min(2, 'Enter your full name').max(200),
  /** "Over 18" for an adult: CrimPR 16.2 asks for the age only if under 18. */
  age: line().trim().min(1, 'Enter "Over 18" or your age').max(20).default('Over 18'),
  occupation: line().trim().min(2, 'Enter your occupation').max(200),
  employer: line().trim().max(200).default(''),
  /** The account in the first person, one paragraph each. */
  narrative: z.array(text().trim().min(1, 'A paragraph cannot be empty').max(10_000, 'Keep each paragraph to 10,000 characters or fewer'))
    .min(1, 'Write your account').max(200),
  exhibits: z.array(StatementExhibit).max(200),
  declaration: text().trim().min(20, 'Keep the declaration').max(2000).default(STATEMENT_DECLARATION),
  /** When the witness signed it (ISO 8601); none while it is a draft. */
  signedAt: z.iso.datetime({ offset: true }).nullable().default(null),
}).meta({ id: 'WitnessStatementBody' });

export type WitnessStatementBody = z.output<typeof WitnessStatementBody>;
export type StatementExhibit = z.output<typeof StatementExhibit>;

/** A statement as the API answers it: its latest version. */
export const WitnessStatement = z.object({ id: z.uuid(), version: z.number().int(), isFinal: z.boolean(), body: WitnessStatementBody }).meta({ id: 'WitnessStatement' });
