import { describe, expect, it } from 'vitest';
import { CLASSES_ID, draftOf, fieldIdOf, MONTHS_ID, parseDraft, serverErrors } from './evidenceRetentionForm';

const draft = draftOf({ classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }], exhibitReviewMonths: 6 });

describe('the evidence retention form', () => {
  it('starts from the settings as text, and gives them back as numbers', () => {
    expect(draft).toEqual({ classes: [{ key: 'routine', name: 'Routine recordings', days: '31', isNew: false }], months: '6' });
    expect(parseDraft({ ...draft, classes: [...draft.classes, { key: ' police_request ', name: 'Police request', days: ' 90 ', isNew: true }] }))
      .toEqual({ settings: { classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }, { key: 'police_request', name: 'Police request', days: 90 }], exhibitReviewMonths: 6 } });
  });

  it('puts each problem beside its cell, in page order, with the contract’s messages', () => {
    const r = parseDraft({ classes: [{ ...draft.classes[0], days: 'thirty' }, { key: 'Bad Key', name: 'P', days: '', isNew: true }], months: '0' });
    expect('errors' in r && r.errors.summary).toEqual([
      { field: 'evidence-classes-0-days', text: 'Enter the retention period as a number of days' },
      { field: 'evidence-classes-1-key', text: 'Enter a key of 2 to 40 lower-case letters, digits and underscores, starting with a letter, like police_request' },
      { field: 'evidence-classes-1-name', text: 'Enter a name for the class (at least 2 characters)' },
      { field: 'evidence-classes-1-days', text: 'Enter the retention period as a number of days' },
      { field: MONTHS_ID, text: 'The review period must be at least 1 month' },
    ]);
  });

  it('says so when the routine class is gone, against the table', () => {
    const r = parseDraft({ classes: [{ key: 'other', name: 'Other', days: '5', isNew: true }], months: '6' });
    expect('errors' in r && r.errors.fields).toEqual({ [CLASSES_ID]: 'Keep the class with the key routine: new footage is put in it' });
  });

  it('places the server’s errors by their paths', () => {
    expect(serverErrors([{ path: 'classes.2.name', message: 'x' }, { path: 'classes', message: 'in use' }, { path: 'exhibitReviewMonths', message: 'm' }]).fields)
      .toEqual({ 'evidence-classes-2-name': 'x', [CLASSES_ID]: 'in use', [MONTHS_ID]: 'm' });
    expect(fieldIdOf(['classes', 0, 'other'])).toBe(CLASSES_ID);
  });
});
