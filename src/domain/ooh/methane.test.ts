import { describe, expect, it } from 'vitest';
import { methaneChanges, methaneLines, methaneProblems, methaneSummary, type MethaneMessage } from './methane';
import { OohMethane } from './incidents.contract';
import { actionStatus, formatIncidentReference, pastTimeProblem } from './incidents';

const full: MethaneMessage = {
  status: 'declared',
  location: { street: 'Market Street', landmarks: 'Corn Exchange', postcode: 'DC1 2AB', latitude: 52.8, longitude: -1.64, what3words: 'filled.count.soap' },
  type: 'fire', typeDetail: '',
  hazards: { present: 'Smoke', potential: 'Spread to the roof' },
  access: { routesIn: 'Station Road', routesOut: 'Bridge Street', rendezvousPoint: 'Civic Centre car park', areasToAvoid: 'None' },
  casualties: { number: 2, details: '2 smoke inhalation, minor', estimated: true },
  services: [{ agency: 'fire', present: 2, required: 1, notes: '' }],
};
const empty: MethaneMessage = {
  ...full, location: { street: '', landmarks: '', postcode: '', latitude: null, longitude: null, what3words: '' },
  hazards: { present: '', potential: '' }, access: { routesIn: '', routesOut: '', rendezvousPoint: '', areasToAvoid: '' },
  casualties: { number: null, details: '', estimated: false }, services: [],
};
const paths = (m: MethaneMessage) => methaneProblems(m).map((p) => p.path);

describe('M/ETHANE validation', () => {
  it('accepts a declared major incident with every letter given', () => {
    expect(methaneProblems(full)).toEqual([]);
  });

  it('needs every letter of a declared major incident, and says what to fix for each', () => {
    expect(paths({ ...empty, status: 'declared' })).toEqual([
      'location.street', 'hazards.present', 'hazards.potential', 'access.routesIn', 'access.routesOut', 'access.rendezvousPoint', 'access.areasToAvoid', 'casualties.number', 'services',
    ]);
    expect(methaneProblems({ ...empty, status: 'declared' }).find((p) => p.path === 'access.rendezvousPoint')!.message).toMatch(/rendezvous point/);
    // Casualties: the type and severity once there are any; 0 is an answer.
    expect(paths({ ...full, casualties: { number: 3, details: '', estimated: false } })).toEqual(['casualties.details']);
    expect(paths({ ...full, casualties: { number: 0, details: '', estimated: false } })).toEqual([]);
  });

  it('lets ETHANE (below the threshold), standby and stand down go with where and what only', () => {
    const ethane = { ...empty, location: { ...empty.location, landmarks: 'Corn Exchange' } };
    for (const status of ['not_declared', 'standby', 'stand_down'] as const) expect(paths({ ...ethane, status })).toEqual([]);
    expect(paths({ ...empty, status: 'not_declared' })).toEqual(['location.street']);
    // A declared incident needs the street itself, not a landmark only.
    expect(paths({ ...full, location: { ...full.location, street: '' } })).toEqual(['location.street']);
  });

  it('checks the details that would mislead a responder', () => {
    expect(paths({ ...full, type: 'other' })).toEqual(['typeDetail']);
    expect(paths({ ...full, location: { ...full.location, longitude: null } })).toEqual(['location.latitude']);
    expect(paths({ ...full, location: { ...full.location, what3words: 'market street' } })).toEqual(['location.what3words']);
    expect(paths({ ...full, services: [...full.services, { agency: 'fire', present: 1, required: 0, notes: '' }] })).toEqual(['services.1.agency']);
  });

  it('is what the contract refuses, with the same paths', () => {
    const r = OohMethane.safeParse({ ...empty, status: 'declared' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('access.rendezvousPoint');
    expect(OohMethane.safeParse(full).success).toBe(true);
  });
});

describe('what changed', () => {
  it('is nothing for the first message, and each changed line with before and after', () => {
    expect(methaneChanges(null, full)).toEqual([]);
    const next = { ...full, casualties: { number: 5, details: '5 smoke inhalation', estimated: false } };
    expect(methaneChanges(full, next)).toEqual([
      { key: 'casualties', label: 'Number of casualties', from: '2 (estimated)', to: '5' },
      { key: 'casualties.details', label: 'Casualties: type and severity', from: '2 smoke inhalation, minor', to: '5 smoke inhalation' },
    ]);
    expect(methaneChanges(full, { ...full, status: 'stand_down' })).toEqual([{ key: 'status', label: 'Major incident', from: 'Major incident declared', to: 'Stand down' }]);
  });

  it('lists the letters in M, E, T, H, A, N, E order, and a summary line', () => {
    expect(methaneLines(full).map((l) => l.letter).filter((l, i, all) => l !== all[i - 1]).join('')).toBe('METHANE');
    expect(methaneSummary(full)).toBe('Major incident declared: Fire, Market Street, Corn Exchange; 2 (estimated) casualties');
  });
});

describe('incident rules', () => {
  it('numbers MI-YYYY-NNN, reads where an action stands, refuses times to come', () => {
    expect(formatIncidentReference(2026, 7)).toBe('MI-2026-007');
    expect(formatIncidentReference(2026, 1234)).toBe('MI-2026-1234');
    expect(actionStatus([])).toBe('open');
    expect(actionStatus([{ status: 'done' }, { status: 'open' }])).toBe('open');
    const now = new Date('2026-03-01T12:00:00Z');
    expect(pastTimeProblem(new Date('2026-03-01T12:05:00Z'), { now, what: 'it was received' })).toMatch(/future/);
    expect(pastTimeProblem(new Date('2026-03-01T12:00:30Z'), { now, what: 'it was received' })).toBeUndefined();
    expect(pastTimeProblem(new Date('2026-03-01T10:00:00Z'), { now, what: 'it was decided', earliest: new Date('2026-03-01T11:00:00Z') })).toMatch(/before the incident/);
  });
});
