import { metresBetween, round7 } from './coordinates';
import type { CameraValues, ImportRow } from './parse';

// What an import would do to the register: each clean row matched on its camera number to add a
// camera, update one, or leave one as it is. A new number standing where a camera of another
// number stands (and that camera is not in the file) is a renumbering until the user says so:
// flagged, and carried out (the camera keeps its history) only when its number is confirmed.

/** A camera as the register holds it, in the import's terms. */
export interface RegisterEntry {
  id: string; reference: string; name: string; location: string; longitude: number; latitude: number; kind: string; status: string;
  bearing: number | null; fieldOfView: number | null; range: number | null; mountingHeight: number | null; videoSystem: string | null;
  channel: string | null; connectivityLine: string | null; installedOn: string | null; owner: string; ownerName: string | null;
  purpose: string; ward: string | null; capabilities: string[];
  /** What the register's own workflows hold over the camera: a mobile deployment it is up on, open faults. */
  deployment?: string | null; openFaults?: number;
}

/** A camera's fields as they will be written. */
export type CameraRecord = Omit<RegisterEntry, 'id' | 'reference' | 'deployment' | 'openFaults'>;
export type Field = keyof CameraValues;
export interface PlannedAdd { row: ImportRow; values: CameraRecord }
export interface PlannedUpdate { row: ImportRow; id: string; values: CameraRecord; changed: Field[]; renumberedFrom?: string }
export interface PlannedFlag { row: ImportRow; camera: { id: string; reference: string }; metres: number }
/** A row the register's own workflows forbid: it would move a deployed camera, or clear a fault by hand. */
export interface PlannedRefusal { row: ImportRow; reasons: string[] }
export interface ImportPlan { add: PlannedAdd[]; update: PlannedUpdate[]; unchanged: { row: ImportRow; id: string }[]; flagged: PlannedFlag[]; refused: PlannedRefusal[] }

/** Within this distance, a camera with a new number is taken to stand where an existing one does. */
export const SAME_POINT_METRES = 5;


const FIELDS: Field[] = [
  'name', 'location', 'longitude', 'latitude', 'kind', 'status', 'bearing', 'fieldOfView', 'range', 'mountingHeight', 'videoSystem', 'channel',
  'connectivityLine', 'installedOn', 'owner', 'ownerName', 'purpose', 'ward', 'capabilities',
];

/** A number as the import reads it: bearings to a tenth of a degree (360 is north, 0), the other measures to the centimetre (values.ts). */
const AT_IMPORT_PRECISION: Partial<Record<Field, (n: number) => number>> = {
  longitude: round7, latitude: round7,
  bearing: (n) => { const r = Math.round(n * 10) / 10; return r >= 360 ? 0 : r; },
  fieldOfView: (n) => Math.round(n * 100) / 100, range: (n) => Math.round(n * 100) / 100, mountingHeight: (n) => Math.round(n * 100) / 100,
};
const TEXT: ReadonlySet<Field> = new Set(['name', 'location', 'videoSystem', 'channel', 'connectivityLine', 'ownerName', 'purpose', 'ward']);
const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ');

/**
 * Whether a row's value is the camera's, compared as the import reads a cell: a camera whose bearing
 * the edit form stored as 123.456 is unchanged by a row of 123.5 (its own export read back), and one
 * whose purpose runs over two lines by the same text on one. Otherwise each re-import would write a
 * version changing nothing.
 */
const same = (f: Field, a: unknown, b: unknown) => {
  if (f === 'capabilities') return [...(a as string[])].sort().join() === [...(b as string[])].sort().join();
  const rounded = AT_IMPORT_PRECISION[f];
  if (rounded) return typeof a === 'number' && typeof b === 'number' ? rounded(a) === rounded(b) : a === b;
  if (TEXT.has(f) && typeof a === 'string' && typeof b === 'string') return oneLine(a) === oneLine(b);
  return a === b;
};

/** The fields a row gives over those a camera has (written out, so every record has one shape: spreading rows of mixed shapes is slow). */
function fill(b: CameraRecord, v: ImportRow['values']): CameraRecord {
  return {
    name: v.name ?? b.name, location: v.location ?? b.location, longitude: v.longitude, latitude: v.latitude, kind: v.kind ?? b.kind, status: v.status ?? b.status,
    bearing: v.bearing ?? b.bearing, fieldOfView: v.fieldOfView ?? b.fieldOfView, range: v.range ?? b.range, mountingHeight: v.mountingHeight ?? b.mountingHeight,
    videoSystem: v.videoSystem ?? b.videoSystem, channel: v.channel ?? b.channel, connectivityLine: v.connectivityLine ?? b.connectivityLine,
    installedOn: v.installedOn ?? b.installedOn, owner: v.owner ?? b.owner, ownerName: v.ownerName ?? b.ownerName, purpose: v.purpose ?? b.purpose,
    ward: v.ward ?? b.ward, capabilities: v.capabilities ?? b.capabilities,
  };
}
const merge = (e: RegisterEntry, row: ImportRow) => fill(e, row.values);

