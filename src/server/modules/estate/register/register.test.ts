import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Camera } from '../../../../domain/estate/contract';
import { CSV_HEADER, registerCsv, registerGeoJson } from './register.exports';
import { MapDataCache, etagMatches, mapEtag } from './register.map';
import { matchColumns } from '../../../../domain/estate/import/columns';
import { parseRegister } from '../../../../domain/estate/import/parse';

const camera = (over: Partial<Camera> = {}): Camera => ({
  id: '00000000-0000-4000-8000-000000000031', reference: 'C31', name: 'Station Street, "the Arches"', location: 'Station Street, Burton upon Trent', latitude: 52.804512, longitude: -1.640571,
  kind: 'ptz', status: 'degraded', bearing: 215, fieldOfView: 60, range: 80, mountingHeight: 6, videoSystem: 'Milestone', channel: '31', connectivityLine: '=HYPERLINK("x")',
  installedOn: '2019-04-01', owner: 'council', ownerName: null, purpose: 'Night-time economy', ward: 'Burton', capabilities: ['pan', 'tilt', 'zoom'],
  version: 4, changedAt: '2026-07-04T09:30:00.000Z', changeReason: 're-pointed', ...over,
});

describe('the register as CSV', () => {
  it('reads back with its commas and quotes, UK dates, labels, numbers as numbers and formulas neutralised', () => {
    const [header, row] = parse(registerCsv([camera()])) as string[][];
    expect(header).toEqual(CSV_HEADER);
    const cell = (name: string) => row[CSV_HEADER.indexOf(name)];
    expect(cell('Name')).toBe('Station Street, "the Arches"');
    expect(cell('Longitude')).toBe('-1.640571');
    expect(cell('Latitude')).toBe('52.804512');
    expect(cell('Kind')).toBe('Pan-tilt-zoom');
    expect(cell('Status')).toBe('Degraded');
    expect(cell('Installed on')).toBe('1/4/2019');
    expect(cell('Last changed (UK time)')).toBe('04/07/2026, 10:30:00'); // BST
    expect(cell('Connectivity line')).toBe('\'=HYPERLINK("x")');
    expect(cell('Capabilities')).toBe('pan, tilt, zoom');
    expect(cell('Owner name')).toBe('');
  });
});

describe('the register as CSV read back by the import', () => {
  it('matches every header it writes to its field, and reads each camera back as it was written', () => {
    const { columns, problems } = matchColumns(CSV_HEADER);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toEqual({
      Number: 'number', Name: 'name', Location: 'location', Latitude: 'latitude', Longitude: 'longitude', Kind: 'kind', Status: 'status', 'Bearing (degrees)': 'bearing',
      'Field of view (degrees)': 'fieldOfView', 'Range (m)': 'range', 'Mounting height (m)': 'mountingHeight', 'Video system': 'videoSystem', Channel: 'channel',
      'Connectivity line': 'connectivityLine', 'Installed on': 'installedOn', Owner: 'owner', 'Owner name': 'ownerName', Purpose: 'purpose', Ward: 'ward',
      Capabilities: 'capabilities', Version: null, 'Last changed (UK time)': null, Reason: null,
    });
    const cam = camera({ ownerName: 'Burton BID', owner: 'private', kind: 'anpr', capabilities: ['pan', 'tilt', 'zoom', 'infrared', 'audio', 'presets'] });
    const parsed = parseRegister(registerCsv([cam]));
    expect(parsed.problems).toEqual([]);
    const { id: _id, reference: _ref, version: _v, changedAt: _at, changeReason: _r, ...fields } = cam;
    expect(parsed.rows[0]).toMatchObject({ number: 'C31', values: fields });
  });
});

describe('the register as GeoJSON', () => {
  it('is a FeatureCollection of Points with longitude first (RFC 7946) and the register\'s fields', () => {
    const g = registerGeoJson([camera()]);
    expect(g.type).toBe('FeatureCollection');
    expect(g.features[0]).toMatchObject({ type: 'Feature', id: camera().id, geometry: { type: 'Point', coordinates: [-1.640571, 52.804512] } });
    expect(g.features[0].properties).toMatchObject({ reference: 'C31', bearing: 215, fieldOfView: 60, range: 80, statusName: 'Degraded', kindName: 'Pan-tilt-zoom', ownerLabel: 'Council' });
    expect(g.features[0].properties).not.toHaveProperty('latitude');
  });
});

describe('the map\'s ETag', () => {
  const etag = mapEtag({ stamp: '60-75', includeDecommissioned: false });
  it('matches itself, weak or strong, alone or in a list, and *', () => {
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches('"cameras-60-75"', etag)).toBe(true);
    expect(etagMatches(`"x", ${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
  });
  it('differs when the register or the view does', () => {
    expect(etagMatches(etag, mapEtag({ stamp: '60-76', includeDecommissioned: false }))).toBe(false);
    expect(etagMatches(etag, mapEtag({ stamp: '60-75', includeDecommissioned: true }))).toBe(false);
  });
});

describe('the map data cache', () => {
  it('builds once while the stamp stands, again when it moves, and keeps each view apart', async () => {
    const cache = new MapDataCache();
    let builds = 0;
    const build = (stamp: string) => async () => { builds++; return { stamp, body: `{"items":[],"n":${builds}}` }; };
    expect((await cache.read({ includeDecommissioned: false, stamp: '1-1', build: build('1-1') })).body).toBe('{"items":[],"n":1}');
    expect((await cache.read({ includeDecommissioned: false, stamp: '1-1', build: build('1-1') })).body).toBe('{"items":[],"n":1}');
    expect((await cache.read({ includeDecommissioned: true, stamp: '1-1', build: build('1-1') })).body).toBe('{"items":[],"n":2}');
    expect((await cache.read({ includeDecommissioned: false, stamp: '1-2', build: build('1-2') })).body).toBe('{"items":[],"n":3}');
    expect(builds).toBe(3);
  });
});
