import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, chainHash, checkAgainstHead, checkLink, contentHash, formatHead, parseHead, type AuditContent, type ChainRow } from './audit.hash';

/** The same value with the keys of every object in a different order. */
function reorder(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const shuffled: [string, unknown][] = [];
  while (entries.length) shuffled.push(entries.splice(pick(entries.length), 1)[0]);
  return Object.fromEntries(shuffled.map(([k, v]) => [k, reorder(v, pick)]));
}

describe('canonicalJson', () => {
  it('does not depend on the order of keys, at any depth', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.infiniteStream(fc.nat()), (value, picks) => {
      const it = picks[Symbol.iterator]();
      const pick = (n: number) => it.next().value! % n;
      expect(canonicalJson(reorder(value, pick))).toBe(canonicalJson(value));
    }));
  });

  it('sorts keys and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is valid JSON that means the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }));
  });

  it('tells different values apart', () => {
    const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      fc.pre(!isDeepStrictEqual(asJson(a), asJson(b)));
      expect(canonicalJson(a)).not.toBe(canonicalJson(b));
    }));
  });
});

const event = (over: Partial<AuditContent> = {}): AuditContent => ({
  id: '6f1d2a0e-6a4b-4c53-9d38-1f0e8b7a2c11', at: '2026-03-01T09:30:00.000Z', actorId: '0b7e8f52-1c1a-4d0a-9a55-3f3a6c1e2d44',
  actorUsername: 'jsmith', action: 'user.created', recordType: 'user', recordId: 'abc', outcome: 'success', ip: '203.0.113.5',
  userAgent: 'Firefox', details: { roles: ['operator'], n: 1 }, ...over,
});

describe('contentHash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(contentHash(event())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field changes', () => {
    const base = contentHash(event());
    const changes: Partial<AuditContent>[] = [
      { id: '6f1d2a0e-6a4b-4c53-9d38-1f0e8b7a2c12' }, { at: '2026-03-01T09:30:00.001Z' }, { actorId: null }, { actorUsername: 'jsmith2' },
      { action: 'user.updated' }, { recordType: null }, { recordId: 'abd' }, { outcome: 'failure' }, { ip: '203.0.113.6' }, { userAgent: null },
      { details: { roles: ['operator'], n: 2 } }, { details: { roles: ['operator', 'admin'], n: 1 } },
    ];
    for (const change of changes) expect(contentHash(event(change)), JSON.stringify(change)).not.toBe(base);
    const keys = new Set(changes.flatMap((c) => Object.keys(c)));
    expect([...keys].sort()).toEqual(Object.keys(event()).sort());
  });

  it('does not change when details keys come back from the database in another order', () => {
    expect(contentHash(event({ details: { n: 1, roles: ['operator'] } }))).toBe(contentHash(event()));
  });
});

describe('chainHash', () => {
  it('covers the sequence number, the previous hash and the content hash', () => {
    const base = chainHash({ seq: '1', prevHash: GENESIS_HASH, contentHash: 'c'.repeat(64) });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ seq: '2', prevHash: GENESIS_HASH, contentHash: 'c'.repeat(64) })).not.toBe(base);
    expect(chainHash({ seq: '1', prevHash: 'f'.repeat(64), contentHash: 'c'.repeat(64) })).not.toBe(base);
    expect(chainHash({ seq: '1', prevHash: GENESIS_HASH, contentHash: 'd'.repeat(64) })).not.toBe(base);
  });
});

/** A valid chain of n events, built as the database seals them. */
function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let i = 1; i <= n; i++) {
    const content = event({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, details: { i } });
    const seq = String(i);
    const prevHash = rows.at(-1)?.hash ?? GENESIS_HASH;
    const c = contentHash(content);
    rows.push({ ...content, seq, contentHash: c, prevHash, hash: chainHash({ seq, prevHash, contentHash: c }) });
  }
  return rows;
}

/** Runs checkLink over the rows as verifyAuditChain does. */
const firstBreak = (rows: ChainRow[]) => {
  let prev: { seq: string; hash: string } | undefined;
  for (const row of rows) {
    const broken = checkLink(prev, row);
    if (broken) return broken;
    prev = row;
  }
  return undefined;
};

