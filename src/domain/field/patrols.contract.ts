import { z } from 'zod';
import { dateTime, line } from '../validation';
import { instant, PersonRef } from '../primitives';

// Patrols as the office app shows them: an officer's own (a team leader: the team's), filtered,
// as a list or CSV, and one patrol with its GPS trail, notes (with photos) and notices.

export const PATROL_NOTICE_KINDS = ['pcn', 'fpn', 'defect', 'asb', 'inspection'] as const;
export const PatrolNoticeKind = z.enum(PATROL_NOTICE_KINDS);
export type PatrolNoticeKind = z.infer<typeof PatrolNoticeKind>;
export const PATROL_NOTICE_KIND_LABELS: Record<PatrolNoticeKind, string> = {
  pcn: 'Penalty charge notice', fpn: 'Fixed penalty notice', defect: 'Defect', asb: 'ASB report', inspection: 'Car-park inspection',
};

export const PatrolsQuery = z.object({
  state: z.enum(['any', 'running', 'ended']).default('any'),
  q: line().trim().max(100).optional().describe('Beat or task contains'),
  officerId: z.uuid().optional().describe('A team leader: one officer'),
  from: dateTime().optional(),
  to: dateTime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PatrolsQuery = z.input<typeof PatrolsQuery>;

export const PatrolSummary = z.object({
  id: z.uuid(),
  officer: PersonRef,
  deviceId: z.uuid(),
  beat: z.string(),
  task: z.string(),
  parishContractId: z.uuid().nullable(),
  startedAt: instant,
  expectedEndAt: instant,
  endedAt: instant.nullable(),
  running: z.boolean(),
  loneWorkingSessionId: z.uuid().nullable(),
  lastPoint: z.object({ lat: z.number(), lon: z.number(), at: instant }).nullable(),
  notices: z.number().int(),
  minutes: z.number().int().describe('Patrol time so far, in whole minutes'),
}).meta({ id: 'FieldPatrolSummary' });
export type PatrolSummary = z.infer<typeof PatrolSummary>;
export const PatrolList = z.object({ at: instant, items: z.array(PatrolSummary) }).meta({ id: 'FieldPatrolList' });
export type PatrolList = z.infer<typeof PatrolList>;

export const PatrolDetail = PatrolSummary.extend({
  endNote: z.string(),
  checkInMinutes: z.number().int(),
  trail: z.array(z.object({ at: instant, lat: z.number(), lon: z.number(), accuracyM: z.number().nullable() })),
  notes: z.array(z.object({ id: z.uuid(), at: instant, text: z.string(), point: z.object({ lat: z.number(), lon: z.number() }).nullable(), photoIds: z.array(z.uuid()) })),
  noticeList: z.array(z.object({ kind: PatrolNoticeKind, recordId: z.uuid(), reference: z.string().nullable(), at: instant })),
}).meta({ id: 'FieldPatrolDetail' });
export type PatrolDetail = z.infer<typeof PatrolDetail>;

export const PATROLS_CSV_HEADER = ['officer', 'beat', 'task', 'parish_contract', 'started', 'expected_end', 'ended', 'minutes', 'notices'];
