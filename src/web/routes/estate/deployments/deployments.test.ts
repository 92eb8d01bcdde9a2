import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import type { DeploymentSummary, MobileCamera } from '../../../api/deployments';
import { actionsFor, dayField, emptyRequest, evidenceQueryOf, renameFields, REQUEST_FIELD_NAMES, requestBodyOf } from './forms';
import { deploymentsCsv, nextSort, reviewWords, sortDeployments, validateDeploymentsSearch } from './search';
import { daysWords, timelineOf } from './timeline';

const summary = (over: Partial<DeploymentSummary>): DeploymentSummary => ({
  id: '00000000-0000-4000-8000-000000000001', reference: 'MD-2026-0001', state: 'requested', locationText: 'Station Street', latitude: 52.8, longitude: -1.63,
  problem: 'Fights at closing time', proposedDays: 90, dpiaReference: 'DPIA-7', requestedBy: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Ann Officer' },
  requestedAt: '2026-03-01T10:00:00.000Z', camera: null, deployedOn: null, removedOn: null, reviewDueOn: null, reviewStatus: null, ...over,
});

describe('the list’s address', () => {
  it('keeps a known state and sort, drops the rest and the default sort', () => {
    expect(validateDeploymentsSearch({ state: 'deployed', sort: 'location_desc' })).toEqual({ state: 'deployed', sort: 'location_desc' });
    expect(validateDeploymentsSearch({ state: 'lost', sort: 'requested_desc' })).toEqual({ state: undefined, sort: undefined });
    expect(validateDeploymentsSearch({ sort: 'drop table' })).toEqual({ state: undefined, sort: undefined });
  });
  it('sorts by a column, reverses it the second time, and leaves the default out', () => {
    expect(nextSort(undefined, 'location')).toBe('location_asc');
    expect(nextSort('location_asc', 'location')).toBe('location_desc');
    expect(nextSort('requested_asc', 'requested')).toBeUndefined();
  });
});

describe('sorting deployments', () => {
  const a = summary({ id: 'a', reference: 'MD-2026-0002', locationText: 'beech road', state: 'deployed', reviewDueOn: '2026-06-01', requestedAt: '2026-03-02T10:00:00Z' });
  const b = summary({ id: 'b', reference: 'MD-2026-0010', locationText: 'Ash Lane', state: 'requested', requestedAt: '2026-03-03T10:00:00Z' });
  const c = summary({ id: 'c', reference: 'MD-2026-0001', locationText: 'Cedar Way', state: 'deployed', reviewDueOn: '2026-04-01', requestedAt: '2026-03-01T10:00:00Z' });
  const ids = (sort: Parameters<typeof sortDeployments>[1]) => sortDeployments([a, b, c], sort).map((d) => d.id);
  it('puts the newest request first by default', () => expect(ids(undefined)).toEqual(['b', 'a', 'c']));
  it('sorts places alphabetically whatever their case', () => expect(ids('location_asc')).toEqual(['b', 'a', 'c']));
  it('sorts references by their number', () => expect(ids('reference_asc')).toEqual(['c', 'a', 'b']));
  it('sorts states in their order, the newest first within one', () => expect(ids('state_asc')).toEqual(['b', 'a', 'c']));
  it('puts the soonest review first and the undeployed after', () => expect(ids('review_asc')).toEqual(['c', 'a', 'b']));
});

describe('the review in words', () => {
  it('says overdue, due soon or the date, for a deployed camera only', () => {
    expect(reviewWords({ state: 'deployed', reviewDueOn: '2026-02-01', reviewStatus: 'overdue' })).toBe('Overdue (was due 1/2/2026)');
    expect(reviewWords({ state: 'deployed', reviewDueOn: '2026-03-14', reviewStatus: 'due_soon' })).toBe('Due soon: 14/3/2026');
    expect(reviewWords({ state: 'deployed', reviewDueOn: '2026-05-01', reviewStatus: 'not_due' })).toBe('Next review 1/5/2026');
    expect(reviewWords({ state: 'deployed', reviewDueOn: '2026-05-01', reviewStatus: 'removal_due' })).toBe('Take down: no longer necessary or proportionate');
    expect(reviewWords({ state: 'removed', reviewDueOn: '2026-02-01', reviewStatus: 'overdue' })).toBe('');
  });
});

describe('the list as CSV', () => {
  it('has a header row, UK dates in London, quotes where needed and no formulas', () => {
    const csv = deploymentsCsv([summary({ locationText: 'Station Street, by the "rank"', problem: '=HYPERLINK("x")', requestedAt: '2026-06-30T23:30:00Z' })]);
    const [head, row] = csv.split('\r\n');
    expect(head.startsWith('Reference,State,Location')).toBe(true);
    expect(row).toContain('"Station Street, by the ""rank"""');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('1/7/2026'); // half past midnight in London
    expect(row).toContain('Awaiting decision');
    expect(row).toContain(',52.8,-1.63,'); // a longitude west of Greenwich stays a number
  });
});