describe('checkLink', () => {
  it('accepts a valid chain', () => {
    expect(firstBreak(chain(25))).toBeUndefined();
  });

  it('wants the first event to be seq 1 with the genesis hash before it', () => {
    const [first] = chain(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(checkLink(undefined, first)).toBeUndefined();
    const [, second] = chain(2);
    expect(checkLink(undefined, second)).toMatchObject({ seq: '2', reason: expect.stringMatching(/missing/) });
  });

  it('names the event after a gap (a row removed)', () => {
    const rows = chain(10);
    rows.splice(4, 1); // seq 5 removed
    expect(firstBreak(rows)).toEqual({ seq: '6', reason: 'sequence jumps from 4 to 6: event(s) missing' });
  });

  it('names an event whose previous hash does not match the event before it', () => {
    const rows = chain(10);
    const prevHash = 'a'.repeat(64);
    rows[6] = { ...rows[6], prevHash, hash: chainHash({ seq: rows[6].seq, prevHash, contentHash: rows[6].contentHash }) }; // rehashed: only the link is wrong
    expect(firstBreak(rows)).toMatchObject({ seq: '7', reason: expect.stringMatching(/previous-hash/) });
  });

  it('names an event whose content was altered', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), fc.jsonValue(), (index, details) => {
      const rows = chain(10);
      fc.pre(canonicalJson(details) !== canonicalJson(rows[index].details));
      rows[index] = { ...rows[index], details };
      expect(firstBreak(rows)).toEqual({ seq: String(index + 1), reason: 'content does not match its hash: the event was altered' });
    }));
  });

  it('names an event whose chain hash was rewritten', () => {
    const rows = chain(10);
    rows[3] = { ...rows[3], hash: 'b'.repeat(64) };
    expect(firstBreak(rows)).toEqual({ seq: '4', reason: 'chain hash does not match: the hashes were rewritten' });
  });

  it('names the next event when an altered event was rehashed throughout (its successor still points at the old hash)', () => {
    const rows = chain(10);
    const altered = { ...rows[2], action: 'user.deleted' };
    const c = contentHash({ ...altered, seq: undefined, contentHash: undefined, prevHash: undefined, hash: undefined } as unknown as AuditContent);
    rows[2] = { ...altered, contentHash: c, hash: chainHash({ seq: altered.seq, prevHash: altered.prevHash, contentHash: c }) };
    expect(firstBreak(rows)).toMatchObject({ seq: '4', reason: expect.stringMatching(/previous-hash/) });
  });
});

describe('the anchored head', () => {
  const hash = 'ab'.repeat(32);
  it('is read back from what `vigil audit head` prints, and nothing else', () => {
    expect(parseHead(formatHead({ seq: '42', hash }))).toEqual({ seq: '42', hash });
    expect(parseHead(` 0042:${hash.toUpperCase()}\n`)).toEqual({ seq: '42', hash });
    for (const junk of ['', '42', `42:${hash}0`, `-1:${hash}`, `x:${hash}`, `42:${'g'.repeat(64)}`]) expect(parseHead(junk), junk).toBeUndefined();
  });

  it('is reached by an intact chain, with the hash recorded for it', () => {
    const head = { seq: '5', hash };
    expect(checkAgainstHead({ head, last: { seq: '9', hash: 'x' }, hashAtSeq: hash })).toBeUndefined();
    expect(checkAgainstHead({ head, last: { seq: '5', hash }, hashAtSeq: hash })).toBeUndefined();
    expect(checkAgainstHead({ head, last: { seq: '3', hash: 'x' }, hashAtSeq: undefined })?.reason).toMatch(/ends at event 3 .* newest event\(s\) were removed/);
    expect(checkAgainstHead({ head, last: undefined, hashAtSeq: undefined })?.reason).toMatch(/ends at event 0/);
    expect(checkAgainstHead({ head, last: { seq: '9', hash: 'x' }, hashAtSeq: 'cd'.repeat(32) })?.reason).toMatch(/does not have the hash recorded/);
    expect(checkAgainstHead({ head: { seq: '0', hash: GENESIS_HASH }, last: undefined, hashAtSeq: undefined })).toBeUndefined();
  });
});
