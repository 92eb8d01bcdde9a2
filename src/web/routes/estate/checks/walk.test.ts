import { describe, expect, it } from 'vitest';
import type { Target } from '../../../api/checks';
import {
  back, choose, countWords, currentItem, entryWords, giveNote, isReadyToSave, keyAction, markSaved, moveOn, nextWords, outcomeForKey, position,
  progressWords, promptOf, savedWords, startWalk, targetCountWords, unsaved, type Walk,
} from './walk';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const targets: Target[] = [
  { type: 'camera', id: A, reference: 'C1', name: 'Market Place', status: 'operational', items: ['picture', 'focus', 'clock'] },
  { type: 'camera', id: B, reference: 'C2', name: 'Station Street', status: 'operational', items: ['picture', 'ptz'] },
  { type: 'camera', id: C, reference: 'C3', name: 'High Street', status: 'faulty', items: ['picture'] },
];
const next = (targetId: string, item: Target['items'][number]) => ({ targetType: 'camera' as const, targetId, reference: '', item });

describe('one key per result', () => {
  it('P passes, F fails, N is not applicable, in either case; other keys mean nothing', () => {
    expect(outcomeForKey('p')).toBe('pass');
    expect(outcomeForKey('F')).toBe('fail');
    expect(outcomeForKey('n')).toBe('not_applicable');
    expect(outcomeForKey('x')).toBeUndefined();
    expect(outcomeForKey('Enter')).toBeUndefined();
  });

  it('keys act only with no modifier, outside form fields and dialogs, and while shortcuts are on', () => {
    const free = { typing: false, dialogOpen: false, enabled: true };
    const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(keyAction(press('P'), free)).toBe('pass');
    expect(keyAction(press('n'), free)).toBe('not_applicable');
    expect(keyAction(press('b'), free)).toBe('back');
    expect(keyAction(press('x'), free)).toBeUndefined();
    expect(keyAction(press('F1'), free)).toBeUndefined();
    expect(keyAction(press('f', { ctrlKey: true }), free)).toBeUndefined();
    expect(keyAction(press('p', { altKey: true }), free)).toBeUndefined();
    expect(keyAction(press('p', { metaKey: true }), free)).toBeUndefined();
    expect(keyAction(press('p'), { ...free, typing: true })).toBeUndefined();
    expect(keyAction(press('p'), { ...free, dialogOpen: true })).toBeUndefined();
    expect(keyAction(press('p'), { ...free, enabled: false })).toBeUndefined();
  });
});

