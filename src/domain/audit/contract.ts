import { z } from 'zod';
import { codesOf } from '../labels';

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
