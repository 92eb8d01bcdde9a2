import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTERS, LETTER_KEYS, LetterTemplateError, PLACEHOLDERS, placeholdersIn, renderLetter, rightToComplain, templateProblems, type LetterValues } from './letters';

const values: LetterValues = {
  reference: 'REQ-2026-000042', requesterName: 'Alex Requester', receivedOn: '2/3/2026', dueOn: '2/4/2026', extendedDueOn: '2/6/2026',
  extensionReason: 'Six cameras and many hours of footage', officerName: 'Sam Officer', councilName: 'Demo Borough Council', today: '3/3/2026',
  requestKind: 'subject access request', summary: 'Footage of me on Friday', whatWeNeed: 'proof of your identity', rightToComplain: 'Complain to the ICO.',
};

describe('renderLetter', () => {
  it('fills every placeholder, spaces inside the braces allowed', () => {
    const out = renderLetter({ subject: 'Your request {{ reference }}', body: 'Dear {{requesterName}}, due {{dueOn}}, now {{extendedDueOn}}.' }, values);
    expect(out).toEqual({ subject: 'Your request REQ-2026-000042', body: 'Dear Alex Requester, due 2/4/2026, now 2/6/2026.' });
  });

  it('refuses an unknown placeholder, naming it and the field, and an unclosed one', () => {
    expect(() => renderLetter({ subject: 'Ref {{refrence}}', body: 'Dear {{requesterName}}' }, values)).toThrow(LetterTemplateError);
    expect(templateProblems({ subject: 'Ref {{refrence}}', body: 'ok' })).toEqual([{ path: 'subject', message: expect.stringMatching(/Unknown placeholder \{\{refrence\}\}.*\{\{reference\}\}/) }]);
    expect(templateProblems({ subject: 'ok', body: 'Due {{dueOn}' })).toEqual([{ path: 'body', message: expect.stringMatching(/not closed/) }]);
    expect(templateProblems({ subject: 'ok', body: 'Due {{dueOn}}' })).toEqual([]);
  });

  it('ships each letter using only known placeholders, the reference in every subject', () => {
    for (const key of LETTER_KEYS) {
      expect(templateProblems(DEFAULT_LETTERS[key])).toEqual([]);
      expect(placeholdersIn(DEFAULT_LETTERS[key].subject)).toContain('reference');
      expect(placeholdersIn(DEFAULT_LETTERS[key].body).every((p) => p in PLACEHOLDERS)).toBe(true);
    }
    const extension = renderLetter(DEFAULT_LETTERS.extension, values);
    expect(extension.body).toMatch(/respond by 2\/6\/2026/);
    expect(extension.body).toMatch(/Six cameras and many hours of footage/);
    expect(extension.body).not.toMatch(/\{\{/);
  });

  it('tells a SAR requester of the right to complain to the ICO, an FOI requester of internal review, a complainant of the Ombudsman', () => {
    expect(rightToComplain('sar', { councilName: 'X' })).toMatch(/Information Commissioner's Office \(ICO\)/);
    expect(rightToComplain('sar', { councilName: 'X' })).toMatch(/acknowledge your complaint within 30 days/);
    expect(rightToComplain('foi', { councilName: 'X' })).toMatch(/internal review/);
    expect(rightToComplain('complaint', { councilName: 'X' })).toMatch(/Ombudsman/);
  });
});
