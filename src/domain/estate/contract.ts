import { z } from 'zod';
import { codesOf } from '../labels';

// The camera estate's contract between server and web app.

export const CAMERA_KINDS = { fixed: 'Fixed', ptz: 'Pan-tilt-zoom', mobile: 'Mobile (redeployable)', body_worn: 'Body-worn', anpr: 'Bus lane / ANPR' } as const;
export const CAMERA_STATUSES = { operational: 'Operational', degraded: 'Degraded', faulty: 'Faulty', out_of_service: 'Out of service', decommissioned: 'Decommissioned' } as const;
export const CameraKind = codesOf(CAMERA_KINDS);
export const CameraStatus = codesOf(CAMERA_STATUSES);

export const Camera = z.object({
  id: z.uuid(), reference: z.string(), name: z.string(), location: z.string(), latitude: z.number(), longitude: z.number(), kind: CameraKind, status: CameraStatus,
}).meta({ id: 'Camera' });
export type Camera = z.infer<typeof Camera>;
export * from './checks';
