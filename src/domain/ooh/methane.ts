// The M/ETHANE message (JESIP): what a control room passes between responders about an incident.
// M: major incident declared (or standby, or stand down); below that threshold the same message is
// sent without the M (ETHANE). E exact location, T type, H hazards present and potential, A access
// (routes in and out, rendezvous point, areas to avoid), N number of casualties (type, severity,
// estimated), E emergency services present and required. Pure: the server, the page and the PDF
// check, summarise and compare messages with these functions.

export const METHANE_STATUSES = {
  declared: 'Major incident declared',
  standby: 'Major incident standby',
  not_declared: 'Not declared (ETHANE)',
  stand_down: 'Stand down',
} as const;
export type MethaneStatus = keyof typeof METHANE_STATUSES;

export const INCIDENT_TYPES = {
  rtc: 'Road traffic collision',
  fire: 'Fire',
  explosion: 'Explosion',
  building_collapse: 'Building collapse',
  flooding: 'Flooding',
  disorder: 'Disorder',
  hazardous_materials: 'Hazardous materials',
  other: 'Other',
} as const;
export type IncidentType = keyof typeof INCIDENT_TYPES;

export const AGENCIES = {
  police: 'Police',
  fire: 'Fire and rescue',
  ambulance: 'Ambulance',
  council: 'Council',
  environment_agency: 'Environment Agency',
  utilities: 'Utilities (gas, water, electricity)',
  highways: 'Highways',
  coastguard: 'Coastguard',
  other: 'Other',
} as const;
export type Agency = keyof typeof AGENCIES;

export interface MethaneService { agency: Agency; present: number; required: number; notes: string }

export interface MethaneMessage {
  status: MethaneStatus;
  location: { street: string; landmarks: string; postcode: string; latitude: number | null; longitude: number | null; what3words: string };
  type: IncidentType;
  typeDetail: string;
  hazards: { present: string; potential: string };
  access: { routesIn: string; routesOut: string; rendezvousPoint: string; areasToAvoid: string };
  casualties: { number: number | null; details: string; estimated: boolean };
  services: MethaneService[];
}

export interface MethaneProblem { path: string; message: string }

const blank = (s: string | null | undefined) => !s || !s.trim();

/** Whether the message carries the M: a major incident declared or on standby. */
export const isMajor = (status: MethaneStatus) => status === 'declared' || status === 'standby';

/**
 * What is missing or wrong, field by field. Every message needs its exact location (a street or a
 * landmark) and its type. A declared major incident needs every letter: hazards present and
 * potential, routes in and out and the rendezvous point, areas to avoid ("none" is an answer), the
 * number of casualties (with their type and severity when there are any) and at least one agency.
 * Below the threshold (ETHANE, standby, stand down) the rest is sent as it becomes known.
 */
export function methaneProblems(m: MethaneMessage): MethaneProblem[] {
  const out: MethaneProblem[] = [];
  const need = (cond: boolean, path: string, message: string) => { if (cond) out.push({ path, message }); };
  need(blank(m.location.street) && blank(m.location.landmarks), 'location.street', 'Enter the street, or a landmark, where it is');
  need((m.location.latitude === null) !== (m.location.longitude === null), 'location.latitude', 'Enter both latitude and longitude, or neither');
  need(!blank(m.location.what3words) && !/^\/{0,3}[a-z]+\.[a-z]+\.[a-z]+$/i.test(m.location.what3words.trim()), 'location.what3words', 'Enter a what3words address as three words with dots, like filled.count.soap');
  need(m.type === 'other' && blank(m.typeDetail), 'typeDetail', 'Say what kind of incident it is');
  const agencies = m.services.map((s) => s.agency);
  const repeat = agencies.findIndex((a, i) => agencies.indexOf(a) !== i);
  need(repeat >= 0, `services.${repeat}.agency`, 'Give each agency once: add its numbers together');
  m.services.forEach((s, i) => need(s.agency === 'other' && blank(s.notes), `services.${i}.notes`, 'Say which agency it is'));
  if (m.status !== 'declared') return out;
  need(blank(m.location.street), 'location.street', 'Enter the street: a declared major incident needs its exact location');
  need(blank(m.hazards.present), 'hazards.present', 'Enter the hazards present now (or "none known")');
  need(blank(m.hazards.potential), 'hazards.potential', 'Enter the hazards that may arise (or "none known")');
  need(blank(m.access.routesIn), 'access.routesIn', 'Enter the safe route in');
  need(blank(m.access.routesOut), 'access.routesOut', 'Enter the safe route out');
  need(blank(m.access.rendezvousPoint), 'access.rendezvousPoint', 'Enter the rendezvous point (RVP)');
  need(blank(m.access.areasToAvoid), 'access.areasToAvoid', 'Enter the areas to avoid (or "none")');
  need(m.casualties.number === null, 'casualties.number', 'Enter the number of casualties (0 if none; tick "estimated" if it is a guess)');
  need((m.casualties.number ?? 0) > 0 && blank(m.casualties.details), 'casualties.details', 'Enter the type and severity of the casualties');
  need(!m.services.some((s) => s.present > 0 || s.required > 0), 'services', 'Enter at least one emergency service present or required');
  return out.filter((p, i) => out.findIndex((q) => q.path === p.path) === i);
}

