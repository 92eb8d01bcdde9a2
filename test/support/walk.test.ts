import { describe, expect, it } from 'vitest';
import { expected, type WalkCase } from './walk';

// The walk's rule of answers, on its own.
describe('expected', () => {
  const readers: WalkCase = { allowed: ['operator', 'supervisor'] };
  it('refuses the signed-out with 401, staff with 403 and partners with 404', () => {
    expect(expected(readers, {})).toBe(401);
    expect(expected(readers, { role: 'operator', stage: 'active' })).toBe('allowed');
    expect(expected(readers, { role: 'auditor', stage: 'active' })).toBe(403);
    expect(expected(readers, { role: 'agency', stage: 'active' })).toBe(404);
    expect(expected(readers, { role: 'contractor', stage: 'active' })).toBe(404);
  });
  it('refuses the half-signed-in with 403 unless the route works in their stage', () => {
    expect(expected(readers, { role: 'operator', stage: 'mfa' })).toBe(403);
    expect(expected({ allowed: 'signed-in', stages: ['mfa'] }, { role: 'agency', stage: 'mfa' })).toBe('allowed');
    expect(expected({ allowed: 'signed-in', stages: ['mfa'] }, { role: 'agency', stage: 'active' })).toBe(403);
    expect(expected({ allowed: 'public' }, {})).toBe('allowed');
  });
});
