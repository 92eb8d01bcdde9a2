import { describe, expect, it } from 'vitest';
import type { Camera } from '../../../domain/estate/contract';
import { draftOf, patchOf, reasonField } from './edit';

const camera: Camera = {
  id: '00000000-0000-4000-8000-000000000031', reference: 'C31', name: 'Market Place', location: 'Market Place by the church', latitude: 52.8, longitude: -1.63,
  kind: 'ptz', status: 'operational', bearing: 90, fieldOfView: 60, range: 80, mountingHeight: null, videoSystem: 'Milestone', channel: '31', connectivityLine: null,
  installedOn: '2024-03-04', owner: 'council', ownerName: null, purpose: 'Town centre safety', ward: 'Town', capabilities: ['pan', 'tilt'], version: 4,
  changedAt: '2026-01-01T00:00:00Z', changeReason: '',
};

describe('the camera edit form', () => {
  it('sends nothing but the version when nothing was changed', () => {
    expect(patchOf(camera, draftOf(camera))).toEqual({ patch: { version: 4 }, changed: 0, problems: undefined });
  });
  it('sends only what changed, with the version read and the reason', () => {
    const d = { ...draftOf(camera), bearing: '120', status: 'faulty', mountingHeight: '6.5', channel: '', installedOn: '5/3/2024', capabilities: ['tilt', 'pan', 'zoom'], reason: ' Re-pointed ' };
    expect(patchOf(camera, d)).toEqual({
      patch: { version: 4, bearing: 120, status: 'faulty', mountingHeight: 6.5, channel: null, installedOn: '2024-03-05', capabilities: ['tilt', 'pan', 'zoom'], reason: 'Re-pointed' },
      changed: 6, problems: undefined,
    });
  });
  it('the same capabilities in another order are no change', () => {
    expect(patchOf(camera, { ...draftOf(camera), capabilities: ['tilt', 'pan'] }).changed).toBe(0);
  });
  it('says what is wrong with a field before sending', () => {
    const { problems } = patchOf(camera, { ...draftOf(camera), bearing: 'east', name: ' ', installedOn: '31/2/2024', latitude: '' });
    expect(problems).toEqual({
      bearing: 'Enter the bearing as a number', name: 'Enter the name', installedOn: 'Enter the install date as a real date, like 4/3/2024', latitude: 'Enter the latitude',
    });
  });

  it('says the reason is needed to decommission, and asks for it before sending', () => {
    expect(reasonField(camera, draftOf(camera))).toMatchObject({ label: 'Why are you making this change? (optional)', hint: expect.stringMatching(/^Needed if you decommission the camera/) });
    const decommissioned = { ...draftOf(camera), status: 'decommissioned' };
    expect(reasonField(camera, decommissioned)).toMatchObject({ label: 'Why are you decommissioning this camera?', hint: expect.stringMatching(/^Needed to decommission/) });
    expect(patchOf(camera, decommissioned).problems).toEqual({ reason: expect.stringMatching(/why the camera is being decommissioned/) });
    expect(patchOf(camera, { ...decommissioned, reason: 'Pole removed' }).problems).toBeUndefined();
    // Already decommissioned: any other change needs no reason.
    expect(patchOf({ ...camera, status: 'decommissioned' }, { ...draftOf({ ...camera, status: 'decommissioned' }), bearing: '100' }).problems).toBeUndefined();
  });
});
