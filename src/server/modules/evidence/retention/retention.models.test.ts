import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths, classesStillInUse, classRule, exhibitKeepReasons, exhibitReviewDueAt, isRecordingDue, nextReviewAfterKeep, recordingDeleteAt,
  recordingKeepReasons, type Link,
} from './retention.models';
import { DEFAULT_EVIDENCE_RETENTION, EvidenceRetentionSettings } from '../../../../domain/evidence/retention';

const settings = { classes: [{ key: 'routine', name: 'Routine', days: 31 }, { key: 'police_request', name: 'Police request', days: 90 }], exhibitReviewMonths: 6 };
const t = (iso: string) => new Date(iso);
const nothing = { holds: [], packages: [], links: [] };
const occ = (reference: string, closedAt: string | null): Link => ({ kind: 'occurrence', reference, open: closedAt === null, closedAt: closedAt ? t(closedAt) : null });

describe('addMonths', () => {
  it.each([
    ['2026-01-15T10:00:00.000Z', 6, '2026-07-15T10:00:00.000Z'],
    ['2026-08-31T23:30:00.000Z', 6, '2027-02-28T23:30:00.000Z'],
    ['2027-08-31T00:00:00.000Z', 6, '2028-02-29T00:00:00.000Z'],
    ['2026-03-31T12:00:00.000Z', 1, '2026-04-30T12:00:00.000Z'],
    ['2026-12-01T00:00:00.000Z', 1, '2027-01-01T00:00:00.000Z'],
    ['2026-05-10T08:00:00.000Z', 24, '2028-05-10T08:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(t(from), months).toISOString()).toBe(to);
  });

  it('always moves forward by at least 28 days a month, keeps the time of day, and never past the same day number', () => {
    fc.assert(fc.property(fc.date({ min: t('1990-01-01'), max: t('2090-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 120 }), (at, months) => {
      const r = addMonths(at, months);
      expect(r.getTime() - at.getTime()).toBeGreaterThanOrEqual(months * 28 * 86_400_000);
      expect(r.getUTCHours() * 3600_000 + r.getUTCMinutes() * 60_000 + r.getUTCSeconds() * 1000 + r.getUTCMilliseconds())
        .toBe(at.getUTCHours() * 3600_000 + at.getUTCMinutes() * 60_000 + at.getUTCSeconds() * 1000 + at.getUTCMilliseconds());
      expect(r.getUTCDate()).toBeLessThanOrEqual(at.getUTCDate());
      expect((r.getUTCFullYear() - at.getUTCFullYear()) * 12 + r.getUTCMonth() - at.getUTCMonth()).toBe(months);
    }));
  });
});

describe('a recording’s period', () => {
  it('ends its class’s days after it came in', () => {
    expect(recordingDeleteAt({ ingestedAt: t('2026-03-01T09:00:00Z'), retentionClass: 'routine', settings })?.toISOString()).toBe('2026-04-01T09:00:00.000Z');
    expect(recordingDeleteAt({ ingestedAt: t('2026-03-01T09:00:00Z'), retentionClass: 'police_request', settings })?.toISOString()).toBe('2026-05-30T09:00:00.000Z');
  });

  it('is due at the instant it ends, not a moment before', () => {
    const ingestedAt = t('2026-03-01T09:00:00Z');
    expect(isRecordingDue({ ingestedAt, retentionClass: 'routine', settings, now: t('2026-04-01T08:59:59.999Z') })).toBe(false);
    expect(isRecordingDue({ ingestedAt, retentionClass: 'routine', settings, now: t('2026-04-01T09:00:00Z') })).toBe(true);
  });

  it('is never due in a class the settings do not have', () => {
    expect(recordingDeleteAt({ ingestedAt: t('2020-01-01T00:00:00Z'), retentionClass: 'gone', settings })).toBeUndefined();
    expect(isRecordingDue({ ingestedAt: t('2020-01-01T00:00:00Z'), retentionClass: 'gone', settings, now: t('2030-01-01T00:00:00Z') })).toBe(false);
  });

  it('is due exactly when now is at least its class’s days after it came in', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4000 * 86_400_000 }), fc.integer({ min: 1, max: 3650 }), (ageMs, days) => {
      const now = t('2030-01-01T00:00:00Z');
      const s = { classes: [{ key: 'routine', name: 'R', days }], exhibitReviewMonths: 6 };
      expect(isRecordingDue({ ingestedAt: new Date(now.getTime() - ageMs), retentionClass: 'routine', settings: s, now })).toBe(ageMs >= days * 86_400_000);
    }));
  });

  it('is recorded under a rule that names the class and its days', () => {
    expect(classRule({ key: 'routine', name: 'Routine', days: 31 })).toBe('routine-31-days');
  });
});

