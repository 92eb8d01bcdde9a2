import { ApiError } from '../../../api/client';
import type { DeploymentState } from '../../../api/deployments';
import { parseUkDate } from '../../../../domain/calendar/london';

// What the deployment forms send, from what was typed (UK dates, numbers as text), and which forms a
// deployment's page offers to whom.

export type Problems = Record<string, string | undefined>;

const number = (text: string) => {
  const t = text.trim();
  return t === '' || !Number.isFinite(Number(t)) ? undefined : Number(t);
};

/** A UK (or ISO) date typed into a field: the day, or a message for the field. */
export function dayField(text: string, what: string, { optional = false } = {}): { day?: string; problem?: string } {
  if (!text.trim()) return optional ? {} : { problem: `Enter ${what}` };
  const day = parseUkDate(text);
  return day ? { day } : { problem: `Enter ${what} as a real date, like 3/12/2026` };
}

export interface RequestDraft {
  locationText: string; latitude: string; longitude: string; problem: string;
  radiusM: string; evidenceFrom: string; evidenceTo: string;
  proposedDays: string; alternatives: string; dpiaReference: string;
}

export const emptyRequest = (today: string, yearAgo: string): RequestDraft => ({
  locationText: '', latitude: '', longitude: '', problem: '', radiusM: '250', evidenceFrom: yearAgo, evidenceTo: today,
  proposedDays: '90', alternatives: '', dpiaReference: '',
});

/** The evidence query (point, radius, period) from the draft, or the problems with it. */
export function evidenceQueryOf(d: RequestDraft): { query?: { latitude: number; longitude: number; radiusM: number; from: string; to: string }; problems: Problems } {
  const latitude = number(d.latitude);
  const longitude = number(d.longitude);
  const radiusM = number(d.radiusM);
  const from = dayField(d.evidenceFrom, 'the first day of the evidence period');
  const to = dayField(d.evidenceTo, 'the last day of the evidence period');
  const problems: Problems = {
    latitude: latitude === undefined ? 'Mark the point on the map, or enter the latitude as a number' : undefined,
    longitude: longitude === undefined ? 'Mark the point on the map, or enter the longitude as a number' : undefined,
    radiusM: radiusM === undefined || !Number.isInteger(radiusM) ? 'Enter the radius as a whole number of metres' : undefined,
    evidenceFrom: from.problem,
    evidenceTo: to.problem ?? (from.day && to.day && to.day < from.day ? 'The last day must be on or after the first day' : undefined),
  };
  if (Object.values(problems).some(Boolean)) return { problems };
  return { query: { latitude: latitude!, longitude: longitude!, radiusM: radiusM!, from: from.day!, to: to.day! }, problems: {} };
}

/**
 * The request's body. Numbers and dates that cannot be read are problems here; what they say
 * otherwise (lengths, limits) the server checks, and its messages come back to the same fields.
 */
export function requestBodyOf(d: RequestDraft) {
  const evidence = evidenceQueryOf(d);
  const proposedDays = number(d.proposedDays);
  const problems: Problems = { ...evidence.problems, proposedDays: proposedDays === undefined ? 'Enter the proposed duration as a number of days' : undefined };
  if (Object.values(problems).some(Boolean)) return { problems };
  const q = evidence.query!;
  return {
    problems: {} as Problems,
    body: {
      locationText: d.locationText, latitude: q.latitude, longitude: q.longitude, problem: d.problem,
      evidencePeriod: { radiusM: q.radiusM, from: q.from, to: q.to },
      proposedDays: proposedDays!, alternatives: d.alternatives, dpiaReference: d.dpiaReference,
    },
  };
}

/** The server's field paths as this page's field ids ("evidencePeriod.from" -> "evidenceFrom"). */
export function renameFields(err: unknown, names: Record<string, string>): unknown {
  if (!(err instanceof ApiError) || !err.fieldErrors.length) return err;
  return new ApiError({ ...err.problem, errors: err.fieldErrors.map((e) => ({ ...e, path: names[e.path] ?? e.path })) });
}
export const REQUEST_FIELD_NAMES = { 'evidencePeriod.from': 'evidenceFrom', 'evidencePeriod.to': 'evidenceTo', 'evidencePeriod.radiusM': 'radiusM', 'evidencePeriod': 'evidenceFrom' };

/**
 * The forms a deployment's page shows: deciding for a coordinator who did not make the request
 * ('own' where they did, so the page can say why not), withdrawing a request not yet deployed,
 * deploying an approved one, reviewing and removing a deployed camera.
 */
export function actionsFor({ state, canManage, canApprove, isRequester }: { state: DeploymentState; canManage: boolean; canApprove: boolean; isRequester: boolean }) {
  return {
    decide: state === 'requested' && canApprove ? (isRequester ? 'own' as const : 'yes' as const) : 'no' as const,
    withdraw: canManage && (state === 'requested' || state === 'approved'),
    deploy: canManage && state === 'approved',
    review: canManage && state === 'deployed',
    remove: canManage && state === 'deployed',
  };
}
