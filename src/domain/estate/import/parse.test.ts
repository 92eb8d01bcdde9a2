import { describe, expect, it } from 'vitest';
import { matchColumns } from './columns';
import { decodeCsv, parseRegister } from './parse';
import { parseBearing, parseCapabilities, parseDate, parseKind, parseStatus } from './values';

const reasonsAt = (csv: string, line: number) => parseRegister(csv).problems.find((p) => p.line === line)?.reasons ?? [];

describe('columns', () => {
  it('matches headers by their usual synonyms, ignoring case, spaces and underscores', () => {
    const headers = ['Camera_ID', ' LONGITUDE ', 'lat', 'Camera Name', 'Street', 'AREA', 'Type', 'Field of View', 'NVR', 'Install Date', 'Notes'];
    const { columns, problems, unknownHeaders } = matchColumns(headers.map((h) => h.trim()));
    expect(problems).toEqual([]);
    expect(columns.map((c) => c.field)).toEqual(['number', 'longitude', 'latitude', 'name', 'location', 'ward', 'kind', 'fieldOfView', 'videoSystem', 'installedOn', null]);
    expect(unknownHeaders).toEqual(['Notes']);
    for (const h of ['id', 'camera no', 'Number', 'REF', 'reference', 'camera number']) expect(matchColumns([h, 'x', 'y']).columns[0].field).toBe('number');
    expect(matchColumns(['id', 'east', 'north']).columns.map((c) => c.field)).toEqual(['number', 'easting', 'northing']);
  });

  it('matches a header with its unit written after it in brackets, and keeps exact synonyms', () => {
    const headers = ['Camera ID', 'Longitude', 'Latitude', 'Range (m)', 'Bearing (degrees)', 'Mounting height [m]', 'Field of view (degrees)', 'Installed on (date)', 'Notes (free text)'];
    expect(matchColumns(headers).columns.map((c) => c.field)).toEqual(['number', 'longitude', 'latitude', 'range', 'bearing', 'mountingHeight', 'fieldOfView', 'installedOn', null]);
    expect(matchColumns(['id', 'x', 'y', 'Bearing Deg', 'Height m']).columns.map((c) => c.field)).toEqual(['number', 'longitude', 'latitude', 'bearing', 'mountingHeight']);
  });

  it('lets the user map unusual headers by hand, and says what is missing or given twice', () => {
    expect(matchColumns(['Asset', 'X', 'Y']).problems.join()).toMatch(/No column gives the camera number/);
    expect(matchColumns(['Asset', 'X', 'Y'], { asset: 'number' }).problems).toEqual([]);
    expect(matchColumns(['id', 'ref', 'x', 'y']).problems.join()).toMatch(/"id" and "ref" both give the camera number/);
    expect(matchColumns(['id', 'ref', 'x', 'y'], { id: 'ignore' }).problems).toEqual([]);
    expect(matchColumns(['id', 'name']).problems.join()).toMatch(/No columns give the position/);
    expect(matchColumns(['id', 'x', 'y'], { Colour: 'name' }).problems.join()).toMatch(/"Colour" that the file does not have/);
  });

  it('maps a column by its position (#1 the first): one without a header, or one of two with the same header', () => {
    const headers = ['', 'x', 'y', 'Notes', 'NOTES'];
    expect(matchColumns(headers).problems.join()).toMatch(/No column gives the camera number/);
    const mapped = matchColumns(headers, { '#1': 'number', ' #5 ': 'name' });
    expect(mapped.problems).toEqual([]);
    expect(mapped.columns.map((c) => [c.field, c.by])).toEqual([['number', 'mapping'], ['longitude', 'synonym'], ['latitude', 'synonym'], [null, null], ['name', 'mapping']]);
    expect(matchColumns(['id', 'x', 'y'], { '#2': 'ignore', x: 'latitude', '#3': 'longitude' }).columns.map((c) => c.field)).toEqual(['number', null, 'longitude']); // a position wins over a header
    expect(matchColumns(['id', 'x', 'y'], { '#4': 'name' }).problems).toEqual(['The mapping names column #4, but the file has 3 columns.']);
    expect(matchColumns(['id', 'x', 'y'], { '#0': 'name' }).problems.join()).toMatch(/column #0/);
    expect(parseRegister(',lon,lat\nC1,-1.6,52.8\n', { mapping: { '#1': 'number' } }).rows.map((r) => r.number)).toEqual(['C1']);
  });
});

describe('parseRegister', () => {
  it('refuses a row with a control character in a field, naming the field, and keeps the clean rows', () => {
    const csv = 'id,lon,lat,name\nC01,-1.63,52.80,High Street\nC02,-1.64,52.81,Bell\u0007 Street\n';
    const parsed = parseRegister(csv);
    expect(parsed.rows.map((r) => r.number)).toEqual(['C01']);
    expect(reasonsAt(csv, 3).join()).toMatch(/control character/);
  });

  it('reads a real register: BOM, CRLF, quoted commas, a field over two lines, blank lines, trailing spaces, float artefacts', () => {
    const csv = '\uFEFFCamera ID,Name,Location,Longitude,Latitude\r\n'
      + 'c01 ,"High Street, north end","Outside 12 High Street,\r\nby the bank",-1.6325580000000002,52.80842700000001\r\n'
      + '\r\n'
      + ',,,,\r\n'
      + 'C02,Brook Street ,Brook Street,-1.633433,52.808528   \r\n';
    const r = parseRegister(csv);
    expect(r.problems).toEqual([]);
    expect(r.records).toBe(2);
    expect(r.rows.map((x) => [x.line, x.number, x.values.name, x.values.location, x.values.longitude, x.values.latitude])).toEqual([
      [2, 'C01', 'High Street, north end', 'Outside 12 High Street, by the bank', -1.632558, 52.808427],
      [6, 'C02', 'Brook Street', 'Brook Street', -1.633433, 52.808528],
    ]);
  });

  it('reads semicolon-separated files and Windows-1252 text', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('id;name;x;y\nC1;Caf'), 0xe9, ...new TextEncoder().encode(' corner;-1.63;52.80\n')]);
    const r = parseRegister(decodeCsv(bytes));
    expect(r.rows[0].values.name).toBe('Café corner');
  });

  it('gives every bad row its line (counting the lines of quoted fields) and every reason', () => {
    const csv = [
      'id,name,lon,lat,type,status,bearing',
      '"C1","two\nlines",-1.63,52.80,ptz,operational,NE', // lines 2-3
      ',no number,-1.63,52.80,,,', // 4
      'C3,swapped,52.80,-1.63,,,', // 5
      'C4,Paris,2.35,48.85,,,', // 6
      'C5,bad,abc,52.8,tripod,broken-ish,400', // 7
      'C1,again,-1.64,52.81,,,', // 8
      'C7 X,space,-1.64,52.81,,,', // 9
      'C8,short,-1.64', // 10
    ].join('\n');
    const r = parseRegister(csv);
    expect(r.rows.map((x) => x.number)).toEqual([]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10]);
    expect(reasonsAt(csv, 2)).toEqual(['duplicate camera number C1 (also on line 8)']);
    expect(reasonsAt(csv, 8)).toEqual(['duplicate camera number C1 (also on line 2)']);
    expect(reasonsAt(csv, 4)).toEqual(['missing camera number']);
    expect(reasonsAt(csv, 5).join()).toMatch(/swapped/);
    expect(reasonsAt(csv, 6).join()).toMatch(/outside the United Kingdom/);
    expect(reasonsAt(csv, 7)).toEqual([
      'bad coordinate: longitude "abc", latitude "52.8" are not numbers', 'unknown kind "tripod" (one of: Fixed, Pan-tilt-zoom, Mobile (redeployable), Body-worn, Bus lane / ANPR)',
      'unknown status "broken-ish" (one of: Operational, Degraded, Faulty, Out of service, Decommissioned)', 'bearing "400" is not degrees from 0 to 360 or a compass point (N, NE, SSW...)',
    ]);
    expect(reasonsAt(csv, 9).join()).toMatch(/not 1 to 16 letters, digits or hyphens/);
    expect(reasonsAt(csv, 10).join()).toMatch(/has 3 fields where the header has 7/);
  });

  it('reads OSGB36 eastings and northings beside WGS84 rows in one file', () => {
    const r = parseRegister('id,easting,northing,lon,lat\nE1,424700,323100,,\nW1,,,-1.63,52.8\nX1,,,424700,323100\n');
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.system)).toEqual(['osgb36', 'wgs84', 'osgb36']);
    expect(r.rows[0].values.latitude).toBeCloseTo(52.8049, 3);
    expect(r.rows[2].values).toEqual(r.rows[0].values);
  });

  it('says where the CSV itself is broken, and refuses a header it cannot use', () => {
    expect(parseRegister('id,x,y\nC1,"-1.6,52.8\nC2,-1.6,52.8\n').problems[0].reasons.join()).toMatch(/never closed/);
    expect(parseRegister('id,name,x,y\nC1,"say ""hi"", then",-1.6,52.8\n').rows[0].values.name).toBe('say "hi", then');
    expect(parseRegister('id,name,x,y\nC1,"a"b,-1.6,52.8\n').problems[0]).toMatchObject({ line: 2, reasons: [expect.stringMatching(/must be doubled/)] });
    expect(parseRegister('id,name,x,y\nC1,6" pole,-1.6,52.8\n').rows[0].values.name).toBe('6" pole');
    expect(parseRegister('').problems).toEqual([{ line: 1, number: null, reasons: [expect.stringMatching(/empty/)] }]);
    expect(parseRegister('what,ever\n1,2\n').problems[0]).toMatchObject({ line: 1, number: null });
  });
});

