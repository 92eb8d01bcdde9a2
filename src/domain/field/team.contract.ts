import { z } from 'zod';
import { instant } from '../primitives';

// The team leader's view (field.lead): who is out and where they were last, notices issued today by
// officer, each handheld's sync backlog, and the day's figures (London day).

/** A device not heard from in this long is flagged: its queue may be growing unseen. */
export const STALE_DEVICE_MINUTES = 60;
export const isStaleDevice = (lastSeenAt: Date | null, now: Date): boolean => !lastSeenAt || now.getTime() - lastSeenAt.getTime() > STALE_DEVICE_MINUTES * 60_000;

const person = z.object({ id: z.uuid(), name: z.string() });
const counts = { pcn: z.number().int(), fpn: z.number().int(), defect: z.number().int(), asb: z.number().int(), inspection: z.number().int() };

export const TeamView = z.object({
  serverTime: instant, day: z.string().describe('The London day of the figures'),
  onPatrol: z.array(z.object({
    patrolId: z.uuid(), officer: person, beat: z.string(), task: z.string(), startedAt: instant, expectedEndAt: instant.nullable(),
    lastPoint: z.object({ lat: z.number(), lon: z.number(), at: instant }).nullable(),
  })),
  noticesToday: z.array(z.object({ officer: person, ...counts, total: z.number().int() })),
  devices: z.array(z.object({ id: z.uuid(), name: z.string(), officer: person, queued: z.number().int(), lastSeenAt: instant.nullable(), stale: z.boolean() })),
  figures: z.object({ patrols: z.number().int(), patrolMinutes: z.number().int(), ...counts }),
}).meta({ id: 'FieldTeamView' });
export type TeamView = z.infer<typeof TeamView>;
