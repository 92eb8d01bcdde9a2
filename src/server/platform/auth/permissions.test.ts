import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EXTERNAL_ROLES, PERMISSIONS, ROLES, ROLE_PERMISSIONS, checkRoleMix, isAllowed, isRole, permissionsFor, type Role,
} from './permissions';

const COUNCIL_ROLES = ROLES.filter((r) => !EXTERNAL_ROLES.includes(r));

describe('the role → permission map', () => {
  it('gives external roles only what was shared with them, an agency its own footage requests, and a contractor its own contract\'s faults', () => {
    expect(permissionsFor(['agency'])).toEqual(['requests.submit', 'shared.read']);
    expect(permissionsFor(['contractor'])).toEqual(['maintenance.contract_work', 'shared.read']);
  });

  it('keeps the contractor\'s portal for contractors alone', () => {
    expect(ROLES.filter((r) => permissionsFor([r]).includes('maintenance.contract_work'))).toEqual(['contractor']);
  });

  it('gives the auditor only the audit trail', () => {
    expect(permissionsFor(['auditor'])).toEqual(['audit.read']);
  });

  it('lets an administrator manage accounts but not read footage, evidence or occurrences', () => {
    const admin = permissionsFor(['admin']);
    expect(admin).toEqual(expect.arrayContaining(['users.manage', 'settings.manage', 'audit.read']));
    for (const p of ['evidence.read', 'evidence.manage', 'occurrences.read', 'requests.read', 'shared.read'] as const) expect(admin).not.toContain(p);
  });

  it('keeps requests.submit for partner agencies alone', () => {
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('requests.submit'))).toEqual(['agency']);
  });

  it('keeps shared.read for external roles only, and users.manage for the administrator only', () => {
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('shared.read')).sort()).toEqual([...EXTERNAL_ROLES].sort());
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('users.manage'))).toEqual(['admin']);
  });

  it('grants every permission to at least one role, and only known permissions', () => {
    const granted = new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
    expect([...granted].filter((p) => !(PERMISSIONS as readonly string[]).includes(p))).toEqual([]);
  });

  it('unions the permissions of several roles, in the canonical order, without duplicates', () => {
    fc.assert(fc.property(fc.subarray([...ROLES]), (roles) => {
      const got = permissionsFor(roles);
      const expected = PERMISSIONS.filter((p) => roles.some((r) => ROLE_PERMISSIONS[r].includes(p)));
      expect(got).toEqual(expected);
    }));
  });

  it('ignores unknown role names instead of granting anything', () => {
    expect(permissionsFor(['superuser', 'root'])).toEqual([]);
    expect(permissionsFor(['auditor', 'superuser'])).toEqual(['audit.read']);
    expect(isRole('superuser')).toBe(false);
    expect(isRole('auditor')).toBe(true);
  });
});

describe('isAllowed', () => {
  it('lets anyone reach a public route, signed in or not', () => {
    expect(isAllowed({ access: 'public', roles: [], signedIn: false })).toBe(true);
    expect(isAllowed({ access: 'public', roles: ['agency'], signedIn: true })).toBe(true);
  });

  it('lets any signed-in user, whatever the role, reach an authenticated route, and nobody else', () => {
    for (const r of ROLES) expect(isAllowed({ access: 'authenticated', roles: [r], signedIn: true })).toBe(true);
    expect(isAllowed({ access: 'authenticated', roles: [], signedIn: true })).toBe(true);
    expect(isAllowed({ access: 'authenticated', roles: ['admin'], signedIn: false })).toBe(false);
  });

  it('allows a permission route exactly when one of the roles grants the permission, and never without a session', () => {
    fc.assert(fc.property(fc.subarray([...ROLES]), fc.constantFrom(...PERMISSIONS), (roles, permission) => {
      const granted = roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
      expect(isAllowed({ access: permission, roles, signedIn: true })).toBe(granted);
      expect(isAllowed({ access: permission, roles, signedIn: false })).toBe(false);
    }));
  });
});

describe('checkRoleMix', () => {
  it('refuses an empty list of roles', () => {
    expect(checkRoleMix([])).toMatch(/at least one role/);
  });

  it('refuses external roles mixed with council roles', () => {
    fc.assert(fc.property(
      fc.subarray([...EXTERNAL_ROLES], { minLength: 1 }), fc.subarray(COUNCIL_ROLES, { minLength: 1 }),
      (external, council) => {
        expect(checkRoleMix([...council, ...external])).toMatch(/cannot be combined/);
      },
    ));
  });

  it('accepts any non-empty set of council roles, and any non-empty set of external roles', () => {
    fc.assert(fc.property(fc.subarray(COUNCIL_ROLES, { minLength: 1 }), (roles) => {
      expect(checkRoleMix(roles)).toBeUndefined();
    }));
    expect(checkRoleMix(['agency'])).toBeUndefined();
    expect(checkRoleMix(['contractor', 'agency'] as Role[])).toBeUndefined();
  });
});
