import { z } from 'zod';
import { codesOf } from '../labels';
import { dateTime, line, text as plainText, uniqueArray } from '../validation';
import { isValidDay } from '../calendar/london';

// The camera estate's contract between server and web app.

export const CAMERA_KINDS = { fixed: 'Fixed', ptz: 'Pan-tilt-zoom', mobile: 'Mobile (redeployable)', body_worn: 'Body-worn', anpr: 'Bus lane / ANPR' } as const;
export const CAMERA_STATUSES = { operational: 'Operational', degraded: 'Degraded', faulty: 'Faulty', out_of_service: 'Out of service', decommissioned: 'Decommissioned' } as const;
export const CAMERA_OWNERS = { council: 'Council', partner: 'Partner', private: 'Private scheme' } as const;
export const CAMERA_CAPABILITIES = { pan: 'Pan', tilt: 'Tilt', zoom: 'Zoom', infrared: 'Infrared', audio: 'Audio', presets: 'Presets' } as const;
export const CameraKind = codesOf(CAMERA_KINDS);
export const CameraStatus = codesOf(CAMERA_STATUSES);
export const CameraOwner = codesOf(CAMERA_OWNERS);
export const CameraCapability = codesOf(CAMERA_CAPABILITIES);

/** A camera as the register keeps it (angles in degrees clockwise from north, lengths in metres). */
export const Camera = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(), latitude: z.number(), longitude: z.number(), kind: CameraKind, status: CameraStatus,
  bearing: z.number().nullable(), fieldOfView: z.number().nullable(), range: z.number().nullable(), mountingHeight: z.number().nullable(),
  videoSystem: z.string().nullable(), channel: z.string().nullable(), connectivityLine: z.string().nullable(),
  /** YYYY-MM-DD */
  installedOn: z.string().nullable(),
  owner: CameraOwner, ownerName: z.string().nullable(), purpose: z.string(), ward: z.string().nullable(), capabilities: z.array(CameraCapability),
  /** Goes up by one with every change: send it back with an update. */
  version: z.number().int(),
  /** When this version began (the change's time), and why. */
  changedAt: z.string(), changeReason: z.string(),
}).meta({ id: 'Camera' });
export type Camera = z.infer<typeof Camera>;

export const CAMERA_FIELD_LABELS = {
  reference: 'Number', name: 'Name', location: 'Location', latitude: 'Latitude', longitude: 'Longitude', kind: 'Kind', status: 'Status',
  bearing: 'Bearing', fieldOfView: 'Field of view', range: 'Range', mountingHeight: 'Mounting height', videoSystem: 'Video system', channel: 'Channel',
  connectivityLine: 'Connectivity line', installedOn: 'Installed on', owner: 'Owner', ownerName: 'Owner name', purpose: 'Purpose', ward: 'Ward', capabilities: 'Capabilities',
} as const;
export type CameraField = keyof typeof CAMERA_FIELD_LABELS;

// Rounded to a millimetre or so: a float artefact (or a subnormal PostgreSQL would refuse) never reaches the database.
const round = (v: number) => Math.round(v * 1e7) / 1e7;
const optionalLine = (max: number, what: string) => line().trim().max(max, `Keep the ${what} to ${max} characters or fewer`).transform((v) => v || null).nullable().optional();
const measure = (what: string, min: number, max: number, { minExclusive = false, maxExclusive = false } = {}) => {
  let n = z.number();
  n = minExclusive ? n.gt(min, `The ${what} must be more than ${min}`) : n.min(min, `The ${what} must be at least ${min}`);
  n = maxExclusive ? n.lt(max, `The ${what} must be less than ${max}`) : n.max(max, `The ${what} must be at most ${max}`);
  return z.number({ message: `Enter the ${what} as a number` }).transform(round).pipe(n).nullable().optional();
};

/** The register's fields as a form sends them (all but number, name, place, kind and purpose may be left out). */
const CameraFields = z.object({
  reference: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,16}$/, 'Give the camera number as 1 to 16 letters, digits or hyphens (C31, say)'),
  name: line().trim().min(1, 'Enter the camera’s name').max(200, 'Keep the name to 200 characters or fewer'),
  location: line().trim().min(1, 'Enter where the camera is (street and landmark)').max(500, 'Keep the location to 500 characters or fewer'),
  latitude: z.number({ message: 'Enter the latitude as a number' }).min(49, 'The latitude must be in the UK (49 to 61)').max(61, 'The latitude must be in the UK (49 to 61)').transform(round),
  longitude: z.number({ message: 'Enter the longitude as a number' }).min(-9, 'The longitude must be in the UK (-9 to 2)').max(2, 'The longitude must be in the UK (-9 to 2)').transform(round),
  kind: CameraKind,
  status: CameraStatus,
  bearing: measure('bearing', 0, 360, { maxExclusive: true }),
  fieldOfView: measure('field of view', 0, 360, { minExclusive: true }),
  range: measure('range in metres', 0, 5000, { minExclusive: true }),
  mountingHeight: measure('mounting height in metres', 0, 100),
  videoSystem: optionalLine(100, 'video system'),
  channel: optionalLine(50, 'channel'),
  connectivityLine: optionalLine(100, 'connectivity line'),
  installedOn: z.string().refine(isValidDay, 'Enter the install date as YYYY-MM-DD').nullable().optional(),
  owner: CameraOwner,
  ownerName: optionalLine(200, 'owner’s name'),
  purpose: plainText().trim().min(3, 'Enter the purpose the camera serves (the Code of Practice asks it of every camera)').max(2000, 'Keep the purpose to 2000 characters or fewer'),
  ward: optionalLine(100, 'ward'),
  capabilities: uniqueArray(CameraCapability, { what: 'capability', max: 6 }),
});
const reason = plainText().trim().min(1, 'Say why, or leave the reason out').max(500, 'Keep the reason to 500 characters or fewer').optional();

