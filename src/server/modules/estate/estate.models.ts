import { CAMERA_FIELD_LABELS, type Camera, type CameraChange, type CameraField, type UpdateCamera } from '../../../domain/estate/contract';

// Pure decisions about the register: how a row reads as the contract's camera, which column holds
// which field, and what one version changed from the one before.

/** The cameras column behind each of the register's fields (a version's entry is keyed by column). */
export const COLUMN_OF = {
  reference: 'reference', name: 'name', location: 'location_text', latitude: 'latitude', longitude: 'longitude', kind: 'kind', status: 'status',
  bearing: 'bearing_deg', fieldOfView: 'field_of_view_deg', range: 'range_m', mountingHeight: 'mounting_height_m', videoSystem: 'video_system',
  channel: 'channel', connectivityLine: 'connectivity_line', installedOn: 'installed_on', owner: 'owner', ownerName: 'owner_name', purpose: 'purpose',
  ward: 'ward', capabilities: 'capabilities',
} as const satisfies Record<CameraField, string>;
export type CameraColumn = (typeof COLUMN_OF)[CameraField];
const FIELDS = Object.keys(COLUMN_OF) as CameraField[];

/** A camera row as the repository reads it (installed_on as YYYY-MM-DD text). */
export interface CameraRow {
  id: string; reference: string; name: string; location_text: string; latitude: number; longitude: number; kind: Camera['kind']; status: Camera['status'];
  bearing_deg: number | null; field_of_view_deg: number | null; range_m: number | null; mounting_height_m: number | null;
  video_system: string | null; channel: string | null; connectivity_line: string | null; installed_on: string | null;
  owner: Camera['owner']; owner_name: string | null; purpose: string; ward: string | null; capabilities: string[];
  version: number; changed_at: Date | null; created_at: Date | null; change_reason: string;
}

export function toCameraDto(c: CameraRow): Camera {
  return {
    id: c.id, reference: c.reference, name: c.name, location: c.location_text, latitude: c.latitude, longitude: c.longitude, kind: c.kind, status: c.status,
    bearing: c.bearing_deg, fieldOfView: c.field_of_view_deg, range: c.range_m, mountingHeight: c.mounting_height_m,
    videoSystem: c.video_system, channel: c.channel, connectivityLine: c.connectivity_line, installedOn: c.installed_on,
    owner: c.owner, ownerName: c.owner_name, purpose: c.purpose, ward: c.ward, capabilities: c.capabilities as Camera['capabilities'],
    version: c.version, changedAt: (c.changed_at ?? c.created_at ?? new Date(0)).toISOString(), changeReason: c.change_reason,
  };
}

/** The columns an update sets, from the fields it was given (fields left out are left alone). */
export function columnsToSet(patch: Partial<Record<CameraField, unknown>>): Partial<Record<CameraColumn, unknown>> {
  const set: Partial<Record<CameraColumn, unknown>> = {};
  for (const f of FIELDS) if (patch[f] !== undefined) set[COLUMN_OF[f]] = patch[f];
  return set;
}

/** The fields of an update, without its bookkeeping (version, reason). */
export const fieldsOf = ({ version: _v, reason: _r, ...fields }: UpdateCamera) => fields;

type Value = CameraChange['from'];
function normalise(v: unknown): Value {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) return v.map(String).sort();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}
const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a version of a camera changed from the one before, field by field in the register's order,
 * from the two entries (rows keyed by column, as camera_versions keeps them). The first version
 * (no previous entry) changed nothing: it is where the history starts.
 */
export function diffEntries(previous: Record<string, unknown> | null, next: Record<string, unknown>): CameraChange[] {
  if (!previous) return [];
  const changes: CameraChange[] = [];
  for (const field of FIELDS) {
    const from = normalise(previous[COLUMN_OF[field]]);
    const to = normalise(next[COLUMN_OF[field]]);
    if (!same(from, to)) changes.push({ field, label: CAMERA_FIELD_LABELS[field], from, to });
  }
  return changes;
}

/** Which fields of a patch differ from the camera as it stands (an update that changes nothing is refused). */
export function changedFields(current: Camera, patch: Partial<Record<CameraField, unknown>>): CameraField[] {
  return FIELDS.filter((f) => patch[f] !== undefined && !same(normalise(current[f]), normalise(patch[f])));
}
