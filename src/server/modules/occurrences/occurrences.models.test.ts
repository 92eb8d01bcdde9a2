import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALWAYS_SHOWN, checkFootageRange, checkObservedAt, decideClose, decideProcedureEdit, formatReference, stepsWithTicks, parseReference, personalDataCutoffs, personalDataRemovalDue,
  whoWasTold, type NotificationEntry, type StepState, toldWithReferences,
} from './occurrences.models';

const MIN = 60_000;
const HOUR = 3600_000;
const DAY = 86_400_000;

describe('references', () => {
  it('pads the number to six digits', () => {
    expect(formatReference({ year: 2026, number: 1 })).toBe('OCC-2026-000001');
    expect(formatReference({ year: 2026, number: 123 })).toBe('OCC-2026-000123');
    expect(formatReference({ year: 2027, number: 999_999 })).toBe('OCC-2027-999999');
    expect(formatReference({ year: 2027, number: 1_234_567 })).toBe('OCC-2027-1234567');
  });

  it('parses what it formats, for any four-digit year and number', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99_999_999 }), (year, number) => {
      const reference = formatReference({ year, number });
      expect(reference).toMatch(/^OCC-\d{4}-\d{6,}$/);
      expect(parseReference(reference)).toEqual({ year, number });
    }));
  });

  it('orders references by number within a year when compared as text, up to a million', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), (a, b) => {
      const [ra, rb] = [formatReference({ year: 2026, number: a }), formatReference({ year: 2026, number: b })];
      expect(Math.sign(ra.localeCompare(rb, 'en'))).toBe(Math.sign(a - b));
    }));
  });

  it('accepts what people type (lower case, spaces around) and refuses what is not a reference', () => {
    expect(parseReference(' occ-2026-000042 ')).toEqual({ year: 2026, number: 42 });
    for (const bad of ['', 'OCC-2026-42', 'OCC-26-000042', 'REQ-2026-000042', 'OCC-2026-00004x', 'OCC-2026-000042-1', 'xOCC-2026-000042']) {
      expect(parseReference(bad), bad).toBeUndefined();
    }
  });
});

describe('checkObservedAt', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  const openedAt = new Date('2026-05-10T11:00:00Z');

  it('allows a time a little ahead of the server (clock drift) but refuses one further in the future', () => {
    expect(checkObservedAt({ observedAt: now, now, openedAt })).toBeUndefined();
    expect(checkObservedAt({ observedAt: new Date(now.getTime() + 2 * MIN), now, openedAt })).toBeUndefined();
    expect(checkObservedAt({ observedAt: new Date(now.getTime() + 2 * MIN + 1), now, openedAt })).toMatch(/future/);
    expect(checkObservedAt({ observedAt: new Date(now.getTime() + DAY), now, openedAt })).toMatch(/future/);
  });

  it('allows a time up to a week before the occurrence was opened, and refuses anything earlier', () => {
    expect(checkObservedAt({ observedAt: new Date(openedAt.getTime() - 7 * DAY), now, openedAt })).toBeUndefined();
    expect(checkObservedAt({ observedAt: new Date(openedAt.getTime() - 7 * DAY - 1), now, openedAt })).toMatch(/week before/);
    expect(checkObservedAt({ observedAt: new Date(openedAt.getTime() - 30 * DAY), now, openedAt })).toMatch(/week before/);
  });

  it('accepts every time between a week before opening and two minutes from now', () => {
    fc.assert(fc.property(fc.integer({ min: openedAt.getTime() - 7 * DAY, max: now.getTime() + 2 * MIN }), (t) => {
      expect(checkObservedAt({ observedAt: new Date(t), now, openedAt })).toBeUndefined();
    }));
  });
});

describe('checkFootageRange', () => {
  const now = new Date('2026-05-10T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('accepts a range that starts before it ends, ends by now and spans at most 24 hours', () => {
    expect(checkFootageRange({ from: at(-10 * MIN), to: at(-MIN), now })).toBeUndefined();
    expect(checkFootageRange({ from: at(-24 * HOUR), to: now, now })).toBeUndefined();
    expect(checkFootageRange({ from: at(-MIN), to: at(2 * MIN), now })).toBeUndefined(); // drift tolerance
  });

  it('refuses an end at or before the start', () => {
    expect(checkFootageRange({ from: at(-MIN), to: at(-MIN), now })).toEqual({ path: 'to', message: expect.stringMatching(/after its start/) });
    expect(checkFootageRange({ from: at(-MIN), to: at(-2 * MIN), now })).toEqual({ path: 'to', message: expect.stringMatching(/after its start/) });
  });

  it('refuses footage ending in the future', () => {
    expect(checkFootageRange({ from: at(-MIN), to: at(2 * MIN + 1), now })).toEqual({ path: 'to', message: expect.stringMatching(/future/) });
    expect(checkFootageRange({ from: at(-MIN), to: at(HOUR), now })?.message).toMatch(/future/);
  });

  it('refuses more than 24 hours at a time', () => {
    expect(checkFootageRange({ from: at(-24 * HOUR - 1), to: now, now })).toEqual({ path: 'to', message: expect.stringMatching(/24 hours/) });
    expect(checkFootageRange({ from: at(-3 * DAY), to: at(-DAY), now })?.message).toMatch(/24 hours/);
  });
});

