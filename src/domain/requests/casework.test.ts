import { describe, expect, it } from 'vitest';
import {
  ApplyExemptions, disclosureOf, exemptionsInForce, identityOf, publicInterestTestRequired, RecordIdentity, RecordSearch, redactionNeeded,
} from './casework';

const ev = (seq: number, kind: string, details: Record<string, unknown>, correctsSeq: number | null = null) => ({ seq, kind, details, correctsSeq });

describe('redaction', () => {
  it('is needed only when a search found the requester with others visible', () => {
    expect(redactionNeeded([])).toBe(false);
    expect(redactionNeeded([{ found: true, othersVisible: false }, { found: false, othersVisible: false }])).toBe(false);
    expect(redactionNeeded([{ found: false, othersVisible: true }])).toBe(false);
    expect(redactionNeeded([{ found: true, othersVisible: false }, { found: true, othersVisible: true }])).toBe(true);
  });
});

describe('a search', () => {
  const base = { searchedFrom: '2026-03-01T20:00:00Z', searchedTo: '2026-03-01T23:00:00Z', found: true, othersVisible: true };
  it('needs a camera or a place in the notes, a range in order, and stills or others only when found', () => {
    const paths = (v: unknown) => (RecordSearch.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths({ ...base, notes: 'Market Place, the PTZ by the clock' })).toEqual([]);
    expect(paths(base)).toEqual(['notes']);
    expect(paths({ ...base, cameraId: '6c8f6b4e-2f1a-4a3c-9a57-0c2b1f0d9e11', searchedTo: '2026-03-01T19:00:00Z' })).toEqual(['searchedTo']);
    expect(paths({ ...base, notes: 'Station Road', found: false, stills: ['a'.repeat(64)] })).toEqual(['othersVisible', 'stills']);
  });
});

describe('identity', () => {
  it('needs a note when verified some other way, and the latest check stands', () => {
    expect(RecordIdentity.safeParse({ method: 'other', verifiedBy: 'Jo Bloggs', on: '2026-03-02' }).error?.issues[0]?.path).toEqual(['note']);
    expect(RecordIdentity.safeParse({ method: 'passport', verifiedBy: 'Jo Bloggs', on: '2026-02-30' }).success).toBe(false);
    expect(identityOf([ev(1, 'received', {})])).toBeNull();
    const id = identityOf([ev(1, 'received', {}), ev(2, 'identity-verified', { method: 'passport', verifiedBy: 'A', on: '2026-03-02' }), ev(3, 'identity-verified', { method: 'driving_licence', verifiedBy: 'B', on: '2026-03-03' })]);
    expect(id).toMatchObject({ method: 'driving_licence', verifiedBy: 'B', seq: 3 });
  });
});

describe('FOI exemptions', () => {
  it('need the public-interest test when any is qualified', () => {
    expect(publicInterestTestRequired(['s.40(2)', 's.21'])).toBe(false);
    expect(publicInterestTestRequired(['s.40(2)', 's.31(1)(a)'])).toBe(true);
    expect(ApplyExemptions.safeParse({ sections: ['s.31(1)(a)'] }).error?.issues[0]?.path).toEqual(['publicInterest']);
    expect(ApplyExemptions.safeParse({ sections: ['s.40(2)'] }).success).toBe(true);
    expect(ApplyExemptions.safeParse({ sections: ['s.99'] }).success).toBe(false);
    expect(ApplyExemptions.safeParse({ sections: [] }).success).toBe(false);
    expect(ApplyExemptions.safeParse({ sections: [], correctsSeq: 2 }).success).toBe(true);
  });

  it('in force are those no later entry corrects', () => {
    const events = [
      ev(1, 'received', {}),
      ev(2, 'exemption-applied', { sections: 's.40(2), s.38' }),
      ev(3, 'exemption-applied', { sections: 's.31(1)(a)' }),
      ev(4, 'exemption-applied', { sections: 's.40(2)' }, 2),
    ];
    expect(exemptionsInForce(events)).toEqual(['s.31(1)(a)', 's.40(2)']);
    expect(exemptionsInForce([...events, ev(5, 'exemption-applied', { sections: '' }, 3)])).toEqual(['s.40(2)']);
  });
});

describe('the disclosure log entry', () => {
  it('is the latest one recorded', () => {
    expect(disclosureOf([])).toBeNull();
    expect(disclosureOf([ev(2, 'disclosure-logged', { title: 'A', answer: 'x', publish: true }), ev(3, 'disclosure-logged', { title: 'B', answer: 'y', publish: false })]))
      .toMatchObject({ title: 'B', publish: false, seq: 3 });
  });
});
