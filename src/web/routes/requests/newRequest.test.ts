import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { checkNewRequest, emptyForm, flatPath, newRequestBody, withFlatPaths } from './newRequest';

const today = '2026-03-02';
const base = { ...emptyForm(today), channel: 'email', requesterName: 'Ann Example', summary: 'Footage of the car park' };

describe('recording a request', () => {
  it('asks an agency for its authority, and a time asked about that is a real one', () => {
    const errors = checkNewRequest({ ...base, type: 'agency_footage' }, today);
    expect(errors?.summary.map((s) => s.field)).toEqual([
      'authorityCrimeReference', 'authorityExemption', 'authorityOfficerName', 'authorityOfficerRank', 'authorityOfficerNumber',
    ]);
    expect(checkNewRequest({ ...base, type: 'sar', timeFrom: '31/2/2026 10:00' }, today)?.summary.map((s) => s.field)).toEqual(['timeFrom']);
    expect(checkNewRequest({ ...base, type: 'sar', timeFrom: '2/3/2026 10:00', timeTo: '1/3/2026 10:00' }, today)?.fields.timeTo).toMatch(/after its start/);
  });

  it('does not ask an FOI request for footage fields, and refuses a day still to come', () => {
    expect(checkNewRequest({ ...base, type: 'foi' }, today)).toBeUndefined();
    expect(checkNewRequest({ ...base, type: 'foi', receivedOn: '2026-03-03' }, today)?.fields.receivedOn).toMatch(/future/);
  });

  it('sends only what the kind asks for', () => {
    const body = newRequestBody({ ...base, type: 'complaint', isDataProtectionComplaint: true, place: 'Ignored', personDescription: 'Ignored', cameraIds: ['x'] });
    expect(body).toMatchObject({ type: 'complaint', place: '', personDescription: '', cameraIds: [], isDataProtectionComplaint: true, authority: undefined });
    const sar = newRequestBody({ ...base, type: 'sar', timeFrom: '1/3/2026 10:00', timeTo: '1/3/2026 11:30', clothing: 'Red coat', isDataProtectionComplaint: true });
    expect(sar.timeFrom?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(sar).toMatchObject({ clothing: 'Red coat', isDataProtectionComplaint: false });
  });

  it('puts the server’s nested field errors on the form’s fields', () => {
    expect(flatPath('requester.email')).toBe('requesterEmail');
    expect(flatPath('authority.officerRank')).toBe('authorityOfficerRank');
    expect(flatPath('summary')).toBe('summary');
    const err = withFlatPaths(new ApiError({ status: 400, errors: [{ path: 'requester.name', message: 'Enter the requester’s name' }] })) as ApiError;
    expect(err.fieldErrors[0]!.path).toBe('requesterName');
  });
});
