import { z } from 'zod';
import { uniqueArray } from '../validation';
import { ROLES } from '../users/roles';

// Site-wide policy that administrators keep: the contract between server and web app.

export const SecuritySettings = z.object({
  /** The roles that must use two-factor authentication. */
  mfaRequiredRoles: uniqueArray(z.enum(ROLES), { what: 'role', max: ROLES.length }),
}).meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;
