import { z } from 'zod';
import { uniqueArray } from '../validation';
import { ROLES } from '../users/roles';

// Site-wide policy that administrators keep: the contract between server and web app.

export const SecuritySettings = z.object({
  /** The roles that must use two-factor authentication. */
  mfaRequiredRoles: uniqueArray(z.enum(ROLES), { what: 'role', max: ROLES.length }),
}).meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** The bounds an administrator may set the personal-data retention ages within, in days. */
export const RETENTION_LIMITS = { reviewDays: { min: 1, max: 365 }, removalDays: { min: 1, max: 3650 } } as const;

const days = (what: string, { min, max }: { min: number; max: number }) =>
  z.number({ message: `Enter the ${what} as a number of days, like 31` })
    .int(`Enter the ${what} as a whole number of days, like 31`)
    .min(min, `The ${what} must be at least ${min} day`)
    .max(max, `The ${what} must be ${max} days or fewer`);

/**
 * How long names and details recorded in the occurrence log are kept: flagged for a supervisor's
 * review after `reviewDays`, removed after `removalDays` (unless evidence or a request holds them).
 */
export const RetentionSettings = z.object({
  reviewDays: days('review age', RETENTION_LIMITS.reviewDays),
  removalDays: days('removal age', RETENTION_LIMITS.removalDays),
}).refine((v) => v.removalDays >= v.reviewDays, { message: 'The removal age must be the same as the review age or longer', path: ['removalDays'] })
  .meta({ id: 'RetentionSettings' });
export type RetentionSettings = z.infer<typeof RetentionSettings>;