describe('the walk through a round', () => {
  it('starts at the round’s next target, with only its items not yet checked', () => {
    const walk = startWalk({ targets, results: [{ targetId: A, item: 'picture' }, { targetId: B, item: 'picture' }], next: next(B, 'ptz') });
    expect(walk.target?.reference).toBe('C2');
    expect(walk.items).toEqual(['ptz']);
    expect(currentItem(walk)).toBe('ptz');
    expect(position(walk)).toEqual({ index: 2, count: 3 });
  });

  it('goes through a target’s items one key at a time, a failure waiting for its note, then is ready to save', () => {
    let walk = startWalk({ targets, results: [], next: next(A, 'picture') });
    walk = choose(walk, 'pass');
    expect(currentItem(walk)).toBe('focus');
    walk = choose(walk, 'fail');
    expect(walk.failing).toBe('focus');
    expect(currentItem(walk)).toBe('focus');
    // Keys do nothing while the note is awaited.
    expect(choose(walk, 'pass')).toBe(walk);
    expect(giveNote(walk, { note: '   ', toleranceSeconds: 10 })).toEqual({ errors: [['note', expect.stringContaining('needs a note')]] });
    walk = giveNote(walk, { note: ' Blurred ', offset: '40', toleranceSeconds: 10 }) as Walk;
    expect(walk.failing).toBeNull();
    expect(isReadyToSave(walk)).toBe(false);
    walk = choose(walk, 'not_applicable');
    expect(isReadyToSave(walk)).toBe(true);
    expect(walk.entries).toEqual([{ item: 'picture', outcome: 'pass' }, { item: 'focus', outcome: 'fail', note: 'Blurred' }, { item: 'clock', outcome: 'not_applicable' }]);
    expect(currentItem(walk)).toBeNull();
    expect(choose(walk, 'pass')).toBe(walk);
  });

  it('takes how far out a failed recorder clock is instead of a note, beyond the tolerance only', () => {
    let walk = choose(choose(startWalk({ targets, results: [], next: next(A, 'picture') }), 'pass'), 'pass');
    walk = choose(walk, 'fail');
    expect(walk.failing).toBe('clock');
    const tolerance = { toleranceSeconds: 10 };
    expect(giveNote(walk, { note: '', ...tolerance })).toEqual({ errors: [['note', expect.stringContaining('or how far out it is')]] });
    expect(giveNote(walk, { note: '', offset: 'ten', ...tolerance })).toEqual({ errors: [['note', expect.any(String)], ['offset', expect.stringContaining('whole seconds')]] });
    expect(giveNote(walk, { note: 'Slow', offset: '-10', ...tolerance })).toEqual({ errors: [['offset', 'The clock is within 10 seconds: record it as passed']] });
    const done = giveNote(walk, { note: '', offset: '\u221214', ...tolerance }) as Walk;
    expect(done.entries.at(-1)).toEqual({ item: 'clock', outcome: 'fail', clockOffsetSeconds: -14 });
    expect(entryWords(done.entries.at(-1)!)).toBe('Recorder clock: failed (-14 s out)');
    expect(entryWords({ item: 'clock', outcome: 'fail', note: 'Drifting', clockOffsetSeconds: 25 })).toBe('Recorder clock: failed (Drifting; +25 s out)');
  });

  it('goes back a step: a failure awaiting its note is dropped, else the last result not saved', () => {
    let walk = choose(startWalk({ targets, results: [], next: next(A, 'picture') }), 'pass');
    walk = choose(walk, 'fail');
    walk = back(walk);
    expect(walk.failing).toBeNull();
    expect(currentItem(walk)).toBe('focus');
    walk = back(walk);
    expect(currentItem(walk)).toBe('picture');
    expect(back(walk)).toEqual(walk);
    const saved = markSaved(choose(walk, 'pass'), 'picture');
    expect(back(saved)).toBe(saved);
  });

  it('sends only what a failed save left unsaved', () => {
    let walk = startWalk({ targets, results: [], next: next(B, 'picture') });
    walk = choose(choose(walk, 'pass'), 'pass');
    walk = markSaved(walk, 'picture');
    expect(unsaved(walk).map((e) => e.item)).toEqual(['ptz']);
  });

  it('moves on to the server’s next target once saved, and ends with the round', () => {
    let walk = startWalk({ targets, results: [], next: next(B, 'picture') });
    walk = choose(choose(walk, 'pass'), 'pass');
    walk = moveOn(walk, next(C, 'picture'));
    expect(walk.target?.reference).toBe('C3');
    expect(walk.entries).toEqual([]);
    expect(walk.done).toEqual([`${B}:picture`, `${B}:ptz`]);
    walk = moveOn(choose(walk, 'pass'), null);
    expect(walk.target).toBeNull();
    expect(currentItem(walk)).toBeNull();
  });

  it('skips a target named next that is already done here, to the next with items left', () => {
    const walk = startWalk({ targets, results: [{ targetId: C, item: 'picture' }], next: next(C, 'picture') });
    expect(walk.target?.reference).toBe('C1');
  });
});

describe('words', () => {
  it('say where the operator is and what is asked', () => {
    expect(progressWords('cameras', { index: 12, count: 58 })).toBe('Camera 12 of 58');
    expect(progressWords('equipment', { index: 1, count: 6 })).toBe('Equipment 1 of 6');
    expect([targetCountWords('cameras', 1), targetCountWords('cameras', 3), targetCountWords('equipment', 1), targetCountWords('equipment', 2)])
      .toEqual(['1 camera', '3 cameras', '1 piece of equipment', '2 pieces of equipment']);
    expect(promptOf('clock', 10)).toBe('Is the recorder clock within 10 seconds of the reference clock?');
  });

  it('say what was recorded, what was saved with the faults raised, and what is next', () => {
    expect(entryWords({ item: 'focus', outcome: 'fail', note: 'Blurred' })).toBe('Focus: failed (Blurred)');
    expect(entryWords({ item: 'ptz', outcome: 'not_applicable' })).toBe('Pan, tilt and zoom: not applicable');
    expect(countWords(['pass', 'pass', 'fail'])).toBe('2 passed, 1 failed');
    expect(countWords([])).toBe('nothing recorded');
    expect(savedWords({ target: targets[0], entries: [{ item: 'picture', outcome: 'pass' }, { item: 'focus', outcome: 'fail', note: 'x' }], faults: ['FLT-2026-000001'] }))
      .toBe('C1 saved: 1 passed, 1 failed. Fault FLT-2026-000001 raised.');
    const start = startWalk({ targets, results: [], next: next(B, 'picture') });
    expect(nextWords('cameras', start)).toBe('Next: camera 2 of 3, C2 Station Street: Picture.');
    expect(nextWords('cameras', choose(start, 'pass'))).toBe('Next: Pan, tilt and zoom.');
    expect(nextWords('cameras', moveOn(start, null))).toBe('The round is complete.');
  });
});
