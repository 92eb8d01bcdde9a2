import { describe, expect, it } from 'vitest';
import { closingStatus, decisionProblem, footageMatch, holdReason, roomClash, viewingRecordProblem } from './disclosure';

const range = { from: new Date('2026-11-20T23:00:00Z'), to: new Date('2026-11-21T00:30:00Z') };
const authority = { crimeReference: 'CR/0451/26' };

describe('footageMatch', () => {
  it('overlaps on the embedded start time and duration, ends touching included', () => {
    expect(footageMatch({ startTime: '2026-11-20T22:59:00Z', durationS: 60, ingestedAt: new Date('2026-11-25T00:00:00Z') }, range)).toBe('overlaps');
    expect(footageMatch({ startTime: '2026-11-20T22:58:00Z', durationS: 59, ingestedAt: new Date('2026-11-25T00:00:00Z') }, range)).toBeNull();
    expect(footageMatch({ startTime: '2026-11-21T00:30:01Z', durationS: 60, ingestedAt: new Date('2026-11-25T00:00:00Z') }, range)).toBeNull();
  });
  it('without an embedded time, only one that came in during the range or within 31 days after it', () => {
    expect(footageMatch({ startTime: null, durationS: 60, ingestedAt: new Date('2026-11-20T22:00:00Z') }, range)).toBeNull();
    expect(footageMatch({ startTime: null, durationS: 60, ingestedAt: new Date('2026-12-22T00:30:00Z') }, range)).toBe('untimed');
    expect(footageMatch({ startTime: null, durationS: 60, ingestedAt: new Date('2026-12-22T00:31:00Z') }, range)).toBeNull();
  });
});

describe('decisionProblem', () => {
  const base = { type: 'agency_footage', closed: false, reasons: '', lawfulBasis: 'dpa_sch2_crime', authority };
  it('allows disclosing an agency request with its authority', () => expect(decisionProblem({ ...base, decision: 'disclose_full' })).toBeUndefined());
  it('needs reasons to refuse', () => {
    expect(decisionProblem({ ...base, decision: 'refuse' })?.path).toBe('reasons');
    expect(decisionProblem({ ...base, decision: 'refuse', reasons: 'Not necessary' })).toBeUndefined();
  });
  it('needs the authority to disclose an agency request', () => expect(decisionProblem({ ...base, authority: null, decision: 'disclose_full' })?.message).toMatch(/authority/));
  it('needs a lawful basis to disclose, and a crime reference for the crime basis', () => {
    expect(decisionProblem({ ...base, lawfulBasis: null, decision: 'disclose_full' })?.path).toBe('lawfulBasis');
    expect(decisionProblem({ ...base, type: 'third_party_footage', authority: null, decision: 'disclose_full' })?.path).toBe('lawfulBasis');
    expect(decisionProblem({ ...base, type: 'third_party_footage', authority: null, lawfulBasis: 'dpa_sch2_legal_proceedings', decision: 'disclose_full' })).toBeUndefined();
  });
  it('needs what is withheld to disclose in part', () => expect(decisionProblem({ ...base, decision: 'disclose_part' })?.path).toBe('reasons'));
  it('is only for footage requests and SARs, and open ones', () => {
    expect(decisionProblem({ ...base, type: 'foi', decision: 'refuse', reasons: 'Not held' })).toBeDefined();
    expect(decisionProblem({ ...base, type: 'sar', authority: null, lawfulBasis: 'consent', decision: 'disclose_full' })).toBeUndefined();
    expect(decisionProblem({ ...base, closed: true, decision: 'disclose_full' })?.message).toMatch(/closed/);
  });
});

describe('closingStatus', () => {
  it('closes by decision and kind', () => {
    expect(closingStatus('agency_footage', 'disclose_full')).toBe('disclosed');
    expect(closingStatus('third_party_footage', 'disclose_part')).toBe('partly_disclosed');
    expect(closingStatus('sar', 'disclose_part')).toBe('responded');
    expect(closingStatus('sar', 'refuse')).toBe('refused');
  });
});

describe('roomClash', () => {
  const b = { id: 'a', room: 'Control room', startsAt: new Date('2026-12-01T10:00:00Z'), endsAt: new Date('2026-12-01T11:00:00Z'), state: 'booked' };
  it('finds an overlapping live booking of the same room (case and spaces aside)', () => {
    expect(roomClash([b], { room: ' control ROOM', startsAt: new Date('2026-12-01T10:30:00Z'), endsAt: new Date('2026-12-01T11:30:00Z') })).toBe(b);
  });
  it('allows back to back, another room, a cancelled booking, and the booking itself', () => {
    expect(roomClash([b], { room: 'Control room', startsAt: b.endsAt, endsAt: new Date('2026-12-01T12:00:00Z') })).toBeUndefined();
    expect(roomClash([b], { room: 'Viewing suite', startsAt: b.startsAt, endsAt: b.endsAt })).toBeUndefined();
    expect(roomClash([{ ...b, state: 'cancelled' }], { room: 'Control room', startsAt: b.startsAt, endsAt: b.endsAt })).toBeUndefined();
    expect(roomClash([b], { room: 'Control room', startsAt: b.startsAt, endsAt: b.endsAt, exceptId: 'a' })).toBeUndefined();
  });
});

describe('viewingRecordProblem and holdReason', () => {
  it('records a booked viewing once, with what was viewed', () => {
    expect(viewingRecordProblem({ state: 'viewed', outcome: 'viewed', viewed: 'All of it', copied: '' })).toBeDefined();
    expect(viewingRecordProblem({ state: 'booked', outcome: 'viewed', viewed: '', copied: '' })?.path).toBe('viewed');
    expect(viewingRecordProblem({ state: 'booked', outcome: 'cancelled', viewed: '', copied: '', exhibitId: 'x' })?.path).toBe('state');
    expect(viewingRecordProblem({ state: 'booked', outcome: 'no_show', viewed: '', copied: '' })).toBeUndefined();
  });
  it('says which request holds the footage', () => {
    expect(holdReason({ reference: 'REQ-2026-000012', summary: 'Assault  outside\nthe Red Lion' })).toBe('Request REQ-2026-000012: Assault outside the Red Lion');
    expect(holdReason({ reference: 'REQ-2026-000012', summary: 'x'.repeat(300) })).toHaveLength('Request REQ-2026-000012: '.length + 200);
  });
});