export const RegisterCamera = CameraFields.extend({
  status: CameraStatus.default('operational'), owner: CameraOwner.default('council'), capabilities: CameraFields.shape.capabilities.default([]), reason,
}).meta({ id: 'RegisterCamera' });
export type RegisterCamera = z.output<typeof RegisterCamera>;

export const UpdateCamera = CameraFields.partial().extend({
  version: z.number({ message: 'Send the version you are changing (from the camera as you read it)' }).int().min(1),
  reason,
}).refine(({ version: _v, reason: _r, ...fields }) => Object.values(fields).some((v) => v !== undefined), { message: 'Change at least one field' })
  .meta({ id: 'UpdateCamera' });
export type UpdateCamera = z.output<typeof UpdateCamera>;

export const CAMERA_SORT_FIELDS = ['reference', 'name', 'status', 'kind', 'ward', 'installed_on'] as const;
export const CameraSort = z.enum(CAMERA_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const) as [`${(typeof CAMERA_SORT_FIELDS)[number]}_${'asc' | 'desc'}`, ...`${(typeof CAMERA_SORT_FIELDS)[number]}_${'asc' | 'desc'}`[]]);
export type CameraSort = z.infer<typeof CameraSort>;

const flag = z.enum(['true', 'false'], 'Give true or false').transform((v) => v === 'true');

/** The register's filters, as the query string carries them; `asAt` reads the register as it stood then. */
export const CameraFilter = z.object({
  q: line().trim().max(200).optional(),
  kind: CameraKind.optional(),
  status: CameraStatus.optional(),
  owner: CameraOwner.optional(),
  ward: line().trim().max(100).optional(),
  includeDecommissioned: flag.optional(),
  asAt: dateTime({ message: 'Give the moment as an ISO date and time' }).optional(),
  sort: CameraSort.default('reference_asc'),
});
export type CameraFilter = z.output<typeof CameraFilter>;
export const CameraSearch = CameraFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(100) });
export const CameraPage = z.object({ items: z.array(Camera), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'CameraPage' });

const pathId = (name: string) => z.uuid({ message: `The ${name} in the address is not an id` }).meta({ param: { name, in: 'path' } });
export const CameraIdParam = z.object({ id: pathId('id') });
export const CameraAsAt = z.object({ asAt: dateTime({ message: 'Give the moment as an ISO date and time' }).optional() });

export const CameraChange = z.object({
  field: z.string(), label: z.string(),
  from: z.union([z.string(), z.number(), z.array(z.string())]).nullable(), to: z.union([z.string(), z.number(), z.array(z.string())]).nullable(),
}).meta({ id: 'CameraChange' });
export type CameraChange = z.infer<typeof CameraChange>;
export const CameraVersion = z.object({
  version: z.number().int(), validFrom: z.string(), changedBy: z.object({ id: z.string(), name: z.string() }).nullable(), reason: z.string(),
  /** What this version changed from the one before (the first version lists nothing). */
  changes: z.array(CameraChange),
}).meta({ id: 'CameraVersion' });
export const CameraHistory = z.object({ id: z.uuid(), reference: z.string(), items: z.array(CameraVersion) }).meta({ id: 'CameraHistory' });

/** The estate map's data: one small record per camera, the whole estate in one reply. */
export const CameraMapItem = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(), lat: z.number(), lon: z.number(), kind: CameraKind, status: CameraStatus,
  bearing: z.number().nullable(), fov: z.number().nullable(), range: z.number().nullable(), owner: CameraOwner, ward: z.string().nullable(),
}).meta({ id: 'CameraMapItem' });
export const CameraMap = z.object({ items: z.array(CameraMapItem) }).meta({ id: 'CameraMap' });
export const CameraMapQuery = z.object({ includeDecommissioned: flag.optional() });

const coordinate = (what: string, limit: number) => z.preprocess((v) => (v === '' ? undefined : v),
  z.coerce.number({ message: `Give the ${what} as a number` }).min(-limit, `Give a ${what} between -${limit} and ${limit}`).max(limit, `Give a ${what} between -${limit} and ${limit}`).transform(round).optional());

/** The occurrence log's camera picker: by number, name or street, nearest to a point first. */
export const CameraPickQuery = z.object({
  q: line().trim().max(100).optional(),
  lat: coordinate('latitude', 90),
  lon: coordinate('longitude', 180),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).refine((v) => (v.lat === undefined) === (v.lon === undefined), { message: 'Give both lat and lon, or neither', path: ['lon'] });
export const CameraPick = z.object({
  items: z.array(z.object({
    id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(), kind: CameraKind, status: CameraStatus, latitude: z.number(), longitude: z.number(),
    /** Metres from the point given (null without one). */
    distanceM: z.number().nullable(),
  })),
}).meta({ id: 'CameraPick' });

/** The register as GeoJSON (RFC 7946: WGS84, longitude before latitude). */
export const CameraFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.uuid(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: Camera.omit({ id: true, latitude: true, longitude: true }).extend({ kindName: z.string(), statusName: z.string(), ownerLabel: z.string() }),
  })),
}).meta({ id: 'CameraFeatureCollection' });

export * from './deployments';
export * from './checks';
