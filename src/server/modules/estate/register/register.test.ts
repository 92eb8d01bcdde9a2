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
  const item = (id: string, version: number, status = 'operational') => ({ id, version, reference: id.toUpperCase(), status, json: `{"id":"${id}","v":${version},"s":"${status}"}` });
  function register(...cameras: ReturnType<typeof item>[]) {
    const now = new Map(cameras.map((c) => [c.id, c]));
    const asked: string[][] = [];
    const source = {
      versions: async () => [...now.values()].map(({ id, version }) => ({ id, version })),
      items: async (ids: readonly string[]) => { asked.push([...ids].sort()); return ids.map((id) => now.get(id)!); },
    };
    return { now, asked, source, stamp: () => `${now.size}-${[...now.values()].reduce((s, c) => s + c.version, 0)}` };
  }

  it('reads every camera once, then only those whose version moved, and answers in number order', async () => {
    const r = register(item('c2', 1), item('c1', 3), item('c3', 1, 'decommissioned'));
    const cache = new MapDataCache();
    const first = await cache.read({ includeDecommissioned: false, stamp: r.stamp(), source: r.source });
    expect(first).toEqual({ stamp: '3-5', body: '{"items":[{"id":"c1","v":3,"s":"operational"},{"id":"c2","v":1,"s":"operational"}]}' });
    expect(r.asked).toEqual([['c1', 'c2', 'c3']]);
    expect((await cache.read({ includeDecommissioned: true, stamp: r.stamp(), source: r.source })).body).toContain('"c3"');
    expect(r.asked).toHaveLength(1); // the stamp stood: nothing read again

    r.now.set('c2', item('c2', 2, 'faulty'));
    r.now.set('c4', item('c4', 1));
    const after = await cache.read({ includeDecommissioned: false, stamp: r.stamp(), source: r.source });
    expect(r.asked.at(-1)).toEqual(['c2', 'c4']);
    expect(after).toEqual({ stamp: '4-7', body: '{"items":[{"id":"c1","v":3,"s":"operational"},{"id":"c2","v":2,"s":"faulty"},{"id":"c4","v":1,"s":"operational"}]}' });
  });

  it('gives the stamp of what it holds, so a change made while it read shows in the next ETag', async () => {
    const r = register(item('c1', 1));
    const cache = new MapDataCache();
    // The request read stamp 1-1; the camera changed before the cache read the versions.
    r.now.set('c1', item('c1', 2));
    expect((await cache.read({ includeDecommissioned: false, stamp: '1-1', source: r.source })).stamp).toBe('1-2');
  });
});
