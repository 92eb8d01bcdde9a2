import { describe, expect, it } from 'vitest';
import { addDays, checkStepDays, daysBetween, deploymentReference, firstReviewDue, nextReviewDue, nextState, reviewStatus, stateAfter } from './deployments.models';
import { imageTypeOf } from '../../../platform/http/upload';

describe('the deployment state machine', () => {
  it('takes a request through approval, deployment, reviews and removal', () => {
    expect(stateAfter(['requested'])).toBe('requested');
    expect(stateAfter(['requested', 'approved'])).toBe('approved');
    expect(stateAfter(['requested', 'approved', 'deployed'])).toBe('deployed');
    expect(stateAfter(['requested', 'approved', 'deployed', 'reviewed', 'reviewed'])).toBe('deployed');
    expect(stateAfter(['requested', 'approved', 'deployed', 'reviewed', 'removed'])).toBe('removed');
  });

  it('ends a request refused or withdrawn', () => {
    expect(stateAfter(['requested', 'refused'])).toBe('refused');
    expect(stateAfter(['requested', 'withdrawn'])).toBe('withdrawn');
    expect(stateAfter(['requested', 'approved', 'withdrawn'])).toBe('withdrawn');
  });

  it('refuses a deployment without an approved request, saying so', () => {
    for (const state of ['requested', 'refused', 'withdrawn', 'removed', 'deployed'] as const) {
      const t = nextState(state, 'deployed');
      expect(t.ok, state).toBe(false);
      if (!t.ok) expect(t.message).toMatch(/approved request/);
    }
    expect(nextState('approved', 'deployed')).toEqual({ ok: true, state: 'deployed' });
  });

  it('never decides a request twice, nor reviews or removes what is not deployed', () => {
    expect(nextState('approved', 'approved').ok).toBe(false);
    expect(nextState('refused', 'approved').ok).toBe(false);
    expect(nextState('approved', 'refused').ok).toBe(false);
    expect(nextState('approved', 'reviewed').ok).toBe(false);
    expect(nextState('removed', 'removed').ok).toBe(false);
    expect(nextState('deployed', 'withdrawn').ok).toBe(false);
    expect(nextState(undefined, 'approved').ok).toBe(false);
    expect(() => stateAfter(['requested', 'deployed'])).toThrow(/cannot follow requested/);
  });
});

describe('review dates', () => {
  it('counts calendar days, across the clock changes and leap days', () => {
    expect(addDays('2026-01-01', 90)).toBe('2026-04-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(firstReviewDue({ deployedOn: '2026-01-10', periodDays: 90 })).toBe('2026-04-10');
    expect(nextReviewDue({ reviewedOn: '2026-04-09', periodDays: 60 })).toBe('2026-06-08');
    expect(nextReviewDue({ reviewedOn: '2026-04-09', periodDays: 60, chosen: '2026-05-01' })).toBe('2026-05-01');
  });

  it('is overdue once the due day has passed in London, in summer time (BST)', () => {
    // Due Sunday 29 March 2026, the day the clocks go forward: London midnight is 23:00 UTC on the 29th.
    expect(reviewStatus({ dueOn: '2026-03-29', now: new Date('2026-03-29T22:59:59Z') })).toBe('due_soon');
    expect(reviewStatus({ dueOn: '2026-03-29', now: new Date('2026-03-29T23:00:00Z') })).toBe('overdue');
    // A June due date: still due at 23:30 London time (22:30 UTC), overdue half an hour later.
    expect(reviewStatus({ dueOn: '2026-06-15', now: new Date('2026-06-15T22:30:00Z') })).toBe('due_soon');
    expect(reviewStatus({ dueOn: '2026-06-15', now: new Date('2026-06-15T23:00:00Z') })).toBe('overdue');
  });

  it('is overdue at London midnight in winter (GMT), after the clocks go back', () => {
    // Sunday 25 October 2026 is 25 hours long; it ends at midnight GMT = 00:00 UTC on the 26th.
    expect(reviewStatus({ dueOn: '2026-10-25', now: new Date('2026-10-25T23:30:00Z') })).toBe('due_soon');
    expect(reviewStatus({ dueOn: '2026-10-25', now: new Date('2026-10-26T00:00:00Z') })).toBe('overdue');
  });

  it('says due soon within two weeks, and not due before', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(reviewStatus({ dueOn: '2026-05-15', now })).toBe('due_soon');
    expect(reviewStatus({ dueOn: '2026-05-16', now })).toBe('not_due');
    expect(reviewStatus({ dueOn: '2026-05-01', now })).toBe('due_soon');
  });

  it('refuses days in the future, before the step they follow, and a next review not after this one', () => {
    expect(checkStepDays({ kind: 'deployed', onDay: '2026-05-02', today: '2026-05-01', since: '2026-04-01' })).toEqual([{ path: 'deployedOn', message: expect.stringMatching(/happened/) }]);
    expect(checkStepDays({ kind: 'deployed', onDay: '2026-03-31', today: '2026-05-01', since: '2026-04-01' })[0].message).toMatch(/approved/);
    expect(checkStepDays({ kind: 'reviewed', onDay: '2026-04-20', today: '2026-05-01', since: '2026-04-01', nextReviewOn: '2026-04-20' })).toEqual([{ path: 'nextReviewOn', message: expect.any(String) }]);
    expect(checkStepDays({ kind: 'removed', onDay: '2026-05-01', today: '2026-05-01', since: '2026-04-01' })).toEqual([]);
  });
});

describe('signage photos and references', () => {
  it('knows a JPEG and a PNG by their first bytes, and nothing else', () => {
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageTypeOf(Uint8Array.from([0x47, 0x49, 0x46, 0x38]))).toBeUndefined(); // GIF
  });

  it('numbers deployments by year', () => {
    expect(deploymentReference({ year: 2026, number: 7 })).toBe('MD-2026-0007');
    expect(deploymentReference({ year: 2026, number: 12345 })).toBe('MD-2026-12345');
  });
});
