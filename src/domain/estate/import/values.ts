import { CAMERA_KINDS, CAMERA_STATUSES } from '../contract';
import { parseDecimal } from './coordinates';

// A register's cells as the register's fields: the words councils write for kinds, statuses,
// owners and capabilities, compass bearings, metres with their unit, UK dates.

export type CameraKindCode = keyof typeof CAMERA_KINDS;
export type CameraStatusCode = keyof typeof CAMERA_STATUSES;
export const CAMERA_OWNERS = ['council', 'partner', 'private'] as const;
export type CameraOwner = (typeof CAMERA_OWNERS)[number];
export const CAMERA_CAPABILITIES = ['pan', 'tilt', 'zoom', 'infrared', 'audio', 'presets'] as const;
export type CameraCapability = (typeof CAMERA_CAPABILITIES)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

const word = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_\-./()]+/g, '');

function vocabulary<T extends string>(codes: Record<T, string>, extra: Record<string, T>) {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(codes) as [T, string][]) { map.set(word(code), code); map.set(word(label), code); }
  for (const [w, code] of Object.entries(extra)) map.set(word(w), code);
  return map;
}

const KINDS = vocabulary<CameraKindCode>(CAMERA_KINDS, {
  static: 'fixed', 'fixed dome': 'fixed', bullet: 'fixed', 'pan tilt zoom': 'ptz', dome: 'ptz', 'ptz dome': 'ptz', mobile: 'mobile', redeployable: 'mobile',
  'rapid deployment': 'mobile', rdc: 'mobile', 'body worn': 'body_worn', bwv: 'body_worn', bwc: 'body_worn', 'bus lane': 'anpr', 'bus lane camera': 'anpr', anpr: 'anpr',
});
const STATUSES = vocabulary<CameraStatusCode>(CAMERA_STATUSES, {
  ok: 'operational', working: 'operational', live: 'operational', 'in service': 'operational', active: 'operational', online: 'operational',
  'partly working': 'degraded', fault: 'faulty', 'faulty camera': 'faulty', broken: 'faulty', offline: 'out_of_service', oos: 'out_of_service',
  'not in service': 'out_of_service', removed: 'decommissioned', decommisioned: 'decommissioned',
});
const OWNERS = vocabulary<CameraOwner>({ council: 'Council', partner: 'Partner', private: 'Private' }, {
  'local authority': 'council', la: 'council', 'borough council': 'council', 'district council': 'council', 'partner scheme': 'partner',
  police: 'partner', 'private scheme': 'private',
});
const CAPABILITIES = vocabulary<CameraCapability>({ pan: 'Pan', tilt: 'Tilt', zoom: 'Zoom', infrared: 'Infrared', audio: 'Audio', presets: 'Presets' }, {
  ir: 'infrared', 'infra red': 'infrared', night: 'infrared', preset: 'presets', microphone: 'audio', mic: 'audio',
});

/** A register says the same few words thousands of times: each distinct text is read once (the answer is a pure function of it; the first 10,000 kept). */
function remembered<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T> {
  const seen = new Map<string, Parsed<T>>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      r = parse(text);
      if (seen.size < 10_000) seen.set(text, r);
    }
    return r;
  };
}

const fromVocabulary = <T extends string>(map: Map<string, T>, what: string, allowed: readonly string[]) => remembered((text: string): Parsed<T> => {
  const code = map.get(word(text));
  return code ? ok(code) : bad(`unknown ${what} "${text}" (one of: ${allowed.join(', ')})`);
});

export const parseKind = fromVocabulary(KINDS, 'kind', Object.values(CAMERA_KINDS));
export const parseStatus = fromVocabulary(STATUSES, 'status', Object.values(CAMERA_STATUSES));
export const parseOwner = fromVocabulary(OWNERS, 'owner', CAMERA_OWNERS);

/** A capability's codes ("PTZ" is three), or undefined for a word the import does not know. */
const capabilityCodes = (text: string): readonly CameraCapability[] | undefined => {
  if (word(text) === 'ptz') return ['pan', 'tilt', 'zoom'];
  const code = CAPABILITIES.get(word(text));
  return code && [code];
};

