import { z } from 'zod';
import { changesSomething, line, uniqueArray } from '../validation';
import { ROLES } from './roles';
import { codesOf } from '../labels';

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


// ---- What the API takes ----

export const USER_STATUSES = { active: 'Active', inactive: 'Deactivated', all: 'All' } as const;

export const RoleCode = z.enum(ROLES, { message: 'Choose a role from the list' });
const email = z.string().trim().email('Enter an email address like name@council.gov.uk').max(254).or(z.literal('')).transform((v) => v || null).nullable().optional();
const teamId = z.uuid().or(z.literal('')).transform((v) => v || null).nullable().optional();
const roles = uniqueArray(RoleCode, { what: 'role', max: ROLES.length }).min(1, 'Choose at least one role');

export const UserListQuery = z.object({
  q: line().trim().max(100).optional(),
  role: RoleCode.optional(),
  status: codesOf(USER_STATUSES).default('active'),
  organisationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreateUser = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Use 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit'),
  displayName: line().trim().min(1, 'Enter the person’s name').max(120),
  email,
  organisationId: z.uuid('Choose an organisation'),
  teamId,
  roles,
}).meta({ id: 'CreateUser' });

export const UpdateUser = changesSomething(z.object({
  displayName: line().trim().min(1, 'Enter the person’s name').max(120).optional(),
  email,
  organisationId: z.uuid('Choose an organisation').optional(),
  teamId,
  roles: roles.optional(),
})).meta({ id: 'UpdateUser' });

export const IdParam = z.object({ id: z.uuid({ message: 'The id in the address is not an id' }).meta({ param: { name: 'id', in: 'path' } }) });
