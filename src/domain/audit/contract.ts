import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line } from '../validation';

// The audit trail as the API answers it. Sequence numbers are strings: the trail outlives 2^53.

export const OUTCOMES = { success: 'Success', failure: 'Failure', denied: 'Denied' } as const;
export const AuditOutcome = codesOf(OUTCOMES);

export const AuditEvent = z.object({
  seq: z.string(), id: z.uuid(), at: z.string().meta({ format: 'date-time' }), actorId: z.uuid().nullable(), actorUsername: z.string().nullable(),
  action: z.string(), recordType: z.string().nullable(), recordId: z.string().nullable(), outcome: AuditOutcome,
  ip: z.string().nullable(), userAgent: z.string().nullable(), details: z.unknown(), hash: z.string(),
}).meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const ChainVerification = z.object({
  ok: z.boolean(), checked: z.number().int(), firstBroken: z.object({ seq: z.string(), reason: z.string() }).optional(),
}).meta({ id: 'ChainVerification' });
export type ChainVerification = z.infer<typeof ChainVerification>;

/** The trail's filters, as the query string carries them. */
export const AuditFilter = z.object({
  from: dateTime().optional().meta({ description: 'From this time (inclusive), ISO 8601' }),
  to: dateTime().optional().meta({ description: 'Before this time, ISO 8601' }),
  actor: line().trim().max(64).optional(),
  action: line().trim().max(100).optional().meta({ description: 'Action, or its start (e.g. `user.`)' }),
  recordType: line().trim().max(50).optional(),
  recordId: line().trim().max(100).optional(),
  outcome: AuditOutcome.optional(),
});
