import { describe, expect, it } from 'vitest';
import {
  absenceProblems, absenceWindowEnd, absencesDefaultFrom, accessDecisionProblems, alarmStepProblems, alarmUrgent,
  matchAccessList, normaliseName, patrolProblems,
} from './buildings';

const civic = '11111111-1111-4111-8111-111111111111';
const depot = '22222222-2222-4222-8222-222222222222';
const entry = { id: 'e1', buildingId: civic, name: 'Siobhán O’Brien-Smith', validFrom: '2026-03-01', validTo: '2026-03-31' };

describe('the access list', () => {
  it('matches names whatever their case, accents, apostrophes and spacing', () => {
    expect(normaliseName('  SIOBHAN  obrien smith ')).toBe(normaliseName('Siobhán O’Brien-Smith'));
    expect(normaliseName("Siobhan O'Brien Smith")).toBe('siobhan obrien smith');
    const at = new Date('2026-03-10T22:00:00Z');
    expect(matchAccessList([entry], { name: "siobhan o'brien-smith", buildingId: civic, at })).toBe(entry);
    expect(matchAccessList([entry], { name: 'Siobhan Smith', buildingId: civic, at })).toBeNull();
    expect(matchAccessList([entry], { name: '   ', buildingId: civic, at })).toBeNull();
  });

  it('matches only at the building the entry is for', () => {
    expect(matchAccessList([entry], { name: entry.name, buildingId: depot, at: new Date('2026-03-10T22:00:00Z') })).toBeNull();
  });

  it('matches from the first London minute of its first day to the last of its last (BST from 29 March)', () => {
    const m = (iso: string) => matchAccessList([entry], { name: entry.name, buildingId: civic, at: new Date(iso) });
    expect(m('2026-02-28T23:59:59Z')).toBeNull(); // 23:59:59 GMT on 28 Feb
    expect(m('2026-03-01T00:00:00Z')).toBe(entry);
    expect(m('2026-03-31T22:59:59Z')).toBe(entry); // 23:59:59 BST on 31 Mar
    expect(m('2026-03-31T23:00:00Z')).toBeNull(); // midnight BST: 1 April
  });

  it('an open-ended entry has no last day; a removed one matches no one', () => {
    const open = { ...entry, validTo: null };
    expect(matchAccessList([open], { name: entry.name, buildingId: civic, at: new Date('2030-01-01T02:00:00Z') })).toBe(open);
    expect(matchAccessList([{ ...open, removed: true }], { name: entry.name, buildingId: civic, at: new Date('2026-03-10T02:00:00Z') })).toBeNull();
  });

  it('lets in a visitor not on the list only on a manager’s authority, and refuses with a reason', () => {
    expect(accessDecisionProblems({ decision: 'let_in', reason: '', authorisedBy: '' }, true)).toEqual([]);
    expect(accessDecisionProblems({ decision: 'let_in', reason: '', authorisedBy: '' }, false)).toEqual([{ path: 'authorisedBy', message: expect.stringMatching(/not on this building’s access list/) }]);
    expect(accessDecisionProblems({ decision: 'let_in', reason: '', authorisedBy: 'Dana Okafor' }, false)).toEqual([]);
    expect(accessDecisionProblems({ decision: 'refused', reason: ' ', authorisedBy: '' }, false)).toEqual([{ path: 'reason', message: 'Enter why the visitor was refused' }]);
  });
});

describe('alarm steps', () => {
  const raisedAt = new Date('2026-03-10T22:00:00Z');
  const now = new Date('2026-03-10T23:00:00Z');
  const step = (over: Partial<Parameters<typeof alarmStepProblems>[1]> = {}) => ({ kind: 'attended' as const, at: new Date('2026-03-10T22:30:00Z'), who: 'Sam', note: '', ...over });
  it('happen in order, after the alarm, not in the future', () => {
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step(), now)).toEqual([]);
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step({ at: new Date('2026-03-10T21:59:00Z') }), now)[0]).toMatchObject({ path: 'at', message: expect.stringMatching(/after the alarm went off/) });
    expect(alarmStepProblems({ raisedAt, lastAt: new Date('2026-03-10T22:40:00Z') }, step(), now)[0]).toMatchObject({ path: 'at', message: expect.stringMatching(/order/) });
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step({ at: new Date('2026-03-10T23:30:00Z') }), now)[0]).toMatchObject({ path: 'at' });
  });
  it('say who was called or attended, and what caused it', () => {
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step({ kind: 'keyholder_called', who: ' ' }), now)).toEqual([{ path: 'who', message: 'Enter the keyholder called' }]);
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step({ kind: 'cause' }), now).map((p) => p.path)).toEqual(['falseAlarm', 'note']);
    expect(alarmStepProblems({ raisedAt, lastAt: null }, step({ kind: 'reset', who: '' }), now)).toEqual([]);
  });
  it('a fire alarm, or one open over an hour, is urgent', () => {
    expect(alarmUrgent({ kind: 'fire', raisedAt: now }, now)).toBe(true);
    expect(alarmUrgent({ kind: 'intruder', raisedAt }, now)).toBe(false);
    expect(alarmUrgent({ kind: 'intruder', raisedAt }, new Date(now.getTime() + 1000))).toBe(true);
  });
});

