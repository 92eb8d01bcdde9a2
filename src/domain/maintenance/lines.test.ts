import { describe, expect, it } from 'vitest';
import { contractEndFlag, CreateLine, endingSoonUntil, isContractEndFlagged, markedByLineFault, restoredAfterLineFault, UpdateLine } from './lines';

// A line's contract end is flagged from 90 London days before it; a line's fault marks and restores cameras.

describe('contract end flag, 90 London days ahead', () => {
  const now = new Date('2026-06-10T09:00:00Z'); // 10 June in London (BST)

  it('flags the end 90 days ahead, the 90th day included, not the 91st', () => {
    expect(contractEndFlag({ endsOn: '2026-09-08', now })).toEqual({ status: 'ending_soon', daysLeft: 90 });
    expect(contractEndFlag({ endsOn: '2026-09-09', now })).toEqual({ status: 'current', daysLeft: 91 });
    expect(endingSoonUntil(now)).toBe('2026-09-08');
  });

  it('flags the end day itself as ending soon, and the day after as ended', () => {
    expect(contractEndFlag({ endsOn: '2026-06-10', now })).toEqual({ status: 'ending_soon', daysLeft: 0 });
    expect(contractEndFlag({ endsOn: '2026-06-09', now })).toEqual({ status: 'ended', daysLeft: -1 });
    expect(isContractEndFlagged('ended')).toBe(true);
    expect(isContractEndFlagged('ending_soon')).toBe(true);
    expect(isContractEndFlagged('current')).toBe(false);
  });

  it('counts London days: at 23:30 UTC in summer it is already the next day in London', () => {
    const lateUtc = new Date('2026-06-10T23:30:00Z'); // 00:30 on 11 June, BST
    expect(contractEndFlag({ endsOn: '2026-09-09', now: lateUtc })).toEqual({ status: 'ending_soon', daysLeft: 90 });
    expect(endingSoonUntil(lateUtc)).toBe('2026-09-09');
    const justBefore = new Date('2026-06-10T22:59:59Z'); // 23:59:59 on 10 June, BST
    expect(contractEndFlag({ endsOn: '2026-09-09', now: justBefore }).status).toBe('current');
  });

  it('counts whole days across the clock change (the end in GMT, today in BST)', () => {
    const now2 = new Date('2026-09-01T12:00:00Z');
    expect(contractEndFlag({ endsOn: '2026-11-30', now: now2 })).toEqual({ status: 'ending_soon', daysLeft: 90 });
    expect(contractEndFlag({ endsOn: '2026-12-01', now: now2 })).toEqual({ status: 'current', daysLeft: 91 });
  });

  it('says so when there is no end date', () => {
    expect(contractEndFlag({ endsOn: null, now })).toEqual({ status: 'none', daysLeft: null });
  });
});

describe('a line fault and its cameras', () => {
  it('marks operational and degraded cameras, and leaves faulty, out-of-service and decommissioned ones', () => {
    expect(markedByLineFault('operational')).toBe(true);
    expect(markedByLineFault('degraded')).toBe(true);
    expect(markedByLineFault('faulty')).toBe(false);
    expect(markedByLineFault('out_of_service')).toBe(false);
    expect(markedByLineFault('decommissioned')).toBe(false);
  });

  it('restores a marked camera unless a fault of its own is open or someone changed its status meanwhile', () => {
    expect(restoredAfterLineFault({ status: 'faulty', openFaults: 0 })).toBe(true);
    expect(restoredAfterLineFault({ status: 'faulty', openFaults: 1 })).toBe(false);
    expect(restoredAfterLineFault({ status: 'out_of_service', openFaults: 0 })).toBe(false);
  });
});

describe('the line forms', () => {
  it('asks for what a line needs, and keeps the cost in whole pence', () => {
    const r = CreateLine.safeParse({ reference: '', provider: 'BT', kind: 'satellite', circuitId: 'X', monthlyCostPence: 12.5, contractEndsOn: '2026-02-30' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['contractEndsOn', 'kind', 'monthlyCostPence', 'reference']);
    expect(CreateLine.parse({ reference: ' L-1 ', provider: 'BT', kind: '4g', circuitId: 'C1' })).toMatchObject({ reference: 'L-1', monthlyCostPence: 0 });
  });

  it('refuses an update that changes nothing', () => {
    expect(UpdateLine.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateLine.safeParse({ version: 1, notes: 'Renewed' }).success).toBe(true);
  });
});
