import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text } from '../validation';
import { isValidDay, londonDay } from '../calendar/london';
import { instant, PersonRef } from '../primitives';

// Connectivity lines (issue 11): the contract between server and web app, and the pure decisions
// about them — when a line's contract end is flagged, and what a line's fault does to a camera.

export const LINE_KINDS = { fibre: 'Fibre', '4g': '4G', radio: 'Radio', copper: 'Copper' } as const;
export const LineKind = codesOf(LINE_KINDS, 'Choose the kind of line: fibre, 4G, radio or copper');
export type LineKind = z.infer<typeof LineKind>;

/** A contract end is flagged this many days ahead (and once it has passed). */
export const CONTRACT_END_NOTICE_DAYS = 90;

export const CONTRACT_END_STATUSES = { ended: 'Contract ended', ending_soon: 'Ending within 90 days', current: 'Current', none: 'No end date' } as const;
export const ContractEndStatus = codesOf(CONTRACT_END_STATUSES);
export type ContractEndStatus = z.infer<typeof ContractEndStatus>;

// ---- Days (YYYY-MM-DD London calendar days; their arithmetic needs no time zone) ----

const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const addDays = (d: string, n: number) => new Date(toUtc(d) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

/** The last contract end day flagged at `now`: 90 days after today in London. The list's "ending soon" filter is ends on or before it. */
export const endingSoonUntil = (now: Date): string => addDays(londonDay(now), CONTRACT_END_NOTICE_DAYS);

/**
 * Where a line's contract stands at `now`: ended once its end day has passed in London, ending
 * soon from 90 days before it (the end day itself included), with the London days left.
 */
export function contractEndFlag({ endsOn, now }: { endsOn: string | null; now: Date }): { status: ContractEndStatus; daysLeft: number | null } {
  if (!endsOn) return { status: 'none', daysLeft: null };
  const today = londonDay(now);
  const daysLeft = daysBetween(today, endsOn);
  if (daysLeft < 0) return { status: 'ended', daysLeft };
  return { status: daysLeft <= CONTRACT_END_NOTICE_DAYS ? 'ending_soon' : 'current', daysLeft };
}

/** Whether the contract end wants attention: ending within 90 days, or already ended. */
export const isContractEndFlagged = (status: ContractEndStatus) => status === 'ending_soon' || status === 'ended';

// ---- A line's fault and its cameras ----

type CameraStatusCode = 'operational' | 'degraded' | 'faulty' | 'out_of_service' | 'decommissioned';

/** The register's reason when a line's fault marks a camera. */
export const lineFaultReason = (circuitId: string) => `line fault: ${circuitId}`;
export const lineFaultClearedReason = (circuitId: string) => `line fault cleared: ${circuitId}`;

/**
 * What a line's fault does to a camera it serves: an operational or degraded camera becomes faulty;
 * one already faulty, out of service or decommissioned is left as it is (and so is not returned to
 * operational when the fault clears).
 */
export const markedByLineFault = (status: CameraStatusCode): boolean => status === 'operational' || status === 'degraded';

/**
 * When the line's fault clears (or the camera is unlinked from the faulty line), a camera the fault
 * marked returns to operational, unless a fault of its own is still open, or it is no longer faulty
 * (someone changed it in the register meanwhile: their change stands).
 */
export const restoredAfterLineFault = ({ status, openFaults }: { status: CameraStatusCode; openFaults: number }): boolean =>
  status === 'faulty' && openFaults === 0;

// ---- The contract ----

const optionalDay = z.string().refine(isValidDay, 'Enter the contract end date as YYYY-MM-DD').nullable().optional();
const LineFields = z.object({
  reference: line().trim().min(1, 'Enter the line’s reference (as the camera register names it)').max(100, 'Keep the reference to 100 characters or fewer'),
  provider: line().trim().min(1, 'Enter the provider').max(200, 'Keep the provider to 200 characters or fewer'),
  kind: LineKind,
  circuitId: line().trim().min(1, 'Enter the circuit id').max(100, 'Keep the circuit id to 100 characters or fewer'),
  monthlyCostPence: z.number({ message: 'Enter the monthly cost in pence as a whole number' }).int('Enter the monthly cost in pence as a whole number')
    .min(0, 'The monthly cost cannot be negative').max(100_000_000, 'The monthly cost must be at most £1,000,000'),
  contractEndsOn: optionalDay,
  notes: text().trim().max(2000, 'Keep the notes to 2000 characters or fewer').optional(),
});

export const CreateLine = LineFields.extend({ monthlyCostPence: LineFields.shape.monthlyCostPence.default(0) }).meta({ id: 'CreateConnectivityLine' });
export type CreateLine = z.output<typeof CreateLine>;

export const UpdateLine = LineFields.partial().extend({
  version: z.number({ message: 'Send the version you are changing (from the line as you read it)' }).int().min(1),
}).refine(({ version: _v, ...fields }) => Object.values(fields).some((v) => v !== undefined), { message: 'Change at least one field' })
  .meta({ id: 'UpdateConnectivityLine' });
export type UpdateLine = z.output<typeof UpdateLine>;

export const LINE_SORT_FIELDS = ['reference', 'provider', 'kind', 'monthly_cost', 'contract_ends_on'] as const;
type LineSortField = (typeof LINE_SORT_FIELDS)[number];
export const LineSort = z.enum(LINE_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const) as [`${LineSortField}_${'asc' | 'desc'}`, ...`${LineSortField}_${'asc' | 'desc'}`[]]);
export type LineSort = z.infer<typeof LineSort>;

