import proj4 from 'proj4';

// Where a camera stands, from whatever a register gives: WGS84 longitude and latitude, or British
// National Grid eastings and northings (OSGB36, EPSG:27700), even when the grid values sit in
// columns headed x and y or lon and lat. Everything comes out as WGS84 to 7 decimal places (about
// a centimetre), which also drops spreadsheet float artefacts such as -1.6325580000000002.

/**
 * EPSG:27700 with the Ordnance Survey's 7-parameter Helmert transformation to WGS84 (OSGB36 ->
 * WGS84; accurate to a few metres, as the OS says of it, against OSTN15's centimetres).
 */
export const BRITISH_NATIONAL_GRID = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy '
  + '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');

/** The United Kingdom (Northern Ireland, Scilly and Shetland included) with a small margin. */
export const UK_BOUNDS = { south: 49.8, north: 61, west: -8.7, east: 2.0 } as const;
/** Where the National Grid has values: 0-700 km east, 0-1300 km north of its false origin. */
const GRID = { east: 700_000, north: 1_300_000 } as const;

export const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

export const isInUk = (lon: number, lat: number) =>
  lat >= UK_BOUNDS.south && lat <= UK_BOUNDS.north && lon >= UK_BOUNDS.west && lon <= UK_BOUNDS.east;

/** British National Grid easting and northing (metres) to WGS84 longitude and latitude. */
export function gridToWgs84(easting: number, northing: number): { longitude: number; latitude: number } {
  const [lon, lat] = toWgs84.forward([easting, northing]);
  return { longitude: round7(lon), latitude: round7(lat) };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** A plain decimal number (a spreadsheet's exponent form too), or undefined. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export type Position = { longitude: number; latitude: number; system: 'wgs84' | 'osgb36' };
export type PositionResult = { ok: true; position: Position } | { ok: false; reason: string };

const isGrid = (e: number, n: number) => e >= 0 && e <= GRID.east && n >= 0 && n <= GRID.north && (e >= 1000 || n >= 1000);

function fromGrid(e: number, n: number, what: string): PositionResult {
  if (!isGrid(e, n)) return { ok: false, reason: `${what} ${e}, ${n} are not British National Grid eastings and northings (0-700000 and 0-1300000 metres)` };
  const p = gridToWgs84(e, n);
  if (!isInUk(p.longitude, p.latitude)) return { ok: false, reason: `${what} ${e}, ${n} fall outside the United Kingdom` };
  return { ok: true, position: { ...p, system: 'osgb36' } };
}

/**
 * A row's position from its cells: eastings and northings where given, else the longitude and
 * latitude (x and y) columns, read as WGS84 when the values are degrees and as eastings and
 * northings when they are grid metres. Swapped latitude and longitude and points outside the UK
 * are refused with the reason, never guessed at.
 */
export function resolvePosition(cells: { longitude?: string; latitude?: string; easting?: string; northing?: string }): PositionResult {
  const given = (s?: string) => s !== undefined && s.trim() !== '';
  if (given(cells.easting) || given(cells.northing)) {
    if (!given(cells.easting) || !given(cells.northing)) return { ok: false, reason: `missing ${given(cells.easting) ? 'northing' : 'easting'} (eastings and northings come in pairs)` };
    const e = parseDecimal(cells.easting!); const n = parseDecimal(cells.northing!);
    if (e === undefined || n === undefined) return { ok: false, reason: `bad coordinate: easting "${cells.easting}", northing "${cells.northing}" are not numbers` };
    return fromGrid(e, n, 'eastings and northings');
  }
  if (!given(cells.longitude) && !given(cells.latitude)) return { ok: false, reason: 'missing position (no longitude and latitude, or eastings and northings)' };
  if (!given(cells.longitude) || !given(cells.latitude)) return { ok: false, reason: `missing ${given(cells.longitude) ? 'latitude' : 'longitude'}` };
  const x = parseDecimal(cells.longitude!); const y = parseDecimal(cells.latitude!);
  if (x === undefined || y === undefined) return { ok: false, reason: `bad coordinate: longitude "${cells.longitude}", latitude "${cells.latitude}" are not numbers` };
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    const [lon, lat] = [round7(x), round7(y)];
    if (isInUk(lon, lat)) return { ok: true, position: { longitude: lon, latitude: lat, system: 'wgs84' } };
    if (isInUk(lat, lon)) return { ok: false, reason: `latitude and longitude swapped? ${lat} is in the longitude column and ${lon} in the latitude column` };
    return { ok: false, reason: `longitude ${lon}, latitude ${lat} is outside the United Kingdom` };
  }
  if (isGrid(x, y)) return fromGrid(x, y, 'x and y (read as eastings and northings)');
  return { ok: false, reason: `bad coordinate: ${x}, ${y} are neither longitude and latitude nor eastings and northings` };
}

/** Metres between two WGS84 points (haversine on the mean Earth radius: plenty for "the same pole"). */
export function metresBetween(a: { longitude: number; latitude: number }, b: { longitude: number; latitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad; const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
