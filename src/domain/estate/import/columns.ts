// Which register column feeds which camera field: matched by header with the synonyms real
// registers use (case, spaces, underscores, hyphens and dots ignored, and a unit in brackets after
// the name), or mapped by hand.

export const IMPORT_FIELDS = [
  'number', 'name', 'location', 'longitude', 'latitude', 'easting', 'northing', 'kind', 'status', 'bearing', 'fieldOfView', 'range',
  'mountingHeight', 'videoSystem', 'channel', 'connectivityLine', 'installedOn', 'owner', 'ownerName', 'purpose', 'ward', 'capabilities',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** What a hand mapping may name: a field, or `ignore` for a column to leave out. */
export const MAPPING_TARGETS = [...IMPORT_FIELDS, 'ignore'] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

const SYNONYMS: Record<ImportField, string[]> = {
  number: ['id', 'camera_id', 'camera id', 'camera no', 'camera number', 'camera ref', 'camera reference', 'number', 'no', 'ref', 'reference', 'cam no', 'cam id'],
  name: ['name', 'camera name', 'title'],
  location: ['location', 'description', 'address', 'street', 'site'],
  longitude: ['lon', 'long', 'longitude', 'lng', 'x'],
  latitude: ['lat', 'latitude', 'y'],
  easting: ['easting', 'eastings', 'east', 'os easting', 'grid easting'],
  northing: ['northing', 'northings', 'north', 'os northing', 'grid northing'],
  kind: ['kind', 'type', 'camera type', 'camera kind'],
  status: ['status', 'state', 'condition'],
  bearing: ['bearing', 'direction', 'heading', 'bearing deg', 'bearing degrees'],
  fieldOfView: ['field of view', 'fov', 'field of view deg', 'angle of view', 'view angle'],
  range: ['range', 'range m', 'view range', 'distance'],
  mountingHeight: ['mounting height', 'height', 'mounting height m', 'height m', 'column height'],
  videoSystem: ['video system', 'nvr', 'recorder', 'vms', 'dvr'],
  channel: ['channel', 'recorder channel', 'nvr channel'],
  connectivityLine: ['connectivity line', 'line', 'circuit', 'line ref', 'circuit id', 'connectivity', 'transmission'],
  installedOn: ['install date', 'installed', 'installed on', 'date installed', 'installation date'],
  owner: ['owner', 'ownership', 'owned by'],
  ownerName: ['owner name', 'scheme', 'scheme name', 'partner'],
  purpose: ['purpose', 'purposes', 'justification'],
  ward: ['ward', 'area', 'beat', 'zone'],
  capabilities: ['capabilities', 'features', 'functions'],
};

/** A header as compared: lower case, with spaces, underscores, hyphens, dots and brackets dropped. */
export const normaliseHeader = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s_\-.()/#]+/g, '');

const BY_HEADER = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, string[]][]).flatMap(([field, names]) => names.map((n) => [normaliseHeader(n), field] as const)),
);

/** A header without a unit written after it in brackets: "Range (m)", "Bearing (degrees)", "Mounting height [m]". */
const withoutUnit = (h: string) => h.replace(/\s*(\([^()]*\)|\[[^[\]]*\])\s*$/, '');

/** The field a header names: its exact synonym, else the synonym of the header without its unit. */
const fieldOfHeader = (header: string): ImportField | null =>
  BY_HEADER.get(normaliseHeader(header)) ?? BY_HEADER.get(normaliseHeader(withoutUnit(header))) ?? null;

export interface ColumnMatch { index: number; header: string; field: ImportField | null; by: 'synonym' | 'mapping' | null }

/** A hand mapping's key for a column by its position: `#3` is the third column. */
const POSITION = /^#(\d+)$/;

/**
 * The key a hand mapping gives the column at `index` (from 0): its header, or its position (`#3`
 * for the third) where it has no header or shares its header with another column, which a
 * mapping by header could not tell apart.
 */
export function mappingKeyFor(headers: readonly string[], index: number): string {
  const key = normaliseHeader(headers[index] ?? '');
  const shared = key === '' || headers.some((h, i) => i !== index && normaliseHeader(h) === key);
  return shared ? `#${index + 1}` : headers[index];
}

/**
 * Each header's field. A hand mapping wins over the synonyms: its keys name a column by header
 * (compared as headers are) or by position (`#3`, the third column, which wins over a header);
 * a column mapped to `ignore`, or matching nothing, has no field. Returns the problems that stop an
 * import: two columns for one field, a mapping naming a header or position the file lacks.
 */
export function matchColumns(headers: readonly string[], mapping: Readonly<Record<string, MappingTarget>> = {}) {
  const problems: string[] = [];
  const byHand = new Map<string, MappingTarget>();
  const byPosition = new Map<number, MappingTarget>();
  const present = new Set(headers.map(normaliseHeader));
  for (const [h, f] of Object.entries(mapping)) {
    const position = POSITION.exec(h.trim());
    if (position) {
      const n = Number(position[1]);
      if (n >= 1 && n <= headers.length) byPosition.set(n - 1, f);
      else problems.push(`The mapping names column ${h.trim()}, but the file has ${headers.length === 1 ? '1 column' : `${headers.length} columns`}.`);
    } else if (present.has(normaliseHeader(h))) byHand.set(normaliseHeader(h), f);
    else problems.push(`The mapping names a column "${h}" that the file does not have.`);
  }
  const columns: ColumnMatch[] = headers.map((header, index) => {
    const mapped = byPosition.get(index) ?? byHand.get(normaliseHeader(header));
    if (mapped) return { index, header, field: mapped === 'ignore' ? null : mapped, by: 'mapping' };
    const field = fieldOfHeader(header);
    return { index, header, field, by: field ? 'synonym' : null };
  });
  const seen = new Map<ImportField, ColumnMatch>();
  for (const c of columns) {
    if (!c.field) continue;
    const first = seen.get(c.field);
    if (first) problems.push(`Columns "${first.header}" and "${c.header}" both give the ${FIELD_LABELS[c.field]}: map one of them to another field or to "ignore".`);
    else seen.set(c.field, c);
  }
  const has = (f: ImportField) => seen.has(f);
  if (!has('number')) problems.push('No column gives the camera number (a header such as "Camera ID", "Number" or "Ref"): map the column that holds it to "number".');
  const lonLat = has('longitude') && has('latitude');
  const en = has('easting') && has('northing');
  if (!lonLat && !en) problems.push('No columns give the position: the file needs longitude and latitude (or x and y), or eastings and northings.');
  const unknownHeaders = columns.filter((c) => c.by === null && c.header !== '').map((c) => c.header);
  return { columns, problems, unknownHeaders };
}

export const FIELD_LABELS: Record<ImportField, string> = {
  number: 'camera number', name: 'name', location: 'location', longitude: 'longitude', latitude: 'latitude', easting: 'easting', northing: 'northing',
  kind: 'kind', status: 'status', bearing: 'bearing', fieldOfView: 'field of view', range: 'range', mountingHeight: 'mounting height',
  videoSystem: 'video system', channel: 'channel', connectivityLine: 'connectivity line', installedOn: 'install date', owner: 'owner',
  ownerName: 'owner name', purpose: 'purpose', ward: 'ward', capabilities: 'capabilities',
};