/** The list's filters, as the query string carries them. `endingSoon`: contracts ended or ending within 90 days. */
export const LinesQuery = z.object({
  q: line().trim().max(100).optional().describe('Part of the reference, circuit id or provider'),
  kind: LineKind.optional(),
  provider: line().trim().max(200).optional().describe('The provider, whatever its case'),
  endingSoon: z.enum(['true', 'false'], 'Give true or false').transform((v) => v === 'true').optional()
    .describe('true: only lines whose contract has ended or ends within 90 days (London days)'),
  faulty: z.enum(['true', 'false'], 'Give true or false').transform((v) => v === 'true').optional().describe('true: only lines with an open fault'),
  sort: LineSort.default('reference_asc'),
});
export type LinesQuery = z.output<typeof LinesQuery>;

export const LineFault = z.object({
  id: z.uuid(), raisedAt: instant, raisedBy: PersonRef.nullable(), note: z.string(),
  clearedAt: instant.nullable(), clearedBy: PersonRef.nullable(), clearNote: z.string().nullable(),
}).meta({ id: 'ConnectivityLineFault' });

export const Line = z.object({
  id: z.uuid(), reference: z.string(), provider: z.string(), kind: LineKind, circuitId: z.string(), monthlyCostPence: z.number().int(),
  /** YYYY-MM-DD */
  contractEndsOn: z.string().nullable(),
  contractEnd: z.object({ status: ContractEndStatus, daysLeft: z.number().int().nullable() }),
  notes: z.string(), version: z.number().int(), cameraCount: z.number().int(),
  /** The open fault, if any. */
  fault: LineFault.nullable(),
}).meta({ id: 'ConnectivityLine' });
export type Line = z.infer<typeof Line>;

export const LineList = z.object({ items: z.array(Line) }).meta({ id: 'ConnectivityLineList' });

export const LineCamera = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(),
  status: z.enum(['operational', 'degraded', 'faulty', 'out_of_service', 'decommissioned']), linkedAt: instant,
}).meta({ id: 'ConnectivityLineCamera' });

export const LineDetail = Line.extend({
  cameras: z.array(LineCamera),
  /** Every fault of the line, newest first. */
  faults: z.array(LineFault),
  /** Cameras linked when the line was created, matched by the register's connectivity line (only in the reply to a create). */
  matchedCameras: z.array(z.object({ id: z.uuid(), reference: z.string() })).optional(),
}).meta({ id: 'ConnectivityLineDetail' });
export type LineDetail = z.infer<typeof LineDetail>;

export const LinkCamera = z.object({ cameraId: z.uuid({ message: 'Choose a camera from the register' }) }).meta({ id: 'LinkConnectivityLineCamera' });

export const RaiseLineFault = z.object({
  note: text().trim().min(3, 'Say what is wrong with the line (3 characters or more)').max(2000, 'Keep the note to 2000 characters or fewer'),
}).meta({ id: 'RaiseConnectivityLineFault' });
export const ClearLineFault = z.object({
  note: text().trim().max(2000, 'Keep the note to 2000 characters or fewer').optional(),
}).meta({ id: 'ClearConnectivityLineFault' });

/** What raising or clearing a line's fault did to the register: the cameras it changed, and those it left (with why). */
export const LineFaultOutcome = z.object({
  fault: LineFault,
  changed: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.string() })),
  leftAsTheyWere: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.string(), why: z.string() })),
}).meta({ id: 'ConnectivityLineFaultOutcome' });
export type LineFaultOutcome = z.infer<typeof LineFaultOutcome>;