describe('whether a recording may be destroyed', () => {
  it('may when nothing keeps it', () => {
    expect(recordingKeepReasons({ exhibitReference: null, ...nothing })).toEqual([]);
  });
  it('may not while it is an exhibit’s master', () => {
    expect(recordingKeepReasons({ exhibitReference: 'AB/1', ...nothing })).toEqual(['It is a master of exhibit AB/1: it goes only with the exhibit, on review.']);
  });
  it('may not under a live hold', () => {
    expect(recordingKeepReasons({ exhibitReference: null, ...nothing, holds: [{ reason: 'Police request SP/1/26' }] })).toEqual(['It is under a legal hold: Police request SP/1/26']);
  });
  it('may not while its exhibit is in a package or linked to an open occurrence', () => {
    const reasons = recordingKeepReasons({ exhibitReference: 'AB/1', holds: [], packages: ['EVP-2026-0001'], links: [occ('OCC-2026-000001', null)] });
    expect(reasons).toHaveLength(3);
    expect(reasons[1]).toContain('EVP-2026-0001');
    expect(reasons[2]).toBe('It is linked to occurrence OCC-2026-000001, which is still open.');
  });
  it('is not kept by a closed occurrence', () => {
    expect(recordingKeepReasons({ exhibitReference: null, ...nothing, links: [occ('OCC-2026-000001', '2026-01-01T00:00:00Z')] })).toEqual([]);
  });
});

describe('whether an exhibit may be destroyed', () => {
  it('may when nothing keeps it', () => {
    expect(exhibitKeepReasons({ state: 'held', ...nothing })).toEqual([]);
    expect(exhibitKeepReasons({ state: 'sealed', ...nothing, links: [occ('OCC-1', '2026-01-01T00:00:00Z')] })).toEqual([]);
  });
  it('may not once destroyed', () => {
    expect(exhibitKeepReasons({ state: 'destroyed', ...nothing })).toEqual(['It has already been destroyed.']);
  });
  it('may not under a hold, in a package, linked to anything open (requests and cases too), or on its way to someone', () => {
    expect(exhibitKeepReasons({ state: 'held', ...nothing, holds: [{ reason: 'Civil claim' }] })).toEqual(['It is under a legal hold: Civil claim']);
    expect(exhibitKeepReasons({ state: 'held', ...nothing, packages: ['EVP-2026-0002', 'EVP-2026-0003'] })[0]).toContain('EVP-2026-0002, EVP-2026-0003');
    expect(exhibitKeepReasons({ state: 'held', ...nothing, links: [{ kind: 'request', reference: 'SAR-2026-0004', open: true, closedAt: null }] }))
      .toEqual(['It is linked to request SAR-2026-0004, which is still open.']);
    expect(exhibitKeepReasons({ state: 'held', ...nothing, links: [{ kind: 'case', reference: 'CASE-9', open: true, closedAt: null }] }))
      .toEqual(['It is linked to case CASE-9, which is still open.']);
    expect(exhibitKeepReasons({ state: 'awaiting_receipt', ...nothing })).toEqual(['It has been handed over and not yet received: record the receipt (or its refusal) first.']);
  });
  it('is kept for every reason that applies, and destroyable only with none', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (held, packaged, open, closed) => {
      const links = [...(open ? [occ('OCC-A', null)] : []), ...(closed ? [occ('OCC-B', '2026-01-01T00:00:00Z')] : [])];
      const reasons = exhibitKeepReasons({ state: 'held', holds: held ? [{ reason: 'hold' }] : [], packages: packaged ? ['EVP-1'] : [], links });
      expect(reasons).toHaveLength(Number(held) + Number(packaged) + Number(open));
    }));
  });
});

describe('when an exhibit comes up for review', () => {
  const createdAt = t('2026-01-10T12:00:00Z');
  it('with nothing linked: the review period after it was made', () => {
    expect(exhibitReviewDueAt({ createdAt, links: [], keptUntil: null, months: 6 })?.toISOString()).toBe('2026-07-10T12:00:00.000Z');
  });
  it('never while a linked occurrence is open', () => {
    expect(exhibitReviewDueAt({ createdAt, links: [occ('OCC-1', '2026-02-01T00:00:00Z'), occ('OCC-2', null)], keptUntil: null, months: 6 })).toBeNull();
  });
  it('once all are closed: the review period after the latest closure', () => {
    const links = [occ('OCC-1', '2026-02-01T00:00:00Z'), occ('OCC-2', '2026-03-05T08:00:00Z')];
    expect(exhibitReviewDueAt({ createdAt, links, keptUntil: null, months: 6 })?.toISOString()).toBe('2026-09-05T08:00:00.000Z');
  });
  it('not sooner than the period after it was made, when its occurrence closed before', () => {
    expect(exhibitReviewDueAt({ createdAt, links: [occ('OCC-1', '2025-12-01T00:00:00Z')], keptUntil: null, months: 6 })?.toISOString()).toBe('2026-07-10T12:00:00.000Z');
  });
  it('after a "keep": the next review that decision set', () => {
    const decidedAt = t('2026-07-11T09:00:00Z');
    const keptUntil = nextReviewAfterKeep({ decidedAt, months: 6 });
    expect(keptUntil.toISOString()).toBe('2027-01-11T09:00:00.000Z');
    expect(exhibitReviewDueAt({ createdAt, links: [], keptUntil, months: 6 })?.toISOString()).toBe('2027-01-11T09:00:00.000Z');
  });
  it('after a "keep", an occurrence closed later still puts the review off', () => {
    const links = [occ('OCC-1', '2026-12-20T00:00:00Z')];
    expect(exhibitReviewDueAt({ createdAt, links, keptUntil: t('2027-01-11T09:00:00Z'), months: 6 })?.toISOString()).toBe('2027-06-20T00:00:00.000Z');
  });
  it('is never before the period after it was made, nor before a kept-until date', () => {
    fc.assert(fc.property(
      fc.array(fc.option(fc.date({ min: t('2020-01-01'), max: t('2030-01-01'), noInvalidDate: true }), { nil: null }), { maxLength: 4 }),
      fc.option(fc.date({ min: t('2020-01-01'), max: t('2032-01-01'), noInvalidDate: true }), { nil: null }),
      fc.integer({ min: 1, max: 120 }),
      (closures, keptUntil, months) => {
        const links = closures.map((c, i) => ({ kind: 'occurrence' as const, reference: `OCC-${i}`, open: c === null, closedAt: c }));
        const due = exhibitReviewDueAt({ createdAt, links, keptUntil, months });
        if (closures.some((c) => c === null)) { expect(due).toBeNull(); return; }
        expect(due!.getTime()).toBeGreaterThanOrEqual(addMonths(createdAt, months).getTime());
        for (const c of closures) expect(due!.getTime()).toBeGreaterThanOrEqual(addMonths(c!, months).getTime());
        if (keptUntil) expect(due!.getTime()).toBeGreaterThanOrEqual(keptUntil.getTime());
      },
    ));
  });
});

