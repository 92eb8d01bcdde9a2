// Every call the handheld makes to the server, in one place. Shapes: src/domain/field/sync.ts where
// it has them; the others as the field and enforcement modules answer them.
import type { Session } from '../../domain/platform/contract';
import type { SyncReply, SyncRecord } from '../../domain/field/sync';

export type { Session };
export interface PcnBlock { prefix: string; firstSerial: number; lastSerial: number }
export interface DeviceRegistration { device: { id: string; name: string }; block: PcnBlock; dataKey: string }
export interface PcnReference {
  areas: { id: string; name: string; regime: string; band: string }[];
  codes: { code: string; description: string; level: 'higher' | 'lower' | string; observationMinutes: number; graceApplies: boolean }[];
  charges: { areaId: string; level: string; amountPence: number; discountPence: number }[];
}
export interface FpnReference {
  offences: { code: string; name: string; legislation: string; amountPence: number; earlyAmountPence: number | null; earlyDays: number | null }[];
  youngestAge: number;
  guardianUnder: number;
}
export interface ReportsReference {
  machines: { id: string; reference: string; name: string; carPark: string; lat: number | null; lon: number | null }[];
  defectCategories: { code: string; label: string; team: string }[];
  asbCategories: { code: string; label: string }[];
  parishContracts: { id: string; name: string }[];
}
export interface Reference { pcn: PcnReference; fpn: FpnReference; reports: ReportsReference; fetchedAt: string }

/** No answer at all: no signal, or the reply was lost. The same request may be sent again. */
export class OfflineError extends Error {
  constructor(cause?: unknown) { super('No signal: it will be sent when there is.', { cause }); this.name = 'OfflineError'; }
}
/** The server answered with a problem (problem+json). */
export class ApiProblem extends Error {
  constructor(readonly status: number, detail: string, readonly code: string, readonly errors: { path: string; message: string }[]) {
    super(detail); this.name = 'ApiProblem';
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => { csrfToken = token; };

async function call<T>(method: string, path: string, { json, body, type, idempotencyKey }: { json?: unknown; body?: BodyInit; type?: string; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  }
  if (json !== undefined) headers['content-type'] = 'application/json';
  else if (type) headers['content-type'] = type;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: json !== undefined ? JSON.stringify(json) : body, cache: 'no-store' });
  } catch (err) {
    throw new OfflineError(err);
  }
  if (res.status === 204) return undefined as T;
  const payload = await res.json().catch(() => undefined);
  if (!res.ok) {
    const p = (payload ?? {}) as { detail?: string; title?: string; code?: string; errors?: { path?: string; message: string }[] };
    throw new ApiProblem(res.status, p.detail || p.title || `The server answered ${res.status}`, p.code ?? '', (p.errors ?? []).map((e) => ({ path: e.path ?? '', message: e.message })));
  }
  return payload as T;
}

const took = (s: Session) => { setCsrfToken(s.csrfToken); return s; };

// Signing in
export async function getSession(): Promise<Session | null> {
  try { return took(await call<Session>('GET', '/auth/session')); } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) { setCsrfToken(undefined); return null; }
    throw err;
  }
}
export const signIn = async (username: string, password: string) => took(await call<Session>('POST', '/auth/sign-in', { json: { username, password } }));
export const verifyMfa = async (code: string) => took(await call<Session>('POST', '/auth/mfa', { json: { code } }));
/** Signed in already (in the office app): the password again, which the device needs to protect its data. */
export const reauthenticate = async (password: string, code?: string) => took(await call<Session>('POST', '/auth/reauthenticate', { json: code ? { password, code } : { password } }));
export const signOut = () => call<void>('POST', '/auth/sign-out');

// The device
export const registerDevice = (id: string, name: string) => call<DeviceRegistration>('POST', '/field/devices', { json: { id, name }, idempotencyKey: `device-${id}` });
export const deviceKey = (id: string) => call<{ dataKey: string }>('GET', `/field/devices/${id}/key`);
export const newBlock = (id: string) => call<{ block: PcnBlock }>('POST', `/field/devices/${id}/blocks`, { json: {} });
export const reportStatus = (id: string, queued: number) => call<unknown>('POST', `/field/devices/${id}/status`, { json: { queued } });

// Sync: photos first (idempotent by id), then records in batches of at most 200.
export const putPhoto = (deviceId: string, id: string, bytes: ArrayBuffer, type: string) =>
  call<{ id: string; sha256: string }>('PUT', `/field/photos/${id}?deviceId=${encodeURIComponent(deviceId)}`, { body: bytes, type });
export const sync = (deviceId: string, records: SyncRecord[], queued: number) =>
  call<SyncReply>('POST', '/field/sync', { json: { deviceId, records, queued } });

// Reference data, cached on the device for working offline
export async function reference(): Promise<Reference> {
  const [pcn, fpn, reports] = await Promise.all([
    call<PcnReference>('GET', '/enforcement/pcns/reference'),
    call<FpnReference>('GET', '/enforcement/fpns/reference'),
    call<ReportsReference>('GET', '/field/reports/reference'),
  ]);
  return { pcn, fpn, reports, fetchedAt: new Date().toISOString() };
}
