import type { Camera } from '../../../domain/estate/contract';
import { formatUkDay, parseUkDate } from '../../../domain/calendar/london';
import { CAMERA_FIELD_LABELS } from '../../../domain/estate/contract';

// The edit form's fields as typed, and the change they make: only what differs from the camera as
// read, with the version it was read at (the server refuses it if someone has changed it since).

export const TEXT_FIELDS = ['reference', 'name', 'location', 'videoSystem', 'channel', 'connectivityLine', 'ownerName', 'purpose', 'ward'] as const;
export const NUMBER_FIELDS = ['latitude', 'longitude', 'bearing', 'fieldOfView', 'range', 'mountingHeight'] as const;
export const CHOICE_FIELDS = ['kind', 'status', 'owner'] as const;
type Typed = (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | (typeof CHOICE_FIELDS)[number] | 'installedOn';
export type CameraDraft = Record<Typed, string> & { capabilities: string[]; reason: string };

const REQUIRED = new Set<string>(['reference', 'name', 'location', 'purpose', 'latitude', 'longitude']);

export function draftOf(c: Camera): CameraDraft {
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    ...(Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS, ...CHOICE_FIELDS].map((f) => [f, text(c[f])])) as Record<Typed, string>),
    installedOn: c.installedOn ? formatUkDay(c.installedOn) : '', capabilities: [...c.capabilities], reason: '',
  };
}

export type CameraPatch = Record<string, unknown> & { version: number };

/** The change to send, or what is wrong with the fields (by field name) before anything is sent. */
export function patchOf(c: Camera, d: CameraDraft): { patch: CameraPatch; changed: number; problems?: Record<string, string> } {
  const patch: CameraPatch = { version: c.version };
  const problems: Record<string, string> = {};
  const put = (field: keyof Camera, value: unknown) => {
    if (JSON.stringify(value) !== JSON.stringify(c[field])) (patch as Record<string, unknown>)[field] = value;
  };
  for (const f of TEXT_FIELDS) {
    const v = f === 'reference' ? d[f].trim().toUpperCase() : d[f].trim();
    if (!v && REQUIRED.has(f)) problems[f] = `Enter the ${CAMERA_FIELD_LABELS[f].toLowerCase()}`;
    else put(f, v || (REQUIRED.has(f) ? v : null));
  }
  for (const f of NUMBER_FIELDS) {
    const v = d[f].trim();
    const n = Number(v);
    if (!v && REQUIRED.has(f)) problems[f] = `Enter the ${CAMERA_FIELD_LABELS[f].toLowerCase()}`;
    else if (v && !Number.isFinite(n)) problems[f] = `Enter the ${CAMERA_FIELD_LABELS[f].toLowerCase()} as a number`;
    else put(f, v ? n : null);
  }
  for (const f of CHOICE_FIELDS) put(f, d[f]);
  const day = d.installedOn.trim() ? parseUkDate(d.installedOn) : null;
  if (day === undefined) problems.installedOn = 'Enter the install date as a real date, like 4/3/2024';
  else put('installedOn', day);
  if ([...d.capabilities].sort().join() !== [...c.capabilities].sort().join()) patch.capabilities = d.capabilities;
  const reason = d.reason.trim();
  if (reason) patch.reason = reason;
  else if (decommissioning(c, d)) problems.reason = 'Say why the camera is being decommissioned (the register keeps the reason)';
  const changed = Object.keys(patch).filter((k) => k !== 'version' && k !== 'reason').length;
  return { patch, changed, problems: Object.keys(problems).length ? problems : undefined };
}

const decommissioning = (c: Camera, d: CameraDraft) => d.status === 'decommissioned' && c.status !== 'decommissioned';

/** The reason field's label and hint: it is needed to decommission the camera, and optional for any other change. */
export function reasonField(c: Camera, d: CameraDraft): { label: string; hint: string } {
  return decommissioning(c, d)
    ? { label: 'Why are you decommissioning this camera?', hint: 'Needed to decommission a camera. Kept in the camera’s history, like ‘Pole removed for road works’' }
    : {
      label: 'Why are you making this change? (optional)',
      hint: 'Needed if you decommission the camera (status ‘Decommissioned’); optional for any other change. Kept in the camera’s history, like ‘Re-pointed at the taxi rank after the March review’',
    };
}