const n = (x: number | null) => (x === null ? '' : String(x));

/** The message as labelled lines, letter by letter: what the page, the PDF and the comparison show. */
export function methaneLines(m: MethaneMessage): { key: string; letter: string; label: string; value: string }[] {
  const loc = m.location;
  const point = loc.latitude !== null && loc.longitude !== null ? `${loc.latitude.toFixed(5)}, ${loc.longitude.toFixed(5)}` : '';
  return [
    { key: 'status', letter: 'M', label: 'Major incident', value: METHANE_STATUSES[m.status] },
    { key: 'location.street', letter: 'E', label: 'Exact location: street', value: loc.street },
    { key: 'location.landmarks', letter: 'E', label: 'Exact location: landmarks', value: loc.landmarks },
    { key: 'location.postcode', letter: 'E', label: 'Exact location: postcode', value: loc.postcode },
    { key: 'location.point', letter: 'E', label: 'Exact location: latitude, longitude', value: point },
    { key: 'location.what3words', letter: 'E', label: 'Exact location: what3words', value: loc.what3words ? `///${loc.what3words.replace(/^\/+/, '')}` : '' },
    { key: 'type', letter: 'T', label: 'Type of incident', value: [INCIDENT_TYPES[m.type], m.typeDetail].filter((s) => !blank(s)).join(': ') },
    { key: 'hazards.present', letter: 'H', label: 'Hazards present', value: m.hazards.present },
    { key: 'hazards.potential', letter: 'H', label: 'Hazards potential', value: m.hazards.potential },
    { key: 'access.routesIn', letter: 'A', label: 'Access: route in', value: m.access.routesIn },
    { key: 'access.routesOut', letter: 'A', label: 'Access: route out', value: m.access.routesOut },
    { key: 'access.rendezvousPoint', letter: 'A', label: 'Access: rendezvous point', value: m.access.rendezvousPoint },
    { key: 'access.areasToAvoid', letter: 'A', label: 'Access: areas to avoid', value: m.access.areasToAvoid },
    { key: 'casualties', letter: 'N', label: 'Number of casualties', value: m.casualties.number === null ? '' : `${n(m.casualties.number)}${m.casualties.estimated ? ' (estimated)' : ''}` },
    { key: 'casualties.details', letter: 'N', label: 'Casualties: type and severity', value: m.casualties.details },
    { key: 'services', letter: 'E', label: 'Emergency services', value: servicesText(m.services) },
  ];
}

export function servicesText(services: readonly MethaneService[]): string {
  return services.map((s) => `${s.agency === 'other' && s.notes ? s.notes : AGENCIES[s.agency]}: ${s.present} present, ${s.required} required${s.notes && s.agency !== 'other' ? ` (${s.notes})` : ''}`).join('; ');
}

export interface MethaneChange { key: string; label: string; from: string; to: string }

/** What changed from one message to the next, line by line (empty for the first message). */
export function methaneChanges(before: MethaneMessage | null, after: MethaneMessage): MethaneChange[] {
  if (!before) return [];
  const old = new Map(methaneLines(before).map((l) => [l.key, l.value]));
  return methaneLines(after).filter((l) => (old.get(l.key) ?? '') !== l.value).map((l) => ({ key: l.key, label: l.label, from: old.get(l.key) ?? '', to: l.value }));
}

/** One line: the status, the type and where, and the casualties. */
export function methaneSummary(m: MethaneMessage): string {
  const where = [m.location.street, m.location.landmarks].filter((s) => !blank(s)).join(', ');
  const casualties = m.casualties.number === null ? 'casualties not known' : `${m.casualties.number}${m.casualties.estimated ? ' (estimated)' : ''} ${m.casualties.number === 1 ? 'casualty' : 'casualties'}`;
  return `${METHANE_STATUSES[m.status]}: ${m.type === 'other' && m.typeDetail ? m.typeDetail : INCIDENT_TYPES[m.type]}, ${where}; ${casualties}`;
}
