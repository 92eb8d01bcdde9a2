import { ApiError } from '../../../api/client';
import { AGENCIES, methaneProblems, type Agency, type IncidentType, type MethaneMessage, type MethaneStatus } from '../../../../domain/ooh/methane';
import type { FormErrors } from '../../../lib/errors';

// The M/ETHANE form's state: text as typed, turned into the message the API takes, checked with the
// same rules as the server (methane.ts), and the server's nested paths (message.access.routesIn)
// turned into the form's field names (routesIn) so that each error sits beside its field.

export const AGENCY_CODES = Object.keys(AGENCIES) as Agency[];

export interface MethaneForm {
  status: MethaneStatus | ''; street: string; landmarks: string; postcode: string; latitude: string; longitude: string; what3words: string;
  type: IncidentType | ''; typeDetail: string; hazardsPresent: string; hazardsPotential: string;
  routesIn: string; routesOut: string; rendezvousPoint: string; areasToAvoid: string;
  casualties: string; casualtyDetails: string; estimated: boolean;
  services: Record<Agency, { present: string; required: string }>;
}

const noServices = () => Object.fromEntries(AGENCY_CODES.map((a) => [a, { present: '', required: '' }])) as MethaneForm['services'];

export const emptyMethaneForm = (): MethaneForm => ({
  status: '', street: '', landmarks: '', postcode: '', latitude: '', longitude: '', what3words: '', type: '', typeDetail: '',
  hazardsPresent: '', hazardsPotential: '', routesIn: '', routesOut: '', rendezvousPoint: '', areasToAvoid: '',
  casualties: '', casualtyDetails: '', estimated: false, services: noServices(),
});

/** An earlier message, ready to be changed and sent again. */
export function formFromMessage(m: MethaneMessage): MethaneForm {
  const services = noServices();
  for (const s of m.services) services[s.agency] = { present: s.present ? String(s.present) : '', required: s.required ? String(s.required) : '' };
  return {
    status: m.status, street: m.location.street, landmarks: m.location.landmarks, postcode: m.location.postcode,
    latitude: m.location.latitude === null ? '' : String(m.location.latitude), longitude: m.location.longitude === null ? '' : String(m.location.longitude),
    what3words: m.location.what3words, type: m.type, typeDetail: m.typeDetail, hazardsPresent: m.hazards.present, hazardsPotential: m.hazards.potential,
    routesIn: m.access.routesIn, routesOut: m.access.routesOut, rendezvousPoint: m.access.rendezvousPoint, areasToAvoid: m.access.areasToAvoid,
    casualties: m.casualties.number === null ? '' : String(m.casualties.number), casualtyDetails: m.casualties.details, estimated: m.casualties.estimated, services,
  };
}

const PATHS: Record<string, string> = {
  'location.street': 'street', 'location.landmarks': 'landmarks', 'location.postcode': 'postcode', 'location.latitude': 'latitude', 'location.longitude': 'longitude',
  'location.what3words': 'what3words', 'hazards.present': 'hazardsPresent', 'hazards.potential': 'hazardsPotential',
  'access.routesIn': 'routesIn', 'access.routesOut': 'routesOut', 'access.rendezvousPoint': 'rendezvousPoint', 'access.areasToAvoid': 'areasToAvoid',
  'casualties.number': 'casualties', 'casualties.details': 'casualtyDetails', 'casualties.estimated': 'casualties',
};

/** message.access.routesIn -> routesIn; services.2.present -> services; title stays title. */
export function flatPath(path: string): string {
  const p = path.replace(/^message\./, '');
  if (p.startsWith('services')) return 'services';
  return PATHS[p] ?? p.split('.')[0]!;
}

export const METHANE_FIELDS = ['status', 'type', 'typeDetail', 'services', ...new Set(Object.values(PATHS))];

/** The same error with the form's field names. */
export function withFlatPaths(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  return new ApiError({ ...err.problem, errors: err.fieldErrors.map((e) => ({ ...e, path: flatPath(e.path) })) });
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim() === '' ? null : NaN);
const decimal = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** The message the API takes, or the problems to show (the same rules as the server's, by field). */
export function messageFromForm(f: MethaneForm): { message?: MethaneMessage; errors?: FormErrors } {
  const problems: { field: string; text: string }[] = [];
  if (!f.status) problems.push({ field: 'status', text: 'Choose whether a major incident is declared' });
  if (!f.type) problems.push({ field: 'type', text: 'Choose the type of incident' });
  const number = whole(f.casualties);
  if (Number.isNaN(number)) problems.push({ field: 'casualties', text: 'Enter the number of casualties as a whole number, like 3' });
  const latitude = decimal(f.latitude);
  const longitude = decimal(f.longitude);
  if (Number.isNaN(latitude) || Number.isNaN(longitude)) problems.push({ field: 'latitude', text: 'Enter the latitude and longitude as numbers, like 52.805 and -1.64' });
  const services = AGENCY_CODES.map((agency) => ({ agency, present: whole(f.services[agency].present), required: whole(f.services[agency].required), notes: '' }));
  if (services.some((s) => Number.isNaN(s.present) || Number.isNaN(s.required))) problems.push({ field: 'services', text: 'Enter the numbers of each service as whole numbers, like 2' });
  const message: MethaneMessage = {
    status: (f.status || 'not_declared') as MethaneStatus,
    location: { street: f.street.trim(), landmarks: f.landmarks.trim(), postcode: f.postcode.trim(), latitude: latitude ?? null, longitude: longitude ?? null, what3words: f.what3words.trim() },
    type: (f.type || 'other') as IncidentType, typeDetail: f.typeDetail.trim(),
    hazards: { present: f.hazardsPresent.trim(), potential: f.hazardsPotential.trim() },
    access: { routesIn: f.routesIn.trim(), routesOut: f.routesOut.trim(), rendezvousPoint: f.rendezvousPoint.trim(), areasToAvoid: f.areasToAvoid.trim() },
    casualties: { number: number ?? null, details: f.casualtyDetails.trim(), estimated: f.estimated },
    services: services.filter((s) => (s.present ?? 0) > 0 || (s.required ?? 0) > 0).map((s) => ({ ...s, present: s.present ?? 0, required: s.required ?? 0 })),
  };
  if (!problems.length && f.status && f.type) {
    for (const p of methaneProblems(message)) problems.push({ field: flatPath(p.path), text: p.message });
  }
  if (!problems.length) return { message };
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= p.text;
  return { errors: { summary: problems.map((p) => ({ text: p.text, field: p.field })), fields } };
}