/**
 * "Pan, tilt, zoom", "PTZ; IR", "pan/tilt/zoom/presets", "pan tilt zoom": the set, in the register's
 * order of codes. A part between separators is read whole first ("infra red"), else word by word.
 */
export const parseCapabilities = remembered(function parseCapabilities(text: string): Parsed<CameraCapability[]> {
  const found = new Set<CameraCapability>();
  for (const part of text.split(/[,;|/+&]|\band\b/i).map((p) => p.trim()).filter(Boolean)) {
    for (const w of capabilityCodes(part) ? [part] : part.split(/\s+/)) {
      const codes = capabilityCodes(w);
      if (!codes) return bad(`unknown capability "${w}" (any of: ${CAMERA_CAPABILITIES.join(', ')}, or PTZ)`);
      for (const code of codes) found.add(code);
    }
  }
  return ok(CAMERA_CAPABILITIES.filter((c) => found.has(c)));
});

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];

/** Degrees clockwise from north, 0 to under 360 (360 is north), or a compass point such as NE or SSW. */
export function parseBearing(text: string): Parsed<number> {
  const t = text.trim().replace(/\s*(°|deg|degrees)$/i, '');
  const point = COMPASS.indexOf(t.toUpperCase());
  if (point >= 0) return ok(point * 22.5);
  const n = parseDecimal(t);
  if (n === undefined || n < 0 || n > 360) return bad(`bearing "${text}" is not degrees from 0 to 360 or a compass point (N, NE, SSW...)`);
  const r = Math.round(n * 10) / 10;
  return ok(r >= 360 ? 0 : r);
}

/** A number of the given unit (the unit may be written after it) inside [min, max]. */
export function measure({ what, unit, min, max, minExclusive = false }: { what: string; unit: RegExp; min: number; max: number; minExclusive?: boolean }) {
  return (text: string): Parsed<number> => {
    const n = parseDecimal(text.trim().replace(unit, ''));
    const low = minExclusive ? `over ${min}` : `from ${min}`;
    if (n === undefined || n > max || (minExclusive ? n <= min : n < min)) return bad(`${what} "${text}" is not a number ${low} to ${max}`);
    return ok(Math.round(n * 100) / 100);
  };
}
export const parseFieldOfView = measure({ what: 'field of view', unit: /\s*(°|deg|degrees)$/i, min: 0, max: 360, minExclusive: true });
export const parseRange = measure({ what: 'range', unit: /\s*(m|metres|meters)$/i, min: 0, max: 5000, minExclusive: true });
export const parseMountingHeight = measure({ what: 'mounting height', unit: /\s*(m|metres|meters)$/i, min: 0, max: 100 });

/** An install date: 2019-04-23, or as the UK writes it, 23/04/2019 (also with - or .). Never month first. */
export const parseDate = remembered(function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : ['', '', ''];
  if (!m) {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!m) return bad(`install date "${text}" is not a date (write 23/04/2019 or 2019-04-23)`);
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return bad(`install date "${text}" is not a real date`);
  if (Number(y) < 1950) return bad(`install date "${text}" is before 1950`);
  return ok(iso);
});

/**
 * Free text up to a length, on one line. An apostrophe before = + - or @ is the one a spreadsheet
 * (or the register's own export) puts there so the text is not run as a formula: it is dropped.
 */
export function parseText({ what, max }: { what: string; max: number }) {
  return (text: string): Parsed<string> => {
    const t = text.trim().replace(/\s+/g, ' ').replace(/^'(?=[=+\-@])/, '');
    return t.length > max ? bad(`${what} is ${t.length} characters long (at most ${max})`) : ok(t);
  };
}

export const CAMERA_NUMBER = /^[A-Z0-9-]{1,16}$/;
/** A camera number as the register keeps it: trimmed, upper case, 1-16 letters, digits or hyphens. */
export function parseNumber(text: string): Parsed<string> {
  const n = text.trim().toUpperCase();
  if (n === '') return bad('missing camera number');
  return CAMERA_NUMBER.test(n) ? ok(n) : bad(`camera number "${text.trim()}" is not 1 to 16 letters, digits or hyphens`);
}
