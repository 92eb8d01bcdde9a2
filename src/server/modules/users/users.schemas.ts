import { z } from '@hono/zod-openapi';
import { ROLES } from '../../platform/auth/permissions';
import { changesSomething, line, uniqueArray } from '../../../domain/validation';

const role = z.enum(ROLES);

export const UserDto = z.object({
  id: z.string().uuid(), username: z.string(), displayName: z.string(), email: z.string().nullable(), roles: z.array(z.string()),
  organisation: z.object({ id: z.string().uuid(), name: z.string() }), team: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  isActive: z.boolean(), mfaEnabled: z.boolean(), lastSignInAt: z.string().nullable(), lockedUntil: z.string().nullable(), createdAt: z.string(),
}).openapi('User');

export const UserListQuery = z.object({
  q: line().trim().max(100).optional(),
  role: role.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  organisationId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreateUser = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Use 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit'),
  displayName: line().trim().min(1, 'Enter the person’s name').max(120),
  email: z.string().trim().email('Enter an email address like name@council.gov.uk').max(254).or(z.literal('')).transform((v) => v || null).nullable().optional(),
  organisationId: z.string().uuid('Choose an organisation'),
  teamId: z.string().uuid().or(z.literal('')).transform((v) => v || null).nullable().optional(),
  roles: uniqueArray(role, { what: 'role', max: ROLES.length }).min(1, 'Choose at least one role'),
}).openapi('CreateUser');

export const UpdateUser = changesSomething(z.object({
  displayName: line().trim().min(1, 'Enter the person’s name').max(120).optional(),
  email: z.string().trim().email('Enter an email address like name@council.gov.uk').max(254).or(z.literal('')).transform((v) => v || null).nullable().optional(),
  organisationId: z.string().uuid('Choose an organisation').optional(),
  teamId: z.string().uuid().or(z.literal('')).transform((v) => v || null).nullable().optional(),
  roles: uniqueArray(role, { what: 'role', max: ROLES.length }).min(1, 'Choose at least one role').optional(),
})).openapi('UpdateUser');

export const IdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