describe('decideClose', () => {
  const step = (id: string, isRequired: boolean, ticked: boolean): StepState => ({ id, text: `Step ${id}`, isRequired, ticked });

  it('refuses to close what is already closed', () => {
    expect(decideClose({ status: 'closed', steps: [], skipReason: 'x' })).toMatchObject({ ok: false, code: 'occurrences.already_closed' });
  });

  it('closes with no procedure, or with every required step ticked', () => {
    expect(decideClose({ status: 'open', steps: [] })).toEqual({ ok: true, skippedRequired: [] });
    expect(decideClose({ status: 'open', steps: [step('a', true, true), step('b', false, true)] })).toEqual({ ok: true, skippedRequired: [] });
  });

  it('refuses to close with a required step unticked and no reason, listing the steps', () => {
    const steps = [step('a', true, false), step('b', true, true), step('c', true, false), step('d', false, false)];
    for (const skipReason of [undefined, null, '', '   ']) {
      const d = decideClose({ status: 'open', steps, skipReason });
      expect(d).toEqual({ ok: false, code: 'occurrences.required_steps_skipped', skippedRequired: [steps[0], steps[2]] });
    }
  });

  it('closes with a required step unticked when a reason is given, and says which were skipped', () => {
    const steps = [step('a', true, false), step('b', true, true)];
    expect(decideClose({ status: 'open', steps, skipReason: 'Police attended and took over' })).toEqual({ ok: true, skippedRequired: [steps[0]] });
  });

  it('does not need a reason for an optional step left unticked', () => {
    expect(decideClose({ status: 'open', steps: [step('a', false, false), step('b', true, true)] })).toEqual({ ok: true, skippedRequired: [] });
  });
});

describe('procedure versions', () => {
  const v1 = [{ id: 'a1', position: 1, text: 'Call an ambulance', isRequired: true }, { id: 'a2', position: 2, text: 'Keep a camera on it', isRequired: false }];
  const v2 = [{ id: 'b1', position: 1, text: 'Call an ambulance (999)', isRequired: true }];

  it('an occurrence sees its own version’s steps in order, ticked by its own entries only', () => {
    const steps = stepsWithTicks({ steps: [...v1].reverse(), tickedStepIds: ['a1', 'b1', null] });
    expect(steps.map((s) => [s.id, s.ticked])).toEqual([['a1', true], ['a2', false]]);
  });

  it('a tick of an earlier or later version’s step counts for nothing', () => {
    expect(stepsWithTicks({ steps: v2, tickedStepIds: ['a1'] })).toEqual([{ id: 'b1', position: 1, text: 'Call an ambulance (999)', isRequired: true, ticked: false }]);
  });

  it('closing an occurrence of version 1 after version 2 was made needs no reason when version 1’s required steps are done', () => {
    const steps = stepsWithTicks({ steps: v1, tickedStepIds: ['a1'] });
    expect(decideClose({ status: 'open', steps })).toEqual({ ok: true, skippedRequired: [] });
    expect(decideClose({ status: 'open', steps: stepsWithTicks({ steps: v2, tickedStepIds: ['a1'] }) })).toMatchObject({ ok: false, code: 'occurrences.required_steps_skipped' });
  });

  it('an edit adds the next version; the same steps saved again, or nothing saved where there was nothing, add none', () => {
    const current = { version: 3, steps: [{ text: 'Start recording', isRequired: true }] };
    expect(decideProcedureEdit({ current, steps: [{ text: 'Start recording', isRequired: true }] })).toEqual({ changed: false });
    expect(decideProcedureEdit({ current, steps: [{ text: 'Start recording', isRequired: false }] })).toEqual({ changed: true, version: 4 });
    expect(decideProcedureEdit({ current, steps: [{ text: 'Start recording now', isRequired: true }] })).toEqual({ changed: true, version: 4 });
    expect(decideProcedureEdit({ current, steps: [] })).toEqual({ changed: true, version: 4 });
    expect(decideProcedureEdit({ current: undefined, steps: [] })).toEqual({ changed: false });
    expect(decideProcedureEdit({ current: undefined, steps: [{ text: 'Start recording', isRequired: true }] })).toEqual({ changed: true, version: 1 });
  });

  it('order matters: the same steps reordered are a new version', () => {
    const a = { text: 'A', isRequired: true };
    const b = { text: 'B', isRequired: false };
    expect(decideProcedureEdit({ current: { version: 1, steps: [a, b] }, steps: [b, a] })).toEqual({ changed: true, version: 2 });
  });
});

