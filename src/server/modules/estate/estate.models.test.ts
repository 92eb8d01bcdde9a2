import { describe, expect, it } from 'vitest';
import { changedFields, columnsToSet, diffEntries, toCameraDto, type CameraRow } from './estate.models';

const entry = (over: Record<string, unknown> = {}) => ({
  reference: 'C31', name: 'Station Street', location_text: 'Station Street', latitude: 52.8, longitude: -1.64, kind: 'ptz', status: 'operational',
  bearing_deg: 90, field_of_view_deg: 60, range_m: 80, mounting_height_m: 6, video_system: 'Milestone', channel: '31', connectivity_line: null,
  installed_on: '2019-04-01', owner: 'council', owner_name: null, purpose: 'Public safety', ward: 'Burton', capabilities: ['pan', 'tilt', 'zoom'], ...over,
});

describe('diffEntries (what a version changed)', () => {
  it('lists nothing for the first version', () => {
    expect(diffEntries(null, entry())).toEqual([]);
  });

  it('lists each changed field with its label, old and new value, in the register\'s order', () => {
    expect(diffEntries(entry(), entry({ status: 'faulty', bearing_deg: 215 }))).toEqual([
      { field: 'status', label: 'Status', from: 'operational', to: 'faulty' },
      { field: 'bearing', label: 'Bearing', from: 90, to: 215 },
    ]);
  });

  it('treats a blank and a missing value as the same, and capabilities as a set', () => {
    expect(diffEntries(entry({ owner_name: null }), entry({ owner_name: '' }))).toEqual([]);
    expect(diffEntries(entry(), entry({ capabilities: ['zoom', 'pan', 'tilt'] }))).toEqual([]);
    expect(diffEntries(entry(), entry({ capabilities: ['pan', 'tilt'] }))).toEqual([{ field: 'capabilities', label: 'Capabilities', from: ['pan', 'tilt', 'zoom'], to: ['pan', 'tilt'] }]);
  });

  it('sees a value cleared and one set for the first time', () => {
    expect(diffEntries(entry(), entry({ ward: null, connectivity_line: 'BT-4471' })).map((c) => [c.field, c.from, c.to])).toEqual([
      ['connectivityLine', null, 'BT-4471'], ['ward', 'Burton', null],
    ]);
  });
});

const row = (over: Partial<CameraRow> = {}): CameraRow => ({
  ...(entry() as unknown as CameraRow), id: '00000000-0000-4000-8000-000000000001', version: 3, changed_at: new Date('2026-03-04T10:00:00Z'), created_at: null, change_reason: 'edited', ...over,
});

describe('changedFields and columnsToSet (an update)', () => {
  it('finds only the fields the patch really changes', () => {
    const current = toCameraDto(row());
    expect(changedFields(current, { bearing: 90, status: 'operational' })).toEqual([]);
    expect(changedFields(current, { bearing: 100, name: 'Station Street', ward: null })).toEqual(['bearing', 'ward']);
  });

  it('sets the column behind each field given, a null to clear it, and nothing for a field left out', () => {
    expect(columnsToSet({ bearing: 100, location: 'Union Street', ward: null, name: undefined })).toEqual({ location_text: 'Union Street', bearing_deg: 100, ward: null });
  });

  it('reads a row as the contract\'s camera', () => {
    const c = toCameraDto(row());
    expect(c).toMatchObject({ reference: 'C31', location: 'Station Street', bearing: 90, fieldOfView: 60, installedOn: '2019-04-01', version: 3, changedAt: '2026-03-04T10:00:00.000Z' });
  });
});
