import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONTINUITY_GENESIS, checkContinuityChain, sealContinuityEvent, type ContinuityLink } from './continuity.models';

const SHA = 'a'.repeat(64);
function chain(n: number): ContinuityLink[] {
  const events: ContinuityLink[] = [];
  for (let i = 0; i < n; i++) {
    const head = events.at(-1);
    events.push(sealContinuityEvent({
      head: head && { seq: head.seq, hash: head.hash },
      event: { exhibitId: 'e1', exhibitReference: 'AB/1', kind: i === 0 ? 'produced' : 'viewed', at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
        actorId: 'u1', actorName: 'Ann Brown', location: 'Control room', reason: `step ${i}`, itemSha256: SHA, details: { n: i, skipped: undefined } },
    }));
  }
  return events;
}
const check = (events: ContinuityLink[], pinnedHead?: { seq: number; hash: string }) => checkContinuityChain({ events, pinnedHead, exhibitReference: 'AB/1' });

describe('continuity chain', () => {
  it('numbers events from 1, links each to the one before and starts from the genesis hash', () => {
    const events = chain(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0].prevHash).toBe(CONTINUITY_GENESIS);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[0].details).toEqual({ n: 0 }); // what jsonb gives back
    expect(check(events)).toEqual([]);
    expect(check(events, { seq: 3, hash: events[2].hash })).toEqual([]);
  });

  it('detects any event removed, reordered or altered, and a chain cut short of its pinned head', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.constantFrom('remove', 'swap', 'alter', 'rehash'), (n, pick, how) => {
      const events = chain(n);
      const i = pick % n;
      const broken = [...events];
      if (how === 'remove') broken.splice(i, 1);
      else if (how === 'swap') [broken[i], broken[(i + 1) % n]] = [broken[(i + 1) % n], broken[i]];
      else if (how === 'alter') broken[i] = { ...broken[i], reason: 'something else' };
      else broken[i] = { ...broken[i], hash: 'f'.repeat(64) };
      const head = { seq: n, hash: events[n - 1].hash };
      // Removing the last event leaves an intact shorter chain: only the pinned head shows it.
      expect(check(broken, head).length).toBeGreaterThan(0);
    }));
  });

  it('says where the chain ends short of the pinned head', () => {
    const events = chain(4);
    expect(check(events.slice(0, 3), { seq: 4, hash: events[3].hash })).toEqual([
      { exhibitReference: 'AB/1', seq: 4, reason: 'the chain ends at event 3 but event 4 was pinned as its head: event(s) removed' },
    ]);
  });
});