describe('whoWasTold', () => {
  const n = (agency: NotificationEntry['agency'], at: string, agencyReference: string | null = null): NotificationEntry => ({ agency, agencyReference, notifiedAt: new Date(at), body: '' });

  it('always lists police, ambulance and fire, as not told when nobody told them', () => {
    const told = whoWasTold([]);
    expect(told.map((t) => t.agency)).toEqual(ALWAYS_SHOWN);
    expect(ALWAYS_SHOWN).toEqual(['police', 'ambulance', 'fire']);
    for (const t of told) expect(t).toMatchObject({ told: false, firstToldAt: null, references: [] });
  });

  it('marks who was told, with their references once each, from the earliest time', () => {
    const told = whoWasTold([
      n('police', '2026-05-10T12:10:00Z', 'CAD 1234'),
      n('council', '2026-05-10T12:20:00Z'),
      n('police', '2026-05-10T12:05:00Z', 'CAD 1234'),
      n('police', '2026-05-10T12:30:00Z', 'CAD 1299'),
      n('police', '2026-05-10T12:31:00Z', null),
    ]);
    expect(told.map((t) => t.agency)).toEqual(['police', 'ambulance', 'fire', 'council']);
    const police = told.find((t) => t.agency === 'police')!;
    expect(police).toMatchObject({ told: true, name: 'Police', references: ['CAD 1234', 'CAD 1299'] });
    expect(police.firstToldAt).toEqual(new Date('2026-05-10T12:05:00Z'));
    expect(told.find((t) => t.agency === 'ambulance')).toMatchObject({ told: false, firstToldAt: null });
    expect(told.find((t) => t.agency === 'council')).toMatchObject({ told: true, references: [], firstToldAt: new Date('2026-05-10T12:20:00Z') });
  });

  it('gives the earliest notification as the first told, whatever the order they were recorded in', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 * DAY }), { minLength: 1, maxLength: 10 }), (offsets) => {
      const base = Date.UTC(2026, 4, 10);
      const told = whoWasTold(offsets.map((o) => ({ agency: 'ambulance', agencyReference: null, notifiedAt: new Date(base + o), body: '' })));
      expect(told.find((t) => t.agency === 'ambulance')!.firstToldAt!.getTime()).toBe(base + Math.min(...offsets));
    }));
  });
});

describe('personal data cut-offs', () => {
  const recordedAt = new Date('2026-01-01T00:00:00Z');
  const due = (days: number) => {
    const cut = personalDataCutoffs({ now: new Date(recordedAt.getTime() + days * DAY), reviewDays: 31, removalDays: 365 });
    return { review: recordedAt <= cut.review, removal: recordedAt <= cut.removal };
  };

  it('flags personal data for review once the review period has passed, and removes it once the removal period has', () => {
    expect(due(0)).toEqual({ review: false, removal: false });
    expect(due(31 - 1 / 86_400)).toEqual({ review: false, removal: false });
    expect(due(31)).toEqual({ review: true, removal: false });
    expect(due(364.9)).toEqual({ review: true, removal: false });
    expect(due(365)).toEqual({ review: true, removal: true });
    expect(due(2000)).toEqual({ review: true, removal: true });
  });

  it('gives the removal date on which the cut-off reaches the item, for any periods', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3650 }), fc.integer({ min: -5 * DAY, max: 5 * DAY }), (removalDays, offset) => {
      const dueAt = personalDataRemovalDue({ recordedAt, removalDays });
      const now = new Date(dueAt.getTime() + offset);
      expect(recordedAt <= personalDataCutoffs({ now, reviewDays: 1, removalDays }).removal).toBe(offset >= 0);
    }));
  });
});

describe('toldWithReferences', () => {
  it('lists agencies in the order first told, each reference once', () => {
    expect(toldWithReferences([])).toBe('');
    expect(toldWithReferences([
      { agency: 'police', reference: 'CAD 1234-56' }, { agency: 'ambulance', reference: null }, { agency: 'police', reference: ' CAD 1234-56 ' }, { agency: 'police', reference: 'CAD 1301-02' },
    ])).toBe('Police (CAD 1234-56, CAD 1301-02); Ambulance');
  });
});
