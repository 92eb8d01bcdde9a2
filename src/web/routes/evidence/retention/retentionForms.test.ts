import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { RecordReview } from '../../../../domain/evidence/retention';
import { checkWith, prefixedErrors, writeErrors } from './retentionForms';

describe('retention forms', () => {
  it('give each field id the form’s prefix', () => {
    expect(prefixedErrors({ summary: [{ field: 'reason', text: 'x' }, { text: 'y' }], fields: { reason: 'x' } }, 'review-1'))
      .toEqual({ summary: [{ field: 'review-1-reason', text: 'x' }, { text: 'y' }], fields: { 'review-1-reason': 'x' } });
  });

  it('show a refusal with its reasons against the decision, and a field error beside its field', () => {
    const refused = new ApiError({ status: 409, code: 'evidence.destruction_refused', detail: 'AB/1 cannot be destroyed. It is under a legal hold: Appeal' });
    expect(writeErrors(refused, { prefix: 'review-9', fields: ['decision', 'reason'], fallback: 'decision' }).fields)
      .toEqual({ 'review-9-decision': 'AB/1 cannot be destroyed. It is under a legal hold: Appeal' });
    const invalid = new ApiError({ status: 400, code: 'validation.failed', detail: 'Check', errors: [{ path: 'reason', message: 'Enter the reason' }] });
    expect(writeErrors(invalid, { prefix: 'review-9', fields: ['decision', 'reason'], fallback: 'decision' }).fields).toEqual({ 'review-9-reason': 'Enter the reason' });
  });

  it('check with the contract before sending, in its words', () => {
    expect(checkWith(RecordReview, { decision: 'keep', reason: '  ab ' })).toEqual({ errors: { summary: [{ field: 'reason', text: 'Enter the reason for the decision (at least 3 characters)' }], fields: { reason: 'Enter the reason for the decision (at least 3 characters)' } } });
    expect(checkWith(RecordReview, { reason: 'Appeal pending' })).toMatchObject({ errors: { fields: { decision: 'Choose whether to keep or destroy the exhibit' } } });
    expect(checkWith(RecordReview, { decision: 'destroy', reason: ' Case closed ' })).toEqual({ body: { decision: 'destroy', reason: 'Case closed' } });
  });
});