describe('the settings', () => {
  it('default to a routine class of 31 days and a review every 6 months', () => {
    expect(EvidenceRetentionSettings.parse(DEFAULT_EVIDENCE_RETENTION)).toEqual({ classes: [{ key: 'routine', name: 'Routine recordings', days: 31 }], exhibitReviewMonths: 6 });
  });
  const errors = (value: unknown) => {
    const r = EvidenceRetentionSettings.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('refuse days outside 1 to 3650, by field', () => {
    expect(errors({ classes: [{ key: 'routine', name: 'Routine', days: 0 }], exhibitReviewMonths: 6 })).toEqual(['classes.0.days: The retention period must be at least 1 day']);
    expect(errors({ classes: [{ key: 'routine', name: 'Routine', days: 3651 }], exhibitReviewMonths: 6 })).toEqual(['classes.0.days: The retention period must be 3650 days or fewer']);
    expect(errors({ classes: [{ key: 'routine', name: 'Routine', days: 3650 }], exhibitReviewMonths: 6 })).toEqual([]);
    expect(errors({ classes: [{ key: 'routine', name: 'Routine', days: 30.5 }], exhibitReviewMonths: 6 })).toEqual(['classes.0.days: Enter the retention period as a whole number of days']);
  });
  it('refuse keys that are not lower-case words, repeated keys, and no routine class', () => {
    const routine = { key: 'routine', name: 'Routine', days: 31 };
    expect(errors({ classes: [routine, { key: 'Police', name: 'Police', days: 90 }], exhibitReviewMonths: 6 })[0]).toMatch(/^classes\.1\.key: Enter a key of 2 to 40 lower-case/);
    expect(errors({ classes: [routine, { key: '9lives', name: 'Nine', days: 90 }], exhibitReviewMonths: 6 })).toHaveLength(1);
    expect(errors({ classes: [routine, { key: 'a', name: 'Too short', days: 90 }], exhibitReviewMonths: 6 })).toHaveLength(1);
    expect(errors({ classes: [routine, { key: `a${'b'.repeat(39)}`, name: 'Forty', days: 90 }], exhibitReviewMonths: 6 })).toEqual([]);
    expect(errors({ classes: [routine, { key: `a${'b'.repeat(40)}`, name: 'Forty-one', days: 90 }], exhibitReviewMonths: 6 })).toHaveLength(1);
    expect(errors({ classes: [routine, { ...routine, name: 'Again' }], exhibitReviewMonths: 6 })).toEqual(['classes.1.key: Another class has the key routine: give each class its own key']);
    expect(errors({ classes: [{ key: 'police', name: 'Police', days: 90 }], exhibitReviewMonths: 6 })).toEqual(['classes: Keep the class with the key routine: new footage is put in it']);
  });
  it('refuse a review period outside 1 to 120 months', () => {
    const classes = [{ key: 'routine', name: 'Routine', days: 31 }];
    expect(errors({ classes, exhibitReviewMonths: 0 })).toEqual(['exhibitReviewMonths: The review period must be at least 1 month']);
    expect(errors({ classes, exhibitReviewMonths: 121 })).toEqual(['exhibitReviewMonths: The review period must be 120 months or fewer']);
  });
  it('cannot remove a class recordings are still in', () => {
    expect(classesStillInUse({ keys: ['routine'], inUse: ['routine', 'police_request'] })).toEqual(['police_request']);
    expect(classesStillInUse({ keys: ['routine', 'police_request'], inUse: ['routine'] })).toEqual([]);
  });
});