describe('where each mobile camera has been', () => {
  const camera = (reference: string, deployments: MobileCamera['deployments'], current: string | null = null): MobileCamera => ({
    camera: { id: `id-${reference}`, reference, name: `Mobile ${reference}` }, current: current ? { deploymentId: current, reference: current } : null, deployments,
  });
  const place = (id: string, from: string, to: string | null) => ({ deploymentId: id, reference: id, locationText: `Place ${id}`, latitude: 52.8, longitude: -1.63, from, to });
  const rows = timelineOf([
    camera('M10', []),
    camera('M2', [place('d2', '2026-03-01', null), place('d1', '2026-01-01', '2026-01-31')], 'd2'),
  ], '2026-03-10');

  it('orders cameras by their number and places oldest first, with where each is now', () => {
    expect(rows.map((r) => r.camera.reference)).toEqual(['M2', 'M10']);
    expect(rows[0].rows.map((r) => r.deploymentId)).toEqual(['d1', 'd2']);
    expect(rows[0].now?.locationText).toBe('Place d2');
    expect(rows[1].now).toBeUndefined();
  });
  it('says the dates in words and counts the days, to today while still there', () => {
    expect(rows[0].rows[0]).toMatchObject({ when: '1/1/2026 to 31/1/2026', days: 31 });
    expect(rows[0].rows[1]).toMatchObject({ when: 'since 1/3/2026', days: 10 });
    expect(daysWords(1)).toBe('1 day');
  });
  it('places the bars on the span from the first deployment to today', () => {
    // 1 January to 10 March is 69 days.
    expect(rows[0].rows[0].bar.left).toBe(0);
    expect(rows[0].rows[0].bar.width).toBeCloseTo((31 / 69) * 100);
    expect(rows[0].rows[1].bar.left + rows[0].rows[1].bar.width).toBeCloseTo(100);
  });
});

describe('the request form', () => {
  const typed = { ...emptyRequest('3/12/2026', '3/12/2025'), locationText: 'Station Street', latitude: '52.8041', longitude: '-1.6385', problem: 'Fights at closing time', alternatives: 'Patrols', dpiaReference: 'DPIA-7' };
  it('sends UK dates as days and numbers as numbers', () => {
    expect(requestBodyOf(typed).body).toEqual({
      locationText: 'Station Street', latitude: 52.8041, longitude: -1.6385, problem: 'Fights at closing time',
      evidencePeriod: { radiusM: 250, from: '2025-12-03', to: '2026-12-03' }, proposedDays: 90, alternatives: 'Patrols', dpiaReference: 'DPIA-7',
    });
  });
  it('asks for the point, readable dates and a period in order', () => {
    const { body, problems } = requestBodyOf({ ...typed, latitude: '', evidenceFrom: '31/2/2026', proposedDays: 'ninety' });
    expect(body).toBeUndefined();
    expect(problems.latitude).toMatch(/Mark the point/);
    expect(problems.evidenceFrom).toMatch(/real date/);
    expect(problems.proposedDays).toMatch(/number of days/);
    expect(evidenceQueryOf({ ...typed, evidenceFrom: '4/12/2026' }).problems.evidenceTo).toBe('The last day must be on or after the first day');
  });
  it('reads an optional date as none when empty', () => {
    expect(dayField('', 'the next review date', { optional: true })).toEqual({});
    expect(dayField('', 'the day')).toEqual({ problem: 'Enter the day' });
  });
  it('puts the server’s messages about the evidence period on its fields', () => {
    const err = renameFields(new ApiError({ status: 400, errors: [{ path: 'evidencePeriod.to', message: 'The last day must be on or after the first day' }] }), REQUEST_FIELD_NAMES);
    expect((err as ApiError).fieldErrors).toEqual([{ path: 'evidenceTo', message: 'The last day must be on or after the first day' }]);
  });
});

describe('the forms a deployment’s page offers', () => {
  const who = { canManage: true, canApprove: true, isRequester: false };
  it('lets a coordinator decide another’s request, and says why not their own', () => {
    expect(actionsFor({ state: 'requested', ...who }).decide).toBe('yes');
    expect(actionsFor({ state: 'requested', ...who, isRequester: true }).decide).toBe('own');
    expect(actionsFor({ state: 'requested', ...who, canApprove: false }).decide).toBe('no');
  });
  it('offers each step only in the state that allows it', () => {
    expect(actionsFor({ state: 'approved', ...who })).toEqual({ decide: 'no', withdraw: true, deploy: true, review: false, remove: false });
    expect(actionsFor({ state: 'deployed', ...who })).toEqual({ decide: 'no', withdraw: false, deploy: false, review: true, remove: true });
    expect(actionsFor({ state: 'removed', ...who })).toEqual({ decide: 'no', withdraw: false, deploy: false, review: false, remove: false });
    expect(actionsFor({ state: 'approved', ...who, canManage: false }).deploy).toBe(false);
  });
});