describe('patrol checks', () => {
  const list = ['Rooms vacated', 'Windows and doors secured', 'Intruder alarm set'];
  const ok = (item: string) => ({ item, outcome: 'ok' as const, note: '' });
  it('must be the building’s checks, each once', () => {
    expect(patrolProblems(list, [ok('Rooms vacated'), ok('Lights off')], { completing: false })).toEqual([{ path: 'checks.1.item', message: '“Lights off” is not on this building’s checklist' }]);
    expect(patrolProblems(list, [ok('Rooms vacated'), ok('Rooms vacated')], { completing: false })[0]).toMatchObject({ path: 'checks.1.item' });
  });
  it('complete only with every check ticked, and a problem with its note', () => {
    expect(patrolProblems(list, [ok('Rooms vacated')], { completing: false })).toEqual([]);
    expect(patrolProblems(list, [ok('Rooms vacated')], { completing: true })).toEqual([{ path: 'checks', message: expect.stringMatching(/Windows and doors secured; Intruder alarm set$/) }]);
    const problem = { item: 'Intruder alarm set', outcome: 'problem' as const, note: '' };
    expect(patrolProblems(list, [ok('Rooms vacated'), ok('Windows and doors secured'), problem], { completing: true })).toEqual([{ path: 'checks.2.note', message: 'Describe the problem found: Intruder alarm set' }]);
    expect(patrolProblems(list, [ok('Rooms vacated'), ok('Windows and doors secured'), { ...problem, note: 'Zone 3 fault' }], { completing: true })).toEqual([]);
  });
});

describe('staff absence', () => {
  const now = new Date('2026-07-02T03:00:00Z');
  it('is one shift, ending after it starts, reported already', () => {
    const at = (iso: string) => new Date(iso);
    expect(absenceProblems({ shiftStart: at('2026-07-02T21:00:00Z'), shiftEnd: at('2026-07-03T07:00:00Z'), reportedAt: now }, now)).toEqual([]);
    expect(absenceProblems({ shiftStart: at('2026-07-02T21:00:00Z'), shiftEnd: at('2026-07-02T21:00:00Z'), reportedAt: now }, now)[0]!.path).toBe('shiftEnd');
    expect(absenceProblems({ shiftStart: at('2026-07-02T21:00:00Z'), shiftEnd: at('2026-07-04T07:00:00Z'), reportedAt: now }, now)[0]!.path).toBe('shiftEnd');
    expect(absenceProblems({ shiftStart: at('2026-07-02T21:00:00Z'), shiftEnd: at('2026-07-03T07:00:00Z'), reportedAt: at('2026-07-02T04:00:00Z') }, now)[0]!.path).toBe('reportedAt');
  });
  it('is listed from 18:00 yesterday and handed over until 09:00 tomorrow, London time', () => {
    expect(absencesDefaultFrom(now).toISOString()).toBe('2026-07-01T17:00:00.000Z'); // BST
    expect(absencesDefaultFrom(new Date('2026-01-10T00:30:00Z')).toISOString()).toBe('2026-01-09T18:00:00.000Z');
    expect(absenceWindowEnd(now).toISOString()).toBe('2026-07-03T08:00:00.000Z');
    expect(absenceWindowEnd(new Date('2026-10-24T23:30:00Z')).toISOString()).toBe('2026-10-26T09:00:00.000Z'); // 00:30 BST on Sun 25 Oct; Monday is GMT
  });
});
