import { z } from 'zod';

// People, organisations, teams and roles: the contract between server and web app.

const instant = z.string().meta({ format: 'date-time' });

export const User = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), email: z.string().nullable(), roles: z.array(z.string()),
  organisation: z.object({ id: z.uuid(), name: z.string() }), team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  isActive: z.boolean(), mfaEnabled: z.boolean(), lastSignInAt: instant.nullable(), lockedUntil: instant.nullable(), createdAt: instant,
}).meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const CreatedUser = z.object({ user: User, oneTimePassword: z.string() }).meta({ id: 'CreatedUser' });
export const OneTimePassword = z.object({ oneTimePassword: z.string() }).meta({ id: 'OneTimePassword' });

export const Organisation = z.object({ id: z.uuid(), name: z.string(), kind: z.string(), isExternal: z.boolean() }).meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;
export const Team = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;
export const RoleInfo = z.object({ role: z.string(), name: z.string(), description: z.string(), external: z.boolean(), permissions: z.array(z.string()) }).meta({ id: 'RoleInfo' });
export type RoleInfo = z.infer<typeof RoleInfo>;

export const USER_STATUSES = { active: 'Active', inactive: 'Deactivated', all: 'All' } as const;
