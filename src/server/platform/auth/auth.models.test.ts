import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLocked, isMfaRequired, nextStage, shouldLock } from './auth.models';

describe('nextStage', () => {
  const flags = fc.record({ mfaEnabled: fc.boolean(), mfaVerified: fc.boolean(), mustChangePassword: fc.boolean(), mfaRequired: fc.boolean() });

  it('asks an enrolled user for a code before anything else', () => {
    fc.assert(fc.property(flags, (f) => {
      fc.pre(f.mfaEnabled && !f.mfaVerified);
      expect(nextStage(f)).toBe('mfa');
    }));
  });

  it('then asks for a forced password change, before MFA enrolment', () => {
    expect(nextStage({ mfaEnabled: true, mfaVerified: true, mustChangePassword: true, mfaRequired: true })).toBe('password_change');
    expect(nextStage({ mfaEnabled: false, mfaVerified: false, mustChangePassword: true, mfaRequired: true })).toBe('password_change');
    expect(nextStage({ mfaEnabled: false, mfaVerified: false, mustChangePassword: true, mfaRequired: false })).toBe('password_change');
  });

  it('then asks for MFA enrolment when the role needs it and the user has none', () => {
    expect(nextStage({ mfaEnabled: false, mfaVerified: false, mustChangePassword: false, mfaRequired: true })).toBe('mfa_enrolment');
    expect(nextStage({ mfaEnabled: true, mfaVerified: true, mustChangePassword: false, mfaRequired: true })).toBe('active');
  });

  it('is active once nothing is outstanding', () => {
    expect(nextStage({ mfaEnabled: false, mfaVerified: false, mustChangePassword: false, mfaRequired: false })).toBe('active');
    expect(nextStage({ mfaEnabled: true, mfaVerified: true, mustChangePassword: false, mfaRequired: false })).toBe('active');
  });

  it('is active exactly when no step is outstanding', () => {
    fc.assert(fc.property(flags, (f) => {
      const outstanding = (f.mfaEnabled && !f.mfaVerified) || f.mustChangePassword || (f.mfaRequired && !f.mfaEnabled);
      expect(nextStage(f) === 'active').toBe(!outstanding);
    }));
  });
});

describe('isMfaRequired', () => {
  const required = ['operator', 'supervisor', 'admin'];
  it('is true when any of the roles is on the list', () => {
    expect(isMfaRequired({ roles: ['operator'], requiredRoles: required })).toBe(true);
    expect(isMfaRequired({ roles: ['auditor', 'admin'], requiredRoles: required })).toBe(true);
  });
  it('is false when none is, or when the list is empty', () => {
    expect(isMfaRequired({ roles: ['auditor', 'patrol_officer'], requiredRoles: required })).toBe(false);
    expect(isMfaRequired({ roles: ['operator'], requiredRoles: [] })).toBe(false);
    expect(isMfaRequired({ roles: [], requiredRoles: required })).toBe(false);
  });
});

describe('isLocked', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  it('is locked while the lock lies in the future', () => {
    expect(isLocked({ lockedUntil: new Date(now.getTime() + 1), now })).toBe(true);
  });
  it('is unlocked with no lock, or once the lock time is reached', () => {
    expect(isLocked({ lockedUntil: null, now })).toBe(false);
    expect(isLocked({ lockedUntil: now, now })).toBe(false);
    expect(isLocked({ lockedUntil: new Date(now.getTime() - 60_000), now })).toBe(false);
  });
});

describe('shouldLock', () => {
  it('locks when the failures reach the limit, not before', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 200 }), (maxFailures, failures) => {
      expect(shouldLock({ failures, maxFailures })).toBe(failures >= maxFailures);
    }));
    expect(shouldLock({ failures: 4, maxFailures: 5 })).toBe(false);
    expect(shouldLock({ failures: 5, maxFailures: 5 })).toBe(true);
  });
});