/** A new camera: the row's fields, and the register's own defaults where the file gives none. */
function newCamera({ number, values: v }: ImportRow): CameraRecord {
  return {
    name: v.name ?? v.location ?? `Camera ${number}`, location: v.location ?? v.name ?? '', longitude: v.longitude, latitude: v.latitude,
    kind: v.kind ?? 'ptz', status: v.status ?? 'operational', bearing: v.bearing ?? null, fieldOfView: v.fieldOfView ?? null, range: v.range ?? null,
    mountingHeight: v.mountingHeight ?? null, videoSystem: v.videoSystem ?? null, channel: v.channel ?? null, connectivityLine: v.connectivityLine ?? null,
    installedOn: v.installedOn ?? null, owner: v.owner ?? 'council', ownerName: v.ownerName ?? null, purpose: v.purpose ?? '', ward: v.ward ?? null,
    capabilities: v.capabilities ?? [],
  };
}
const changedFields = (e: RegisterEntry, row: ImportRow) =>
  FIELDS.filter((f) => row.values[f] !== undefined && !same(f, row.values[f], e[f]));

/** Cells about 11 m by 7 m (at 52°N): a point's neighbours within 5 m are in its cell or the eight around it. */
const CELL = 0.0001;
const cellKey = (i: number, j: number) => i * 10_000_000 + j; // exact in a double for any latitude and longitude cell
const NONE: readonly { entry: RegisterEntry; metres: number }[] = [];
function nearIndex(entries: RegisterEntry[]) {
  const cells = new Map<number, RegisterEntry[]>();
  for (const e of entries) {
    const k = cellKey(Math.floor(e.latitude / CELL), Math.floor(e.longitude / CELL));
    const cell = cells.get(k);
    if (cell) cell.push(e); else cells.set(k, [e]);
  }
  return (p: { latitude: number; longitude: number }) => {
    if (!cells.size) return NONE;
    const near: { entry: RegisterEntry; metres: number }[] = [];
    const [i, j] = [Math.floor(p.latitude / CELL), Math.floor(p.longitude / CELL)];
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const entry of cells.get(cellKey(i + di, j + dj)) ?? []) {
          const metres = metresBetween(p, entry);
          if (metres <= SAME_POINT_METRES) near.push({ entry, metres });
        }
      }
    }
    return near.sort((a, b) => a.metres - b.metres);
  };
}

const WHERE: readonly Field[] = ['location', 'longitude', 'latitude', 'kind', 'status'];

/**
 * What an import may not do to a camera that the register's own workflows hold: move, re-kind or
 * change the status of a mobile camera up on a deployment (its deployment moves it and takes it
 * down), or put back in operation a camera with open faults (it returns when they are cleared).
 */
function guarded(e: RegisterEntry, row: ImportRow, changed: readonly Field[]): string[] {
  const reasons: string[] = [];
  if (e.deployment && changed.some((f) => WHERE.includes(f))) {
    reasons.push(`camera ${e.reference} is deployed on ${e.deployment}: move it or take it down through its deployment, not by import`);
  }
  if (e.openFaults && row.values.status === 'operational' && e.status !== 'operational') {
    reasons.push(`camera ${e.reference} has ${e.openFaults} open fault${e.openFaults === 1 ? '' : 's'}: it returns to operational when ${e.openFaults === 1 ? 'it is' : 'they are'} cleared, not by import`);
  }
  return reasons;
}

export function planImport({ rows, register, confirm = [] }: { rows: readonly ImportRow[]; register: readonly RegisterEntry[]; confirm?: readonly string[] }): ImportPlan {
  const byReference = new Map(register.map((e) => [e.reference, e]));
  const inFile = new Set(rows.map((r) => r.number));
  const confirmed = new Set(confirm.map((n) => n.trim().toUpperCase()));
  // Only cameras the file does not name can have been renumbered: two cameras on one pole, both listed, are two cameras.
  const near = nearIndex(register.filter((e) => !inFile.has(e.reference)));
  const plan: ImportPlan = { add: [], update: [], unchanged: [], flagged: [], refused: [] };
  const renumbered = new Set<string>();

  for (const row of rows) {
    const current = byReference.get(row.number);
    if (current) {
      const changed = changedFields(current, row);
      const forbidden = guarded(current, row, changed);
      if (forbidden.length) { plan.refused.push({ row, reasons: forbidden }); continue; }
      if (changed.length) plan.update.push({ row, id: current.id, values: merge(current, row), changed });
      else plan.unchanged.push({ row, id: current.id });
      continue;
    }
    const candidate = near(row.values).find((n) => !renumbered.has(n.entry.id));
    if (candidate) {
      if (!confirmed.has(row.number)) { plan.flagged.push({ row, camera: { id: candidate.entry.id, reference: candidate.entry.reference }, metres: candidate.metres }); continue; }
      const forbidden = guarded(candidate.entry, row, changedFields(candidate.entry, row));
      if (forbidden.length) { plan.refused.push({ row, reasons: forbidden }); continue; }
      renumbered.add(candidate.entry.id);
      plan.update.push({ row, id: candidate.entry.id, values: merge(candidate.entry, row), changed: changedFields(candidate.entry, row), renumberedFrom: candidate.entry.reference });
      continue;
    }
    plan.add.push({ row, values: newCamera(row) });
  }
  return plan;
}