describe('cell values', () => {
  it('reads the words registers use', () => {
    expect([parseKind('PTZ'), parseKind('Pan Tilt Zoom'), parseKind('redeployable'), parseKind('BWV'), parseKind('Bus lane')].map((r) => r.ok && r.value)).toEqual(['ptz', 'ptz', 'mobile', 'body_worn', 'anpr']);
    expect([parseStatus('Out of Service'), parseStatus('offline'), parseStatus('OK')].map((r) => r.ok && r.value)).toEqual(['out_of_service', 'out_of_service', 'operational']);
    expect(parseCapabilities('PTZ; IR, presets')).toEqual({ ok: true, value: ['pan', 'tilt', 'zoom', 'infrared', 'presets'] });
    expect(parseCapabilities('zoom, teleport').ok).toBe(false);
    expect(parseCapabilities('pan tilt zoom')).toEqual({ ok: true, value: ['pan', 'tilt', 'zoom'] });
    expect(parseCapabilities('PTZ IR  presets')).toEqual({ ok: true, value: ['pan', 'tilt', 'zoom', 'infrared', 'presets'] });
    expect(parseCapabilities('Infra red, audio')).toEqual({ ok: true, value: ['infrared', 'audio'] });
    expect(parseCapabilities('pan wobble zoom')).toEqual({ ok: false, reason: expect.stringMatching(/^unknown capability "wobble"/) });
    expect(parseRegister('id,x,y,line\nC1,-1.6,52.8,\'=HYPERLINK("x")\n').rows[0].values.connectivityLine).toBe('=HYPERLINK("x")'); // the export's neutralising apostrophe
    expect(parseRegister('id,x,y,line\nC1,-1.6,52.8,Bob\'s line\n').rows[0].values.connectivityLine).toBe('Bob\'s line');
    expect([parseBearing('SSW'), parseBearing('359.99'), parseBearing('90°')].map((r) => r.ok && r.value)).toEqual([202.5, 0, 90]);
    expect([parseDate('23/04/2019'), parseDate('2019-04-23'), parseDate('3.4.2019')].map((r) => r.ok && r.value)).toEqual(['2019-04-23', '2019-04-23', '2019-04-03']);
    expect(parseDate('31/02/2019').ok).toBe(false);
    expect(parseDate('04/23/2019').ok).toBe(false);
  });
});
