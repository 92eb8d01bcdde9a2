import { ApiError } from '../../api/client';
import { fieldErrors, type FormErrors } from '../../lib/errors';
import { formatUkDay, parseUkDate } from '../../../domain/calendar/london';
import { isCodeOf } from '../../../domain/labels';
import { CHANNELS, REQUEST_TYPES, type ReceiveRequest } from '../../../domain/requests/contract';
import type { RequestType } from '../../../domain/requests/workflow';
import { parseUkDateTime } from '../occurrences/when';

// Recording a request: what the form holds, which fields each kind asks for, the checks made before
// sending, the body sent, and the server's nested field names (requester.name) as the form's ids.

export interface NewRequestForm {
  type: string; receivedOn: string; channel: string;
  requesterName: string; requesterOrganisation: string; requesterEmail: string; requesterPhone: string; requesterAddress: string;
  summary: string; place: string; timeFrom: string; timeTo: string; cameraIds: string[];
  personDescription: string; clothing: string;
  authorityCrimeReference: string; authorityExemption: string; authorityOfficerName: string; authorityOfficerRank: string; authorityOfficerNumber: string;
  isDataProtectionComplaint: boolean; ownerId: string;
}

export const emptyForm = (today: string): NewRequestForm => ({
  type: '', receivedOn: formatUkDay(today), channel: '', requesterName: '', requesterOrganisation: '', requesterEmail: '', requesterPhone: '', requesterAddress: '',
  summary: '', place: '', timeFrom: '', timeTo: '', cameraIds: [], personDescription: '', clothing: '',
  authorityCrimeReference: '', authorityExemption: '', authorityOfficerName: '', authorityOfficerRank: '', authorityOfficerNumber: '',
  isDataProtectionComplaint: false, ownerId: '',
});

/** The fields each kind of request asks for beyond the ones every request has. */
export function fieldsFor(type: string) {
  return {
    footage: type === 'agency_footage' || type === 'third_party_footage' || type === 'sar',
    person: type === 'sar',
    authority: type === 'agency_footage',
    dataProtection: type === 'complaint',
  };
}

/** Every field id in page order (errors from the server land on these). */
export const FIELD_IDS = [
  'type', 'receivedOn', 'channel', 'requesterName', 'requesterOrganisation', 'requesterEmail', 'requesterPhone', 'requesterAddress', 'summary',
  'place', 'timeFrom', 'timeTo', 'cameraIds', 'personDescription', 'clothing',
  'authorityCrimeReference', 'authorityExemption', 'authorityOfficerName', 'authorityOfficerRank', 'authorityOfficerNumber', 'authority',
  'isDataProtectionComplaint', 'ownerId',
];

const TIME_HINT = 'like 23/11/2026 14:05';

/** What is wrong before sending, by field, in page order; undefined when it can go. */
export function checkNewRequest(f: NewRequestForm, today: string): FormErrors | undefined {
  const show = fieldsFor(f.type);
  const need = (v: string, min: number, message: string) => v.trim().length < min && message;
  return fieldErrors([
    ['type', !isCodeOf(REQUEST_TYPES, f.type) && 'Choose the kind of request'],
    ['receivedOn', !parseUkDate(f.receivedOn) ? 'Enter the day it was received as a real date, like 3/12/2026' : parseUkDate(f.receivedOn)! > today && 'The day it was received cannot be in the future'],
    ['channel', !isCodeOf(CHANNELS, f.channel) && 'Choose how the request arrived'],
    ['requesterName', need(f.requesterName, 2, 'Enter the requester’s name')],
    ['requesterEmail', f.requesterEmail.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.requesterEmail.trim()) && 'Enter an e-mail address like name@example.org, or leave it blank'],
    ['summary', need(f.summary, 3, 'Enter what is asked for (at least 3 characters)')],
    ['timeFrom', show.footage && parseUkDateTime(f.timeFrom) === undefined && `Enter the start of the time asked about as a date and time, ${TIME_HINT}`],
    ['timeTo', show.footage && (parseUkDateTime(f.timeTo) === undefined
      ? `Enter the end of the time asked about as a date and time, ${TIME_HINT}`
      : !!parseUkDateTime(f.timeFrom) && !!parseUkDateTime(f.timeTo) && parseUkDateTime(f.timeFrom)! > parseUkDateTime(f.timeTo)! && 'The end of the time asked about must be after its start')],
    ['authorityCrimeReference', show.authority && need(f.authorityCrimeReference, 2, 'Enter the crime or incident reference')],
    ['authorityExemption', show.authority && need(f.authorityExemption, 3, 'Enter the exemption relied on, like DPA 2018 Sch 2 Pt 1 para 2')],
    ['authorityOfficerName', show.authority && need(f.authorityOfficerName, 2, 'Enter the officer’s name')],
    ['authorityOfficerRank', show.authority && need(f.authorityOfficerRank, 2, 'Enter the officer’s rank')],
    ['authorityOfficerNumber', show.authority && need(f.authorityOfficerNumber, 1, 'Enter the officer’s collar or warrant number')],
  ]);
}

/** The body sent: only the fields the kind asks for. Call after checkNewRequest passed. */
export function newRequestBody(f: NewRequestForm): ReceiveRequest {
  const show = fieldsFor(f.type);
  const at = (t: string) => { const iso = parseUkDateTime(t); return iso ? new Date(iso) : undefined; };
  return {
    type: f.type as RequestType, receivedOn: parseUkDate(f.receivedOn)!, channel: f.channel as ReceiveRequest['channel'],
    requester: { name: f.requesterName.trim(), organisation: f.requesterOrganisation.trim(), email: f.requesterEmail.trim(), phone: f.requesterPhone.trim(), address: f.requesterAddress.trim() },
    summary: f.summary.trim(),
    place: show.footage ? f.place.trim() : '',
    timeFrom: show.footage ? at(f.timeFrom) : undefined,
    timeTo: show.footage ? at(f.timeTo) : undefined,
    cameraIds: show.footage ? f.cameraIds : [],
    personDescription: show.person ? f.personDescription.trim() : '',
    clothing: show.person ? f.clothing.trim() : '',
    authority: show.authority ? {
      crimeReference: f.authorityCrimeReference.trim(), exemption: f.authorityExemption.trim(), officerName: f.authorityOfficerName.trim(),
      officerRank: f.authorityOfficerRank.trim(), officerNumber: f.authorityOfficerNumber.trim(),
    } : undefined,
    ownerId: f.ownerId || undefined,
    isDataProtectionComplaint: show.dataProtection && f.isDataProtectionComplaint,
  };
}

/** "requester.name" -> "requesterName", "authority.officerRank" -> "authorityOfficerRank": the server's paths as this form's ids. */
export const flatPath = (path: string) => path.replace(/^(requester|authority)\.(\w)(\w*)/, (_m, a: string, b: string, rest: string) => `${a}${b.toUpperCase()}${rest}`);

/** The same failure with its field paths as the form's ids. */
export function withFlatPaths(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  return new ApiError({ ...err.problem, errors: err.fieldErrors.map((e) => ({ ...e, path: flatPath(e.path) })) });
}
