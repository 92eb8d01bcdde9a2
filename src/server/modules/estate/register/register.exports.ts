import { stringify } from 'csv-stringify/sync';
import { CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES, type Camera } from '../../../../domain/estate/contract';
import { formatTimestamp, formatUkDay } from '../../../../domain/calendar/london';
import { neutraliseCell } from '../../../platform/http/csv';

// The register written out for spreadsheets (CSV, UK dates) and GIS (GeoJSON). Pure. The CSV reads
// back through the register's import (src/domain/estate/import) as it was: every camera unchanged.

export const CSV_HEADER = [
  'Number', 'Name', 'Location', 'Latitude', 'Longitude', 'Kind', 'Status', 'Bearing (degrees)', 'Field of view (degrees)', 'Range (m)', 'Mounting height (m)',
  'Video system', 'Channel', 'Connectivity line', 'Installed on', 'Owner', 'Owner name', 'Purpose', 'Ward', 'Capabilities', 'Version', 'Last changed (UK time)', 'Reason',
];

export function csvRow(c: Camera): unknown[] {
  return [
    c.reference, c.name, c.location, c.latitude, c.longitude, CAMERA_KINDS[c.kind], CAMERA_STATUSES[c.status], c.bearing, c.fieldOfView, c.range, c.mountingHeight,
    c.videoSystem, c.channel, c.connectivityLine, formatUkDay(c.installedOn ?? undefined), CAMERA_OWNERS[c.owner], c.ownerName, c.purpose, c.ward,
    c.capabilities.join(', '), c.version, formatTimestamp(c.changedAt), c.changeReason,
  ];
}

/**
 * The CSV: text that a spreadsheet would run as a formula is neutralised, but numbers are written as
 * numbers (a longitude of -1.63 is not a formula, and the file must read back as it was written).
 */
export function registerCsv(cameras: Camera[]): string {
  const cell = (v: unknown) => (typeof v === 'number' ? String(v) : neutraliseCell(v));
  return stringify([CSV_HEADER, ...cameras.map(csvRow)].map((r) => r.map(cell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export function registerGeoJson(cameras: Camera[]) {
  return {
    type: 'FeatureCollection' as const,
    features: cameras.map(({ id, latitude, longitude, ...properties }) => ({
      type: 'Feature' as const, id,
      geometry: { type: 'Point' as const, coordinates: [longitude, latitude] as [number, number] },
      properties: { ...properties, kindName: CAMERA_KINDS[properties.kind], statusName: CAMERA_STATUSES[properties.status], ownerLabel: CAMERA_OWNERS[properties.owner] },
    })),
  };
}
